import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// kill -9 during an import's `--apply`, made deterministic: at the k-th rename of a case into
/// place the workspace is copied as it stands — exactly what a process killed at that instant
/// leaves (every earlier file is durable: `DurableBatch` syncs before the first rename). On each
/// image: every case file whole, the undo journal holding the import (write-ahead, pending),
/// `undo` taking back exactly what was written, and re-running the import completing it.
/// Before the write-ahead, the cases written until the kill were in no undo entry at all.
/// `Scripts/reliability/import-kill-loop.sh` does the same with real SIGKILLs on 10,000 rows.
@Suite struct InterruptedImportTests {
    /// Calls the system, but at the k-th rename of a case file under `root` copies the
    /// workspace aside first (the "crash image"). Other tests' calls pass straight through.
    final class CrashImage: FileSystemCalls, @unchecked Sendable {
        let root: String, image: URL, at: Int
        private var renames = 0
        private(set) var taken = false
        init(root: URL, image: URL, at: Int) { self.root = root.standardizedFileURL.path + "/"; self.image = image; self.at = at }
        private func rename(into dir: String, _ name: String) {
            guard (dir + "/").hasPrefix(root), dir.hasSuffix("/cases"), name.hasSuffix(".json") else { return }
            renames += 1
            guard renames == at else { return }
            try? FileManager.default.copyItem(at: URL(fileURLWithPath: String(root.dropLast())), to: image)
            taken = true
        }
        private static func path(of fd: Int32) -> String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? ""
        }
        func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
        func openat(_ dir: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.openat(dir, name, flags, mode) }
        func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
        func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
        func close(_ fd: Int32) -> Int32 { Glibc.close(fd) }
        func rename(_ from: String, _ to: String) -> Int32 {
            let u = URL(fileURLWithPath: to)
            rename(into: u.deletingLastPathComponent().standardizedFileURL.path, u.lastPathComponent)
            return Glibc.rename(from, to)
        }
        func renameat(_ fromDir: Int32, _ from: String, _ toDir: Int32, _ to: String) -> Int32 {
            rename(into: Self.path(of: toDir), to)
            return Glibc.renameat(fromDir, from, toDir, to)
        }
        func unlinkat(_ dir: Int32, _ name: String, _ flags: Int32) -> Int32 { Glibc.unlinkat(dir, name, flags) }
        func mkdir(_ path: String, _ mode: mode_t) -> Int32 { Glibc.mkdir(path, mode) }

        /// Runs `body` with this installed (one fault-injecting test at a time, as the others).
        func installed<T>(_ body: () throws -> T) rethrows -> T {
            FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
            return try FS.installing(self, body)
        }
    }

    static let actor = "取込係"
    static let newIds = (1...6).map { "kintone-\($0)" }
    static let updatedIds = ["kizon-1", "kizon-2"]

    /// The import, as the planner makes it: idempotent (what is already as the file says is left alone).
    static func importRun(_ store: CaseStore) throws -> BatchResult {
        try store.writeBatch(label: "import 案件.csv", actor: actor, now: StoreFixtures.now) { existing, ctx -> ((), [CaseDocument]) in
            var docs: [CaseDocument] = []
            for id in updatedIds {
                guard var d = existing(id) else { throw StoreError.caseNotFound(id) }
                guard d.value.title != "取込で更新 \(id)" else { continue }
                d.value = try CaseCommands.apply(.setField(path: "title", value: .string("取込で更新 \(id)")), to: d.value, context: ctx)
                docs.append(d)
            }
            for (n, id) in newIds.enumerated() where existing(id) == nil {
                docs.append(CaseDocument(value: try CaseFactory.make(NewCaseInput(id: id, title: "取込 ㈱髙橋 ｶﾅ \(n + 1)", municipality: "狭山市"), context: ctx)))
            }
            return ((), docs)
        }.1
    }

    static func freshStore() throws -> CaseStore {
        let store = try StoreFixtures.store()
        for id in updatedIds {
            try store.create(NewCaseInput(id: id, title: "元の件名 \(id)", municipality: "所沢市"), actor: actor, now: StoreFixtures.now)
        }
        return store
    }

    static func caseFiles(_ store: CaseStore) throws -> [String: Data] {
        let dir = store.workspace.casesDir
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !name.hasPrefix(".") {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    /// The import of `freshStore()` killed at the k-th rename: the crash image's store.
    static func crashImage(k: Int) throws -> (store: CaseStore, before: [String: Data]) {
        let store = try freshStore()
        let before = try caseFiles(store)
        let image = store.workspace.root.deletingLastPathComponent().appendingPathComponent("crash-\(k)-\(UUID().uuidString.prefix(8))")
        let fs = CrashImage(root: store.workspace.root, image: image, at: k)
        _ = try fs.installed { try importRun(store) }
        try #require(fs.taken, "the batch made fewer than \(k) renames")
        return (try StoreFixtures.store(try Workspace(root: image)), before)
    }

    @Test(arguments: 1...8)
    func killedAtTheKthRenameLeavesAnUndoableImport(k: Int) throws {
        let (crashed, before) = try Self.crashImage(k: k)
        defer { try? FileManager.default.removeItem(at: crashed.workspace.root) }
        let files = try Self.caseFiles(crashed)
        // Updates are renamed first (the plan's order), then creations: k - 1 files are in place.
        #expect(files.count == before.count + max(0, k - 1 - Self.updatedIds.count), "\(files.keys.sorted())")
        for name in files.keys { #expect(throws: Never.self, "\(name) torn") { try crashed.load(String(name.dropLast(5))) } }
        let entry = try #require(try crashed.journal().undo.last)
        #expect(entry.pending == true && entry.batch?.count == 8, "the write-ahead entry: \(entry)")

        // Undo takes back exactly what was written before the kill.
        if k == 1 {
            // Nothing was written: said (exit 4 in the CLI) and dropped, the history goes on.
            #expect(throws: StoreError.self) { try crashed.undoRedo(.undo, actor: Self.actor, now: StoreFixtures.now) }
            #expect(try crashed.journal().undo.allSatisfy { $0.pending != true })
        } else {
            #expect(try crashed.undoRedo(.undo, actor: Self.actor, now: StoreFixtures.now).warning == nil)
        }
        #expect(Set(try Self.caseFiles(crashed).keys) == Set(before.keys), "k=\(k)")
        for id in Self.updatedIds { #expect(try crashed.load(id).value.title == "元の件名 \(id)") }
    }

    @Test(arguments: [1, 2, 3, 5, 8])
    func killedAtTheKthRenameThenRerunCompletesWithoutDuplicates(k: Int) throws {
        let (crashed, before) = try Self.crashImage(k: k)
        defer { try? FileManager.default.removeItem(at: crashed.workspace.root) }
        // As every writing command starts (AppContext): the killed run's temp files go.
        crashed.cleanStaleTempFiles()
        _ = try Self.importRun(crashed)
        #expect(try Self.caseFiles(crashed).count == before.count + Self.newIds.count)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: crashed.workspace.casesDir.path)).contains { $0.hasPrefix(".") },
                "temp files of the killed run are cleaned by the next writer")
        for id in Self.newIds + Self.updatedIds {
            let c = try crashed.load(id).value
            #expect(c.events.filter { $0.actor == Self.actor }.count == (Self.updatedIds.contains(id) ? 2 : 1), "\(id): written once by the import")
        }
        // The interrupted part and the re-run are two commands: two undos take the import back.
        var undos = 0
        while try Self.caseFiles(crashed).count > before.count || (try crashed.load(Self.updatedIds[0]).value.title != "元の件名 \(Self.updatedIds[0])"), undos < 3 {
            _ = try? crashed.undoRedo(.undo, actor: Self.actor, now: StoreFixtures.now)
            undos += 1
        }
        #expect(Set(try Self.caseFiles(crashed).keys) == Set(before.keys), "k=\(k) after \(undos) undos")
        for id in Self.updatedIds { #expect(try crashed.load(id).value.title == "元の件名 \(id)", "k=\(k)") }
        #expect(undos <= 2)
    }

    /// A batch that completes leaves no pending entry (the write-ahead is settled).
    @Test func aCompletedImportIsSettled() throws {
        let store = try Self.freshStore()
        _ = try Self.importRun(store)
        let entry = try #require(try store.journal().undo.last)
        #expect(entry.pending == nil && entry.batch?.count == 8 && entry.batchCreated?.count == 6)
    }
}
