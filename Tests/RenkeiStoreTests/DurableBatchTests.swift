import Foundation
import Testing
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiStore

/// `DurableBatch`: many files with one data sync, and the same per-file guarantee as
/// `DurableFile` — each target is its old file or its new one, a failure before the renames
/// changes nothing, a failed rename reports exactly the files already in place.
@Suite struct DurableBatchTests {
    static let names = (1...12).map { String(format: "kintone-%02d.json", $0) }
    static func content(_ i: Int, _ round: String) -> Data {
        Data("{\"id\": \"kintone-\(i)\", \"title\": \"髙橋案 ①㈱ ｶﾅ 🚀 令和８年度 \(round)\"}\n".utf8)
    }

    /// A directory holding the old versions of the first half of the files.
    static func directory() throws -> URL {
        let dir = Scratch.url("batch")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (i, name) in names.enumerated() where i < names.count / 2 {
            try content(i, "旧").write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    static func files(_ round: String) -> [(name: String, bytes: Data)] {
        names.enumerated().map { ($0.element, content($0.offset, round)) }
    }

    static func listing(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            out[name] = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
        }
        return out
    }

    /// Runs one batch under a `FaultyFileSystem` failing step `k` (nil: none).
    static func run(failAt k: Int?) throws -> (dir: URL, before: [String: Data], renamed: [Int], error: Error?, steps: [String]) {
        let dir = try directory()
        let before = listing(dir)
        var renamed: [Int] = []
        let fs = FaultyFileSystem(root: dir, failAt: k, fault: .eio)
        let error: Error? = fs.installed {
            do { try DurableBatch.write(files("新"), in: dir) { renamed.append($0) }; return nil } catch { return error }
        }
        return (dir, before, renamed, error, fs.steps)
    }

    @Test func everyFileIsWrittenWholeWithOneSyncAndNoTempFileIsLeft() throws {
        FaultyFileSystem.gate.lock()
        defer { FaultyFileSystem.gate.unlock() }
        let r = try Self.run(failAt: nil)
        #expect(r.error == nil)
        #expect(r.renamed == Array(Self.names.indices))
        let after = Self.listing(r.dir)
        #expect(after.count == Self.names.count, "only the targets: \(after.keys.sorted())")
        for (i, name) in Self.names.enumerated() { #expect(after[name] == Self.content(i, "新"), "\(name)") }
        // One syncfs and one directory fsync, not two fsyncs per file (when the kernel has it).
        if FS.systemSyncfs(-1) != -1 || errno != ENOSYS {
            #expect(r.steps.filter { $0 == "syncfs" }.count == 1)
            #expect(r.steps.filter { $0 == "fsync" }.count == 1, "\(r.steps)")
        }
        var st = stat()
        #expect(stat(r.dir.appendingPathComponent(Self.names[0]).path, &st) == 0 && st.st_mode & 0o777 == 0o600)
    }

    @Test func aFailedSyncfsFallsBackToAnFsyncPerFile() throws {
        FaultyFileSystem.gate.lock()
        defer { FaultyFileSystem.gate.unlock() }
        let clean = try Self.run(failAt: nil)
        guard let k = clean.steps.firstIndex(of: "syncfs") else { return }   // kernel without a trusted syncfs: per-file already
        let r = try Self.run(failAt: k + 1)
        #expect(r.error == nil, "another program's write-back error must not fail the batch: \(String(describing: r.error))")
        #expect(r.steps.filter { $0 == "fsync" }.count == Self.names.count + 1, "\(r.steps)")
        for (i, name) in Self.names.enumerated() { #expect(Self.listing(r.dir)[name] == Self.content(i, "新")) }
    }

    @Test func aFailureBeforeTheRenamesChangesNothing() throws {
        FaultyFileSystem.gate.lock()
        defer { FaultyFileSystem.gate.unlock() }
        let clean = try Self.run(failAt: nil)
        let firstRename = try #require(clean.steps.firstIndex { $0.hasPrefix("renameat") })
        // Every step before the first rename: an open, a write, a close, the sync.
        for k in 1...firstRename {
            let r = try Self.run(failAt: k)
            let step = k <= r.steps.count ? r.steps[k - 1] : "?"
            if step == "syncfs" { continue }   // falls back (the test above)
            #expect(r.error != nil, "step \(k) (\(step)) failed but the batch reported success")
            #expect(r.renamed.isEmpty)
            #expect(Self.listing(r.dir) == r.before, "step \(k) (\(step)) failed and the directory changed")
            if let e = r.error { #expect(!"\(e)".contains("\n"), "one line: \(e)") }
        }
    }

    @Test func aFailedRenameReportsExactlyTheFilesInPlace() throws {
        FaultyFileSystem.gate.lock()
        defer { FaultyFileSystem.gate.unlock() }
        let clean = try Self.run(failAt: nil)
        let renames = clean.steps.indices.filter { clean.steps[$0].hasPrefix("renameat") }
        #expect(renames.count == Self.names.count)
        for (n, step) in renames.enumerated() where [0, 1, Self.names.count / 2, Self.names.count - 1].contains(n) {
            let r = try Self.run(failAt: step + 1)
            #expect(r.error != nil)
            #expect(r.renamed == Array(0..<n), "renamed before the failure at file \(n)")
            let after = Self.listing(r.dir)
            #expect(!after.keys.contains { $0.hasPrefix(DurableFile.tempPrefix) }, "temp files left: \(after.keys.sorted())")
            for (i, name) in Self.names.enumerated() {
                #expect(after[name] == (i < n ? Self.content(i, "新") : r.before[name]), "\(name) after a failed rename of file \(n)")
            }
        }
    }
}
