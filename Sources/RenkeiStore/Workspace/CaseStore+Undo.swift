import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// Undo and redo through the journal: only ever the acting person's own commands, and a command
/// that can no longer be taken back (its case quarantined or trashed, a field changed since by
/// someone else) is reported once and dropped, so it never blocks the stack.
extension CaseStore {
    public enum UndoDirection: Sendable { case undo, redo }

    /// Undoes (or redoes) `actor`'s most recent command in this workspace — in this workbench
    /// when `session` is set. Returns the case id and the label of what was reversed, and a
    /// warning when it was reversed but the journal could not record that.
    /// Throws `StoreError.conflict` (exit 4) when that command can no longer be reversed; it is
    /// then removed from the person's history and the next call goes on with the one before.
    public func undoRedo(_ direction: UndoDirection, actor: String, now: Timestamp) throws -> (caseId: String, label: String, warning: StoreWarning?) {
        try workspace.lock.withLock {
            let url = workspace.journalURL
            var journal: UndoJournal
            do { journal = try UndoJournal.load(url) } catch let problem as UndoJournal.Problem { throw StoreError.workspace(problem.message) }
            var stack = direction == .undo ? journal.undo : journal.redo
            var entry: UndoJournal.Entry
            // An entry whose reversal is already in its case's history (the journal could not be
            // updated after it) is moved across without a second write: `undo` always takes back
            // one more real command.
            repeat {
                guard let i = newestEntry(in: &stack, actor: actor) else {
                    throw CommandError.noChange(.nothingToUndo(redo: direction == .redo, actor: session == nil ? TerminalText.inline(actor) : nil,
                                                               keptAside: keptAsideFile()))
                }
                entry = stack.remove(at: i)
                guard alreadyReversed(entry, direction) else { break }
                if direction == .undo { journal.redo.append(entry) } else { journal.undo.append(entry) }
            } while true
            do {
                try reverse(entry, direction, actor: actor, now: now)
            } catch let skip as UndoSkip {
                if direction == .undo { journal.undo = stack } else { journal.redo = stack }
                try journal.save(url)
                throw StoreError.conflict(.undoSkipped(redo: direction == .redo, what: entry.label, caseId: entry.caseId, skip))
            } catch {
                // Not reversed, nothing dropped: a damaged file or a full disk can be fixed and retried.
                throw error
            }
            if direction == .undo { journal.undo = stack; journal.redo.append(entry) }
            else { journal.redo = stack; journal.undo.append(entry) }
            let batch = entry.batch ?? [entry.caseId]
            let what = batch.count == 1 ? batch[0] : "\(batch.count) cases"
            // The case files are changed from here on: a journal failure is not a failed undo
            // (the person would undo again and take back one more command) but a warning.
            do { try journal.save(url) } catch {
                return (what, entry.label, .historyNotUpdated(what: what, redo: direction == .redo, Self.message(error, path: url.path)))
            }
            return (what, entry.label, nil)
        }
    }

    /// The journal as it stands (for listings); a journal that cannot be read is reported.
    public func journal() throws -> UndoJournal {
        do { return try UndoJournal.load(workspace.journalURL) } catch let problem as UndoJournal.Problem { throw StoreError.workspace(problem.message) }
    }

    /// Whether the case's own history already shows `entry` reversed in `direction` (its last
    /// undo/redo event for the command is of that kind). Single-case commands only.
    private func alreadyReversed(_ entry: UndoJournal.Entry, _ direction: UndoDirection) -> Bool {
        guard entry.batch == nil, entry.record == nil, !entry.creation, entry.deletion != true, let doc = try? load(entry.caseId),
              let last = doc.value.events.last(where: { $0.target == entry.command }) else { return false }
        return last.kind == (direction == .undo ? .undo : .redo)
    }

    /// Index of the newest entry `actor` may reverse. Version-1 entries carry no actor: the
    /// case's event log says who made the command (filled in, so the next save migrates them).
    private func newestEntry(in stack: inout [UndoJournal.Entry], actor: String) -> Int? {
        for i in stack.indices.reversed() {
            if stack[i].actor == nil, let owner = eventActor(of: stack[i]) { stack[i].actor = owner }
            if stack[i].belongs(to: actor, session: session) { return i }
        }
        return nil
    }

    private func eventActor(of entry: UndoJournal.Entry) -> String? {
        guard entry.record == nil, let doc = try? load(entry.caseId) else { return nil }
        if entry.creation { return doc.value.events.first(where: { $0.kind == .created })?.actor }
        return doc.value.events.last(where: { $0.command == entry.command })?.actor
    }

    private func reverse(_ entry: UndoJournal.Entry, _ direction: UndoDirection, actor: String, now: Timestamp) throws {
        if let r = entry.record { return try reverseRecord(entry, r, direction, actor: actor, now: now) }
        if entry.batch != nil { return try reverseBatch(entry, direction, actor: actor, now: now) }
        if entry.creation { return try reverseCreation(entry, direction, actor: actor) }
        if entry.deletion == true { return try reverseDeletion(entry, direction) }
        var doc: CaseDocument
        do { doc = try load(entry.caseId) } catch StoreError.caseNotFound {
            throw UndoSkip.caseGoneOrTrashed
        }
        guard !doc.readOnly else { throw CommandError.readOnly(.readOnly(caseId: entry.caseId, version: nil, nothingImported: false)) }
        guard let event = doc.value.events.last(where: { $0.command == entry.command && $0.kind != .undo && $0.kind != .redo }) else {
            throw UndoSkip.historyGone
        }
        // Never take back another person's event, whatever the journal says.
        guard event.actor == actor else {
            throw UndoSkip.otherActor(by: TerminalText.inline(event.actor), me: TerminalText.inline(actor))
        }
        let ctx = Self.context(actor: actor, now: now, catalog: catalog)
        do {
            doc.value = direction == .undo ? try CaseCommands.undo(entry.command, in: doc.value, context: ctx)
                                           : try CaseCommands.redo(entry.command, in: doc.value, context: ctx)
        } catch CommandError.conflict(.changedSince(_, _, _, let field)) {
            throw UndoSkip.changedSince(field: field)
        }
        try save(&doc)
    }

    /// Undoing a creation moves the file to trash/ (never deletes); redo brings it back. A case
    /// someone else has edited since is not trashed: that would take back their work.
    private func reverseCreation(_ entry: UndoJournal.Entry, _ direction: UndoDirection, actor: String) throws {
        let url = try workspace.caseURL(entry.caseId)
        let trash = workspace.trashDir.appendingPathComponent(entry.caseId + ".json")
        let (from, to) = direction == .undo ? (url, trash) : (trash, url)
        var st = stat()
        guard lstat(from.path, &st) == 0 else {
            throw direction == .undo ? UndoSkip.caseGone : UndoSkip.notInTrash
        }
        if direction == .undo {
            let doc = try load(entry.caseId)
            if let other = doc.value.events.first(where: { $0.actor != actor }) {
                throw UndoSkip.editedSince(by: TerminalText.inline(other.actor), stays: entry.caseId)
            }
        } else if lstat(to.path, &st) == 0 {
            throw UndoSkip.existsAgain
        }
        try FS.makeDirectory(workspace.trashDir)
        if direction == .undo, lstat(to.path, &st) == 0 {
            throw StoreError.conflict(.targetExists(path: to.path, retry: nil))
        }
        guard FS.rename(from.path, to.path) == 0 else { throw StoreError.io(path: from.path, op: "rename", code: errno) }
        index?.invalidate()
    }

    // MARK: recording

    /// The journal as read before a write. Reading it first means nothing about `undo.json`
    /// (a FIFO, a damaged file) can stop the process between saving a case and acknowledging it.
    typealias JournalBeforeWrite = Result<UndoJournal, UndoJournal.Problem>

    func journalForWriting() -> JournalBeforeWrite {
        do { return .success(try UndoJournal.load(workspace.journalURL)) } catch { return .failure(error) }
    }

    /// Records `entry` after its case was saved. Returns a warning instead of throwing: the edit
    /// is durable and acknowledged whatever happens to the journal.
    func record(_ entry: UndoJournal.Entry, in before: JournalBeforeWrite) -> StoreWarning? {
        let url = workspace.journalURL
        var journal: UndoJournal
        var note: StoreWarning? = nil
        switch before {
        case .success(let j): journal = j
        case .failure(let problem):
            guard case .unreadable(_, let reason) = problem else { return .notJournaledNewer(caseId: entry.caseId, problem.message) }
            // Never silently replace a history: keep the unreadable file beside, say so, start anew.
            guard let aside = moveAside(url) else { return .notJournaledUnreadable(caseId: entry.caseId, problem.message) }
            journal = UndoJournal()
            note = .journalRestarted(path: url.path, reason, keptAs: aside)
        }
        journal.push(entry)
        do { try journal.save(url) } catch {
            return .journalNotUpdated(caseId: entry.caseId, Self.message(error, path: url.path))
        }
        return note
    }

    /// A failure as the label table's message: the store's own errors are typed; anything else
    /// (an encoder's) keeps its one line, named by the file.
    static func message(_ error: Error, path: String) -> StoreMessage {
        if let m = (error as? StoreError)?.message { return m }
        if let p = error as? UndoJournal.Problem { return p.message }
        return .io(path: path, .io(op: FileOp.write.rawValue, reason: .other(ErrorText.line(error))))
    }

    /// An empty history next to a kept-aside unreadable one says where the older history went.
    /// The newest unreadable undo history kept aside, if any (named in "nothing to undo").
    private func keptAsideFile() -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.root.path)) ?? []
        return names.filter { $0.hasPrefix(workspace.journalURL.lastPathComponent + ".damaged") }.sorted().last
    }

    private func moveAside(_ url: URL) -> String? {
        var st = stat()
        for n in 1...100 {
            let name = url.lastPathComponent + ".damaged" + (n == 1 ? "" : "-\(n)")
            let target = url.deletingLastPathComponent().appendingPathComponent(name)
            if lstat(target.path, &st) == 0 { continue }
            return FS.rename(url.path, target.path) == 0 ? name : nil
        }
        return nil
    }
}

