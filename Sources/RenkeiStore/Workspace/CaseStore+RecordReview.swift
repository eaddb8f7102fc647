import Foundation
import RenkeiCore

/// Reviewing a concurrent edit of a municipality profile or partner record (issue 12): the
/// records merge field by field like cases (`RecordMerge`), and their disagreements are listed
/// and reviewed beside the cases'. A review is one undoable command: the journal keeps the
/// field's value before and after (records have no event log to point into).
extension CaseStore {
    /// The record files a shared workspace merges, relative to the workspace.
    public func recordFiles() -> [String] {
        var out: [String] = []
        for dir in [workspace.municipalitiesDir, workspace.partnersDir] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where RecordFileMerge.isRecord(dir.lastPathComponent + "/" + name) {
                out.append(dir.lastPathComponent + "/" + name)
            }
        }
        return out
    }

    /// A record file's tree, or nil when it is missing or does not read (its loader reports that).
    public func recordTree(_ file: String) -> JSONValue? {
        guard let data = try? RegularFile.read(workspace.root.appendingPathComponent(file), limit: RecordFiles.maxFileSize) else { return nil }
        return try? JSONDocument.parse(data)
    }

    /// Marks a record's concurrent edit reviewed, or takes its other value; journaled for undo.
    /// The warning: saved, but the undo history could not record it.
    public func resolveRecordEdit(file: String, id: String, takeOther: Bool, actor: String, now: Timestamp) throws -> (RecordEdits.Resolved, warning: StoreWarning?) {
        try workspace.lock.withLock {
            guard RecordFileMerge.isRecord(file), let tree = recordTree(file) else {
                throw StoreError.workspace(.notARecord(file: file))
            }
            let r: RecordEdits.Resolved
            do { r = try RecordEdits.resolve(tree, id: id, takeOther: takeOther, by: actor, at: now) } catch let e as RecordEdits.Failure {
                throw Self.recordFailure(file, e)
            }
            let journal = journalForWriting()
            try writeRecord(file, r.tree)
            var entry = UndoJournal.Entry(command: Self.newCommandId(), caseId: file, label: "resolve \(id)",
                                          at: now, actor: actor, session: session)
            entry.record = UndoJournal.RecordReview(edit: id, path: r.path, before: r.before, after: r.after, takeOther: takeOther)
            // The record is saved: a journal problem is a warning, as for a case.
            return (r, record(entry, in: journal))
        }
    }

    static func recordFailure(_ file: String, _ error: RecordEdits.Failure) -> Error {
        switch error {
        case .unknown(let id): return CommandError.invalid(.noConcurrentEdit(file: file, id: id))
        case .pathGone(let path): return StoreError.conflict(.recordFieldGone(file: file, path: path))
        }
    }

    /// Sorted keys, pretty-printed: the form `RecordFileMerge` writes, so git sees one change.
    func writeRecord(_ file: String, _ tree: JSONValue) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try DurableFile.write(try e.encode(tree) + Data("\n".utf8), to: workspace.root.appendingPathComponent(file), mode: 0o644)
    }

    /// Undo: the field back to its value before and the edit open again; redo: the review again.
    /// Either only when the field still holds what the review left (else someone changed it since).
    func reverseRecord(_ entry: UndoJournal.Entry, _ r: UndoJournal.RecordReview, _ direction: UndoDirection, actor: String, now: Timestamp) throws {
        guard let tree = recordTree(entry.caseId) else { throw UndoSkip.recordUnreadable }
        let next: JSONValue?
        if direction == .undo {
            next = RecordEdits.unresolve(tree, id: r.edit, path: r.path, before: r.before, after: r.after)
        } else {
            next = RecordEdits.value(at: r.path, in: tree) == r.before
                ? try? RecordEdits.resolve(tree, id: r.edit, takeOther: r.takeOther, by: actor, at: now).tree : nil
        }
        guard let next else { throw UndoSkip.recordChanged(path: r.path) }
        try writeRecord(entry.caseId, next)
    }
}
