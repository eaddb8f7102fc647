import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiStore

/// `DurableBatch` (the sync's move-in writes): whichever system call fails, every file is
/// either its old or its new content, whole, and no temp file is left beside them.
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

    @Test func writesReplacesAndRemovesInOneGo() throws {
        let root = try Self.lab()
        defer { try? FileManager.default.removeItem(at: root) }
        try DurableBatch.apply(Self.items(root))
        #expect(Self.contents(root) == Self.new.compactMapValues { $0 })
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("cases/c.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [FaultyFileSystem.Fault.eio, .enospc, .shortWrite])
    func everyFailingStepLeavesEachFileOldOrNewAndNoTempFiles(_ fault: FaultyFileSystem.Fault) throws {
        FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
        // Learn how many steps a clean run takes, then fail each of them in turn.
        let probe = try Self.lab()
        let counter = FaultyFileSystem(root: probe, failAt: nil, fault: fault)
        try counter.installed { try DurableBatch.apply(Self.items(probe)) }
        try? FileManager.default.removeItem(at: probe)
        #expect(counter.stepCount > 8)
        for k in 1...counter.stepCount {
            let root = try Self.lab()
            defer { try? FileManager.default.removeItem(at: root) }
            let fs = FaultyFileSystem(root: root, failAt: k, fault: fault)
            let threw = (try? fs.installed { try DurableBatch.apply(Self.items(root)) }) == nil
            let now = Self.contents(root)
            #expect(!now.keys.contains { $0.hasPrefix(DurableFile.tempPrefix) }, "step \(k) (\(fs.failed ?? "-")) left a temp file: \(now.keys.sorted())")
            for name in Set(Self.old.keys).union(Self.new.keys) {
                let allowed: Set<String?> = [Self.old[name], Self.new[name] ?? nil]
                #expect(allowed.contains(now[name]), "step \(k) (\(fs.failed ?? "-")): \(name) is \(now[name] ?? "absent")")
            }
            // A failure before any rename changes nothing at all.
            if threw, let failed = fs.failed, !fs.steps[..<(k - 1)].contains(where: { $0.hasPrefix("renameat") }), !failed.hasPrefix("renameat") {
                #expect(now == Self.old, "step \(k) (\(failed)) changed files before failing")
            }
            // Nothing thrown (a short write is finished by the loop): the whole batch is in place.
            if !threw { #expect(now == Self.new.compactMapValues { $0 }, "step \(k) (\(fs.failed ?? "-")) returned without writing everything") }
        }
    }
}
