import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the index remembers about a case file to know, without reading it, that it has not
/// changed: inode, size, and modification and status-change times in nanoseconds.
/// `ctime` cannot be set from user space (`touch -d`, `rsync -t` and editors that restore
/// mtime still move it), and a renkei save replaces the inode (rename).
public struct FileStat: Equatable, Sendable {
    public var inode: UInt64
    public var size: Int64
    public var mtimeNs: Int64
    public var ctimeNs: Int64
    public var mode: UInt32

    public init(inode: UInt64, size: Int64, mtimeNs: Int64, ctimeNs: Int64, mode: UInt32) {
        self.inode = inode; self.size = size; self.mtimeNs = mtimeNs; self.ctimeNs = ctimeNs; self.mode = mode
    }

    init(_ st: stat) {
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        mtimeNs = Int64(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(st.st_mtim.tv_nsec)
        ctimeNs = Int64(st.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(st.st_ctim.tv_nsec)
        mode = UInt32(st.st_mode)
    }

    /// An impossible stat: an entry stored with it is re-read next time.
    static let unknown = FileStat(inode: 0, size: -1, mtimeNs: 0, ctimeNs: 0, mode: 0)

    var isRegular: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    /// The later of mtime and ctime: what the "racily clean" rule compares with.
    var changedNs: Int64 { max(mtimeNs, ctimeNs) }
}

/// readdir + fstatat(AT_SYMLINK_NOFOLLOW) relative to the directory fd: no path building, no
/// FileManager, one syscall per file.
func lstatFile(_ path: String) -> FileStat? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return FileStat(st)
}

enum DirectoryScan {
    struct Item { var name: String; var stat: FileStat? }

    /// Case files of `dir` (names ending in ".json", not starting with "."), unsorted.
    /// A name that vanishes between readdir and stat is skipped; any other stat failure is
    /// returned with `stat == nil` so the caller reports it.
    static func caseFiles(in dir: String) throws -> [Item] {
        guard let d = opendir(dir) else { throw StoreError.io(path: dir, op: "open directory", code: errno) }
        defer { closedir(d) }
        let dfd = dirfd(d)
        var out: [Item] = []
        out.reserveCapacity(1024)
        while true {
            errno = 0
            guard let ent = readdir(d) else {
                if errno != 0 { throw StoreError.io(path: dir, op: "read directory", code: errno) }
                break
            }
            let item: Item? = withUnsafePointer(to: &ent.pointee.d_name) { tuple -> Item? in
                let p = UnsafeRawPointer(tuple).assumingMemoryBound(to: CChar.self)
                let n = strlen(p)
                // ".json" suffix and no leading dot, checked on bytes.
                guard n > 5, p[0] != 0x2E, p[n - 5] == 0x2E, p[n - 4] == 0x6A, p[n - 3] == 0x73, p[n - 2] == 0x6F, p[n - 1] == 0x6E else { return nil }
                var st = Glibc.stat()
                if fstatat(dfd, p, &st, AT_SYMLINK_NOFOLLOW) != 0 {
                    if errno == ENOENT { return nil }
                    return Item(name: String(cString: p), stat: nil)
                }
                return Item(name: String(cString: p), stat: FileStat(st))
            }
            if let item { out.append(item) }
        }
        return out
    }

    static func stat(dir: String, name: String) -> FileStat? { lstatFile(dir + "/" + name) }

    /// CLOCK_REALTIME in nanoseconds (the clock file timestamps come from, coarsened).
    static func nowNs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
