import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// What a batch wrote: the ids created and updated (in write order).
public struct BatchResult: Sendable, Equatable {
    public var created: [String] = []
    public var updated: [String] = []
    public var journalWarning: StoreWarning? = nil
}

/// Many cases as one command (an import): planned and written under one lock, journaled as one
/// undo entry that reverses every case or none.
extension CaseStore {
    /// Ids of cases in trash/ (deleted by undoing their creation).
    public func trashedIds() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.trashDir.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
    }

    /// Runs `prepare` under the workspace lock with the cases as they are on disk now (so the
    /// plan it makes is the one written), then saves each document it returns durably and
    /// journals them as one command. Every document is complete before it is written; a crash
    /// mid-way leaves whole cases behind and re-running the same import finishes the rest.
    public func writeBatch<Plan>(label: String, actor: String, now: Timestamp,
                                 prepare: (_ existing: @escaping (String) -> CaseDocument?, _ context: CommandContext) throws -> (Plan, [CaseDocument]))
        throws -> (Plan, BatchResult) {
        try workspace.lock.withLock {
            let present = Set(caseFileNames().map { String($0.dropLast(5)) })
            var cache: [String: CaseDocument?] = [:]
            var unreadable: Error?
            let existing: (String) -> CaseDocument? = { [self] id in
                guard present.contains(id) else { return nil }
                if let hit = cache[id] { return hit }
                // A case that is there but cannot be read (a disk error, a damaged file) is not
                // "absent": the plan would create it anew over the file. Remembered, and the
                // batch stops before writing anything.
                let doc: CaseDocument?
                do { doc = try load(id) } catch { doc = nil; if unreadable == nil { unreadable = error } }
                cache[id] = doc
                return doc
            }
            let ctx = Self.context(actor: actor, now: now, catalog: catalog)
            let (plan, documents) = try prepare(existing, ctx)
            if let unreadable { throw unreadable }
            var result = BatchResult()
            guard !documents.isEmpty else { return (plan, result) }
            if let ro = documents.first(where: { existing($0.value.id)?.readOnly == true }) {
                throw CommandError.readOnly(.readOnly(caseId: ro.value.id, version: nil, nothingImported: true))
            }
            // Read before any case is written (see `journalForWriting`).
            let journal = journalForWriting()
            // Every case is encoded and size-checked before the first is written.
            let prepared = try documents.map(prepareSave)
            func entry(_ ids: [String]) -> UndoJournal.Entry {
                var e = UndoJournal.Entry(command: ctx.commandId, caseId: ids[0], label: label, at: now, actor: actor, session: session)
                e.batch = ids
                e.batchCreated = result.created
                return e
            }
            // Write-ahead: the whole batch is journaled (pending) before the first case is
            // renamed into place, so a kill -9 half-way leaves an entry `undo` can take back —
            // before, the cases written until the kill were in no entry and could never be undone.
            let ids = documents.map(\.value.id)
            var ahead = entry(ids)
            ahead.batchCreated = ids.filter { !present.contains($0) }
            ahead.pending = true
            let aheadProblem = record(ahead, in: journal)
            // One data sync for the whole batch (`DurableBatch`): every case file is still
            // written to a temp file and made durable before it is renamed into place.
            var unconfirmed: StoreWarning?
            do {
                unconfirmed = try DurableBatch.apply(prepared.map { DurableBatch.Item(url: $0.url, data: $0.bytes) }) { i in
                    let id = prepared[i].doc.value.id
                    if present.contains(id) { result.updated.append(id) } else { result.created.append(id) }
                }
            } catch {
                // Cases written so far stay (each is whole) and are journaled as what this
                // command did, so `undo` can take them back; re-running finishes the rest.
                let done = result.updated + result.created
                let journaled = settle(ctx.commandId, as: done.isEmpty ? nil : entry(done), aheadProblem: aheadProblem)
                guard !done.isEmpty else { throw error }
                let cause = Self.message(error, path: "")
                throw StoreError.workspace(.batchStopped(label: label, written: done.count, total: prepared.count, cause: cause, journal: journaled))
            }
            result.journalWarning = StoreWarning.join(unconfirmed, settle(ctx.commandId, as: entry(ids), aheadProblem: aheadProblem))
            return (plan, result)
        }
    }

    /// Replaces the pending (write-ahead) entry of `command` by what the batch did — `final`,
    /// or nothing when it wrote no case. Returns a warning, never throws: the cases are written.
    /// When the write-ahead itself failed, its warning stands (the batch cannot be undone).
    private func settle(_ command: String, as final: UndoJournal.Entry?, aheadProblem: StoreWarning?) -> StoreWarning? {
        let url = workspace.journalURL
        guard var journal = try? UndoJournal.load(url), let i = journal.undo.lastIndex(where: { $0.command == command && $0.pending == true }) else {
            return aheadProblem
        }
        if let final { journal.undo[i] = final } else { journal.undo.remove(at: i) }
        do { try journal.save(url) } catch {
            // The pending entry stays: `undo` still takes back what its cases' histories hold.
            return final.map { .journalNotUpdated(caseId: $0.caseId, Self.message(error, path: url.path)) }
        }
        return aheadProblem
    }

    /// Undo/redo of a batch entry (called under the lock): every case is checked first, so a
    /// conflict in one case stops the whole reversal before anything is written.
    func reverseBatch(_ entry: UndoJournal.Entry, _ direction: UndoDirection, actor: String, now: Timestamp) throws {
        let created = Set(entry.batchCreated ?? [])
        let ctx = Self.context(actor: actor, now: now, catalog: catalog)
        var updates: [CaseDocument] = []
        var moves: [(from: String, to: String)] = []
        // An import killed mid-way (its write-ahead entry never settled): only the cases whose
        // history holds the command were written; the others are skipped, not a conflict.
        let interrupted = entry.pending == true
        func written(_ id: String, at path: String) -> Bool {
            guard let bytes = try? RegularFile.read(path: path, limit: caseFileLimit),
                  let doc = try? CaseCodec.decode(bytes, path: path) else { return false }
            return doc.value.events.contains { $0.command == entry.command }
        }
        var reversible = 0
        for id in entry.batch ?? [] {
            let live = try workspace.caseURL(id).path
            let trash = workspace.trashDir.appendingPathComponent(id + ".json").path
            if created.contains(id) {
                let (from, to) = direction == .undo ? (live, trash) : (trash, live)
                if interrupted, !written(id, at: from) { continue }
                reversible += 1
                guard FileManager.default.fileExists(atPath: from) else { throw UndoSkip.importMoved(caseId: id) }
                if FileManager.default.fileExists(atPath: to) { throw UndoSkip.pathExists(to) }
                if direction == .undo, let other = try load(id).value.events.first(where: { $0.actor != actor }) {
                    throw UndoSkip.editedSince(by: TerminalText.inline(other.actor), stays: nil)
                }
                moves.append((from, to))
                continue
            }
            var doc: CaseDocument
            do { doc = try load(id) } catch StoreError.caseNotFound { throw UndoSkip.notInCases }
            if interrupted, !doc.value.events.contains(where: { $0.command == entry.command }) { continue }
            reversible += 1
            do {
                doc.value = direction == .undo ? try CaseCommands.undo(entry.command, in: doc.value, context: ctx)
                                               : try CaseCommands.redo(entry.command, in: doc.value, context: ctx)
            } catch CommandError.conflict(.changedSince(_, _, _, let field)) { throw UndoSkip.changedSince(field: field) }
            updates.append(doc)
        }
        if interrupted, reversible == 0 { throw UndoSkip.importInterruptedEmpty }
        if !moves.isEmpty { try FS.makeDirectory(workspace.trashDir) }
        // All or none of the updates: a failure before the renames changes no case (`DurableBatch`).
        try DurableBatch.apply(try updates.map(prepareSave).map { DurableBatch.Item(url: $0.url, data: $0.bytes) })
        for m in moves { guard FS.rename(m.from, m.to) == 0 else { throw StoreError.io(path: m.from, op: "rename", code: errno) } }
        if !moves.isEmpty { index?.invalidate() }
    }
}
