import Foundation
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import RenkeiStore

/// Issue 18, finding 4: every file renkei reads is opened by `RegularFile`, which refuses
/// anything but a regular file without blocking. The first test checks the helper on real
/// special files (with a timeout, so a hang fails instead of hanging CI); the second keeps
/// the class from coming back by refusing any other way of reading a file in Sources/.
@Suite struct RegularFileTests {
    /// Runs `body` on another thread; false when it did not return within `seconds`.
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { body(); done.signal() }
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test func specialFilesAreRefusedWithoutBlocking() throws {
        let dir = Scratch.url("rf")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("案件.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = dir.appendingPathComponent("link.json").path
        let regular = dir.appendingPathComponent("ok.json")
        try Data("{\"題\":\"①\"}".utf8).write(to: regular)  // 13 bytes
        #expect(symlink(regular.path, link) == 0)
        let sock = dir.appendingPathComponent("s.sock").path
        let sfd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(sfd) }
        var addr = sockaddr_un(); addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in _ = sock.withCString { strncpy(raw.baseAddress!.assumingMemoryBound(to: CChar.self), $0, raw.count - 1) } }
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sfd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)

        let cases: [(String, String)] = [(fifo, "named pipe (FIFO), not a regular file"), (dir.path, "a directory, not a regular file"),
                                         (link, "symbolic link (not followed)"), (sock, "not a regular file"),
                                         ("/dev/zero", "character device, not a regular file")]
        for (path, expected) in cases {
            final class Box: @unchecked Sendable { var message = "" }
            let box = Box()
            let finished = Self.finishes(within: 20) {
                do { _ = try RegularFile.read(path: path, limit: 1 << 20); box.message = "read" } catch { box.message = "\(error)" }
            }
            #expect(finished, "\(path): the read blocked")
            if finished {
                #expect(box.message.hasPrefix(path + ": ") && box.message.contains(expected), "\(path): \(box.message)")
            }
        }
        #expect(try RegularFile.read(regular, limit: 1 << 20) == Data("{\"題\":\"①\"}".utf8))
        #expect(try RegularFile.read(path: link, limit: 1 << 20, followSymlinks: true) == Data("{\"題\":\"①\"}".utf8))
        #expect(throws: StoreError.tooLarge(path: regular.path, size: 13, limit: 4)) { try RegularFile.read(regular, limit: 4) }
    }

    /// Every way of reading a file other than `RegularFile` (which blocks on a FIFO, or
    /// follows symlinks, or reads without a size cap) is refused in Sources/. A new call site
    /// must go through the helper or be listed here with the reason it is safe.
    @Test func sourcesReadFilesOnlyThroughRegularFile() throws {
        let sources = Repo.url("Sources")
        let forbidden = ["Data(contentsOf", "String(contentsOf", "FileHandle(forReading", "FileHandle(forUpdating", "fopen(",
                         ".contents(atPath", "InputStream(", "Archive(url"]
        let allowed: [String: String] = [
            // procfs reports size 0, so a size-capped read sees nothing; a benchmark tool, not user data.
            "renkei-bench/main.swift|String(contentsOfFile: \"/proc/self/status\"": "procfs",
        ]
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 100)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                var hit = forbidden.first { code.contains($0) }
                // A raw open(2) for reading must not block (O_NONBLOCK) or must be a directory.
                if hit == nil, code.contains("open("), code.contains("O_RDONLY") || code.contains("O_RDWR"),
                   !code.contains("O_NONBLOCK"), !code.contains("O_DIRECTORY") {
                    hit = "open( without O_NONBLOCK"
                }
                guard let hit else { continue }
                if allowed.keys.contains(where: { k in let p = k.split(separator: "|", maxSplits: 1); return file.hasSuffix(p[0]) && code.contains(p[1]) }) { continue }
                offenders.append("Sources/\(file):\(n + 1): \(hit)")
            }
        }
        #expect(offenders.isEmpty, "read through RegularFile instead:\n\(offenders.joined(separator: "\n"))")
    }
}
