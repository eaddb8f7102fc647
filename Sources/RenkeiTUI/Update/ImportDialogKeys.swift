import Foundation
import RenkeiCore

/// The import dialog (`: 取り込み`, issue 13): pick a file → see its encoding and the column
/// mapping, adjust it → the row-by-row preview → apply as one undoable command. Reading and
/// planning are effects the runtime runs on a worker, so a large file never blocks a key.
extension AppState {
    mutating func openImportDialog() -> [Effect] {
        modal = .importFile(ImportDialog())
        return [.transfer(.listImportFiles)]
    }

    mutating func handleImportKey(_ key: Key, _ d: ImportDialog) -> [Effect] {
        var d = d
        let effects: [Effect]
        switch d.step {
        case .pick: effects = pickKey(key, &d)
        case .mapping: effects = d.choosing == nil ? mappingKey(key, &d) : fieldListKey(key, &d)
        case .preview: effects = previewKey(key, &d)
        case .values: effects = importValuesKey(key, &d)
        }
        // A key that closed the dialog (Esc on the first step, Enter that applies) leaves it closed.
        if case .importFile = modal { modal = .importFile(d) }
        return effects
    }

    private mutating func pickKey(_ key: Key, _ d: inout ImportDialog) -> [Effect] {
        let matches = d.matchingFiles
        switch key {
        case .esc: modal = nil; return []
        case .down, .ctrl("n"): d.selection = min(d.selection + 1, max(0, matches.count - 1))
        case .up, .ctrl("p"): d.selection = max(0, d.selection - 1)
        case .tab:
            if matches.indices.contains(d.selection) { d.input.setText(matches[d.selection]); d.selection = 0 }
        case .enter:
            // The highlighted file when the list shows one, else the path as typed.
            let typed = d.input.text.trimmingCharacters(in: .whitespaces)
            let path = matches.indices.contains(d.selection) ? matches[d.selection] : typed
            guard !path.isEmpty, !d.busy else { return [] }
            d.busy = true
            d.problem = nil
            return [.transfer(.readImport(ImportRequest(path: path)))]
        default:
            if d.input.handle(key) { d.selection = 0; d.problem = nil }
        }
        return []
    }

    private mutating func mappingKey(_ key: Key, _ d: inout ImportDialog) -> [Effect] {
        guard var info = d.info else { return [] }
        let count = info.columns.count
        switch key {
        case .esc:
            d.step = .pick; d.info = nil; d.problem = nil; d.busy = false
            return []
        case .down, .char("j"), .tab: d.focus = min(d.focus + 1, max(0, count - 1))
        case .up, .char("k"), .backTab: d.focus = max(0, d.focus - 1)
        case .pageDown: d.focus = min(d.focus + max(1, height - 10), max(0, count - 1))
        case .pageUp: d.focus = max(0, d.focus - max(1, height - 10))
        case .right, .char("l"): setTarget(&info, step: 1, d.focus)
        case .left, .char("h"): setTarget(&info, step: -1, d.focus)
        case .char(" "):
            // Skip a column, or keep a skipped one (as a note: never silently dropped).
            if info.columns.indices.contains(d.focus) { setTarget(&info, info.columns[d.focus].target == "ignore" ? "note" : "ignore", d.focus) }
        case .char("f"):
            guard info.columns.indices.contains(d.focus) else { return [] }
            d.choosing = ImportDialog.targets.firstIndex(of: info.columns[d.focus].target) ?? 0
        case .char("w"):
            guard let r = d.request else { return [] }
            return [.transfer(.saveImportMapping(r))]
        case .char("v"): return openImportValues(&d)
        case .char("s"), .char("e"): return rereadImport(key, &d)
        case .enter:
            guard let r = d.request, !d.busy else { return [] }
            d.step = .preview; d.plan = nil; d.scroll = 0; d.busy = true; d.problem = nil
            return [.transfer(.planImport(r))]
        default: break
        }
        d.info = info
        return []
    }

    /// The list of fields for the focused column (`f`): ↑↓, Enter sets it, Esc keeps the old one.
    private mutating func fieldListKey(_ key: Key, _ d: inout ImportDialog) -> [Effect] {
        guard let i = d.choosing else { return [] }
        let n = ImportDialog.targets.count
        switch key {
        case .esc, .char("q"): d.choosing = nil
        case .down, .char("j"), .tab: d.choosing = min(i + 1, n - 1)
        case .up, .char("k"), .backTab: d.choosing = max(0, i - 1)
        case .pageDown: d.choosing = min(i + 8, n - 1)
        case .pageUp: d.choosing = max(0, i - 8)
        case .enter:
            if var info = d.info { setTarget(&info, ImportDialog.targets[i], d.focus); d.info = info }
            d.choosing = nil
        default: break
        }
        return []
    }

    private mutating func previewKey(_ key: Key, _ d: inout ImportDialog) -> [Effect] {
        switch key {
        case .esc, .char("q"), .backspace:
            d.step = .mapping; d.plan = nil; d.busy = false; d.problem = nil
        // Never past the last entry: ↑ after a long ↓ moves at once.
        case .down, .char("j"): d.scroll = min(d.scroll + 1, max(0, (d.plan?.entryCount ?? 1) - 1))
        case .up, .char("k"): d.scroll = max(0, d.scroll - 1)
        case .pageDown, .char(" "): d.scroll = min(d.scroll + max(1, height - 8), max(0, (d.plan?.entryCount ?? 1) - 1))
        case .pageUp: d.scroll = max(0, d.scroll - max(1, height - 8))
        case .char("g"), .home: d.scroll = 0
        case .char("s"), .char("e"):
            // The preview of another sheet / the other encoding: read again, then plan again
            // (`importRead` below); the old plan is gone from the screen meanwhile.
            let effects = rereadImport(key, &d)
            if !effects.isEmpty { d.plan = nil; d.scroll = 0 }
            return effects
        case .enter, .char("y"):
            guard let plan = d.plan, plan.applicable, plan.writes, !d.busy else { return [] }
            modal = nil
            pending += 1
            return [.transfer(.applyImport(plan.request))]
        default: break
        }
        // Not past the last line of the preview (about one line per row, problem and warning).
        if let plan = d.plan {
            let lines = plan.rows.reduce(plan.fileProblems.count) { $0 + 1 + $1.problems.count + $1.warnings.count }
            d.scroll = min(d.scroll, max(0, lines - 1))
        }
        return []
    }

    /// `s`/`e` on the mapping or the preview: read the file again in its next sheet / the other
    /// encoding on a worker; nothing when the file offers no such choice or a read is under way.
    private func rereadImport(_ key: Key, _ d: inout ImportDialog) -> [Effect] {
        guard let info = d.info, !d.busy else { return [] }
        let next = key == .char("s") ? info.nextSheet.flatMap { d.reread(sheet: $0) } : info.nextEncoding.flatMap { d.reread(encoding: $0) }
        guard let r = next else { return [] }
        d.busy = true; d.problem = nil
        return [.transfer(.readImport(r))]
    }

    /// Cycles the focused column's field through `ImportDialog.targets`.
    private func setTarget(_ info: inout ImportFileInfo, step: Int, _ i: Int) {
        guard info.columns.indices.contains(i) else { return }
        let all = ImportDialog.targets
        let at = all.firstIndex(of: info.columns[i].target) ?? (step > 0 ? -1 : 0)
        setTarget(&info, all[(at + step + all.count) % all.count], i)
    }

    /// One column per field, like the guess: a field taken from another column sends that one to
    /// the note (kept). The key follows the column mapped to `id`.
    private func setTarget(_ info: inout ImportFileInfo, _ target: String, _ i: Int) {
        let name = info.columns[i].name
        if !["note", "ignore"].contains(target) {
            for j in info.columns.indices where j != i && info.columns[j].target == target { info.columns[j].target = "note" }
        }
        info.columns[i].target = target
        if target == "id" { info.key = name } else if info.key == name { info.key = nil }
    }

    /// The runtime's answers; an answer for a file or mapping no longer on screen is dropped.
    mutating func handleImportAnswer(_ answer: TransferAnswer) -> [Effect] {
        switch answer {
        case .importApplied(let created, let updated):
            pending = max(0, pending - 1)
            toast(ImportMessage.imported(created: created, updated: updated).text(lang), .success)
            return [.reload]
        case .importFailed(_, let message) where !isImportOpen:
            // An apply that failed after the dialog closed: nothing was written; say why.
            pending = max(0, pending - 1)
            toast(message.text(lang), .error)
            return []
        default: break
        }
        guard case .importFile(var d) = modal else { return [] }
        var effects: [Effect] = []
        switch answer {
        case .importFiles(let files):
            d.files = files
            d.selection = 0
        case .importRead(let info):
            guard d.busy, d.step != .values else { return [] }
            if d.step != .pick, let old = d.info {
                // Read again in another sheet or encoding: what was adjusted on screen stays.
                guard info.path == old.path else { return [] }
                d.info = ImportDialog.carryOver(from: old, to: info)
                d.focus = min(d.focus, max(0, info.columns.count - 1))
            } else { d.info = info; d.step = .mapping; d.focus = 0 }
            d.busy = false
            // From the preview: the dry run of what was just read.
            if d.step == .preview, let r = d.request { d.busy = true; effects = [.transfer(.planImport(r))] }
        case .importPlanned(let plan):
            guard d.step == .preview, plan.request == d.request else { return [] }
            d.plan = plan; d.busy = false
        case .importFailed(let request, let message):
            guard request.path == (d.info?.path ?? request.path) else { return [] }
            d.problem = message; d.busy = false
        case .importValues(let request, let list):
            guard d.step == .mapping, d.busy, request == d.request else { return [] }
            d.valueList = list; d.valueFocus = 0; d.valueChoosing = nil; d.step = .values; d.busy = false
        case .importMappingSaved(let path):
            d.info?.origin = .file(path)
            toast(ImportMessage.mappingSaved(path: path).text(lang), .success)
        case .exportPreview, .importApplied: return []
        }
        modal = .importFile(d)
        return effects
    }

    private var isImportOpen: Bool { if case .importFile = modal { return true }; return false }
}
