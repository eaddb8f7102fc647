// See crash_guard.h. Everything reachable from a handler uses only async-signal-safe calls
// (open, write, read, lseek, fstat, close, tcsetattr, clock_gettime, getpid, sigaction, raise)
// and memory prepared at install time. backtrace() is the one exception POSIX does not list:
// it is warmed up at install (its first call loads libgcc), after which it does not allocate.
#define _GNU_SOURCE
#include "crash_guard.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
#define FATAL_COUNT ((int)(sizeof fatal_signals / sizeof fatal_signals[0]))
static struct sigaction previous[FATAL_COUNT];
static struct sigaction previous_term, previous_hup;
static int terminate_installed = 0;

static struct termios saved_modes;
static int have_modes = 0;
static int installed = 0;
static volatile sig_atomic_t handling = 0;

static int original_stderr = -1;   // where stderr pointed before the UI
static int captured_stderr = -1;   // memfd receiving stderr while the UI runs

static char log_dir[2048];
static char word_crashed[512], word_restored[512], word_no_log[256];

// Leave what curses set up, without curses (which allocates): attributes, cursor, mouse
// reporting, application keypad, alternate screen.
static const char restore_sequence[] =
    "\033[0m\033[?25h\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1l\033>\033[?1049l\r\n";

static void put(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) { if (errno == EINTR) continue; return; }
        s += w; n -= (size_t)w;
    }
}
static void puts_fd(int fd, const char *s) { put(fd, s, strlen(s)); }

static void put_uint(int fd, unsigned long v, int width) {
    char b[24]; int i = 24;
    do { b[--i] = (char)('0' + v % 10); v /= 10; width--; } while ((v > 0 || width > 0) && i > 0);
    put(fd, b + i, (size_t)(24 - i));
}
static void put_hex(int fd, uintptr_t v) {
    char b[2 + 16]; int i = 18;
    do { int d = (int)(v & 15); b[--i] = (char)(d < 10 ? '0' + d : 'a' + d - 10); v >>= 4; } while (v > 0 && i > 2);
    b[--i] = 'x'; b[--i] = '0';
    put(fd, b + i, (size_t)(18 - i));
}

// Appends to a fixed buffer (for the log's path); never overflows.
static size_t append(char *dst, size_t at, size_t cap, const char *s) {
    while (*s && at + 1 < cap) dst[at++] = *s++;
    dst[at] = 0;
    return at;
}
static size_t append_uint(char *dst, size_t at, size_t cap, unsigned long v, int width) {
    char b[24]; int i = 24;
    do { b[--i] = (char)('0' + v % 10); v /= 10; width--; } while ((v > 0 || width > 0) && i > 0);
    while (i < 24 && at + 1 < cap) dst[at++] = b[i++];
    dst[at] = 0;
    return at;
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "signal";
    }
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm; pure arithmetic).
static void civil(long days, long *y, unsigned *m, unsigned *d) {
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    unsigned doe = (unsigned)(days - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

static void restore_terminal(void) {
    if (have_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    put(STDOUT_FILENO, restore_sequence, sizeof restore_sequence - 1);
}

// stderr back to where it was; returns the capture (or -1), positioned at its start.
static int release_stderr(void) {
    if (original_stderr < 0) return -1;
    dup2(original_stderr, STDERR_FILENO);
    int fd = captured_stderr;
    if (fd >= 0) lseek(fd, 0, SEEK_SET);
    return fd;
}

static void copy_fd(int from, int to, off_t skip) {
    char buf[4096];
    if (lseek(from, skip, SEEK_SET) < 0) return;
    for (;;) {
        ssize_t n = read(from, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        put(to, buf, (size_t)n);
    }
}

// The first "Fatal error…" line the Swift runtime wrote to the captured stderr (the reason of
// a trap), copied into `out`; empty when there is none.
static void fatal_reason(int fd, char *out, size_t cap) {
    static char tail[8192];
    out[0] = 0;
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) return;
    off_t from = st.st_size > (off_t)sizeof tail - 1 ? st.st_size - (off_t)sizeof tail + 1 : 0;
    if (lseek(fd, from, SEEK_SET) < 0) return;
    ssize_t n = 0;
    while (n < (ssize_t)sizeof tail - 1) {
        ssize_t r = read(fd, tail + n, sizeof tail - 1 - (size_t)n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += r;
    }
    tail[n] = 0;
    char *p = memmem(tail, (size_t)n, "Fatal error", 11);
    if (!p) return;
    size_t i = 0;
    while (p[i] && p[i] != '\n' && i + 1 < cap && i < 200) { out[i] = p[i]; i++; }
    out[i] = 0;
}

static int open_log(int sig, char *path, size_t cap) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    long secs = (long)ts.tv_sec, y; unsigned mo, d;
    civil(secs / 86400, &y, &mo, &d);
    long sod = secs % 86400;
    size_t at = append(path, 0, cap, log_dir);
    at = append(path, at, cap, "/renkei-crash-");
    at = append_uint(path, at, cap, (unsigned long)y, 4);
    at = append_uint(path, at, cap, mo, 2);
    at = append_uint(path, at, cap, d, 2);
    at = append(path, at, cap, "-");
    at = append_uint(path, at, cap, (unsigned long)(sod / 3600), 2);
    at = append_uint(path, at, cap, (unsigned long)(sod / 60 % 60), 2);
    at = append_uint(path, at, cap, (unsigned long)(sod % 60), 2);
    at = append(path, at, cap, "-");
    at = append_uint(path, at, cap, (unsigned long)getpid(), 1);
    at = append(path, at, cap, ".log");
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    puts_fd(fd, "renkei crash log\nsignal: ");
    puts_fd(fd, signal_name(sig));
    puts_fd(fd, " (");
    put_uint(fd, (unsigned long)sig, 1);
    puts_fd(fd, ")\ntime (UTC): ");
    put_uint(fd, (unsigned long)y, 4); puts_fd(fd, "-"); put_uint(fd, mo, 2); puts_fd(fd, "-"); put_uint(fd, d, 2);
    puts_fd(fd, "T"); put_uint(fd, (unsigned long)(sod / 3600), 2); puts_fd(fd, ":");
    put_uint(fd, (unsigned long)(sod / 60 % 60), 2); puts_fd(fd, ":"); put_uint(fd, (unsigned long)(sod % 60), 2);
    puts_fd(fd, "Z\npid: ");
    put_uint(fd, (unsigned long)getpid(), 1);
    puts_fd(fd, "\n");
    return fd;
}

static void on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (__atomic_exchange_n(&handling, 1, __ATOMIC_SEQ_CST)) {
        // A second fault (in another thread, or in here): just die.
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    int saved_errno = errno;
    restore_terminal();
    int captured = release_stderr();
    char reason[256];
    fatal_reason(captured, reason, sizeof reason);

    static char path[2300];
    int log = open_log(sig, path, sizeof path);
    if (log >= 0) {
        puts_fd(log, "fault address: ");
        put_hex(log, (uintptr_t)(info ? info->si_addr : 0));
        puts_fd(log, "\nsignal code: ");
        put_uint(log, (unsigned long)(info ? (unsigned)info->si_code : 0), 1);
        puts_fd(log, "\n\n--- stderr while the workbench ran ---\n");
        if (captured >= 0) copy_fd(captured, log, 0);
        puts_fd(log, "\n--- backtrace (symbolicate with the addresses and the maps below; swift demangle for names) ---\n");
        static void *frames[128];
        int n = backtrace(frames, 128);
        backtrace_symbols_fd(frames, n, log);
        puts_fd(log, "\n--- /proc/self/maps ---\n");
        int maps = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
        if (maps >= 0) { copy_fd(maps, log, 0); close(maps); }
        close(log);
    }
    // A script reading stderr keeps what the program wrote there before the crash.
    if (captured >= 0 && !isatty(STDERR_FILENO)) copy_fd(captured, STDERR_FILENO, 0);

    // The one line.
    puts_fd(STDERR_FILENO, "renkei: ");
    puts_fd(STDERR_FILENO, word_crashed);
    puts_fd(STDERR_FILENO, " (");
    puts_fd(STDERR_FILENO, signal_name(sig));
    if (reason[0]) { puts_fd(STDERR_FILENO, ": "); puts_fd(STDERR_FILENO, reason); }
    puts_fd(STDERR_FILENO, ") — ");
    puts_fd(STDERR_FILENO, word_restored);
    puts_fd(STDERR_FILENO, " ");
    puts_fd(STDERR_FILENO, log >= 0 ? path : word_no_log);
    puts_fd(STDERR_FILENO, "\n");

    // Die of the same signal: SA_RESETHAND put back the default action; a fault re-executes
    // its instruction on return, a raised signal is delivered once the handler returns.
    signal(sig, SIG_DFL);
    if (info == NULL || info->si_code <= 0) raise(sig);
    errno = saved_errno;
}

static void on_terminate(int sig) {
    restore_terminal();
    int captured = release_stderr();
    if (captured >= 0) copy_fd(captured, STDERR_FILENO, 0);
    _exit(128 + sig);
}

static void install_stack(void) {
    // The handler must run after a stack overflow (unbounded recursion) too.
    static int done = 0;
    if (done) return;
    size_t size = 64 * 1024;
    void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return;
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = mem;
    ss.ss_size = size;
    if (sigaltstack(&ss, NULL) == 0) done = 1;
}

int renkei_crash_guard_install(const char *dir, const char *crashed, const char *restored, const char *no_log) {
    if (installed) return 0;
    if (strlen(dir) >= sizeof log_dir) return -1;
    strcpy(log_dir, dir);
    word_crashed[0] = word_restored[0] = word_no_log[0] = 0;
    append(word_crashed, 0, sizeof word_crashed, crashed);
    append(word_restored, 0, sizeof word_restored, restored);
    append(word_no_log, 0, sizeof word_no_log, no_log);
    have_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;

    // Anything written to stderr while the UI runs would be drawn over it: keep it in memory,
    // for the crash log, and replay it when the UI ends.
    int mem = memfd_create("renkei-stderr", MFD_CLOEXEC);
    if (mem >= 0) {
        original_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
        if (original_stderr >= 0 && dup2(mem, STDERR_FILENO) >= 0) {
            captured_stderr = mem;
        } else {
            if (original_stderr >= 0) close(original_stderr);
            original_stderr = -1;
            close(mem);
        }
    }

    void *warm[2];
    (void)backtrace(warm, 2);
    install_stack();

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fatal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &sa, &previous[i]);
    installed = 1;
    return 0;
}

void renkei_crash_guard_on_terminate_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_terminate;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, &previous_term);
    sigaction(SIGHUP, &sa, &previous_hup);
    terminate_installed = 1;
}

void renkei_crash_guard_uninstall(void) {
    if (!installed) return;
    for (int i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &previous[i], NULL);
    if (terminate_installed) {
        sigaction(SIGTERM, &previous_term, NULL);
        sigaction(SIGHUP, &previous_hup, NULL);
        terminate_installed = 0;
    }
    int captured = release_stderr();
    if (captured >= 0) {
        copy_fd(captured, STDERR_FILENO, 0);
        close(captured);
    }
    if (original_stderr >= 0) close(original_stderr);
    original_stderr = captured_stderr = -1;
    installed = 0;
}
