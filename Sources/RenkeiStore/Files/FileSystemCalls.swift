import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The system calls the store makes when it opens, writes, moves or removes files: one seam,
/// so a test can fail the k-th of them (EIO, ENOSPC, EACCES, a short write) and check that
/// every write path leaves the workspace consistent (`Tests/RenkeiStoreTests/FaultInjection`).
///
/// Each call returns what the system call returns and sets `errno` like it. The product never
/// installs anything here: `FS.injected` is nil and every call goes straight to Glibc after one
/// uncontended lock (tens of nanoseconds next to a system call's microseconds).
public protocol FileSystemCalls: AnyObject, Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func openat(_ dir: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int
    func fsync(_ fd: Int32) -> Int32
    func close(_ fd: Int32) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func renameat(_ fromDir: Int32, _ from: String, _ toDir: Int32, _ to: String) -> Int32
    func unlinkat(_ dir: Int32, _ name: String, _ flags: Int32) -> Int32
    func mkdir(_ path: String, _ mode: mode_t) -> Int32
    func syncfs(_ fd: Int32) -> Int32
}

extension FileSystemCalls {
    /// A test file system that does not fail syncfs leaves it to the system's.
    public func syncfs(_ fd: Int32) -> Int32 { FS.systemSyncfs(fd) }
}

/// The store's system calls (see `FileSystemCalls`).
public enum FS {
    nonisolated(unsafe) private static var _injected: FileSystemCalls?
    private static let lock = NSLock()

    /// Test hook: the calls in use instead of the system's; nil (the default) is the system.
    public static var injected: FileSystemCalls? {
        lock.lock(); defer { lock.unlock() }; return _injected
    }

    /// Test hook: `calls` replace the system's while `body` runs. One installation at a time
    /// (others wait; nesting on one thread is allowed) and the previous one comes back after —
    /// never a bare `= nil` that would pull the seam from under a test running beside it.
    public static func installing<T>(_ calls: FileSystemCalls, _ body: () throws -> T) rethrows -> T {
        installGate.lock(); defer { installGate.unlock() }
        let previous = injected
        set(calls); defer { set(previous) }
        return try body()
    }
    private static let installGate = NSRecursiveLock()
    private static func set(_ calls: FileSystemCalls?) { lock.lock(); _injected = calls; lock.unlock() }

    public static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        if let f = injected { return f.open(path, flags, mode) }
        return Glibc.open(path, flags, mode)
    }
    public static func openat(_ dir: Int32, _ name: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        if let f = injected { return f.openat(dir, name, flags, mode) }
        return Glibc.openat(dir, name, flags, mode)
    }
    public static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        if let f = injected { return f.write(fd, buffer, count) }
        return Glibc.write(fd, buffer, count)
    }
    public static func fsync(_ fd: Int32) -> Int32 {
        if let f = injected { return f.fsync(fd) }
        return Glibc.fsync(fd)
    }
    @discardableResult
    public static func close(_ fd: Int32) -> Int32 {
        if let f = injected { return f.close(fd) }
        return Glibc.close(fd)
    }
    public static func rename(_ from: String, _ to: String) -> Int32 {
        if let f = injected { return f.rename(from, to) }
        return Glibc.rename(from, to)
    }
    public static func renameat(_ fromDir: Int32, _ from: String, _ toDir: Int32, _ to: String) -> Int32 {
        if let f = injected { return f.renameat(fromDir, from, toDir, to) }
        return Glibc.renameat(fromDir, from, toDir, to)
    }
    @discardableResult
    public static func unlinkat(_ dir: Int32, _ name: String, _ flags: Int32) -> Int32 {
        if let f = injected { return f.unlinkat(dir, name, flags) }
        return Glibc.unlinkat(dir, name, flags)
    }
    public static func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        if let f = injected { return f.mkdir(path, mode) }
        return Glibc.mkdir(path, mode)
    }

    /// syncfs(2): every dirty file of the filesystem holding `fd` written and flushed at once
    /// (`DurableBatch`); -1 with ENOSYS where it cannot be trusted (see `syncfsCall`).
    public static func syncfs(_ fd: Int32) -> Int32 {
        if let f = injected { return f.syncfs(fd) }
        return systemSyncfs(fd)
    }

    static func systemSyncfs(_ fd: Int32) -> Int32 {
        guard let call = syncfsCall else { errno = ENOSYS; return -1 }
        return call(fd)
    }

    /// Looked up at run time: Swift's Glibc module does not declare this GNU extension. Only on
    /// Linux ≥ 5.8, where syncfs returns write-back errors; before, it returned 0 even when a file
    /// could not be written, which would acknowledge a case that is not on disk.
    private static let syncfsCall: (@convention(c) (Int32) -> Int32)? = {
        var u = utsname()
        guard uname(&u) == 0 else { return nil }
        let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let version = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard version.count == 2, (version[0], version[1]) >= (5, 8), let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// `mkdir -p` through the seam (0700: contacts are personal data). An existing directory is fine.
    public static func makeDirectory(_ url: URL, mode: mode_t = 0o700) throws {
        var st = stat()
        if stat(url.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path, stat(parent.path, &st) != 0 { try makeDirectory(parent, mode: mode) }
        if mkdir(url.path, mode) != 0 && errno != EEXIST {
            throw StoreError.io(path: url.path, op: "create directory", code: errno)
        }
    }
}
