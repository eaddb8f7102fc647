import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on `<workspace>/.lock` via flock(2): it dies with the process
/// (no stale locks after kill -9) and, unlike fcntl locks, is not dropped when some other fd of
/// the same file is closed. Held only around read-modify-write, so two renkei processes
/// serialise their edits instead of losing one.
public final class WorkspaceLock: @unchecked Sendable {
    private let fd: Int32
    public let path: String
    /// flock(2) excludes other open file descriptions, not other threads sharing this one:
    /// threads of one process (e.g. the TUI's save queue and a reload) serialise here first.
    private let threadLock = NSLock()

    /// Why this workspace cannot be written (read-only file system or no write permission, or
    /// a `.lock` that is not a lock file); nil when the lock file could be opened for writing.
    public let readOnlyReason: StoreError?

    /// Never throws: reading (`list`, `show`, `overdue`, `validate`) takes no lock, so nothing
    /// about `.lock` may stop it (issue 18, finding 9: a `.lock` that was a symlink or a
    /// directory made even `list` fail). Writers get `readOnlyReason` from `withLock`, one line
    /// naming the file and what to do.
    public init(path: String) {
        self.path = path
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        var reason: StoreError? = nil
        if fd < 0 {
            // A read-only workspace (ro mount, someone else's files) must still be readable.
            // flock works on a read-only fd; if even that is impossible, writers get the reason.
            let e = errno
            reason = Self.unusable(path, code: e)
            if e == EROFS || e == EACCES || e == EPERM { fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        } else {
            // O_NONBLOCK opened a FIFO or a device without waiting: it is no lock file either.
            var st = stat()
            if fstat(fd, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
                close(fd); fd = -1
                reason = .workspace(.lockNotAFile(path: path, RegularFile.fileKind(st.st_mode), remove: "rm \(Self.quoted(path))"))
            }
        }
        self.fd = fd
        self.readOnlyReason = reason
    }

    /// The one line a writer sees when `.lock` cannot be opened for writing.
    static func unusable(_ path: String, code: Int32) -> StoreError {
        var st = stat()
        let kind = lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
        switch code {
        case ELOOP where kind == S_IFLNK:
            return .workspace(.lockNotAFile(path: path, .symbolicLink, remove: "rm \(quoted(path))"))
        case EISDIR:
            return .workspace(.lockNotAFile(path: path, .directory, remove: "rmdir \(quoted(path))"))
        case EROFS, EACCES, EPERM:
            return .io(path: path, op: "open lock file for writing", code: code)
        default:
            return .io(path: path, op: "open lock file", code: code)
        }
    }

    static func quoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Runs `body` holding the lock; waits up to `timeout` seconds for another process.
    public func withLock<T>(timeout: Double = 10, _ body: () throws -> T) throws -> T {
        // Only writers take the lock: in a read-only workspace they stop here, before any write.
        if let readOnlyReason { throw readOnlyReason }
        guard fd >= 0 else { throw StoreError.io(path: path, op: "open lock file", code: EBADF) }
        threadLock.lock()
        defer { threadLock.unlock() }
        let held = try acquire(timeout: timeout)
        defer {
            flock(held, LOCK_UN)
            if held != fd { close(held) }
        }
        return try body()
    }

    /// Returns an fd holding the lock. Uncontended: `fd` itself. Contended: a blocking flock(2)
    /// on a second open of the lock file, in a helper thread, so the kernel wakes us the moment
    /// the holder unlocks. (Polling with LOCK_NB starved: a writer in a tight loop re-took the lock
    /// before the poller looked, and 15 of 300 edits timed out — found by the reliability tests.)
    /// A separate open file description means an abandoned waiter can never unlock ours.
    private func acquire(timeout: Double) throws -> Int32 {
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
        guard errno == EWOULDBLOCK || errno == EINTR else { throw StoreError.io(path: path, op: "lock", code: errno) }
        let waitFD = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard waitFD >= 0 else { throw StoreError.io(path: path, op: "open lock file", code: errno) }
        final class Waiter: @unchecked Sendable {
            let mutex = NSLock(); let done = DispatchSemaphore(value: 0)
            var acquired = false, abandoned = false, error: Int32 = 0
        }
        let w = Waiter()
        Thread.detachNewThread {
            var r: Int32
            repeat { r = flock(waitFD, LOCK_EX) } while r != 0 && errno == EINTR
            let e = r == 0 ? 0 : errno
            w.mutex.lock()
            if w.abandoned { close(waitFD) } else { w.acquired = r == 0; w.error = e }
            w.mutex.unlock()
            w.done.signal()
        }
        _ = w.done.wait(timeout: .now() + timeout)
        w.mutex.lock(); defer { w.mutex.unlock() }
        if w.acquired { return waitFD }
        if w.error != 0 { close(waitFD); throw StoreError.io(path: path, op: "lock", code: w.error) }
        w.abandoned = true   // the helper closes waitFD (releasing the lock) if it ever gets it
        throw StoreError.locked(.lockHeld(path: path, seconds: Int(timeout)))
    }
}
