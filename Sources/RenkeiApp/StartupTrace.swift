import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `RENKEI_TRACE_FIRST_FRAME=<file>`: the workbench appends one line,
/// `entry_ns first_frame_ns phase=ms…` (CLOCK_REALTIME; phases in ms since `main`), when it
/// draws its first frame with the portfolio loaded — so the benchmark harness can time the first
/// frame from `main` and from its own launch, without tmux's polling in the figure, and see
/// where the time went. Off (one getenv per mark) otherwise.
public enum StartupTrace {
    /// Set by the first statement of `main`.
    nonisolated(unsafe) public static var entryNs: Int64 = 0
    nonisolated(unsafe) private static var written = false
    nonisolated(unsafe) private static var phases: [(String, Int64)] = []
    private static let lock = NSLock()
    private static let enabled = !(ProcessInfo.processInfo.environment["RENKEI_TRACE_FIRST_FRAME"] ?? "").isEmpty

    /// Notes that a start-up phase ended (from any thread); kept only when tracing.
    public static func mark(_ phase: String) {
        guard enabled else { return }
        let t = now()
        lock.withLock { if !written { phases.append((phase, t)) } }
    }

    public static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    public static func markEntry() { entryNs = now() }

    /// After the first frame: appends `name=ms` (since `main`) on a line of its own.
    public static func note(_ name: String) {
        guard enabled, let path = ProcessInfo.processInfo.environment["RENKEI_TRACE_FIRST_FRAME"] else { return }
        append("\(name)=\(String(format: "%.1f", Double(now() - entryNs) / 1e6))\n", to: path)
    }

    private static func append(_ line: String, to path: String) {
        // O_NONBLOCK: a FIFO at the trace path must not stop the workbench (issue 18, finding 4).
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return }
        _ = line.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    public static func firstFrameDrawn() {
        guard enabled, !written else { return }
        let frame = now()
        let marks = lock.withLock { written = true; return phases }
        guard let path = ProcessInfo.processInfo.environment["RENKEI_TRACE_FIRST_FRAME"] else { return }
        let parts = marks.map { "\($0.0)=\(String(format: "%.1f", Double($0.1 - entryNs) / 1e6))" }
        let line = ([String(entryNs), String(frame)] + parts).joined(separator: " ") + "\n"
        append(line, to: path)
    }
}
