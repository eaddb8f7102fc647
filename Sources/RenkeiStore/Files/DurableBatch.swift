import Foundation
import RenkeiCore
#if canImport(Glibc)
import Glibc
#endif

/// Many files replaced (or removed) crash-safely in one go, with the guarantee of
/// `DurableFile.write` for each — a crash leaves every file either old or new, never torn, and
/// a file reported written survives a power cut — at the price of one disk flush round instead
/// of two fsyncs per file. The one batch writer: the sync's move-in and the import
/// (`CaseStore.writeBatch`, and the undo of an import) both go through `apply`.
///
/// Why: a sync that brings in 100 cases spent 1.8 s in 200 sequential fsyncs, and an import of
/// 10,000 cases 65 of its 95 s in 20,000 (each a device round trip on the team machine).
/// 1. Every new content goes to a temp file of its own beside its target (`DurableFile.writeTemp`),
///    closed at once (10,000 open files would run into a 1,024 descriptor limit).
/// 2. All of them are made durable together: one `syncfs(2)` per filesystem where the kernel
///    reports write-back errors through it (Linux ≥ 5.8); otherwise, or when it fails, an fsync
///    per temp file from `flushers` threads at once (ext4 and xfs commit concurrent fsyncs in one
///    journal transaction). Which is faster on the team machine is measured in BENCHMARKS
///    ("#13 import and calendar", `Benchmarks/batch_sync.py`).
/// 3. Each temp file is renamed over its target in item order, then the removals; `placed(i)`
///    after each, so a caller can report and resume exactly what is in place.
/// 4. Each directory is fsynced once.
/// A failure in 1 or 2 changes nothing (the temp files are removed) and throws. A crash before 3
/// leaves only temp files (`DurableFile.tempPrefix`: no scan of `cases/` mistakes one for a
/// case, start-up cleaning removes them); during 3 every target is its old file or its new one,
/// whole. A failed rename or removal throws after `placed` was called for the items already
/// done (their directories are fsynced first). A failed directory fsync after everything is in
/// place is not "not written" — a caller told that would retry — but the returned warning.
/// Callers that need all-or-nothing across files keep their own note (the sync's `pending`).
public enum DurableBatch {
    public struct Item: Sendable {
        public var url: URL
        /// nil removes the file (absent already is fine).
        public var data: Data?
        public var mode: mode_t
        public init(url: URL, data: Data?, mode: mode_t = 0o600) { self.url = url; self.data = data; self.mode = mode }
    }

    /// Threads issuing fsyncs at once: enough to fill a journal commit, few enough for 2 cores.
    static let flushers = 8

    /// One temp file: its directory's descriptor, its name there, the item it is for.
    struct Temp { var dir: Int32; var name: String; var item: Int }

    @discardableResult
    public static func apply(_ items: [Item], placed: (Int) -> Void = { _ in }) throws -> StoreWarning? {
        guard !items.isEmpty else { return nil }
        var dirs: [String: Int32] = [:]
        defer { for fd in dirs.values { FS.close(fd) } }
        func dirFD(_ dir: String) throws -> Int32 {
            if let fd = dirs[dir] { return fd }
            let fd = FS.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw StoreError.io(path: dir, op: "open directory", code: errno) }
            dirs[dir] = fd
            return fd
        }
        var temps: [Temp] = []
        temps.reserveCapacity(items.count)
        do {
            // 1. Every new content into a temp file beside its target.
            for (i, item) in items.enumerated() {
                guard let data = item.data else { continue }
                let dir = item.url.deletingLastPathComponent()
                let fd = try dirFD(dir.path)
                let (name, tmp) = try DurableFile.writeTemp(data, dirFD: fd, dir: dir, target: item.url, mode: item.mode)
                temps.append(Temp(dir: fd, name: name, item: i))
                if FS.close(tmp) != 0 { throw StoreError.io(path: item.url.path, op: "close", code: errno) }
            }
            // 2. All of them to the disk at once.
            try makeDurable(temps, items, dirs: Array(dirs.values))
        } catch {
            for t in temps { FS.unlinkat(t.dir, t.name, 0) }
            throw error
        }

        // 3. Into place; from here on a failure leaves some files new and some old (each whole).
        func stop(at k: Int, _ op: String, _ code: Int32) -> StoreError {
            for rest in temps[k...] { FS.unlinkat(rest.dir, rest.name, 0) }
            for fd in dirs.values { _ = FS.fsync(fd) }     // what is in place, durably so
            return StoreError.io(path: items[temps[k].item].url.path, op: op, code: code)
        }
        for (k, t) in temps.enumerated() {
            guard FS.renameat(t.dir, t.name, t.dir, items[t.item].url.lastPathComponent) == 0 else { throw stop(at: k, "rename", errno) }
            placed(t.item)
        }
        for (i, item) in items.enumerated() where item.data == nil {
            let dir = item.url.deletingLastPathComponent()
            let fd = try dirFD(dir.path)
            if FS.unlinkat(fd, item.url.lastPathComponent, 0) != 0 && errno != ENOENT {
                let e = errno
                for fd in dirs.values { _ = FS.fsync(fd) }
                throw StoreError.io(path: item.url.path, op: "remove", code: e)
            }
            placed(i)
        }
        // 4. The renames and removals themselves, once per directory.
        for (path, fd) in dirs.sorted(by: { $0.key < $1.key }) where FS.fsync(fd) != 0 {
            return DurableFile.notConfirmed(path, files: items.count, dir: URL(filePath: path, directoryHint: .isDirectory))
        }
        return nil
    }

    /// Step 2: one syncfs per filesystem, or an fsync per temp file from several threads.
    static func makeDurable(_ temps: [Temp], _ items: [Item], dirs: [Int32]) throws {
        guard !temps.isEmpty else { return }
        if syncfsEach(dirs) { return }
        let failure = ErrorBox()
        let lanes = min(flushers, temps.count)
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for k in stride(from: lane, to: temps.count, by: lanes) {
                if failure.error != nil { return }
                let t = temps[k]
                // Opened again: the writer closed it. Linux reports a write-back error not yet
                // seen by anyone to a descriptor opened after it (errseq), so none is missed.
                let fd = FS.openat(t.dir, t.name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)
                guard fd >= 0 else { failure.set(StoreError.io(path: items[t.item].url.path, op: "open temp file", code: errno)); return }
                let synced = FS.fsync(fd) == 0
                let e = errno
                FS.close(fd)
                if !synced { failure.set(StoreError.io(path: items[t.item].url.path, op: "fsync", code: e)); return }
            }
        }
        if let error = failure.error { throw error }
    }

    /// syncfs on each directory (a second one on the same filesystem finds little left to write);
    /// false when any is unavailable or fails — the caller then fsyncs file by file, which names
    /// the file at fault (a syncfs error may have been another program's).
    static func syncfsEach(_ dirs: [Int32]) -> Bool {
        dirs.allSatisfy { FS.syncfs($0) == 0 }
    }
}
