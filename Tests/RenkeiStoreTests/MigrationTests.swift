import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// schemaVersion 1 → 2: old files open unchanged, the first write stores them as 2 with ids.
@Suite struct MigrationTests {
    @Test func anOldFileOpensAndIsMigratedOnItsFirstWrite() throws {
        let store = try StoreFixtures.store()
        let sample = StoreFixtures.dataDir.samples.appendingPathComponent("okayama-momosta-field.json")
        let bytes = try Data(contentsOf: sample)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"schemaVersion\": 1"), "the shipped samples are version 1")
        let url = store.workspace.casesDir.appendingPathComponent("okayama-momosta-field.json")
        try bytes.write(to: url)
        let old = try store.load("okayama-momosta-field")
        #expect(!old.readOnly && old.value.events.allSatisfy { $0.id == "s\($0.seq)" })
        #expect(try Data(contentsOf: url) == bytes, "reading never rewrites")
        try store.apply("okayama-momosta-field", .addNote(text: "移行テスト ㈱髙"), actor: "t", now: StoreFixtures.now)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"schemaVersion\" : \(Case.schemaVersion)"))
        let migrated = try store.load("okayama-momosta-field").value
        #expect(Array(migrated.events.dropLast()).map(\.id) == old.value.events.map(\.id), "old events keep their seq-derived ids")
        #expect(migrated.events.last!.id.count == 21)
        #expect(text.contains("\"id\" : \"s1\""))
    }

    @Test func createUndoCreateNeverReusesAnIdFromTrash() throws {
        let store = try StoreFixtures.store()
        let first = try store.create(NewCaseInput(id: "", title: "避難所 ※①", municipality: "狭山市"), actor: "t", now: StoreFixtures.now).value.id
        _ = try store.undoRedo(.undo, actor: "t", now: StoreFixtures.now)
        #expect(FileManager.default.fileExists(atPath: store.workspace.trashDir.appendingPathComponent(first + ".json").path))
        var ids = Set([first])
        for _ in 0..<20 {
            ids.insert(try store.create(NewCaseInput(id: "", title: "避難所 ※①", municipality: "狭山市"), actor: "t", now: StoreFixtures.now).value.id)
        }
        #expect(ids.count == 21)
        // Redo of the first creation still finds its id free.
        #expect(store.idIsTaken(first))
        #expect(throws: StoreError.self) {
            try store.create(NewCaseInput(id: first, title: "x", municipality: "狭山市"), actor: "t", now: StoreFixtures.now)
        }
    }
}
