import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes sure the process has the file descriptors renkei needs, once, at start.
///
/// Why: with `ulimit -n 6` `list` died with SIGILL — libdispatch creates its epoll and event
/// descriptors lazily, the first time a worker thread starts (the parallel case decode), and
/// traps when it cannot; with `ulimit -n 8` the decode's `open`s failed with EMFILE and good
/// cases were listed as damaged (issue 18, finding 9). Neither can be handled where it
/// happens, so before any work: raise the soft limit towards the hard one (an unprivileged
/// process may) and check that `required` descriptors can really be opened (a parent may have
/// left many open). What is still short is one clear line naming `ulimit -n`.
///
/// libdispatch is not started here: `required` already counts its three descriptors, so it
/// finds them free whenever renkei first goes parallel, and commands that never do (`--version`,
/// a warm `list --count`) no longer pay for its two threads (issue 19's fixed cost). The sweep
/// over 2…40 free descriptors in SideFilesAndLimitsCLITests holds this.
public enum FileDescriptorBudget {
    /// Descriptors renkei may hold at once beyond stdin/out/err: libdispatch's event loop (3),
    /// the workspace lock and a waiter (2), the index (1), up to 8 decoding threads (8), a
    /// durable write's directory and temp file (2), the terminal, and room to spare.
    public static let required = 24
    /// What the soft limit is raised to when the hard limit allows (the usual default).
    static let comfortable: rlim_t = 1024
    /// Glibc imports RLIMIT_NOFILE as an enum case; the functions take its raw value.
    static let nofile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)

    /// Raises the limit if it can and checks `required` free descriptors.
    /// Throws `StoreError.workspace` with the one line to show.
    public static func prepare() throws {
        var lim = rlimit()
        if getrlimit(Self.nofile, &lim) == 0, lim.rlim_cur < comfortable, lim.rlim_max > lim.rlim_cur {
            var raised = lim
            raised.rlim_cur = min(lim.rlim_max, comfortable)
            if setrlimit(Self.nofile, &raised) == 0 { lim = raised }
        }
        let free = freeDescriptors(upTo: required)
        guard free >= required else {
            let limit = lim.rlim_cur == rlim_t.max ? "unlimited" : "\(lim.rlim_cur)"
            throw StoreError.workspace(.fileDescriptors(free: Int(free), limit: limit, required: Int(required)))
        }
    }

    /// How many descriptors can be opened now, counting up to `limit` (each probe is closed).
    static func freeDescriptors(upTo limit: Int) -> Int {
        var held: [Int32] = []
        defer { for fd in held { close(fd) } }
        let first = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard first >= 0 else { return 0 }
        held.append(first)
        while held.count < limit {
            let fd = fcntl(first, F_DUPFD_CLOEXEC, 0)
            if fd < 0 { break }
            held.append(fd)
        }
        return held.count
    }
}
