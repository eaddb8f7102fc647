import CCrashGuard
import Foundation

/// The workbench's guard against fatal signals (issue 18). While the full-screen UI runs, a
/// crash (a Swift trap — SIGILL/SIGTRAP —, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) restores the
/// terminal (saved termios, normal screen, cursor, mouse off), writes
/// `<directory>/renkei-crash-<UTC time>-<pid>.log` (signal, fault address, what was written to
/// stderr — the runtime's "Fatal error: …" —, a raw backtrace, the memory map) and one line to
/// stderr naming the log, then dies of the same signal (default action, so the exit status and a
/// core dump are as before).
///
/// Why our own handlers instead of Swift's backtracer: the runtime installs its handlers at
/// process start and, with stdin and stdout a terminal, shows an interactive prompt over the UI
/// in raw mode. Its settings (`SWIFT_BACKTRACE`) are read once at start, so the only ways to
/// change them are re-exec'ing with the variable set (a second process start on every
/// `renkei open`, and a different argv/environment to get right) or installing handlers after
/// the runtime's. The second is deterministic — it does not depend on the environment the user
/// started us with, nor on whether `swift-backtrace` is installed next to the runtime — and the
/// UI only starts long after the runtime's initialisation. The handler is C
/// (`Sources/CCrashGuard`) so that nothing in it allocates or takes a lock.
public enum CrashGuard {
    public struct Settings: Sendable {
        /// Where crash logs go (created 0700 if missing).
        public var directory: URL
        /// The words of the one line, from the label table: "… stopped", "… restored; log:", "no log".
        public var stopped: String
        public var restored: String
        public var noLog: String
        public init(directory: URL, stopped: String, restored: String, noLog: String) {
            self.directory = directory; self.stopped = stopped; self.restored = restored; self.noLog = noLog
        }
    }

    /// Installs the guard; call before curses changes the terminal modes.
    static func install(_ s: Settings) {
        try? FileManager.default.createDirectory(at: s.directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        _ = renkei_crash_guard_install(s.directory.path, s.stopped, s.restored, s.noLog)
    }

    /// After the UI ended normally: stderr and the previous handlers come back.
    static func uninstall() { renkei_crash_guard_uninstall() }

    /// SIGTERM/SIGHUP while the UI runs: restore the terminal and exit 128 + signal.
    static func handleTerminateSignals() { renkei_crash_guard_on_terminate_signals() }
}
