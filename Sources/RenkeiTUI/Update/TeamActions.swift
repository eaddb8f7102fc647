import RenkeiCore

/// A shared workspace in the workbench (issue 12): `Y` syncs through the runtime (an ordinary
/// background effect; the answer is a message), `C` opens the review list of concurrent edits,
/// where `w` keeps the value in use and `t` takes the other one — each an ordinary, undoable
/// command. Opening a case others changed takes its mark away.
extension AppState {
    mutating func performTeam(_ action: Action) -> [Effect] {
        switch action {
        case .sync:
            if team.syncing { toast(SyncLabel.syncAlreadyRunning.text(lang)); return [] }
            team.syncing = true
            return [.sync]
        case .conflicts:
            return [.loadConflicts]
        default:
            return []
        }
    }

    mutating func handleTeam(_ msg: Msg) -> [Effect] {
        switch msg {
        case .syncStatusLoaded(let status):
            team.status = status
            return []
        case .syncFinished(let outcome):
            team.syncing = false
            if let s = outcome.status { team.status = s }
            for n in outcome.notices { toast(n.text(lang), .info) }
            if let f = outcome.failure {
                toast(f.text(lang), .error)
            } else if let line = outcome.line {
                toast(line.text(lang), .success)
            }
            // Others' changes came in: the list, the open case and the review list follow.
            guard outcome.incoming > 0 else { return [] }
            return [.reload] + (detail.map { [.loadCase($0.id)] } ?? []) + (reviewingConflicts ? [.loadConflicts] : [])
        case .recordEditResolved(let file, let label, let warning):
            pending = max(0, pending - 1)
            toast("\(Label.saved.text(lang)): \(file) — \(commandText(label))", .success)
            if let warning { toast(warning, .error) }
            return [.loadSyncStatus] + (reviewingConflicts ? [.loadConflicts] : [])
        case .conflictsLoaded(let rows):
            switch modal {
            case .conflicts(_, let sel):
                modal = .conflicts(rows: rows, selection: rows.isEmpty ? 0 : min(sel, rows.count - 1))
            case nil:
                modal = .conflicts(rows: rows, selection: 0)
            default:
                break   // another dialog opened meanwhile: it stays
            }
            return []
        default:
            return []
        }
    }

    var reviewingConflicts: Bool {
        if case .conflicts = modal { return true }
        return false
    }

    /// A case shown in the detail: no longer "changed by others, not opened yet".
    mutating func seen(_ id: String) -> [Effect] {
        guard team.isUnseen(id) else { return [] }
        team.status?.unseen.remove(id)
        return [.markSeen(caseId: id)]
    }

    mutating func handleConflictsKey(_ key: Key, _ rows: [ConcurrentEditRow], _ selection: Int) -> [Effect] {
        var sel = selection
        if let a = settings.keymap.action(for: key, in: .conflicts), a == .keepWinner || a == .takeOther {
            guard rows.indices.contains(sel) else { return [] }
            let row = rows[sel]
            if let file = row.record {
                pending += 1
                return [.resolveRecordEdit(file: file, id: row.edit.id, takeOther: a == .takeOther)]
            }
            if readOnly.contains(row.caseId) { toast(Label.readOnly.text(lang), .error); return [] }
            pending += 1
            return [.save(caseId: row.caseId, command: .resolveConcurrentEdit(id: row.edit.id, takeOther: a == .takeOther), expect: [:])]
        }
        switch key {
        case .esc, .char("q"), .char("C"): modal = nil; return []
        case .down, .char("j"): sel += 1
        case .up, .char("k"): sel -= 1
        case .char("g"), .home: sel = 0
        case .char("G"), .end: sel = rows.count - 1
        case .enter:
            guard rows.indices.contains(sel) else { return [] }
            modal = nil
            // A record's edit opens its municipality or partner view.
            if let file = rows[sel].record {
                if file.hasPrefix("municipalities/") {
                    return [.openMunicipality(name: rows[sel].caseTitle, prefecture: nil, code: String(file.dropFirst("municipalities/".count).dropLast(".json".count)))]
                }
                return [.openPartner(rows[sel].caseTitle)]
            }
            return openDetail(rows[sel].caseId)
        default: break
        }
        sel = rows.isEmpty ? 0 : min(max(0, sel), rows.count - 1)
        modal = .conflicts(rows: rows, selection: sel)
        return []
    }
}
