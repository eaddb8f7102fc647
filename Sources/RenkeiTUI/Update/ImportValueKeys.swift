import Foundation
import RenkeiCore

/// The import dialog's value map (`v`, issue 13): a coded column's distinct texts, ↑↓ to one,
/// Enter/f to choose what it means from the field's list, `x` to clear that (no value map entry),
/// `u` to take the last choice or clearing back, `w` to save it into the mapping file. A choice
/// goes into the request, so the next preview plans with it.
extension AppState {
    /// `v` on the mapping: ask the runtime for the focused column's values (on a worker).
    mutating func openImportValues(_ d: inout ImportDialog) -> [Effect] {
        guard let info = d.info, info.columns.indices.contains(d.focus), !d.busy,
              ImportDialog.codedFields.contains(info.columns[d.focus].target), let r = d.request else { return [] }
        d.busy = true; d.problem = nil
        return [.transfer(.readImportValues(r, column: info.columns[d.focus].name))]
    }

    mutating func importValuesKey(_ key: Key, _ d: inout ImportDialog) -> [Effect] {
        guard var list = d.valueList else { d.step = .mapping; return [] }
        let n = list.values.count
        if let i = d.valueChoosing {
            let choices = importValueChoices(list.field)
            switch key {
            case .esc, .char("q"): d.valueChoosing = nil
            case .down, .char("j"), .tab: d.valueChoosing = min(i + 1, max(0, choices.count - 1))
            case .up, .char("k"), .backTab: d.valueChoosing = max(0, i - 1)
            case .enter:
                if choices.indices.contains(i), list.values.indices.contains(d.valueFocus) {
                    setValue(&d, &list, d.valueFocus, entry: choices[i].id, target: choices[i].id)
                }
                d.valueChoosing = nil
            default: break
            }
            return []
        }
        switch key {
        case .esc, .char("q"), .backspace:
            d.step = .mapping; d.valueList = nil
        case .down, .char("j"), .tab: d.valueFocus = min(d.valueFocus + 1, max(0, n - 1))
        case .up, .char("k"), .backTab: d.valueFocus = max(0, d.valueFocus - 1)
        case .pageDown: d.valueFocus = min(d.valueFocus + max(1, height - 10), max(0, n - 1))
        case .pageUp: d.valueFocus = max(0, d.valueFocus - max(1, height - 10))
        case .enter, .char("f"):
            guard list.values.indices.contains(d.valueFocus) else { return [] }
            let current = list.values[d.valueFocus].target
            d.valueChoosing = importValueChoices(list.field).firstIndex { $0.id == current } ?? 0
        case .char("x"), .delete:
            // Back to no value map entry: the text means what renkei's own names make of it, or
            // nothing (its rows are then problems in the preview) — the mapping file's entry too.
            guard list.values.indices.contains(d.valueFocus) else { return [] }
            let v = list.values[d.valueFocus]
            let entry = d.values[list.field]?[v.text]
            if entry == "" || (entry == nil && v.target == v.builtIn) { return [] }
            setValue(&d, &list, d.valueFocus, entry: "", target: v.builtIn)
        case .char("u"):
            // Takes back the newest choice or clearing of this column's values.
            guard let at = d.valueUndo.lastIndex(where: { $0.field == list.field }) else { return [] }
            let edit = d.valueUndo.remove(at: at)
            d.values[edit.field, default: [:]][edit.text] = edit.entry
            if d.values[edit.field]?.isEmpty == true { d.values[edit.field] = nil }
            if let i = list.values.firstIndex(where: { $0.text == edit.text }) {
                list.values[i].target = edit.target
                d.valueFocus = i
                d.valueList = list
            }
        case .char("w"):
            guard let r = d.request else { return [] }
            return [.transfer(.saveImportMapping(r))]
        default: break
        }
        return []
    }

    /// Sets what the value at `i` means, remembering what it meant for `u`.
    private func setValue(_ d: inout ImportDialog, _ list: inout ImportValueList, _ i: Int, entry: String, target: String?) {
        let text = list.values[i].text
        d.valueUndo.append(ImportValueEdit(field: list.field, text: text, entry: d.values[list.field]?[text], target: list.values[i].target))
        d.values[list.field, default: [:]][text] = entry
        list.values[i].target = target
        d.valueList = list
    }
}
