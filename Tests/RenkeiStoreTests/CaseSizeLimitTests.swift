import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 18, finding 3: 69 acknowledged notes of 40,000 characters grew a case past the 16 MiB
/// read limit, and from then on `show`, `note`, `undo` refused it and `list` dropped it. A save
/// now checks its bytes against the same limit the reads use (`CaseStore.caseFileLimit`) before
/// writing. The limit is lowered here so the class is exercised in seconds; the CLI test runs
/// the real 16 MiB.
@Suite struct CaseSizeLimitTests {
    /// 40,000 characters, mostly three bytes each in UTF-8 (the size a pasted 議事録 reaches).
    static func longNote(_ n: Int) -> String {
        let unit = "第\(n)回 議事録：髙橋課長（㈱連携）より① 予算要求 ② 実証計画について説明。ｶﾀｶﾅ 令和８年度 🙂 "
        return String(String(repeating: unit, count: 40_000 / unit.count + 1).prefix(39_999)) + "。"
    }

    static func bytes(_ store: CaseStore, _ id: String) throws -> Data {
        try Data(contentsOf: try store.workspace.caseURL(id))
    }

    @Test func notesUpToTheLimitNeverLockTheCaseOut() throws {
        let store = try StoreFixtures.store()
        store.caseFileLimit = 1_048_576
        let id = try store.create(NewCaseInput(id: "size-1", title: "議事録の多い案件", municipality: "狭山市"), actor: "tester", now: StoreFixtures.now).value.id
        var acknowledged: [String] = []
        var refusal: Error?
        for n in 1...40 {
            let before = try Self.bytes(store, id)
            let journalBefore = try store.journal()
            do {
                try store.apply(id, .addNote(text: Self.longNote(n)), actor: "tester", now: StoreFixtures.now)
                acknowledged.append(Self.longNote(n))
                #expect(try Self.bytes(store, id).count <= store.caseFileLimit)
            } catch {
                refusal = error
                #expect(try Self.bytes(store, id) == before, "a refused save changed the file")
                #expect(try store.journal() == journalBefore, "a refused save was journaled")
                break
            }
        }
        let message = "\(refusal.map { "\($0)" } ?? "never refused")"
        #expect(refusal.map { if case StoreError.caseTooLarge = $0 { true } else { false } } == true, "\(message)")
        #expect(message.contains("size-1") && message.contains("nothing was saved") && message.contains("1 MiB"), "\(message)")
        #expect(!message.contains("議事録："), "the refusal must not print the note")
        #expect(acknowledged.count >= 3)
        // Every acknowledged note is there and every path still reads the case.
        #expect(Set(try store.load(id).value.notes.map(\.text)) == Set(acknowledged))
        let portfolio = try store.portfolio()
        #expect(portfolio.summaries.map(\.id) == [id] && portfolio.damaged.isEmpty)
        #expect(try store.loadFileForIndex(id + ".json").get().value.notes.count == acknowledged.count)
        // A short note still fits; undo takes back the last acknowledged edit.
        try store.apply(id, .addNote(text: "短いメモ"), actor: "tester", now: StoreFixtures.now)
        _ = try store.undoRedo(.undo, actor: "tester", now: StoreFixtures.now)
        _ = try store.undoRedo(.undo, actor: "tester", now: StoreFixtures.now)
        #expect(try store.load(id).value.notes.count == acknowledged.count - 1)
    }

    @Test func aCompactFileIsNotBlownUpByPrettyPrinting() throws {
        let store = try StoreFixtures.store()
        store.caseFileLimit = 1_048_576
        var doc = try store.create(NewCaseInput(id: "compact-1", title: "①圧縮", municipality: "狭山市"), actor: "tester", now: StoreFixtures.now)
        // Many small notes: pretty-printing adds ~100 bytes of indentation to each.
        doc.value.notes = (1...9_000).map { Note(id: $0, at: StoreFixtures.now, author: "髙", text: "メモ\($0)") }
        let compact = try CaseCodec.encode(doc, compact: true)
        let pretty = try CaseCodec.encode(doc)
        #expect(compact.count < store.caseFileLimit && pretty.count > store.caseFileLimit)
        try compact.write(to: try store.workspace.caseURL("compact-1"))
        try store.apply("compact-1", .addNote(text: "追記"), actor: "tester", now: StoreFixtures.now)
        let after = try Self.bytes(store, "compact-1")
        #expect(after.count <= store.caseFileLimit, "\(after.count) bytes")
        #expect(try store.load("compact-1").value.notes.count == 9_001)
    }

    @Test func aBatchWithOneCaseTooLargeWritesNothing() throws {
        let store = try StoreFixtures.store()
        store.caseFileLimit = 262_144
        for id in ["batch-a", "batch-b"] {
            try store.create(NewCaseInput(id: id, title: "一括", municipality: "狭山市"), actor: "tester", now: StoreFixtures.now)
        }
        let before = try ["batch-a", "batch-b"].map { try Self.bytes(store, $0) }
        #expect(throws: StoreError.self) {
            try store.writeBatch(label: "import", actor: "tester", now: StoreFixtures.now) { existing, _ in
                var a = existing("batch-a")!, b = existing("batch-b")!
                a.value.title = "変更された"
                b.value.notes = (1...8).map { Note(id: $0, at: StoreFixtures.now, author: "髙", text: Self.longNote($0)) }
                return ((), [a, b])
            }
        }
        #expect(try ["batch-a", "batch-b"].map { try Self.bytes(store, $0) } == before, "half an import was written")
    }
}
