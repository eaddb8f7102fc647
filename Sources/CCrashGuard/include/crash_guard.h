// The workbench's fatal-signal guard (issue 18): on SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE or
// SIGABRT it restores the terminal, writes a crash log and one line to stderr, and dies with
// the signal's default action. In C because everything it does must be async-signal-safe
// (no allocation, no locks, no Swift runtime); only RenkeiTerminal calls it.
#ifndef RENKEI_CRASH_GUARD_H
#define RENKEI_CRASH_GUARD_H

/// Saves the terminal's modes (call before curses changes them), captures stderr while the
/// full-screen UI runs, and installs the handlers, replacing the Swift runtime's backtracer
/// (whose interactive prompt would otherwise be drawn inside the UI).
/// `log_dir`: where `renkei-crash-<UTC time>-<pid>.log` is written. `crashed`, `restored`,
/// `no_log`: the words of the one line (UTF-8, from the label table). Returns 0 on success.
int renkei_crash_guard_install(const char *log_dir, const char *crashed, const char *restored, const char *no_log);

/// After a normal end of the UI: stderr goes back to where it was (what was written to it
/// meanwhile is replayed there) and the previous handlers are restored.
void renkei_crash_guard_uninstall(void);

/// SIGTERM / SIGHUP while the UI runs: restore the terminal and exit with 128 + signal.
void renkei_crash_guard_on_terminate_signals(void);

#endif
