import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

extension SummaryIndex {
    // MARK: writing

    /// Writes `snap` unless the on-disk index changed since `base` was read from it. `error`:
    /// why it could not be written (nil when written, or skipped because another process wrote).
    func write(_ snap: Snapshot, replacing base: Snapshot?) -> (wrote: Bool, error: StoreError?) {
        let path = url.path
        let current = DirectoryScan.stat(dir: workspace.indexDir.path, name: Self.fileName)
        if let base, base.fileStat != nil || current != nil, base.fileStat != current { return (false, nil) }
        do {
            try FS.makeDirectory(workspace.indexDir)
            try clearDirectoryInTheWay(path)
            let bytes = try snap.serialize()
            try DurableFile.write(Data(bytes), to: URL(fileURLWithPath: path))
            snap.fileStat = DirectoryScan.stat(dir: workspace.indexDir.path, name: Self.fileName)
            return (true, nil)
        } catch let e as StoreError {
            // A cache that cannot be written (read-only media, disk full) only costs speed — but
            // the person is told once (`tellProblems`), so a slow run has a visible reason.
            return (false, e)
        } catch {
            return (false, .workspace(.indexNotWritten(path: path, detail: ErrorText.line(error))))
        }
    }

    /// The rename of a durable write replaces a file, a symlink or a FIFO, but not a
    /// directory. `.index/` is renkei's own cache: an empty directory there is removed; one
    /// with something in it is left alone and named.
    private func clearDirectoryInTheWay(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return }
        if rmdir(path) == 0 {
            if discardReason == nil { discardReason = "a directory was in its place" }
            return
        }
        throw StoreError.workspace(.indexDirectoryInTheWay(path: path, move: "mv \(WorkspaceLock.quoted(path)) \(WorkspaceLock.quoted(path + ".old"))"))
    }

    /// One notice line when the index on disk was discarded or cannot be written.
    func tellProblems(writeError: StoreError?) {
        defer { discardReason = nil }
        guard let onNotice else { return }
        // A read-only workspace (ro mount, someone else's files) cannot hold an index: expected.
        if case .io(_, _, let code)? = writeError, code == EROFS || (workspace.lock.readOnlyReason != nil && (code == EACCES || code == EPERM)) { return }
        let path = url.path
        let notice: StoreWarning
        switch (discardReason, writeError) {
        case (nil, nil): return
        case (let why?, let err):
            notice = .indexRebuilt(path: path, detail: why, notRebuilt: err.map(Self.short))
        case (nil, let err?):
            notice = .indexNotWritten(path: path, Self.short(err))
        }
        if noticesSaid.insert(notice.text(.en)).inserted { onNotice(notice) }
    }

    /// The error's message (its path is the index's, already named by the notice).
    static func short(_ e: StoreError) -> StoreMessage {
        e.message ?? .indexNotWritten(path: "", detail: e.description)
    }
}
