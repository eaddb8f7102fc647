import Foundation
import RenkeiTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiCore
@testable import RenkeiStore

@Suite struct CaseStoreTests {
    @Test func shippedCatalogAndSamplesAreValid() throws {
        let ws = try StoreFixtures.workspace()
        let loaded = try CatalogLoader.load(data: StoreFixtures.dataDir, workspace: ws)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.catalog.referenceItems.map(\.id) == ["budget-scale", "evaluation", "request-difficulties", "execution-difficulties", "outcomes", "kpi"])
        #expect(Set(loaded.catalog.methods.map(\.id)).isSuperset(of: ["proposal", "sole-source-4", "joint", "pfs", "price-bid", "trial-order"]))
        let n = try ws.seedSamples(from: StoreFixtures.dataDir)
        #expect(n >= 12)
        let p = try CaseStore(workspace: ws, catalog: loaded.catalog).portfolio()
        #expect(p.damaged.isEmpty, "\(p.damaged)")
        #expect(Set(p.summaries.map(\.stage)).isSuperset(of: Set(Stage.pipeline)))
        #expect(Set(p.summaries.compactMap(\.exit)) == Set(Exit.allCases))
    }

    @Test func roundTripKeepsUnknownFieldsAndBumpsRevision() throws {
        let store = try StoreFixtures.store()
        let doc = try store.create(NewCaseInput(id: "c-0001", title: "実証", municipality: "狭山市"), actor: "t", now: StoreFixtures.now)
        #expect(doc.value.revision == 1)
        // A newer renkei added fields at the top level and inside budget.
        let url = try store.workspace.caseURL("c-0001")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        obj["futureField"] = ["nested": [1, 2, 3]]
        var budget = obj["budget"] as! [String: Any]
        budget["futureBudgetKey"] = "予備費"
        obj["budget"] = budget
        try JSONSerialization.data(withJSONObject: obj).write(to: url)

        try store.apply("c-0001", .setField(path: "title", value: .string("改題")), actor: "t", now: StoreFixtures.now)
        let after = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        #expect((after["futureField"] as? [String: Any])?["nested"] as? [Int] == [1, 2, 3])
        #expect((after["budget"] as? [String: Any])?["futureBudgetKey"] as? String == "予備費")
        #expect(after["title"] as? String == "改題")
        #expect(after["revision"] as? Int == 2)
    }

    @Test func newerSchemaIsReadOnly() throws {
        let store = try StoreFixtures.store()
        try store.create(NewCaseInput(id: "c-0001", title: "実証", municipality: "狭山市"), actor: "t", now: StoreFixtures.now)
        let url = try store.workspace.caseURL("c-0001")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"schemaVersion\" : \(Case.schemaVersion)", with: "\"schemaVersion\" : 99")
        try text.write(to: url, atomically: false, encoding: .utf8)
        let before = try Data(contentsOf: url)
        #expect(try store.load("c-0001").readOnly)
        #expect(throws: CommandError.self) { try store.apply("c-0001", .addNote(text: "x"), actor: "t", now: StoreFixtures.now) }
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.portfolio().readOnly == ["c-0001"])
    }

    @Test(arguments: [
        ("{\"schemaVersion\":1,", "invalid JSON at line 1"),
        ("{\"schemaVersion\":1,\"id\":\"bad\",\"title\":\"t\",\"municipality\":{\"name\":\"m\"},\"stage\":\"limbo\"}", "field 'stage'"),
        ("{\"schemaVersion\":1,\"id\":\"bad\",\"title\":5,\"municipality\":{\"name\":\"m\"},\"stage\":\"method\"}", "field 'title' has the wrong type"),
        ("{\"schemaVersion\":1,\"id\":\"bad\",\"municipality\":{\"name\":\"m\"},\"stage\":\"method\"}", "field 'title' is missing"),
        ("[1,2]", "must contain a JSON object"),
        ("{\"schemaVersion\":1,\"id\":\"other\",\"title\":\"t\",\"municipality\":{\"name\":\"m\"},\"stage\":\"method\"}", "file is named bad.json"),
        ("{\"schemaVersion\":1,\"id\":\"../x\",\"title\":\"t\",\"municipality\":{\"name\":\"m\"},\"stage\":\"method\"}", "invalid case id"),
    ])
    func damagedFilesNameTheProblem(content: String, expected: String) throws {
        let store = try StoreFixtures.store()
        try store.create(NewCaseInput(id: "good", title: "良い", municipality: "m"), actor: "t", now: StoreFixtures.now)
        let bad = store.workspace.casesDir.appendingPathComponent("bad.json")
        try Data(content.utf8).write(to: bad)
        let p = try store.portfolio()
        #expect(p.summaries.map(\.id) == ["good"])
        #expect(p.damaged.count == 1)
        #expect(p.damaged.first?.reason.text(.en).contains(expected) == true, "\(p.damaged.first?.reason.text(.en) ?? "")")
        #expect(try Data(contentsOf: bad) == Data(content.utf8))
    }

    @Test func invalidUTF8AndHugeFilesAreRefused() throws {
        let store = try StoreFixtures.store()
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: store.workspace.casesDir.appendingPathComponent("latin.json"))
        let huge = store.workspace.casesDir.appendingPathComponent("huge.json")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let h = try FileHandle(forWritingTo: huge)
        try h.truncate(atOffset: UInt64(CaseCodec.maxFileSize + 1))
        try h.close()
        let reasons = try store.portfolio().damaged.map { $0.reason.text(.en) }.joined(separator: "\n")
        #expect(reasons.contains("UTF-8"))
        #expect(reasons.contains("larger than"))
    }

    @Test func symlinkAndDirectoryInPlaceOfACase() throws {
        let store = try StoreFixtures.store()
        let outside = Scratch.url("outside", suffix: ".json")
        try Data("{}".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: store.workspace.casesDir.appendingPathComponent("link.json"), withDestinationURL: outside)
        try FileManager.default.createDirectory(at: store.workspace.casesDir.appendingPathComponent("dir.json"), withIntermediateDirectories: false)
        let damaged = try store.portfolio().damaged
        #expect(damaged.map(\.fileName).sorted() == ["dir.json", "link.json"])
        #expect(damaged.first { $0.fileName == "link.json" }?.reason.text(.en).contains("symbolic link") == true)
        #expect(throws: (any Error).self) { try store.apply("link", .addNote(text: "x"), actor: "t", now: StoreFixtures.now) }
        #expect(try Data(contentsOf: outside) == Data("{}".utf8))
    }

    @Test func permissionsArePrivate() throws {
        let store = try StoreFixtures.store()
        try store.create(NewCaseInput(id: "c-0001", title: "個人情報あり", municipality: "m"), actor: "t", now: StoreFixtures.now)
        func mode(_ p: String) -> mode_t { var st = stat(); stat(p, &st); return st.st_mode & 0o777 }
        #expect(mode(store.workspace.root.path) == 0o700)
        #expect(mode(store.workspace.casesDir.path) == 0o700)
        #expect(mode(try store.workspace.caseURL("c-0001").path) == 0o600)
        #expect(mode(store.workspace.journalURL.path) == 0o600)
        chmod(store.workspace.root.path, 0o755)
        #expect(try Workspace(root: store.workspace.root).warnings.first?.text(.en).contains("readable by other users") == true)
    }

    @Test func failedWriteLeavesPreviousFileAndNoTemp() throws {
        let store = try StoreFixtures.store()
        try store.create(NewCaseInput(id: "c-0001", title: "元の件名", municipality: "m"), actor: "t", now: StoreFixtures.now)
        let url = try store.workspace.caseURL("c-0001")
        let before = try Data(contentsOf: url)
        let mine = store.workspace.root.path
        DurableFile.withFaults(under: store.workspace.root, allow: { _, _ in false }) {
            #expect(throws: StoreError.self) { try store.apply("c-0001", .setField(path: "title", value: .string("新")), actor: "t", now: StoreFixtures.now) }
        }
        #expect(try Data(contentsOf: url) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.workspace.casesDir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func quarantineMovesNeverDeletes() throws {
        let store = try StoreFixtures.store()
        let bad = store.workspace.casesDir.appendingPathComponent("bad.json")
        try Data("oops".utf8).write(to: bad)
        let to = try store.quarantine("bad")
        #expect(try Data(contentsOf: to) == Data("oops".utf8))
        try Data("oops2".utf8).write(to: bad)
        let to2 = try store.quarantine("bad.json")
        #expect(to2.lastPathComponent == "bad.json.2")
        #expect(throws: StoreError.self) { try store.quarantine("../etc") }
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let ws = try StoreFixtures.workspace()
        let s0 = try StoreFixtures.store(ws)
        try s0.create(NewCaseInput(id: "c-0001", title: "同時編集", municipality: "m"), actor: "t", now: StoreFixtures.now)
        let perWriter = 60
        // Two stores = two lock file descriptors, as two processes would have.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<2 {
                group.addTask {
                    let s = try StoreFixtures.store(ws)
                    for i in 0..<perWriter {
                        try s.apply("c-0001", .addNote(text: "writer\(w)-\(i)"), actor: "w\(w)", now: StoreFixtures.now)
                    }
                }
            }
            try await group.waitForAll()
        }
        let c = try s0.load("c-0001").value
        #expect(c.notes.count == 2 * perWriter)
        #expect(c.events.count == 1 + 2 * perWriter)
        #expect(c.revision == 1 + 2 * perWriter)
        #expect(Set(c.notes.map(\.text)).count == 2 * perWriter)
    }

    @Test func staleTempFilesAreCleanedButNeverReadAsCases() throws {
        let store = try StoreFixtures.store()
        try store.create(NewCaseInput(id: "c-0001", title: "t", municipality: "m"), actor: "t", now: StoreFixtures.now)
        let temp = store.workspace.casesDir.appendingPathComponent(DurableFile.tempPrefix + "c-0001.json.abc")
        try Data("{\"half".utf8).write(to: temp)
        #expect(try store.portfolio().damaged.isEmpty)
        #expect(store.cleanStaleTempFiles() == 1)
        #expect(!FileManager.default.fileExists(atPath: temp.path))
    }
}

@Suite struct UnknownKeyTests {
    @Test func unknownKeysInsideArraysAndMapsSurvive() throws {
        let store = try StoreFixtures.store()
        try store.create(NewCaseInput(id: "c-0001", title: "実証", municipality: "狭山市"), actor: "t", now: StoreFixtures.now)
        try store.apply("c-0001", .tick(item: "idef-local-issue"), actor: "t", now: StoreFixtures.now)
        let url = try store.workspace.caseURL("c-0001")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var events = obj["events"] as! [[String: Any]]
        events[0]["device"] = "tablet"
        obj["events"] = events
        var checklist = obj["checklist"] as! [String: [String: Any]]
        checklist["idef-local-issue"]!["evidence"] = "議事録.pdf"
        obj["checklist"] = checklist
        var muni = obj["municipality"] as! [String: Any]
        muni["code"] = "112151"
        obj["municipality"] = muni
        try JSONSerialization.data(withJSONObject: obj).write(to: url)

        try store.apply("c-0001", .addNote(text: "追記"), actor: "t", now: StoreFixtures.now)
        let after = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        #expect((after["events"] as! [[String: Any]])[0]["device"] as? String == "tablet")
        #expect((after["events"] as! [[String: Any]]).count == 3)
        #expect((after["checklist"] as! [String: [String: Any]])["idef-local-issue"]?["evidence"] as? String == "議事録.pdf")
        #expect((after["municipality"] as! [String: Any])["code"] as? String == "112151")
        // Clearing a known optional field really clears it (it is not resurrected as "unknown").
        try store.apply("c-0001", .setField(path: "municipality.prefecture", value: .string("埼玉県")), actor: "t", now: StoreFixtures.now)
        try store.apply("c-0001", .setField(path: "municipality.prefecture", value: .null), actor: "t", now: StoreFixtures.now)
        #expect(try store.load("c-0001").value.municipality.prefecture == nil)
    }
}
