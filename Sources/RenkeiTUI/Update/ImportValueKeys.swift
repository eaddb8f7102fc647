import Foundation
import RenkeiCore

/// The import dialog's value map (`v`, issue 13): a coded column's distinct texts, ↑↓ to one,
/// Enter/f to choose what it means from the field's list, `w` to save it into the mapping file.
/// A choice goes into the request, so the next preview plans with it.
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
                    let text = list.values[d.valueFocus].text
                    d.values[list.field, default: [:]][text] = choices[i].id
                    list.values[d.valueFocus].target = choices[i].id
                    d.valueList = list
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
        case .char("w"):
            guard let r = d.request else { return [] }
            return [.transfer(.saveImportMapping(r))]
        default: break
        }
        return []
    }
}
