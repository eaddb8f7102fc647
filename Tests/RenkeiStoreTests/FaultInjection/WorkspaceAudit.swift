import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiCore
@testable import RenkeiStore

/// What a workspace looks like on disk, and the consistency rules every write path must keep
/// whatever I/O step failed (issue 18, "fault injection at every I/O step").
struct WorkspaceAudit {
    /// Bytes of every file the user's data lives in: cases/, trash/, quarantine/ and the
    /// export folder (temp files excluded: a failed unlink may leave one, cleaned at next start).
    static func files(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for sub in ["cases", "trash", "quarantine", "exports"] {
            let dir = root.appendingPathComponent(sub)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !name.hasPrefix(DurableFile.tempPrefix) {
                out[sub + "/" + name] = try? Data(contentsOf: dir.appendingPathComponent(name))
            }
        }
        return out
    }

    /// The rules that hold after any run, failed or not. Returns what is broken.
    static func consistency(_ root: URL, catalog: Catalog, acknowledged: [(caseId: String, command: String)]) -> [String] {
        var problems: [String] = []
        guard let ws = try? Workspace(root: root) else { return ["the workspace does not open"] }
        // Every case file parses (one verdict: loadFile), as `validate` would say.
        let plain = CaseStore(workspace: ws, catalog: catalog, useIndex: false)
        for name in plain.caseFileNames() {
            if case .failure(let d) = plain.loadFile(name) { problems.append("\(name) does not load: \(d.reason.text(.en))") }
        }
        // The journal opens.
        do { _ = try UndoJournal.load(ws.journalURL) } catch { problems.append("undo.json: \(error)") }
        // The index on disk agrees with the files, or is detected stale (then rebuilt): either
        // way an indexed load equals a load from the files alone.
        do {
            let fromFiles = try plain.portfolio().summaries.sorted { $0.id < $1.id }
            let indexed = CaseStore(workspace: ws, catalog: catalog)
            indexed.index?.racySlackNs = 0
            let fromIndex = try indexed.portfolio().summaries.sorted { $0.id < $1.id }
            if fromIndex != fromFiles { problems.append("the index disagrees with the case files") }
        } catch { problems.append("portfolio: \(error)") }
        // Nothing acknowledged before the run is lost.
        for a in acknowledged {
            guard let doc = try? plain.load(a.caseId) else {
                // Deleted on purpose (the run under test may be a deletion): kept whole in trash/.
                if !trashed(ws, a.caseId, holding: a.command) {
                    problems.append("acknowledged case \(a.caseId) is gone")
                }
                continue
            }
            if !doc.value.events.contains(where: { $0.command == a.command }) {
                problems.append("acknowledged command \(a.command) on \(a.caseId) is lost")
            }
        }
        // Every undo entry points at an edit that is on disk (never an entry without its edit).
        if let journal = try? UndoJournal.load(ws.journalURL) {
            for e in journal.undo {
                if e.deletion == true {
                    if !FileManager.default.fileExists(atPath: ws.trashDir.appendingPathComponent(e.caseId + ".json").path) {
                        problems.append("undo entry \(e.label) → \(e.caseId): the case is not in trash/")
                    }
                    continue
                }
                for id in e.batch ?? [e.caseId] {
                    guard let doc = try? plain.load(id) else {
                        if !trashed(ws, id, holding: e.command) { problems.append("undo entry \(e.label) → \(id): no such case") }
                        continue
                    }
                    if !doc.value.events.contains(where: { $0.command == e.command }) {
                        problems.append("undo entry \(e.label) → \(id): the edit is not on disk")
                    }
                }
            }
        }
        return problems
    }

    /// Whether case `id` is in trash/ (deleted on purpose) with `command` in its history.
    static func trashed(_ ws: Workspace, _ id: String, holding command: String) -> Bool {
        let bytes = try? Data(contentsOf: ws.trashDir.appendingPathComponent(id + ".json"))
        return bytes.map { String(decoding: $0, as: UTF8.self).contains(command) } == true
    }

    /// Whether the journal has an entry for `command` (on the undo or the redo stack).
    static func journaled(_ root: URL, command: String) -> Bool {
        guard let j = try? UndoJournal.load(root.appendingPathComponent("undo.json")) else { return false }
        return (j.undo + j.redo).contains { $0.command == command }
    }
}
