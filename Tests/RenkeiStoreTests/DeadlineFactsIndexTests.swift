import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiDevSupport

/// `renkei overdue --count` reads only the index's deadline-facts section. These tests hold
/// that section to the same standard as the summaries: whatever the case files say, after
/// every kind of change behind the index's back, and rebuilt when it is damaged.
@Suite struct DeadlineFactsIndexTests {
    typealias I = IndexTests

    /// Ground truth: every case file decoded, facts derived from the summaries.
    static func truth(_ ws: Workspace) throws -> [DeadlineFacts] {
        try I.truth(ws).summaries.map(DeadlineFacts.init)
    }

    /// Cases whose deadline facts exercise every branch of the section's encoding.
    static func writeUnusualCases(_ ws: Workspace) throws {
        let gen = CaseGenerator(catalog: Catalog(), seed: 404, count: 4)
        let at = Timestamp("2026-11-23T09:00:00+09:00")!
        var a = gen.makeCase(0)
        a.id = "unusual-a"
        a.municipality.name = "ｻﾔﾏ市※①─🏙️\u{7}北海道虻田郡倶知安町（くっちゃんちょう）長い名前の自治体"
        a.municipality.prefecture = nil
        a.municipality.kind = nil
        a.budget.fiscalYear = nil
        a.nextAction = nil
        a.snoozes = [Snooze(item: "request", until: Day("2026-12-01")!, reason: "財政課と協議中", at: at, by: "テスト"),
                     Snooze(item: "stale", until: Day("9999-12-31")!, reason: "x", at: at, by: "t")]
        var b = gen.makeCase(1)
        b.id = "unusual-b"
        b.exit = .procurement
        b.budget.fiscalYear = 2027
        b.stage = .budgeting
        b.nextAction = NextAction(text: "下見積もり依頼", due: Day("0001-01-01")!)
        for c in [a, b] {
            try DurableFile.write(try CaseCodec.encode(CaseDocument(value: c)), to: ws.casesDir.appendingPathComponent("\(c.id).json"))
        }
    }

    @Test func factsAreWhatTheFilesSayColdWarmAndAfterChanges() throws {
        let (ws, store, root) = try I.workspace(40)
        defer { I.remove(root) }
        try Self.writeUnusualCases(ws)
        let cold = try store.deadlineFacts()
        #expect(cold.facts == (try Self.truth(ws)))
        #expect(cold.facts.count == 42 && cold.damaged.isEmpty)
        #expect(cold.facts.contains { $0.prefecture == nil && $0.snoozes.count == 2 && $0.municipality.hasPrefix("ｻﾔﾏ市※①─🏙️") })

        // A new process reads the section from disk and decodes no case file.
        let warmStore = CaseStore(workspace: ws, catalog: Catalog())
        warmStore.index!.racySlackNs = 0
        let warm = try warmStore.deadlineFacts()
        #expect(warmStore.index!.lastReport.source == .disk)
        #expect(warmStore.index!.lastReport.decoded == 0)
        #expect(warm.facts == cold.facts)

        // An external edit that changes only deadline fields, a deletion, an addition, damage.
        let url = ws.casesDir.appendingPathComponent("c-0005.json")
        var c = try CaseCodec.decode(try Data(contentsOf: url), path: url.path).value
        c.stage = c.stage == .budgeting ? .method : .budgeting
        c.nextAction = NextAction(text: "議会説明", due: Day("2026-11-01")!)
        c.snoozes.append(Snooze(item: "next-action", until: Day("2026-11-30")!, reason: "首長査定待ち", at: Timestamp("2026-11-23T10:00:00+09:00")!, by: "t"))
        try DurableFile.write(try CaseCodec.encode(CaseDocument(value: c)), to: url)
        try FileManager.default.removeItem(at: ws.casesDir.appendingPathComponent("c-0010.json"))
        var added = CaseGenerator(catalog: Catalog(), seed: 5, count: 1).makeCase(0)
        added.id = "added-by-git-pull"
        try DurableFile.write(try CaseCodec.encode(CaseDocument(value: added)), to: ws.casesDir.appendingPathComponent("added-by-git-pull.json"))
        try Data("{ \"schemaVersion\": 1, \"id\": ".utf8).write(to: ws.casesDir.appendingPathComponent("broken.json"))

        for s in [warmStore, CaseStore(workspace: ws, catalog: Catalog())] {
            s.index!.racySlackNs = 0
            let after = try s.deadlineFacts()
            #expect(after.facts == (try Self.truth(ws)))
            #expect(after.facts.count == 42)
            #expect(after.facts.contains { $0.nextActionDue == Day("2026-11-01") && $0.snoozes.contains { $0.item == "next-action" } })
            #expect(after.damaged.map(\.fileName) == ["broken.json"])
        }
        // The full portfolio from the same index agrees too.
        I.expectSame(try warmStore.portfolio(), try I.truth(ws))
    }

    @Test func damagedFactsSectionIsIgnoredAndRebuilt() throws {
        let (ws, store, root) = try I.workspace(30)
        defer { I.remove(root) }
        try Self.writeUnusualCases(ws)
        _ = try store.portfolio()
        let indexURL = ws.indexDir.appendingPathComponent(SummaryIndex.fileName)
        let bytes = [UInt8](try Data(contentsOf: indexURL))
        // The facts section is the last one: flip a byte near the end of the file.
        var damaged = bytes
        damaged[bytes.count - 5] ^= 0x5A
        try Data(damaged).write(to: indexURL)
        let s = CaseStore(workspace: ws, catalog: Catalog())
        s.index!.racySlackNs = 0
        #expect(try s.deadlineFacts().facts == (try Self.truth(ws)))
        #expect(s.index!.lastReport.problem?.contains("deadline facts") == true)
        // Rebuilt on disk: the next process uses it without decoding.
        let t = CaseStore(workspace: ws, catalog: Catalog())
        t.index!.racySlackNs = 0
        #expect(try t.deadlineFacts().facts == (try Self.truth(ws)))
        #expect(t.index!.lastReport.source == .disk && t.index!.lastReport.decoded == 0)
    }

    @Test func countFromFactsEqualsTheEngineOnTheSummaries() throws {
        let (ws, store, root) = try I.workspace(120, seed: 23)
        defer { I.remove(root) }
        let summaries = try I.truth(ws).summaries
        let ctx = DeadlineContext(today: Day("2026-11-23")!)
        let slow = summaries.reduce(0) { n, s in n + DeadlineEngine.items(for: s, context: ctx).filter { $0.isMissed && !$0.snoozed }.count }
        #expect(slow > 0)
        #expect(OverdueReview.missedCount(facts: try store.deadlineFacts().facts, context: ctx) == slow)
    }

    @Test func sectionRoundTripsAndRejectsEveryTruncation() throws {
        let day = Day("2026-11-23")!
        let rows: [DeadlineFacts?] = [
            DeadlineFacts(stage: .budgeting, needsBudget: true, roughQuoteTicked: true, fiscalYear: 2027, nextActionDue: day,
                          stageEnteredDay: Day("2026-04-01"), lastEventDay: Day("2026-11-20"),
                          snoozes: [.init(item: "request", until: Day("2026-12-01")!)],
                          municipality: "狭山市", prefecture: "埼玉県", municipalityKind: .city, municipalityCode: "112151"),
            nil,
            DeadlineFacts(stage: .dropped, needsBudget: false, roughQuoteTicked: false, fiscalYear: nil, nextActionDue: nil,
                          stageEnteredDay: nil, lastEventDay: nil, snoozes: [],
                          municipality: "ﾃｽﾄ町\u{1B}[31m😀", prefecture: nil, municipalityKind: nil),
            DeadlineFacts(stage: .issueDefinition, needsBudget: true, roughQuoteTicked: false, fiscalYear: -3, nextActionDue: Day("0001-01-01"),
                          stageEnteredDay: Day("9999-12-31"), lastEventDay: nil, snoozes: [.init(item: "", until: day), .init(item: "stale", until: day)],
                          municipality: "狭山市", prefecture: "埼玉県", municipalityKind: .city),
        ]
        let bytes = DeadlineFactsSection.encode(rows)
        #expect(try DeadlineFactsSection.decode(bytes, rows: rows.count) == rows)
        #expect(throws: IndexFormatError.self) { try DeadlineFactsSection.decode(bytes, rows: rows.count + 1) }
        #expect(throws: IndexFormatError.self) { try DeadlineFactsSection.decode(bytes, rows: rows.count - 1) }
        for keep in 0..<bytes.count {
            #expect(throws: IndexFormatError.self) { try DeadlineFactsSection.decode(Array(bytes.prefix(keep)), rows: rows.count) }
        }
    }

    /// Found by `Scripts/fuzz/run.sh 150 fuzz-index`: a varint count above Int.max trapped in
    /// `Int(_:)`. Every count, length and index must throw instead.
    @Test func hugeVarintsThrowInsteadOfTrapping() {
        let huge: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x01]          // 2^64 - 1
        let place: [UInt8] = [0x03] + Array("市".utf8) + [0, 0]               // "市", no prefecture, no kind
        let row: [UInt8] = [1, 0, 0]                                          // present, first stage, no flags
        let cases: [(String, [UInt8])] = [
            ("place count", huge),
            ("municipality length", [1] + huge),
            ("place index", [1] + place + row + huge),
            ("snooze count", [1] + place + row + [0] + huge),
            ("snooze item length", [1] + place + row + [0, 1] + huge),
        ]
        for (what, bytes) in cases {
            #expect(throws: IndexFormatError.self, "\(what)") { try DeadlineFactsSection.decode(bytes, rows: 1) }
        }
    }
}
