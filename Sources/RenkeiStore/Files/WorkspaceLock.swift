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

    public init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StoreError.io(path: path, op: "open lock file", code: errno) }
    }
    deinit { close(fd) }

    /// Runs `body` holding the lock; waits up to `timeout` seconds for another process.
    public func withLock<T>(timeout: Double = 10, _ body: () throws -> T) throws -> T {
        threadLock.lock()
        defer { threadLock.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw StoreError.io(path: path, op: "lock", code: errno) }
            if Date() > deadline {
                throw StoreError.locked("\(path): another renkei process has held the workspace lock for \(Int(timeout)) s; try again")
            }
            usleep(500)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
