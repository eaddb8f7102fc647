import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temp workspaces and directories for tests, removed when the test process exits — so a test
/// that forgets its `defer`, or fails half-way, leaves nothing behind in /tmp.
public enum Scratch {
    /// A fresh path under the temp directory (not created: `Workspace.create` and `renkei init`
    /// want to create it themselves), removed at exit.
    public static func url(_ tag: String, suffix: String = "") -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-\(tag)-\(UUID().uuidString.prefix(8))\(suffix)")
        registry.add(u)
        return u
    }

    /// The same, created.
    public static func directory(_ tag: String) throws -> URL {
        let u = url(tag)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [URL] = []
        private var hooked = false
        func add(_ u: URL) {
            lock.lock(); defer { lock.unlock() }
            paths.append(u)
            if !hooked { hooked = true; atexit { Scratch.registry.removeAll() } }
        }
        func removeAll() {
            lock.lock(); let all = paths; paths = []; lock.unlock()
            for u in all {
                Scratch.makeWritable(u.path)
                try? FileManager.default.removeItem(at: u)
            }
        }
    }
    static let registry = Registry()

    /// A test may leave an unreadable or read-only directory behind (permission tests): open
    /// each directory up before listing it, never following symlinks out of the tree.
    static func makeWritable(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return }
        chmod(path, 0o700)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { makeWritable(path + "/" + name) }
    }
}
