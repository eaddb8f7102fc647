import Foundation
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiDevSupport

/// The summary index must never return what the case files do not say. These tests change the
/// files behind its back in every way we can think of and compare with a full decode.
@Suite struct IndexTests {
    static let now = Timestamp("2026-11-23T09:00:00+09:00")!

    /// A fresh workspace with `n` generated cases (empty catalog: no checklist items).
    static func workspace(_ n: Int, seed: UInt64 = 11) throws -> (Workspace, CaseStore, URL) {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("renkei-index-\(UUID().uuidString)")
        let ws = try Workspace.create(at: root)
        try CaseGenerator(catalog: Catalog(), seed: seed, count: n).write(to: ws, threads: 2)
        let store = CaseStore(workspace: ws, catalog: Catalog())
        // Files written a moment ago are "racily clean" under the default 2 s slack and would be
        // re-read anyway; zero slack makes these tests exercise the stat comparison itself.
        store.index!.racySlackNs = 0
        return (ws, store, root)
    }

    /// Ground truth: decode every file, no index.
    static func truth(_ ws: Workspace) throws -> Portfolio {
        try CaseStore(workspace: ws, catalog: Catalog(), useIndex: false).portfolio()
    }

    static func expectSame(_ a: Portfolio, _ b: Portfolio, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.summaries.map(\.id) == b.summaries.map(\.id), sourceLocation: sourceLocation)
        #expect(a.summaries == b.summaries, sourceLocation: sourceLocation)
        #expect(a.damaged.map(\.fileName) == b.damaged.map(\.fileName), sourceLocation: sourceLocation)
        #expect(a.damaged.map(\.reason) == b.damaged.map(\.reason), sourceLocation: sourceLocation)
        #expect(a.readOnly == b.readOnly, sourceLocation: sourceLocation)
    }

    /// Writes in place (same inode, O_TRUNC) like an editor that does not rename.
    static func overwriteInPlace(_ url: URL, _ data: Data) throws {
        let fd = open(url.path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func remove(_ root: URL) { try? FileManager.default.removeItem(at: root) }

    @Test func coldThenWarm() throws {
        let (ws, store, root) = try Self.workspace(40)
        defer { Self.remove(root) }
        let cold = try store.portfolio()
        #expect(store.index!.lastReport.decoded == 40)
        #expect(store.index!.lastReport.wrote)
        Self.expectSame(cold, try Self.truth(ws))
        // A new process: a fresh store reads the index from disk and decodes nothing.
        let store2 = CaseStore(workspace: ws, catalog: Catalog())
        store2.index!.racySlackNs = 0
        let warm = try store2.portfolio()
        #expect(store2.index!.lastReport.source == .disk)
        #expect(store2.index!.lastReport.reused == 40)
        #expect(store2.index!.lastReport.decoded == 0)
        Self.expectSame(warm, cold)
        #expect(try store2.caseCount().count == 40)
    }

    @Test func externalEditSameSizeDifferentContent() throws {
        let (ws, store, root) = try Self.workspace(30)
        defer { Self.remove(root) }
        _ = try store.portfolio()
        let url = ws.casesDir.appendingPathComponent("c-0007.json")
        let before = try Data(contentsOf: url)
        var text = String(decoding: before, as: UTF8.self)
        let doc = try CaseCodec.decode(before, path: url.path)
        let oldTitle = doc.value.title
        // Same number of bytes: swap the first character of the title for another 3-byte one.
        let newTitle = (oldTitle.first == "新" ? "旧" : "新") + oldTitle.dropFirst()
        #expect(newTitle.utf8.count == oldTitle.utf8.count)
        text = text.replacingOccurrences(of: "\"title\" : \"\(oldTitle)\"", with: "\"title\" : \"\(newTitle)\"")
        let after = Data(text.utf8)
        #expect(after.count == before.count)
        try Self.overwriteInPlace(url, after)

        // This process notices by stat (and rewrites the index); a new process then reads the
        // rewritten index without decoding anything — and still sees the new title.
        for (k, s) in [store, CaseStore(workspace: ws, catalog: Catalog())].enumerated() {
            s.index!.racySlackNs = 0
            let p = try s.portfolio()
            #expect(p.summaries.first { $0.id == "c-0007" }?.title == newTitle)
            #expect(s.index!.lastReport.decoded == (k == 0 ? 1 : 0))
            Self.expectSame(p, try Self.truth(ws))
        }
    }

    @Test func racyEntriesAreReRead() throws {
        let (ws, store, root) = try Self.workspace(12)
        defer { Self.remove(root) }
        store.index!.racySlackNs = SummaryIndex.defaultRacySlackNs
        _ = try store.portfolio()
        // Every file changed less than 2 s before that scan: none may be trusted yet, because an
        // edit in the same timestamp tick would leave the stat unchanged.
        let again = CaseStore(workspace: ws, catalog: Catalog())
        _ = try again.portfolio()
        #expect(again.index!.lastReport.reused == 0)
        #expect(again.index!.lastReport.decoded == 12)
    }

    @Test func deletedFile() throws {
        let (ws, store, root) = try Self.workspace(25)
        defer { Self.remove(root) }
        _ = try store.portfolio()
        try FileManager.default.removeItem(at: ws.casesDir.appendingPathComponent("c-0010.json"))
        let p = try store.portfolio()
        #expect(p.summaries.count == 24)
        #expect(!p.summaries.contains { $0.id == "c-0010" })
        #expect(store.index!.lastReport.removed == 1)
        Self.expectSame(p, try Self.truth(ws))
        #expect(try store.caseCount().count == 24)
        let fresh = CaseStore(workspace: ws, catalog: Catalog())
        Self.expectSame(try fresh.portfolio(), p)
    }

    @Test func addedFile() throws {
        let (ws, store, root) = try Self.workspace(20)
        defer { Self.remove(root) }
        _ = try store.portfolio()
        var c = CaseGenerator(catalog: Catalog(), seed: 99, count: 1).makeCase(0)
        c.id = "added-by-git-pull"
        try DurableFile.write(try CaseCodec.encode(CaseDocument(value: c)), to: ws.casesDir.appendingPathComponent("added-by-git-pull.json"))
        let p = try store.portfolio()
        #expect(p.summaries.count == 21)
        #expect(p.summaries.contains { $0.id == "added-by-git-pull" })
        #expect(store.index!.lastReport.decoded == 1)
        Self.expectSame(p, try Self.truth(ws))
    }

    @Test func damagedFileIsListedAndStaysListed() throws {
        let (ws, store, root) = try Self.workspace(15)
        defer { Self.remove(root) }
        try Data("{ \"schemaVersion\": 1, \"id\": ".utf8).write(to: ws.casesDir.appendingPathComponent("broken.json"))
        let p = try store.portfolio()
        #expect(p.summaries.count == 15)
        #expect(p.damaged.map(\.fileName) == ["broken.json"])
        #expect(p.damaged[0].reason.text(.en).contains("JSON"))
        Self.expectSame(p, try Self.truth(ws))
        // Warm, in a new process: the damage comes from the index, with the same reason.
        let again = CaseStore(workspace: ws, catalog: Catalog())
        again.index!.racySlackNs = 0
        let q = try again.portfolio()
        #expect(again.index!.lastReport.decoded == 0)
        Self.expectSame(q, p)
        let counted = try again.caseCount()
        #expect(counted.count == 15)
        #expect(counted.damaged.map(\.fileName) == ["broken.json"])
        // Fixed by hand → back in the list.
        try FileManager.default.removeItem(at: ws.casesDir.appendingPathComponent("broken.json"))
        #expect(try again.portfolio().damaged.isEmpty)
    }

    @Test func corruptIndexIsIgnoredAndRebuilt() throws {
        let (ws, store, root) = try Self.workspace(30)
        defer { Self.remove(root) }
        _ = try store.portfolio()
        let indexURL = ws.indexDir.appendingPathComponent(SummaryIndex.fileName)
        var bytes = [UInt8](try Data(contentsOf: indexURL))
        // Flip a byte in the middle of each section — table, records, search texts, deadline
        // facts — one at a time. The section descriptors are at 32 + 24k (offset u64, length u64).
        for section in 0..<SummaryIndex.sectionCount {
            let at = 32 + 24 * section
            let offset = bytes[at..<(at + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let length = bytes[(at + 8)..<(at + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
            #expect(length > 0)
            var damaged = bytes
            damaged[offset + length / 2] ^= 0x5A
            try Data(damaged).write(to: indexURL)
            let s = CaseStore(workspace: ws, catalog: Catalog())
            s.index!.racySlackNs = 0
            // First the command that needs the damaged section: it notices and rebuilds.
            if section == 3 { _ = try s.deadlineFacts() } else { _ = try s.portfolio() }
            #expect(s.index!.lastReport.problem != nil, "section \(section)")
            Self.expectSame(try s.portfolio(), try Self.truth(ws))
            #expect(try s.deadlineFacts().facts == (try Self.truth(ws)).summaries.map(DeadlineFacts.init))
            #expect(try s.caseCount().count == 30)
            bytes = [UInt8](try Data(contentsOf: indexURL))   // rebuilt
        }
        // Garbage and an empty file.
        for junk in [Data("not an index".utf8), Data()] {
            try junk.write(to: indexURL)
            let s = CaseStore(workspace: ws, catalog: Catalog())
            Self.expectSame(try s.portfolio(), try Self.truth(ws))
            #expect(s.index!.lastReport.problem != nil)
        }
    }

    @Test func truncatedIndexIsIgnoredAndRebuilt() throws {
        let (ws, store, root) = try Self.workspace(30)
        defer { Self.remove(root) }
        _ = try store.portfolio()
        let indexURL = ws.indexDir.appendingPathComponent(SummaryIndex.fileName)
        let full = try Data(contentsOf: indexURL)
        for keep in [full.count - 1, full.count / 2, 150, 50] {
            try full.prefix(keep).write(to: indexURL)
            let s = CaseStore(workspace: ws, catalog: Catalog())
            s.index!.racySlackNs = 0
            #expect(try s.caseCount().count == 30)
            #expect(s.index!.lastReport.problem != nil)
            try full.prefix(keep).write(to: indexURL)
            Self.expectSame(try s.portfolio(), try Self.truth(ws))
        }
    }

    @Test func concurrentWriterNeverYieldsStaleSummaries() throws {
        let (ws, store, root) = try Self.workspace(30)
        defer { Self.remove(root) }
        _ = try store.portfolio()
        let ids = (1...30).map { String(format: "c-%04d", $0) }
        // Another "process": its own Workspace (own lock fd) and CaseStore, writing as fast as it can.
        let written = Counter()
        let failure = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { done.signal() }
            do {
                let other = CaseStore(workspace: try Workspace(root: root), catalog: Catalog())
                for round in 0..<4 {
                    for id in ids {
                        try other.apply(id, .setField(path: "title", value: .string("改題\(round)-\(id)")), actor: "writer", now: Self.now)
                        _ = written.add(1)
                    }
                }
            } catch { failure.set(error) }
        }
        var reads = 0
        while done.wait(timeout: .now()) == .timedOut {
            let p = try store.portfolio()
            #expect(p.summaries.count == 30)
            #expect(p.damaged.isEmpty)
            #expect(try store.caseCount().count == 30)
            reads += 1
        }
        #expect(failure.error == nil)
        #expect(written.add(0) == 120)
        #expect(reads > 0)
        // After the writer stops, index and files agree exactly — in this process and a new one.
        Self.expectSame(try store.portfolio(), try Self.truth(ws))
        let fresh = CaseStore(workspace: ws, catalog: Catalog())
        fresh.index!.racySlackNs = 0
        Self.expectSame(try fresh.portfolio(), try Self.truth(ws))
        #expect(try store.portfolio().summaries.allSatisfy { $0.title.hasPrefix("改題3-") })
    }

    @Test func searchQueryMatchesFullFilter() throws {
        let (ws, store, root) = try Self.workspace(120)
        defer { Self.remove(root) }
        let all = try Self.truth(ws)
        for q in ["狭山", "ｻﾔﾏ", "ドローン 実証", "ＡＩ", "no-such-text", "c-00"] {
            let got = try store.portfolio(PortfolioQuery(search: q))
            #expect(got.summaries == all.summaries.filter { $0.matches(search: q) }, "query \(q)")
            let lean = try store.portfolio(PortfolioQuery(search: q, includeSearchText: false))
            #expect(lean.summaries.map(\.id) == got.summaries.map(\.id))
            #expect(lean.summaries.allSatisfy { $0.searchText.isEmpty })
        }
    }

    @Test func progressIsReportedOnColdBuild() throws {
        let (_, store, root) = try Self.workspace(150)
        defer { Self.remove(root) }
        let seen = Counter()
        _ = try store.portfolio(PortfolioQuery(progress: { done, total in
            #expect(total == 150)
            #expect(done <= total)
            _ = seen.add(1)
        }))
        #expect(seen.add(0) >= 2)
    }

    @Test func generatorIsDeterministic() throws {
        let g1 = CaseGenerator(catalog: Catalog(), seed: 42, count: 50)
        let g2 = CaseGenerator(catalog: Catalog(), seed: 42, count: 50)
        let g3 = CaseGenerator(catalog: Catalog(), seed: 43, count: 50)
        let big = CaseGenerator(catalog: Catalog(), seed: 42, count: 5000)
        for i in [0, 1, 17, 49] {
            #expect(try g1.bytes(i) == g2.bytes(i))
            #expect(try g1.bytes(i) != g3.bytes(i))
            // Case i does not depend on N (apart from the id's zero padding).
            var a = g1.makeCase(i), b = big.makeCase(i)
            a.id = ""; b.id = ""
            #expect(a == b)
        }
        // Written workspaces are byte-identical whatever the thread count.
        let r1 = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("renkei-gen-\(UUID().uuidString)")
        let r2 = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("renkei-gen-\(UUID().uuidString)")
        defer { Self.remove(r1); Self.remove(r2) }
        try g1.write(to: try Workspace.create(at: r1), threads: 1)
        try g1.write(to: try Workspace.create(at: r2), threads: 3)
        for i in 0..<50 {
            let name = "cases/" + g1.id(i) + ".json"
            #expect(try Data(contentsOf: r1.appendingPathComponent(name)) == Data(contentsOf: r2.appendingPathComponent(name)))
        }
        // And every generated case is valid: decodes, round-trips, events in order.
        for i in 0..<50 {
            let doc = try CaseCodec.decode(try g1.bytes(i), path: "gen")
            #expect(doc.value == g1.makeCase(i))
            #expect((5...50).contains(doc.value.events.count))
            #expect(doc.value.events.map(\.seq) == Array(1...doc.value.events.count))
        }
    }

    @Test func binaryRecordRoundTrip() throws {
        let g = CaseGenerator(catalog: Catalog(), seed: 5, count: 200)
        for i in 0..<200 {
            var s = CaseSummary(g.makeCase(i))
            s.searchText = ""
            var w = ByteWriter()
            try BinaryRecordEncoder.encode(s, into: &w)
            let back = try w.bytes.withUnsafeBytes { raw in
                try BinaryRecordDecoder.decode(CaseSummary.self, from: ByteReader(raw.baseAddress!, from: 0, to: raw.count))
            }
            #expect(back == s)
        }
    }

    @Test func fastIndexDecodeAgreesWithCaseCodec() throws {
        let (ws, store, root) = try Self.workspace(10)
        defer { Self.remove(root) }
        // Unknown keys with an exponent, a huge number, a bad id, a newer schema.
        let extra: [(String, String)] = [
            ("exp", #""x-unknown" : 1e999,"#), ("big", #""x-unknown" : 1"# + String(repeating: "0", count: 400) + ","),
            ("plain", #""x-unknown" : {"a" : [1, 2.5, true, null, "s"]},"#),
        ]
        for (name, insert) in extra {
            var c = CaseGenerator(catalog: Catalog(), seed: 3, count: 1).makeCase(0)
            c.id = "extra-\(name)"
            var text = String(decoding: try CaseCodec.encode(CaseDocument(value: c)), as: UTF8.self)
            text = text.replacingOccurrences(of: "{\n", with: "{\n  " + insert + "\n", options: [], range: text.range(of: "{\n"))
            try Data(text.utf8).write(to: ws.casesDir.appendingPathComponent("extra-\(name).json"))
        }
        var newer = CaseGenerator(catalog: Catalog(), seed: 4, count: 1).makeCase(0)
        newer.id = "newer"; newer.schemaVersion = Case.schemaVersion + 1
        try CaseCodec.encode(CaseDocument(value: newer)).write(to: ws.casesDir.appendingPathComponent("newer.json"))
        var wrongId = CaseGenerator(catalog: Catalog(), seed: 5, count: 1).makeCase(0)
        wrongId.id = "other-name"
        try CaseCodec.encode(CaseDocument(value: wrongId)).write(to: ws.casesDir.appendingPathComponent("mismatch.json"))

        for name in try FileManager.default.contentsOfDirectory(atPath: ws.casesDir.path) where name.hasSuffix(".json") {
            let slow = store.loadFile(name), fast = store.loadFileForIndex(name)
            switch (slow, fast) {
            case (.success(let a), .success(let b)):
                #expect(a.value == b.value, "\(name)")
                #expect(a.readOnly == b.readOnly, "\(name)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(name)")
            default:
                Issue.record("\(name): loadFile and loadFileForIndex disagree: \(slow) vs \(fast)")
            }
        }
        Self.expectSame(try store.portfolio(), try Self.truth(ws))
        #expect(try store.portfolio().readOnly == ["newer"])
    }

    @Test func strictParserAgreesWithJSONDecoder() throws {
        // Generated cases (with the shipped catalog's variety) and the shipped samples.
        var inputs: [Data] = []
        let g = CaseGenerator(catalog: Catalog(), seed: 21, count: 300)
        for i in 0..<300 { inputs.append(try g.bytes(i)) }
        let samples = Repo.url("Data/samples/cases")
        for f in (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [] where f.hasSuffix(".json") {
            inputs.append(try Data(contentsOf: samples.appendingPathComponent(f)))
        }
        var accepted = 0
        for data in inputs {
            let typed = try? JSONDecoder().decode(Case.self, from: data)
            if let strict = StrictCaseParser.parse(data) {
                accepted += 1
                #expect(strict == typed)
            }
        }
        #expect(accepted >= 300)   // every file renkei writes is in the subset

        // Edge inputs: whenever the strict parser accepts, JSONDecoder must agree exactly.
        let base = String(decoding: try g.bytes(0), as: UTF8.self)
        let edits: [(String, String)] = [
            ("\"revision\" : 1", "\"revision\" : null"), ("\"revision\" : 1", "\"revision\" : 1.0"),
            ("\"revision\" : 1", "\"revision\" : 1e0"), ("\"revision\" : 1", "\"revision\" : 01"),
            ("\"revision\" : 1", "\"revision\" : -1"), ("\"revision\" : 1", "\"revision\" : \"1\""),
            ("\"schemaVersion\" : \(Case.schemaVersion)", "\"schemaVersion\" : null"), ("\"schemaVersion\" : \(Case.schemaVersion)", "\"schemaVersion\" : \(Case.schemaVersion + 1)"),
            ("\"stage\" : ", "\"stage\" : \"nope\", \"x\" : "), ("\"title\" : \"", "\"title\" : \"\\u00e9\\n\\t\\\"\\/"),
            ("\"title\" : \"", "\"title\" : \"\\ud83d\\ude00"), ("\"title\" : \"", "\"title\" : \"\\ud83d"),
            ("\"title\" : \"", "\"title\" : \"\u{01}"), ("{", "\u{FEFF}{"), ("\"tags\" : [", "\"tags\" : null, \"t2\" : ["),
            ("\"department\" : ", "\"department\" : null, \"d\" : "), ("\"kpis\" : [", "\"kpis\" : null, \"k\" : ["),
            ("\"id\" : ", "\"id\" : \"dup\", \"id\" : "), ("\"exit\" : ", "\"exit\" : null, \"e\" : "),
        ]
        for (from, to) in edits {
            guard let r = base.range(of: from) else { continue }
            let text = base.replacingCharacters(in: r, with: to)
            let data = Data(text.utf8)
            if let strict = StrictCaseParser.parse(data) {
                let typed = try? JSONDecoder().decode(Case.self, from: data)
                #expect(strict == typed, "edit \(to)")
            }
        }
        // Truncations never crash and never pass.
        let full = try g.bytes(1)
        for k in stride(from: 0, to: full.count, by: 97) { #expect(StrictCaseParser.parse(full.prefix(k)) == nil) }
        #expect(StrictCaseParser.modelMatches)

        // Refused outright, so the full decoder judges them: a key repeated inside a nested
        // object (keys reused by sibling objects, as every event does, are fine: the 300 above),
        // a key spelled with an escape. Invalid UTF-8 in a value or a dictionary key is the
        // caller's check (`loadFileForIndex` validates the whole file before parsing).
        for (from, to) in [("\"field\" : ", "\"field\" : \"stage\", \"field\" : "), ("\"title\" : ", "\"ti\\u0074le\" : ")] {
            let r = try #require(base.range(of: from))
            #expect(StrictCaseParser.parse(Data(base.replacingCharacters(in: r, with: to).utf8)) == nil, "edit \(to)")
        }
        let firstTick = #""checklist"\s*:\s*\{\s*""#
        let withTicks = try #require(inputs.lazy.map { String(decoding: $0, as: UTF8.self) }.first { $0.range(of: firstTick, options: .regularExpression) != nil })
        #expect(StrictCaseParser.parse(Data(withTicks.utf8)) != nil)
        for (text, marker) in [(base, #""title"\s*:\s*""#), (withTicks, firstTick)] {
            let r = try #require(text.range(of: marker, options: .regularExpression), "marker \(marker)")
            var data = Data(text[..<r.upperBound].utf8)
            data.append(0xFF)
            data.append(contentsOf: text[r.upperBound...].utf8)
            let name = "c-utf8.json"
            let ws = try Workspace.create(at: Scratch.directory("index-utf8"))
            try data.write(to: ws.casesDir.appendingPathComponent(name))
            guard case .failure = CaseStore(workspace: ws, catalog: Catalog()).loadFileForIndex(name) else {
                Issue.record("invalid UTF-8 after \(marker) was accepted"); continue
            }
        }
    }
}

@Suite struct CodecFastPathTests {
    /// The codec's fast path must give what the two-pass decode gives: same case, no unknown keys.
    @Test func fastPathEqualsTwoPassDecode() throws {
        var inputs: [Data] = []
        let g = CaseGenerator(catalog: Catalog(), seed: 77, count: 100)
        for i in 0..<100 { inputs.append(try g.bytes(i)) }
        let samples = Repo.url("Data/samples/cases")
        for f in (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [] where f.hasSuffix(".json") {
            inputs.append(try Data(contentsOf: samples.appendingPathComponent(f)))
        }
        for data in inputs where StrictCaseParser.parse(data) != nil {
            let value = try JSONDecoder().decode(Case.self, from: data)
            let tree = try JSONSerialization.jsonObject(with: data)
            let unknown = KeySchema.caseFile.unknown(in: JSONValue(jsonObject: tree)!)
            let doc = try CaseCodec.decode(data, path: "x")
            #expect(doc.value == value)
            #expect(doc.unknown == unknown)
            #expect(doc.unknown == nil)
            // Saving it again gives the same bytes as before (renkei's own files round-trip).
            #expect(try CaseCodec.encode(doc) == CaseCodec.encode(CaseDocument(value: value, unknown: unknown)))
        }
    }
}
