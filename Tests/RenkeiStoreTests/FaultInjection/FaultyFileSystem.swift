import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiStore

/// A `FileSystemCalls` that counts the store's I/O steps under one directory and fails the
/// k-th of them. Paths outside `root` (other tests running at the same time, the shipped
/// Data/) and descriptors it did not open go straight to the system, uncounted.
///
/// A step is one open, openat, write, fsync, syncfs, close, rename, unlink or mkdir of a path under
/// `root` (or on a descriptor opened there for writing, or a directory).
final class FaultyFileSystem: FileSystemCalls, @unchecked Sendable {
    enum Fault: String, CaseIterable, Sendable, CustomStringConvertible {
        case eio, enospc, eacces, shortWrite, emfile
        /// The errno a failing step sets (a short write fails nothing: it writes half).
        var code: Int32 {
            switch self {
            case .eio, .shortWrite: return EIO
            case .enospc: return ENOSPC
            case .eacces: return EACCES
            case .emfile: return EMFILE
            }
        }
        var description: String { rawValue }
    }

    let root: String
    let failAt: Int?
    let fault: Fault
    private let lock = NSLock()
    private var count = 0
    private var tracked = Set<Int32>()
    private(set) var steps: [String] = []
    /// What the failing step was (nil: none failed — k beyond the run, or a harmless fault).
    private(set) var failed: String?

    /// Steps failAt ..< failAt + repeats fail (a persistent fault, e.g. the same file opened again).
    let repeats: Int

    init(root: URL, failAt: Int?, fault: Fault, repeats: Int = 1) {
        self.root = root.standardizedFileURL.path + "/"
        self.failAt = failAt
        self.fault = fault
        self.repeats = repeats
    }

    var stepCount: Int { lock.withLock { count } }

    /// The root itself counts too: undo.json's durable write opens it to rename and fsync.
    private func under(_ path: String) -> Bool { path.hasPrefix(root) || path + "/" == root }

    /// Counts a step; true when it is the one to fail.
    private func step(_ what: String) -> Bool {
        lock.withLock {
            count += 1
            steps.append(what)
            guard let failAt, count >= failAt, count < failAt + repeats else { return false }
            if failed == nil { failed = what }
            return true
        }
    }
    private func isTracked(_ fd: Int32) -> Bool { lock.withLock { tracked.contains(fd) } }
    private func track(_ fd: Int32) { if fd >= 0 { _ = lock.withLock { tracked.insert(fd) } } }
    private func fail<T: BinaryInteger>(_ r: T) -> T { errno = fault.code; return r }

    /// Non-write steps ignore a short-write fault (it only means something for `write`).
    private func failsHere(_ what: String, isWrite: Bool = false) -> Bool {
        step(what) && (isWrite || fault != .shortWrite)
    }

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        guard under(path) else { return Glibc.open(path, flags, mode) }
        if failsHere("open \(path.dropFirst(root.count))") { return fail(-1) }
        let fd = Glibc.open(path, flags, mode)
        // Read-only opens are counted but not followed: their readers close them directly.
        if flags & (O_WRONLY | O_RDWR | O_DIRECTORY) != 0 { track(fd) }
        return fd
    }

    func openat(_ dir: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        guard isTracked(dir) else { return Glibc.openat(dir, name, flags, mode) }
        if failsHere("openat \(name.prefix(24))") { return fail(-1) }
        let fd = Glibc.openat(dir, name, flags, mode)
        track(fd)
        return fd
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ n: Int) -> Int {
        guard isTracked(fd) else { return Glibc.write(fd, buffer, n) }
        if failsHere("write \(n)", isWrite: true) {
            if fault == .shortWrite { return Glibc.write(fd, buffer, max(1, n / 2)) }
            return fail(-1)
        }
        return Glibc.write(fd, buffer, n)
    }

    func fsync(_ fd: Int32) -> Int32 {
        guard isTracked(fd) else { return Glibc.fsync(fd) }
        if failsHere("fsync") { return fail(-1) }
        return Glibc.fsync(fd)
    }

    func close(_ fd: Int32) -> Int32 {
        guard isTracked(fd) else { return Glibc.close(fd) }
        _ = lock.withLock { tracked.remove(fd) }
        let failing = failsHere("close")
        let r = Glibc.close(fd)          // closed either way, as close(2) does on EIO
        return failing ? fail(-1) : r
    }

    func rename(_ from: String, _ to: String) -> Int32 {
        guard under(from) || under(to) else { return Glibc.rename(from, to) }
        if failsHere("rename \(from.dropFirst(root.count)) → \(to.dropFirst(root.count))") { return fail(-1) }
        return Glibc.rename(from, to)
    }

    func renameat(_ fromDir: Int32, _ from: String, _ toDir: Int32, _ to: String) -> Int32 {
        guard isTracked(fromDir) || isTracked(toDir) else { return Glibc.renameat(fromDir, from, toDir, to) }
        if failsHere("renameat → \(to)") { return fail(-1) }
        return Glibc.renameat(fromDir, from, toDir, to)
    }

    func unlinkat(_ dir: Int32, _ name: String, _ flags: Int32) -> Int32 {
        guard isTracked(dir) else { return Glibc.unlinkat(dir, name, flags) }
        if failsHere("unlinkat \(name.prefix(24))") { return fail(-1) }
        return Glibc.unlinkat(dir, name, flags)
    }

    func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        guard under(path) else { return Glibc.mkdir(path, mode) }
        if failsHere("mkdir \(path.dropFirst(root.count))") { return fail(-1) }
        return Glibc.mkdir(path, mode)
    }

    func syncfs(_ fd: Int32) -> Int32 {
        guard isTracked(fd) else { return FS.systemSyncfs(fd) }
        if failsHere("syncfs") { return fail(-1) }
        return FS.systemSyncfs(fd)
    }

    /// Only one injector at a time (FS.injected is process-wide); tests in other directories
    /// keep running — their paths are not under `root`.
    static let gate = NSLock()

    /// Runs `body` with `self` installed.
    func installed<T>(_ body: () throws -> T) rethrows -> T {
        try FS.installing(self, body)
    }
}
