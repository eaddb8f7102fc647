import Foundation
import RenkeiCore

/// Draws the import dialog's value map: a coded column's distinct texts with how many rows hold
/// each and what it means (an unmapped one in the error colour: its rows cannot be imported),
/// and the list of meanings for one of them.
extension AppState {
    func importValuesTitle(_ d: ImportDialog) -> String {
        guard let list = d.valueList else { return TransferLabel.importValuesTitle.text(lang) }
        let label = d.valueChoosing == nil ? TransferLabel.importValuesTitle : .importChooseValue
        return "\(label.text(lang)) — \(TerminalText.inline(list.column)) → \(ImportDialog.targetName(list.field, lang))"
    }

    func importValueLines(_ d: ImportDialog, room: Int, textWidth: Int) -> [Line] {
        guard let list = d.valueList else { return [] }
        if let selected = d.valueChoosing { return valueChoiceLines(d, list, selected: selected, room: room, textWidth: textWidth) }
        let valueW = min(24, max(8, textWidth / 3)), countW = 6
        let targetW = max(1, textWidth - valueW - countW - 4)
        var out: [Line] = [Line([Span(DisplayWidth.pad(TransferLabel.importValue.text(lang), to: valueW + 2), theme.accent),
                                 Span(DisplayWidth.pad(TransferLabel.importValueRows.text(lang), to: countW + 2), theme.accent),
                                 Span(TransferLabel.importField.text(lang), theme.accent)])]
        let footer = KeyLine(TransferLabel.importValuesFooter.text(lang)).lines(textWidth, maxLines: 2).map { Line($0, theme.dim) }
        if list.values.isEmpty { out.append(Line(TransferLabel.importValuesNone.text(lang), theme.dim, indent: 2)) }
        let rows = max(1, room - out.count - 1 - footer.count - (list.truncated ? 2 : 0))
        let first = max(0, min(d.valueFocus - rows + 1, list.values.count - rows))
        for (i, v) in list.values.enumerated().dropFirst(first).prefix(rows) {
            let focused = i == d.valueFocus
            let target = v.target.map { importValueLabel(list.field, $0, width: targetW) } ?? TransferLabel.importValueUnmapped.text(lang)
            let style: Style = v.target == nil ? theme.error : .plain
            out.append(Line([Span(DisplayWidth.pad(TerminalText.inline(v.text), to: valueW) + "  ", focused ? theme.selected : .plain),
                             Span(DisplayWidth.pad(String(v.count), to: countW) + "  ", theme.dim),
                             Span(DisplayWidth.clip(target, to: targetW), focused ? theme.selected : style)]))
        }
        if list.truncated { out += wrapText(TransferLabel.importValuesMore.text(lang), width: textWidth).map { Line($0, theme.warning) } }
        out.append(.blank)
        return out + footer
    }

    private func valueChoiceLines(_ d: ImportDialog, _ list: ImportValueList, selected: Int, room: Int, textWidth: Int) -> [Line] {
        var out: [Line] = []
        if list.values.indices.contains(d.valueFocus) {
            out.append(Line("\(TransferLabel.importValue.text(lang)): \(TerminalText.inline(list.values[d.valueFocus].text))", theme.accent))
        }
        let all = importValueChoices(list.field)
        let rows = max(1, room - out.count - 1)
        let first = max(0, min(selected - rows / 2, all.count - rows))
        for (i, c) in all.enumerated().dropFirst(first).prefix(rows) {
            out.append(Line(DisplayWidth.pad("\(c.label)  (\(c.id))", to: textWidth), i == selected ? theme.selected : .plain, indent: 1))
        }
        out.append(Line(KeyLine(TransferLabel.importChooseFooter.text(lang)).fitted(textWidth), theme.dim))
        return out
    }
}
