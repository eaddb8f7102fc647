import Foundation
import RenkeiCore
#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe file replacement: a temp file in the same directory (O_CREAT|O_EXCL, 0600),
/// write loop, fsync, rename over the target, fsync the directory. A crash at any instant
/// leaves either the old file or the new one — never a torn one. Foundation's
/// `.atomic` write skips the directory fsync and leaves `.dat.nosync*` files after a kill.
public enum DurableFile {
    /// Temp files start with this prefix so a scan of `cases/` never mistakes one for a case,
    /// and start-up cleaning (under the lock) can find those a killed process left behind.
    public static let tempPrefix = ".renkei-tmp-"

    /// Test hook: while `body` runs, a write whose target is under `root` asks `allow` (target,
    /// byte count); false simulates ENOSPC. Rules are added and removed only here, each scoped to
    /// its test's directory, so tests running side by side cannot overwrite or clear each
    /// other's — the settable process-wide hook this replaces let one test's `= nil` switch off
    /// another's disk-full rule mid-test (the flaky `journalWriteFailureAfterASavedEdit…`).
    /// No rule in production: one uncontended lock per write.
    public static func withFaults<T>(under root: URL, allow: @escaping @Sendable (URL, Int) -> Bool, _ body: () throws -> T) rethrows -> T {
        let prefix = root.standardizedFileURL.path + "/"
        let id = rulesLock.withLock { () -> Int in
            nextRule += 1
            rules[nextRule] = FaultRule(prefix: prefix, allow: allow)
            return nextRule
        }
        defer { rulesLock.withLock { _ = rules.removeValue(forKey: id) } }
        return try body()
    }

    private struct FaultRule { let prefix: String; let allow: @Sendable (URL, Int) -> Bool }
    nonisolated(unsafe) private static var rules: [Int: FaultRule] = [:]
    nonisolated(unsafe) private static var nextRule = 0
    private static let rulesLock = NSLock()

    /// Whether a rule of `withFaults` fails this write.
    private static func faultInjected(_ url: URL, _ count: Int) -> Bool {
        let active = rulesLock.withLock { rules }
        guard !active.isEmpty else { return false }
        let path = url.standardizedFileURL.path
        return active.values.contains { path.hasPrefix($0.prefix) && !$0.allow(url, count) }
    }

    /// Writes `data` to `url` crash-safely. Throws when nothing changed on disk (the old file,
    /// if any, is intact). Once the rename has happened the new content is what every reader
    /// sees, so a later failure (the directory's fsync) is not reported as "not written" — a
    /// caller told that would retry and apply the edit twice — but returned as a warning: the
    /// change is in place but the disk did not confirm it would survive a power cut.
    @discardableResult
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o600) throws -> StoreWarning? {
        let dir = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let dirFD = FS.open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw StoreError.io(path: dir.path, op: "open directory", code: errno) }
        defer { FS.close(dirFD) }

        let (tmpName, fd) = try writeTemp(data, dirFD: dirFD, dir: dir, target: url, mode: mode)
        func fail(_ op: String, _ code: Int32) -> StoreError {
            FS.close(fd)
            FS.unlinkat(dirFD, tmpName, 0)
            return StoreError.io(path: url.path, op: op, code: code)
        }
        // If fsync fails the data may never reach the disk: report, never retry on this fd.
        if FS.fsync(fd) != 0 { throw fail("fsync", errno) }
        if FS.close(fd) != 0 { let e = errno; FS.unlinkat(dirFD, tmpName, 0); throw StoreError.io(path: url.path, op: "close", code: e) }
        if FS.renameat(dirFD, tmpName, dirFD, name) != 0 {
            let e = errno; FS.unlinkat(dirFD, tmpName, 0)
            throw StoreError.io(path: url.path, op: "rename", code: e)
        }
        return FS.fsync(dirFD) != 0 ? notConfirmed(url.path, files: nil, dir: dir) : nil
    }

    /// The warning for files renamed into place whose directory's fsync failed (read `errno`
    /// right after the failing call).
    static func notConfirmed(_ target: String, files: Int?, dir: URL) -> StoreWarning {
        guard case .io(_, let reason) = StoreError.problem(op: "fsync", code: errno) else { return .notConfirmed(target: target, files: files, directory: dir.path, reason: .diskError) }
        return .notConfirmed(target: target, files: files, directory: dir.path, reason: reason)
    }

    /// A new temp file beside `target` in `dirFD` (O_CREAT|O_EXCL, `mode`) holding all of `data`,
    /// still open (the caller fsyncs or closes it). On failure nothing is left behind and the
    /// error names `target`. Shared by `write` and `DurableBatch` (one temp-file discipline).
    static func writeTemp(_ data: Data, dirFD: Int32, dir: URL, target url: URL, mode: mode_t) throws -> (name: String, fd: Int32) {
        var tmpName = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            tmpName = tempPrefix + url.lastPathComponent + "." + String(UInt32.random(in: .min ... .max), radix: 36)
            fd = FS.openat(dirFD, tmpName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw StoreError.io(path: dir.appendingPathComponent(tmpName).path, op: "create temp file", code: errno) }
        func fail(_ code: Int32) -> StoreError {
            FS.close(fd)
            FS.unlinkat(dirFD, tmpName, 0)
            return StoreError.io(path: url.path, op: "write", code: code)
        }
        if faultInjected(url, data.count) { throw fail(ENOSPC) }
        var written = 0
        let total = data.count
        let err: Int32 = data.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            while written < total {
                let n = FS.write(fd, base + written, total - written)
                if n < 0 { if errno == EINTR { continue }; return errno }
                if n == 0 { return EIO }
                written += n      // a short write is not an error: write the rest
            }
            return 0
        }
        if err != 0 { throw fail(err) }
        return (tmpName, fd)
    }

    /// Kept for callers on other branches: reading is `RegularFile.read` (one implementation).
    public static func read(_ url: URL, limit: Int) throws -> Data {
        try RegularFile.read(url, limit: limit)
    }
}
