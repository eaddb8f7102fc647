import Foundation
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Store-level reliability (issue 7): disk full, symlinks and directories in place of case
/// files, a workspace deleted under us, hostile ids, file modes, two writers, stale temp files.
/// Each test works in its own temp workspace; the fault injector is scoped to that directory so
/// tests running in parallel are unaffected.
/// Fault helpers on top of the one store fixture (`StoreFixtures`: data, clock, temp store).
enum FaultFixture {
    static var dataDir: DataDirectory { StoreFixtures.dataDir }
    static var now: Timestamp { StoreFixtures.now }
    static func store() throws -> CaseStore { try StoreFixtures.store(try StoreFixtures.workspace("rel")) }

    @discardableResult
    static func newCase(_ store: CaseStore, _ id: String = "rel-1") throws -> CaseDocument {
        try store.create(NewCaseInput(id: id, title: "信頼性テスト", municipality: "狭山市", prefecture: "埼玉県"), actor: "tester", now: now)
    }

    static func bytes(_ url: URL) -> Data? { try? Data(contentsOf: url) }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o777 : 0xFFFF
    }

    /// Files in `dir` (non-recursive) with their sizes.
    static func listing(_ dir: URL) -> [String: Int] {
        var out: [String: Int] = [:]
        for f in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            var st = stat()
            if lstat(dir.appendingPathComponent(f).path, &st) == 0 { out[f] = Int(st.st_size) }
        }
        return out
    }

    /// Runs `body` with writes whose target is under `root` (and `only` matches, if given)
    /// failing with ENOSPC; a rule scoped to this test's directory (`DurableFile.withFaults`).
    @discardableResult
    static func withDiskFull<T>(under root: URL, only: (@Sendable (URL) -> Bool)? = nil, _ body: () throws -> T) rethrows -> T {
        try withInjector(under: root, { url in !(only?(url) ?? true) }, body)
    }

    /// Runs `body` with `decide` (true: let it through) asked for every write under `root`.
    @discardableResult
    static func withInjector<T>(under root: URL, _ decide: @escaping @Sendable (URL) -> Bool, _ body: () throws -> T) rethrows -> T {
        try DurableFile.withFaults(under: root, allow: { url, _ in decide(url) }, body)
    }
}

@Suite struct ReliabilityStoreTests {
    // MARK: disk full

    @Test func diskFullKeepsThePreviousFileAndTheEditCanBeRetried() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store)
        let url = try store.workspace.caseURL("rel-1")
        let before = try #require(FaultFixture.bytes(url))
        let journalBefore = FaultFixture.bytes(store.workspace.journalURL)

        let error = FaultFixture.withDiskFull(under: store.workspace.root) {
            #expect(throws: StoreError.self) {
                try store.apply("rel-1", .addNote(text: "大事なメモ"), actor: "tester", now: FaultFixture.now)
            }
            do { try store.apply("rel-1", .addNote(text: "大事なメモ"), actor: "tester", now: FaultFixture.now); return "" }
            catch { return "\(error)" }
        }
        #expect(error.contains("disk is full"), "message: \(error)")
        #expect(error.contains("nothing was changed"), "the message says the file is unchanged: \(error)")
        #expect(FaultFixture.bytes(url) == before, "the previous file is intact")
        #expect(FaultFixture.bytes(store.workspace.journalURL) == journalBefore, "nothing journaled for a failed save")
        for (name, size) in FaultFixture.listing(store.workspace.casesDir) {
            #expect(!name.hasPrefix(DurableFile.tempPrefix), "no temp file left: \(name)")
            #expect(size > 0, "no zero-length file: \(name)")
        }
        // Space is back: the same command (the TUI keeps it) is retried and lands exactly once.
        try store.apply("rel-1", .addNote(text: "大事なメモ"), actor: "tester", now: FaultFixture.now)
        let after = try store.load("rel-1").value
        #expect(after.notes.map(\.text) == ["大事なメモ"])
        #expect(after.revision == CaseCodec.decodeRevision(before) + 1)
    }

    @Test func journalWriteFailureAfterASavedEditIsAWarningNotAFailure() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store)
        let r = try FaultFixture.withDiskFull(under: store.workspace.root, only: { $0.lastPathComponent == "undo.json" }) {
            try store.apply("rel-1", .addNote(text: "saved even so"), actor: "tester", now: FaultFixture.now)
        }
        #expect(r.journalWarning?.text(.en).contains("undo") == true)
        #expect(try store.load("rel-1").value.notes.map(\.text) == ["saved even so"])
    }

    /// The flaky one's cause (it failed in parallel runs): another test installed its own rule
    /// and removed it (`faultInjector = nil`) while this one's was in force, so the journal write
    /// went through and no warning came. Deterministic here: the other test runs in between.
    @Test func aFaultRuleHoldsWhileAnotherTestsRuleComesAndGoes() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store)
        let other = try FaultFixture.store().workspace.root.path
        let r = try FaultFixture.withDiskFull(under: store.workspace.root, only: { $0.lastPathComponent == "undo.json" }) {
            let done = DispatchSemaphore(value: 0)
            Thread {
                DurableFile.withFaults(under: URL(fileURLWithPath: other), allow: { _, _ in false }) {}
                done.signal()
            }.start()
            done.wait()
            return try store.apply("rel-1", .addNote(text: "saved even so"), actor: "tester", now: FaultFixture.now)
        }
        #expect(r.journalWarning != nil, "the journal write was failed by this test's rule")
    }

    @Test func diskFullOnCreateLeavesNoFile() throws {
        let store = try FaultFixture.store()
        FaultFixture.withDiskFull(under: store.workspace.root) {
            #expect(throws: StoreError.self) { try FaultFixture.newCase(store, "rel-new") }
        }
        #expect(FaultFixture.listing(store.workspace.casesDir).isEmpty)
    }

    // MARK: temp files

    @Test func tempFilesAreNeverCasesAndStaleOnesAreCleanedUnderTheLock() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store)
        let ws = store.workspace
        try FileManager.default.createDirectory(at: ws.indexDir, withIntermediateDirectories: true)
        let good = try #require(FaultFixture.bytes(try ws.caseURL("rel-1")))
        let stale = [ws.casesDir.appendingPathComponent(DurableFile.tempPrefix + "rel-1.json.abc"),
                     ws.casesDir.appendingPathComponent(DurableFile.tempPrefix + "ghost.json.def"),
                     ws.root.appendingPathComponent(DurableFile.tempPrefix + "undo.json.x1"),
                     ws.indexDir.appendingPathComponent(DurableFile.tempPrefix + "summaries.json.x2")]
        for (i, u) in stale.enumerated() { try (i == 1 ? good : Data("{torn".utf8)).write(to: u) }
        let p = try store.portfolio()
        #expect(p.summaries.map(\.id) == ["rel-1"])
        #expect(p.damaged.isEmpty, "a temp file is never reported as a (damaged) case: \(p.damaged)")
        #expect(store.cleanStaleTempFiles() == stale.count)
        for u in stale { #expect(!FileManager.default.fileExists(atPath: u.path)) }
        #expect(FaultFixture.bytes(try ws.caseURL("rel-1")) == good)
    }

    // MARK: hostile file system

    @Test func symlinkedCaseFileIsNotFollowedOutOfTheWorkspace() throws {
        let store = try FaultFixture.store()
        let outside = Scratch.url("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        // A perfectly valid case outside, linked in.
        let other = try FaultFixture.store()
        let target = try FaultFixture.newCase(other, "evil")
        let targetURL = outside.appendingPathComponent("evil.json")
        try CaseCodec.encode(target).write(to: targetURL)
        let targetBytes = try #require(FaultFixture.bytes(targetURL))
        try FileManager.default.createSymbolicLink(atPath: store.workspace.casesDir.appendingPathComponent("evil.json").path,
                                                   withDestinationPath: targetURL.path)
        let p = try store.portfolio()
        #expect(p.summaries.isEmpty)
        #expect(p.damaged.first?.reason.text(.en).contains("symbolic link") == true, "\(p.damaged)")
        #expect(throws: (any Error).self) { try store.apply("evil", .addNote(text: "x"), actor: "t", now: FaultFixture.now) }
        #expect(throws: (any Error).self) { try FaultFixture.newCase(store, "evil") }
        #expect(FaultFixture.bytes(targetURL) == targetBytes, "the file outside is untouched")
        #expect(FaultFixture.listing(outside).keys.sorted() == ["evil.json"], "nothing written outside")

        // A dangling link: creating the case replaces the link itself, never writes through it.
        let dangling = outside.appendingPathComponent("not-yet.json")
        try FileManager.default.createSymbolicLink(atPath: store.workspace.casesDir.appendingPathComponent("dangle.json").path,
                                                   withDestinationPath: dangling.path)
        _ = try? FaultFixture.newCase(store, "dangle")
        #expect(!FileManager.default.fileExists(atPath: dangling.path), "no write through a dangling symlink")
    }

    @Test func directoryInPlaceOfACaseFileIsReportedNotCrashed() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store, "ok-1")
        try FileManager.default.createDirectory(at: store.workspace.casesDir.appendingPathComponent("dir-1.json"), withIntermediateDirectories: true)
        let p = try store.portfolio()
        #expect(p.summaries.map(\.id) == ["ok-1"])
        #expect(p.damaged.map(\.fileName) == ["dir-1.json"])
        #expect(p.damaged.first?.reason.text(.en).contains("not a regular file") == true)
        #expect(throws: (any Error).self) { try store.apply("dir-1", .addNote(text: "x"), actor: "t", now: FaultFixture.now) }
        #expect(throws: (any Error).self) { try FaultFixture.newCase(store, "dir-1") }
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: store.workspace.casesDir.appendingPathComponent("dir-1.json").path, isDirectory: &isDir) && isDir.boolValue)
    }

    @Test func workspaceDeletedWhileRunningIsAClearErrorAndNotRecreated() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store)
        try FileManager.default.removeItem(at: store.workspace.root)
        do {
            try store.apply("rel-1", .addNote(text: "x"), actor: "t", now: FaultFixture.now)
            Issue.record("apply succeeded on a deleted workspace")
        } catch {
            #expect("\(error)".contains("deleted"), "\(error)")
        }
        #expect(throws: (any Error).self) { try store.portfolio() }
        #expect(throws: (any Error).self) { try FaultFixture.newCase(store, "rel-2") }
        #expect(!FileManager.default.fileExists(atPath: store.workspace.root.path), "renkei does not silently recreate a deleted workspace")
    }

    @Test func hugeFileIsRefusedBySizeWithoutReadingIt() throws {
        let store = try FaultFixture.store()
        let url = store.workspace.casesDir.appendingPathComponent("huge.json")
        // 100 MB, sparse: a string that never ends. Refused by fstat before any byte is read.
        let fd = open(url.path, O_WRONLY | O_CREAT, 0o600)
        #expect(fd >= 0)
        _ = "{\"title\":\"".withCString { write(fd, $0, 10) }
        #expect(ftruncate(fd, 100 * 1_048_576) == 0)
        close(fd)
        let t0 = Date()
        let p = try store.portfolio()
        #expect(Date().timeIntervalSince(t0) < 2)
        #expect(p.damaged.first?.reason.text(.en).contains("larger than") == true, "\(p.damaged)")
        #expect(FaultFixture.listing(store.workspace.casesDir)["huge.json"] == 100 * 1_048_576)
    }

    // MARK: ids and paths

    @Test(arguments: ["../x", "../../etc/passwd", "/etc/passwd", "a/b", "x\u{0}y", ".", "..", "", "-rf",
                      String(repeating: "a", count: 65), String(repeating: "a", count: 10_000), "ケース", "a b", "a\nb", "x.json"])
    func caseIdsAreValidatedBeforeTheyBecomePaths(_ id: String) throws {
        let store = try FaultFixture.store()
        #expect(throws: StoreError.invalidId(id)) { try store.workspace.caseURL(id) }
        #expect(throws: (any Error).self) { try store.load(id) }
        #expect(throws: (any Error).self) { try store.apply(id, .addNote(text: "x"), actor: "t", now: FaultFixture.now) }
        if !id.isEmpty { #expect(throws: (any Error).self) { try FaultFixture.newCase(store, id) } }   // "" means "next free id"
        #expect(throws: (any Error).self) { try store.quarantine(id) }
        #expect(FaultFixture.listing(store.workspace.casesDir).keys.allSatisfy { CaseID.isValid(String($0.dropLast(5))) })
        #expect(FaultFixture.listing(store.workspace.quarantineDir).isEmpty)
    }

    @Test func quarantineOnlyMovesAListedCaseFile() throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store, "keep")
        try Data("{".utf8).write(to: store.workspace.casesDir.appendingPathComponent("bad.json"))
        try Data("secret".utf8).write(to: store.workspace.casesDir.appendingPathComponent("bad"))
        // A NUL would truncate the C path to "cases/bad"; refused instead.
        #expect(throws: (any Error).self) { try store.quarantine("bad\u{0}.json") }
        #expect(FileManager.default.fileExists(atPath: store.workspace.casesDir.appendingPathComponent("bad").path))
        let moved = try store.quarantine("bad")
        #expect(moved.lastPathComponent == "bad.json")
        #expect(FaultFixture.bytes(moved) == Data("{".utf8), "moved, not rewritten")
    }

    // MARK: counters from hand-edited files never trap

    @Test func absurdCountersAreReportedNotCrashed() throws {
        let store = try FaultFixture.store()
        func put(_ id: String, _ extra: String) throws {
            try Data("""
            {"schemaVersion":1,"id":"\(id)","title":"t","municipality":{"name":"m"},"stage":"issue-definition"\(extra)}
            """.utf8).write(to: store.workspace.casesDir.appendingPathComponent(id + ".json"))
        }
        try put("rev-max", #","revision":9223372036854775807"#)
        try put("note-max", #","notes":[{"id":9223372036854775807,"at":"2026-01-01T00:00:00+09:00","author":"a","text":"x"}]"#)
        try put("c-9223372036854775807", "")
        try put("yen-min", #","budget":{"items":[{"label":"a","yen":-9223372036854775808},{"label":"b","yen":-1}]}"#)
        let p = try store.portfolio()
        #expect(Set(p.damaged.map(\.fileName)) == ["rev-max.json", "note-max.json"])
        #expect(throws: (any Error).self) { try store.apply("rev-max", .addNote(text: "x"), actor: "t", now: FaultFixture.now) }
        try store.apply("yen-min", .addNote(text: "x"), actor: "t", now: FaultFixture.now)
        // A new id (slug + random suffix) is made beside an absurd one without overflowing.
        let created = try store.create(NewCaseInput(id: "", title: "t", municipality: "m"), actor: "t", now: FaultFixture.now)
        #expect(created.value.id.hasPrefix("t-") && CaseID.isValid(created.value.id))
    }

    // MARK: fuzz regressions

    /// Every input that once trapped renkei (Tests/Fixtures/fuzz-regressions/) goes through the
    /// case-decoder fuzz target's steps, and through a real save, without crashing.
    @Test func fuzzRegressionsReplay() throws {
        let dir = Repo.url("Tests/Fixtures/fuzz-regressions")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 4)
        let store = try FaultFixture.store()
        let catalog = store.catalog
        for f in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(f))
            // The index's hand-written parser: on valid UTF-8 (its callers' precondition) it may
            // only accept what JSONDecoder accepts, and must build the same case.
            if String(data: data, encoding: .utf8) != nil, let strict = StrictCaseParser.parse(data) {
                #expect((try? JSONDecoder().decode(Case.self, from: data)) == strict, "\(f): StrictCaseParser differs")
            }
            if let doc = try? CaseCodec.decode(data, path: f) {
                let again = try CaseCodec.decode(try CaseCodec.encode(doc), path: f)
                var expected = doc.value
                expected.schemaVersion = max(expected.schemaVersion, Case.schemaVersion)  // migration on write
                #expect(again.value == expected, "\(f) round trip")
                let c = doc.value
                _ = CaseSummary(c)
                _ = Gate.check(c, catalog: catalog)
                let ctx = CommandContext(actor: "fuzz", now: FaultFixture.now, commandId: "cfuzz", catalog: catalog)
                for command: Command in [.addNote(text: "n"), .advance(note: nil, override: "fuzz"), .setField(path: "title", value: .string("t"))] {
                    if let changed = try? CaseCommands.apply(command, to: c, context: ctx) { _ = CaseSummary(changed) }
                }
                // Through the store too: a real save of the case as found on disk.
                try data.write(to: store.workspace.casesDir.appendingPathComponent(c.id + ".json"))
                _ = try? store.apply(c.id, .addNote(text: "after"), actor: "t", now: FaultFixture.now)
            }
        }
        _ = try store.portfolio()
    }

    // MARK: permissions

    @Test func workspaceDirectoriesAre0700AndEveryFile0600() throws {
        let store = try FaultFixture.store()
        let ws = store.workspace
        #expect(FaultFixture.mode(ws.root.path) == 0o700)
        for sub in Workspace.subdirectories { #expect(FaultFixture.mode(ws.root.appendingPathComponent(sub).path) == 0o700, "\(sub)") }
        #expect(FaultFixture.mode(ws.lockPath) == 0o600)
        try FaultFixture.newCase(store)
        // The temp file exists while the injector runs: check its mode then.
        final class Box: @unchecked Sendable { var modes: [mode_t] = [] }
        let box = Box()
        try FaultFixture.withInjector(under: ws.root, { url in
            for f in (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
            where f.hasPrefix(DurableFile.tempPrefix) {
                box.modes.append(FaultFixture.mode(url.deletingLastPathComponent().appendingPathComponent(f).path))
            }
            return true
        }) {
            try store.apply("rel-1", .addNote(text: "x"), actor: "tester", now: FaultFixture.now)
        }
        #expect(box.modes.count == 2 && box.modes.allSatisfy { $0 == 0o600 }, "temp modes \(box.modes.map { String($0, radix: 8) })")
        #expect(FaultFixture.mode(try ws.caseURL("rel-1").path) == 0o600)
        #expect(FaultFixture.mode(ws.journalURL.path) == 0o600)
        // Undo is per person: the one who created the case and added the note takes both back.
        _ = try store.undoRedo(.undo, actor: "tester", now: FaultFixture.now)   // undo the note
        _ = try store.undoRedo(.undo, actor: "tester", now: FaultFixture.now)   // undo the creation → trash/
        #expect(FaultFixture.mode(ws.trashDir.appendingPathComponent("rel-1.json").path) == 0o600)
        for f in FaultFixture.listing(ws.indexDir).keys { #expect(FaultFixture.mode(ws.indexDir.appendingPathComponent(f).path) & 0o077 == 0, "index file \(f)") }
    }

    @Test func aWorkspaceReadableByOthersIsWarnedAbout() throws {
        let store = try FaultFixture.store()
        #expect(try Workspace(root: store.workspace.root).warnings.isEmpty)
        chmod(store.workspace.root.path, 0o755)
        let warnings = try Workspace(root: store.workspace.root).warnings
        #expect(warnings.contains { $0.text(.en).contains("readable by other users") && $0.text(.ja).contains("chmod") }, "\(warnings)")
    }

    // MARK: two writers

    @Test func twoWritersInOneProcessNeverLoseAnUpdate() async throws {
        let store = try FaultFixture.store()
        try FaultFixture.newCase(store)
        let root = store.workspace.root
        let perWriter = 60
        // Separate Workspace objects = separate lock file descriptions, as in two processes.
        await withTaskGroup(of: Void.self) { group in
            for w in 0..<2 {
                group.addTask {
                    guard let ws = try? Workspace(root: root) else { return }
                    let s = CaseStore(workspace: ws, catalog: store.catalog)
                    for i in 0..<perWriter { _ = try? s.apply("rel-1", .addNote(text: "w\(w)-\(i)"), actor: "w\(w)", now: FaultFixture.now) }
                }
            }
        }
        let c = try store.load("rel-1").value
        #expect(c.notes.count == 2 * perWriter)
        #expect(Set(c.notes.map(\.text)).count == 2 * perWriter)
        #expect(Set(c.notes.map(\.id)).count == 2 * perWriter, "note ids unique")
        let noteEvents = c.events.filter { (e: Event) -> Bool in e.kind == EventKind.noteAdded }.count
        #expect(noteEvents == 2 * perWriter, "one event per note")
        #expect(Set(c.events.map(\.seq)).count == c.events.count, "event seqs unique")
        #expect(c.revision == 1 + 2 * perWriter)
    }
}

extension CaseCodec {
    static func decodeRevision(_ data: Data) -> Int { (try? decode(data, path: "x").value.revision) ?? -1 }
}
