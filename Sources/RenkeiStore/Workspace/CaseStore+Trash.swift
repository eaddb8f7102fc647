import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// Deleting a case (issue 14): the file moves to trash/, never removed, as one command in the
/// undo journal — `renkei undo` (or `u` in the workbench) brings it back, redo trashes it again.
extension CaseStore {
    /// The journal label of a deletion (`CommandSummary` words it for people).
    public static let deleteLabel = "delete case"

    /// Moves case `id` to trash/. Returns a journal warning (the move is done whatever it says).
    @discardableResult
    public func trash(_ id: String, actor: String, now: Timestamp) throws -> StoreWarning? {
        try workspace.lock.withLock {
            let url = try workspace.caseURL(id)
            let target = workspace.trashDir.appendingPathComponent(id + ".json")
            var st = stat()
            guard lstat(url.path, &st) == 0 else { throw StoreError.caseNotFound(id) }
            if lstat(target.path, &st) == 0 {
                throw StoreError.conflict(.targetExists(path: target.path, retry: "renkei delete \(id)"))
            }
            let journal = journalForWriting()
            try FS.makeDirectory(workspace.trashDir)
            guard FS.rename(url.path, target.path) == 0 else { throw StoreError.io(path: url.path, op: "rename", code: errno) }
            index?.invalidate()
            var entry = UndoJournal.Entry(command: Self.newCommandId(), caseId: id, label: Self.deleteLabel, at: now,
                                          actor: actor, session: session)
            entry.deletion = true
            return record(entry, in: journal)
        }
    }

    /// Undo of a deletion brings the file back from trash/; redo moves it there again. Either
    /// way a file already at the destination is never overwritten.
    func reverseDeletion(_ entry: UndoJournal.Entry, _ direction: UndoDirection) throws {
        let live = try workspace.caseURL(entry.caseId)
        let trash = workspace.trashDir.appendingPathComponent(entry.caseId + ".json")
        let (from, to) = direction == .undo ? (trash, live) : (live, trash)
        var st = stat()
        guard lstat(from.path, &st) == 0 else {
            throw direction == .undo ? UndoSkip.notInTrash : UndoSkip.notInCases
        }
        if lstat(to.path, &st) == 0 {
            throw direction == .undo ? UndoSkip.existsAgain : UndoSkip.pathExists(to.path)
        }
        try FS.makeDirectory(workspace.trashDir)
        guard FS.rename(from.path, to.path) == 0 else { throw StoreError.io(path: from.path, op: "rename", code: errno) }
        index?.invalidate()
    }
}
