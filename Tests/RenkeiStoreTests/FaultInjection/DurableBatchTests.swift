import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiStore
import RenkeiCore

/// `DurableBatch` (the sync's move-in and the import's writes): whichever system call fails,
/// every file is either its old or its new content, whole, no temp file is left beside them,
/// and `placed` names exactly the items in place — what an import reports and resumes from.
@Suite(.serialized) struct DurableBatchTests {
    static let old: [String: String] = ["a.json": "{\"title\": \"旧 ①\"}\n", "b.json": "{\"title\": \"旧 ㈱髙橋\"}\n",
                                        "gone.json": "{\"title\": \"消える 🚀\"}\n"]
    static let new: [String: String?] = ["a.json": "{\"title\": \"新 ①②\"}\n", "b.json": "{\"title\": \"新 ﾊﾝｶｸ\"}\n",
                                         "c.json": "{\"title\": \"令和８年 新規\"}\n", "gone.json": nil]

    static func lab() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("durable-batch-" + UUID().uuidString)
        let dir = root.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in old { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return root
    }

    static func items(_ root: URL) -> [DurableBatch.Item] {
        new.keys.sorted().map { DurableBatch.Item(url: root.appendingPathComponent("cases/" + $0), data: new[$0]!.map { Data($0.utf8) }) }
    }

    static func contents(_ root: URL) -> [String: String] {
        let dir = root.appendingPathComponent("cases")
        var out: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            out[name] = (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "<unreadable>"
        }
        return out
    }

    /// Runs one batch with step `k` failing (nil: none): the steps, what was placed, what it threw.
    static func run(_ root: URL, failAt k: Int?, fault: FaultyFileSystem.Fault = .eio) -> (fs: FaultyFileSystem, placed: [Int], error: Error?, warning: StoreWarning?) {
        let fs = FaultyFileSystem(root: root, failAt: k, fault: fault)
        var placed: [Int] = [], warning: StoreWarning?
        let error: Error? = fs.installed {
            do { warning = try DurableBatch.apply(items(root)) { placed.append($0) }; return nil } catch { return error }
        }
        return (fs, placed, error, warning)
    }

    @Test func writesReplacesAndRemovesInOneGo() throws {
        let root = try Self.lab()
        defer { try? FileManager.default.removeItem(at: root) }
        var placed: [Int] = []
        #expect(try DurableBatch.apply(Self.items(root)) { placed.append($0) } == nil)
        #expect(Self.contents(root) == Self.new.compactMapValues { $0 })
        #expect(placed == [0, 1, 2, 3], "every item reported once, renames in order then the removal")
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("cases/c.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// The point of the batch: no fsync per file where the kernel has a trustworthy syncfs.
    @Test func oneSyncfsAndOneDirectoryFsyncInsteadOfAnFsyncPerFile() throws {
        FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
        let root = try Self.lab()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = Self.run(root, failAt: nil)
        #expect(r.error == nil)
        let steps = r.fs.steps
        if FS.systemSyncfs(-1) == -1 && errno == ENOSYS {
            #expect(steps.filter { $0 == "fsync" }.count == 3 + 1, "no syncfs here: an fsync per temp file and the directory's: \(steps)")
        } else {
            #expect(steps.filter { $0 == "syncfs" }.count == 1, "\(steps)")
            #expect(steps.filter { $0 == "fsync" }.count == 1, "only the directory's: \(steps)")
        }
    }

    /// A failing syncfs (possibly another program's write-back error) is not the batch's
    /// failure: each temp file is fsynced instead, which names the file if one of ours is bad.
    @Test func aFailedSyncfsFallsBackToAnFsyncPerFile() throws {
        FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
        let probe = try Self.lab()
        let clean = Self.run(probe, failAt: nil)
        try? FileManager.default.removeItem(at: probe)
        guard let k = clean.fs.steps.firstIndex(of: "syncfs") else { return }   // no trusted syncfs: per file already
        let root = try Self.lab()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = Self.run(root, failAt: k + 1)
        #expect(r.error == nil, "\(String(describing: r.error))")
        #expect(r.fs.steps.filter { $0 == "fsync" }.count == 3 + 1, "\(r.fs.steps)")
        #expect(Self.contents(root) == Self.new.compactMapValues { $0 })
    }

    @Test(arguments: [FaultyFileSystem.Fault.eio, .enospc, .shortWrite])
    func everyFailingStepLeavesEachFileOldOrNewAndNoTempFiles(_ fault: FaultyFileSystem.Fault) throws {
        FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
        // Learn how many steps a clean run takes, then fail each of them in turn.
        let probe = try Self.lab()
        let counter = Self.run(probe, failAt: nil, fault: fault).fs
        try? FileManager.default.removeItem(at: probe)
        #expect(counter.stepCount > 8)
        let sorted = Self.new.keys.sorted()
        for k in 1...counter.stepCount {
            let root = try Self.lab()
            defer { try? FileManager.default.removeItem(at: root) }
            let r = Self.run(root, failAt: k, fault: fault)
            let fs = r.fs, threw = r.error != nil
            let now = Self.contents(root)
            #expect(!now.keys.contains { $0.hasPrefix(DurableFile.tempPrefix) }, "step \(k) (\(fs.failed ?? "-")) left a temp file: \(now.keys.sorted())")
            for name in Set(Self.old.keys).union(Self.new.keys) {
                let allowed: Set<String?> = [Self.old[name], Self.new[name] ?? nil]
                #expect(allowed.contains(now[name]), "step \(k) (\(fs.failed ?? "-")): \(name) is \(now[name] ?? "absent")")
            }
            // `placed` is the truth a caller resumes from: exactly those items are new.
            for (i, name) in sorted.enumerated() {
                let expected = r.placed.contains(i) ? (Self.new[name] ?? nil) : Self.old[name]
                #expect(now[name] == expected, "step \(k) (\(fs.failed ?? "-")): \(name) placed=\(r.placed.contains(i))")
            }
            if let e = r.error { #expect(!"\(e)".contains("\n"), "one line: \(e)") }
            // A failure before any rename changes nothing at all.
            if threw, let failed = fs.failed, !fs.steps[..<(k - 1)].contains(where: { $0.hasPrefix("renameat") }), !failed.hasPrefix("renameat") {
                #expect(now == Self.old, "step \(k) (\(failed)) changed files before failing")
                #expect(r.placed.isEmpty)
            }
            // Nothing thrown (a short write is finished by the loop; a failed directory fsync is a
            // warning): the whole batch is in place.
            if !threw { #expect(now == Self.new.compactMapValues { $0 }, "step \(k) (\(fs.failed ?? "-")) returned without writing everything") }
            if r.warning != nil { #expect(fs.failed == "fsync", "a warning only for the directory fsync after the renames") }
        }
    }
}
