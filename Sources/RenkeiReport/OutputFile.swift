import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiStore

/// A file a person names for output (`export -o`, `ical -o`, the calendar feed, the result git
/// asks its merge driver to write) — not a file
/// of the workspace. The workspace's files are replaced atomically (temp file + rename) and a
/// symlink there is never followed; here that was wrong: `-o /dev/null` run as root renamed a
/// regular file over the device node (found by the hostile sweep: /dev/null, /dev/zero and
/// /dev/full became regular files), a FIFO or a symlink the person keeps was replaced.
///
/// So: an existing regular file (through any symlink to it) is replaced atomically — the link
/// stays a link; a character device, FIFO or socket is written into as a stream (a FIFO with no
/// reader is refused, never waited for); a directory, a block device or a symlink loop is
/// refused in one line; a missing file is created as before.
public enum OutputFile {
    public static func write(_ data: Data, to url: URL, mode: mode_t) throws {
        var st = stat()
        guard stat(url.path, &st) == 0 else {
            let e = errno
            if e == ELOOP { throw ReportError.outputNotWritable(path: url.path, problem: .symlinkLoop) }
            try replace(data, at: url, mode: mode)   // absent: created (a dangling link is replaced, not written through)
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            // Through a symlink: replace the file it points to, keep the person's link.
            let real = url.resolvingSymlinksInPath()
            try replace(data, at: real, mode: mode)
        case S_IFDIR:
            throw ReportError.outputNotWritable(path: url.path, problem: .directory)
        case S_IFCHR, S_IFIFO, S_IFSOCK:
            try stream(data, to: url.path)
        default:
            throw ReportError.outputNotWritable(path: url.path, problem: .special)
        }
    }

    private static func replace(_ data: Data, at url: URL, mode: mode_t) throws {
        do { try DurableFile.write(data, to: url, mode: mode) } catch let e as StoreError {
            if case .io(_, let op, let code) = e {
                throw ReportError.outputNotWritable(path: url.path, problem: .io(StoreError.problem(op: op, code: code)))
            }
            throw e
        }
    }

    /// Into a device, a pipe or a socket, as `cat > path` would — but a FIFO nobody reads is an
    /// error at once (O_NONBLOCK open: ENXIO), not a wait forever.
    private static func stream(_ data: Data, to path: String) throws {
        let fd = Glibc.open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            if e == ENXIO { throw ReportError.outputNotWritable(path: path, problem: .pipeWithoutReader) }
            throw ReportError.outputNotWritable(path: path, problem: .io(StoreError.problem(op: "open", code: e)))
        }
        defer { Glibc.close(fd) }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        var written = 0
        let err: Int32 = data.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            while written < raw.count {
                let n = Glibc.write(fd, base + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return errno }
                written += n
            }
            return 0
        }
        if err != 0 { throw ReportError.outputNotWritable(path: path, problem: .io(StoreError.problem(op: "write", code: err))) }
    }
}
