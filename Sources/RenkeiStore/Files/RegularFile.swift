import Foundation
import RenkeiCore
#if canImport(Glibc)
import Glibc
#endif

/// The one way renkei opens a file it reads (cases, the index, `undo.json`, calendars,
/// `funding/`, `catalog/`, `templates/`, config, import sources).
///
/// Why one helper: `open(O_RDONLY)` on a FIFO waits for a writer forever, and a device or a
/// socket is no better, so a single special file in the workspace hung `list`, `overdue`,
/// `note` and `export` (issue 18, finding 4). Here the open never blocks (O_NONBLOCK), never
/// follows a final symlink (O_NOFOLLOW), and `fstat` on the open descriptor — not a `stat`
/// before it, which a rename could outrun — refuses anything that is not a regular file, and
/// anything over `limit` bytes, before a byte is read. `RegularFileSourceTests` fails when a
/// source file reads some other way.
public enum RegularFile {
    /// Opens `path` for reading. The caller owns (and closes) the descriptor. `size` is the
    /// file's size at open time. `followSymlinks` is for files outside the workspace that a
    /// person names or manages (an import source, `~/.config/renkei/*` kept by a dotfiles
    /// tool); inside the workspace a symlink is never followed.
    public static func open(_ path: String, limit: Int, followSymlinks: Bool = false) throws -> (fd: Int32, size: Int, stat: stat) {
        let fd = FS.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followSymlinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let e = errno
            // ELOOP means "a final symlink" only under O_NOFOLLOW; a followed path that loops
            // is an error of its own ("Too many levels of symbolic links"), not "a pipe or a device".
            if e == ELOOP, !followSymlinks { throw StoreError.notRegular(path: path, what: .symbolicLink) }
            // A socket (ENXIO) or a device without a driver fails the open itself: name what it is.
            var st = stat()
            if e != ENOENT, e != EMFILE, e != ENFILE, e != ELOOP, lstat(path, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
                throw StoreError.notRegular(path: path, what: fileKind(st.st_mode))
            }
            throw StoreError.io(path: path, op: "open", code: e)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else { let e = errno; close(fd); throw StoreError.io(path: path, op: "stat", code: e) }
        guard st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw StoreError.notRegular(path: path, what: fileKind(st.st_mode))
        }
        guard Int(st.st_size) <= limit else {
            close(fd)
            throw StoreError.tooLarge(path: path, size: Int(st.st_size), limit: limit)
        }
        return (fd, Int(st.st_size), st)
    }

    /// The whole file, refused as `open` refuses. A file that shrinks while being read yields
    /// what was there; one that grows yields the size seen at open (never more than `limit`).
    public static func read(_ url: URL, limit: Int, followSymlinks: Bool = false) throws -> Data {
        try read(path: url.path, limit: limit, followSymlinks: followSymlinks)
    }

    public static func read(path: String, limit: Int, followSymlinks: Bool = false) throws -> Data {
        let (fd, size, _) = try open(path, limit: limit, followSymlinks: followSymlinks)
        defer { close(fd) }
        var data = Data(count: size)
        var got = 0
        let err: Int32 = data.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            while got < size {
                let n = Glibc.read(fd, base + got, size - got)
                if n < 0 { if errno == EINTR { continue }; return errno }
                if n == 0 { break }
                got += n
            }
            return 0
        }
        if err != 0 { throw StoreError.io(path: path, op: "read", code: err) }
        if got < size { data.removeSubrange(got..<size) }
        return data
    }

    /// What a non-regular file is, in a person's words.
    static func fileKind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFIFO: return .fifo
        case S_IFDIR: return .directory
        case S_IFSOCK: return .socket
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFLNK: return .symbolicLink
        default: return .special
        }
    }
}
