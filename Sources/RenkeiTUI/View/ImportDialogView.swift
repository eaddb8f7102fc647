import Foundation
import RenkeiCore

/// Draws the import dialog: the file picker, the column mapping (with the detected encoding or
/// sheet), the field list for one column, and the row-by-row preview before anything is written.
extension AppState {
    func renderImportDialog(_ d: ImportDialog, _ scr: inout Screen) {
        let w = min(width - 2, 96)
        let textWidth = max(1, w - 6)
        let title: String
        switch d.step {
        case .pick: title = TransferLabel.importTitle.text(lang)
        case .mapping: title = "\((d.choosing == nil ? TransferLabel.importMappingTitle : .importChooseField).text(lang)) — \(d.info?.file ?? "")"
        case .preview: title = "\(TransferLabel.importPreviewTitle.text(lang)) — \(d.info?.file ?? "")"
        case .values: title = importValuesTitle(d)
        }
        // As tall as what it shows (at most the screen): the list stays visible around it.
        let room = max(1, height - 4)
        let lines: [Line]
        switch d.step {
        case .pick: lines = pickLines(d, room: room, textWidth: textWidth)
        case .mapping: lines = d.choosing.map { fieldListLines(d, selected: $0, room: room, textWidth: textWidth) } ?? mappingLines(d, room: room, textWidth: textWidth)
        case .preview: lines = importPreviewLines(d, room: room, textWidth: textWidth)
        case .values: lines = importValueLines(d, room: room, textWidth: textWidth)
        }
        let inner = scr.dialog(width: w, height: min(max(3, height - 2), lines.count + 2), title: title, theme: theme)
        drawLines(lines, in: inner, &scr, pinLast: true)
        if d.step == .pick {
            // The path field sits after its label on the first line.
            let lw = DisplayWidth.of(TransferLabel.importFile.text(lang) + ": ")
            d.input.draw(into: &scr, Rect(x: inner.x + lw, y: inner.y, width: max(1, inner.width - lw), height: 1), style: theme.input, focused: !d.busy)
        }
    }

    /// The path field's label (the field is drawn over the rest of the line), the files found, the problem.
    private func pickLines(_ d: ImportDialog, room: Int, textWidth: Int) -> [Line] {
        var lines: [Line] = [Line(TransferLabel.importFile.text(lang) + ": ", theme.accent), .blank, Line(TransferLabel.importFound.text(lang), theme.dim)]
        let matches = d.matchingFiles
        if matches.isEmpty { lines.append(Line(TransferLabel.importNoFiles.text(lang), theme.dim, indent: 2)) }
        let footer = KeyLine(TransferLabel.importPickFooter.text(lang)).lines(textWidth, maxLines: 2).map { Line($0, theme.dim) }
        let problem = d.problem.map { wrapText($0.text(lang), width: textWidth).map { Line($0, theme.error) } } ?? []
        let shown = max(1, room - lines.count - 1 - problem.count - (d.busy ? 1 : 0) - footer.count)
        let first = max(0, min(d.selection - shown + 1, matches.count - shown))
        for (i, f) in matches.enumerated().dropFirst(first).prefix(shown) {
            lines.append(Line(DisplayWidth.pad(f, to: textWidth - 2), i == d.selection ? theme.selected : .plain, indent: 2))
        }
        lines.append(.blank)
        lines += problem
        if d.busy { lines.append(Line(TransferLabel.importReading.text(lang), theme.dim)) }
        return lines + footer
    }

    /// The source line (file, encoding or sheet, rows, where the mapping came from), then one
    /// line per column: its name, the field it goes to, a value from it.
    private func mappingLines(_ d: ImportDialog, room: Int, textWidth: Int) -> [Line] {
        guard let info = d.info else { return [] }
        var out: [Line] = []
        out += wrapText(ImportMessage.header(file: info.file, source: sourceText(info), rows: info.rows, origin: info.origin).text(lang), width: textWidth)
            .map { Line($0, theme.dim) }
        let nameW = min(22, max(8, textWidth / 4)), targetW = min(26, max(10, textWidth / 3))
        let sampleW = max(0, textWidth - nameW - targetW - 4)
        out.append(Line([Span(DisplayWidth.pad(TransferLabel.importColumn.text(lang), to: nameW + 2), theme.accent),
                         Span(DisplayWidth.pad(TransferLabel.importField.text(lang), to: targetW + 2), theme.accent),
                         Span(TransferLabel.importExample.text(lang), theme.accent)]))
        let footer = mappingFooter(d, info).lines(textWidth, maxLines: 2).map { Line($0, theme.dim) }
        let tail = (d.problem == nil ? 0 : 2) + (d.busy ? 1 : 0) + 1 + footer.count
        let rows = max(1, room - out.count - tail)
        let first = max(0, min(d.focus - rows + 1, info.columns.count - rows))
        for (i, c) in info.columns.enumerated().dropFirst(first).prefix(rows) {
            let focused = i == d.focus
            let target = ImportDialog.targetName(c.target, lang)
            let shown = focused ? "◀ \(target) ▶" : target
            let targetStyle: Style = focused ? theme.selected : (c.target == "ignore" ? theme.dim : c.target == "id" ? theme.key : .plain)
            out.append(Line([Span(DisplayWidth.pad(TerminalText.inline(c.name), to: nameW) + "  ", focused ? theme.accent : .plain),
                             Span(DisplayWidth.pad(shown, to: targetW), targetStyle), Span("  "),
                             Span(DisplayWidth.clip(TerminalText.inline(c.sample), to: sampleW), theme.dim)]))
        }
        out.append(.blank)
        if let p = d.problem { out += wrapText(p.text(lang), width: textWidth).prefix(2).map { Line($0, theme.error) } }
        if d.busy { out.append(Line(TransferLabel.importReading.text(lang), theme.dim)) }
        out += footer
        return out
    }

    /// The encoding (detected or chosen) or the sheet (which of how many): what `e`/`s` change.
    private func sourceText(_ info: ImportFileInfo) -> String {
        var source = ImportMessage.source(encoding: info.encoding, sheet: info.sheet).text(lang)
        if info.encodingId != nil { source += ImportMessage.encodingChoice(forced: info.encodingForced).text(lang) }
        if info.sheets.count > 1, let at = info.sheet.flatMap({ info.sheets.firstIndex(of: $0) }) {
            source += ImportMessage.sheetPosition(index: at + 1, count: info.sheets.count).text(lang)
        }
        return source
    }

    /// The mapping's keys, with `v` (a column whose values need a map), `s` (a workbook with
    /// several sheets) and `e` (a CSV) only where they do something.
    private func mappingFooter(_ d: ImportDialog, _ info: ImportFileInfo) -> KeyLine {
        var extra: [String] = []
        if info.columns.indices.contains(d.focus), ImportDialog.codedFields.contains(info.columns[d.focus].target) {
            extra.append(TransferLabel.importValuesKey.text(lang))
        }
        return keyLine(TransferLabel.importMappingFooter, adding: extra + choiceKeys(info), beforeLast: 3)
    }

    /// `s` and `e` where the file offers another sheet or encoding (the mapping and the preview).
    private func choiceKeys(_ info: ImportFileInfo?) -> [String] {
        guard let info else { return [] }
        return (info.sheets.count > 1 ? [TransferLabel.importSheetKey.text(lang)] : [])
            + (info.encodingId != nil ? [TransferLabel.importEncodingKey.text(lang)] : [])
    }

    /// A footer's items with `extra` put before its last `beforeLast` ones (Esc stays last).
    private func keyLine(_ footer: TransferLabel, adding extra: [String], beforeLast: Int) -> KeyLine {
        var items = footer.text(lang).components(separatedBy: " · ")
        items.insert(contentsOf: extra, at: max(0, items.count - beforeLast))
        return KeyLine(items.joined(separator: " · "))
    }

    private func fieldListLines(_ d: ImportDialog, selected: Int, room: Int, textWidth: Int) -> [Line] {
        var out: [Line] = []
        if let info = d.info, info.columns.indices.contains(d.focus) {
            out.append(Line("\(TransferLabel.importColumn.text(lang)): \(TerminalText.inline(info.columns[d.focus].name))", theme.accent))
        }
        let all = ImportDialog.targets
        let rows = max(1, room - out.count - 1)
        let first = max(0, min(selected - rows / 2, all.count - rows))
        for (i, t) in all.enumerated().dropFirst(first).prefix(rows) {
            let text = DisplayWidth.pad("\(ImportDialog.targetName(t, lang))  (\(t))", to: textWidth)
            out.append(Line(text, i == selected ? theme.selected : .plain, indent: 1))
        }
        out.append(Line(KeyLine(TransferLabel.importChooseFooter.text(lang)).fitted(textWidth), theme.dim))
        return out
    }

    /// The totals, then what cannot be imported (file problems, each invalid row's reasons),
    /// then every row (create, update, unchanged, with warnings) — scrolled with ↑↓.
    private func importPreviewLines(_ d: ImportDialog, room: Int, textWidth: Int) -> [Line] {
        // Which sheet or encoding this is, where `s`/`e` can change it.
        let source: [Line] = choiceKeys(d.info).isEmpty ? [] : d.info.map { wrapText(sourceText($0), width: textWidth).map { Line($0, theme.dim) } } ?? []
        guard let plan = d.plan else {
            var out = source
            if let p = d.problem { out += wrapText(p.text(lang), width: textWidth).map { Line($0, theme.error) } }
            else { out.append(Line(TransferLabel.importPlanning.text(lang), theme.dim)) }
            out.append(.blank)
            out += keyLine(.importBackFooter, adding: d.busy ? [] : choiceKeys(d.info), beforeLast: 1).lines(textWidth, maxLines: 2).map { Line($0, theme.dim) }
            return out
        }
        // Wrapped, never cut: at 40 columns the cut fell on 「取り込めない行 1」, the count that matters.
        let totals = ImportMessage.totals(create: plan.count(.create), update: plan.count(.update), unchanged: plan.count(.unchanged),
                                          invalid: plan.count(.invalid), outcome: .preview).text(lang)
        var out: [Line] = source + wrapText(totals, width: textWidth).map { Line($0, .plain.withBold) }
        if !plan.applicable { out += wrapText(TransferLabel.importCannotApply.text(lang), width: textWidth).map { Line($0, theme.warning) } }
        if plan.hasUnmappedValues { out += wrapText(TransferLabel.importValuesHint.text(lang), width: textWidth).map { Line($0, theme.dim) } }
        let body = previewEntries(plan)
        let first = max(0, min(d.scroll, body.count - 1))
        // Scrolled by entry; each entry wrapped whole (a reason is never cut), as many as fit.
        func layout(scrollKey: Bool) -> (shown: [Line], footer: [Line], all: Bool) {
            let extra = (scrollKey ? [TransferLabel.importScrollKey.text(lang)] : []) + choiceKeys(d.info)
            let footer = keyLine(plan.applicable && plan.writes ? .importPreviewFooter : .importBackFooter, adding: extra, beforeLast: 1)
                .lines(textWidth, maxLines: 2).map { Line($0, theme.key) }
            let rows = max(1, room - out.count - 1 - footer.count)
            var shown: [Line] = [], count = 0
            for (entry, style) in body.dropFirst(first) {
                let wrapped = wrapText(entry.text(lang), width: textWidth)
                if shown.count + wrapped.count > rows { break }
                shown += wrapped.enumerated().map { Line($0.element, style, indent: $0.offset == 0 ? 0 : 2) }
                count += 1
            }
            return (shown, footer, first == 0 && count == body.count)
        }
        // A plan that cannot be applied says only "Esc back" — unless its reasons run past the
        // box, when ↑↓ is how a person finds the rest (the applicable footer always has it).
        var laid = layout(scrollKey: false)
        if !laid.all && !(plan.applicable && plan.writes) { laid = layout(scrollKey: true) }
        let footer = laid.footer
        out += laid.shown
        out.append(.blank)
        out += footer
        return out
    }

    /// Typed entries (worded only when on screen: a 10,000-row preview words a screenful).
    private func previewEntries(_ plan: ImportPlanPreview) -> [(PreviewEntry, Style)] {
        var out: [(PreviewEntry, Style)] = plan.fileProblems.map { (.fileProblem($0), theme.error) }
        for r in plan.rows where r.action == .invalid { out += r.problems.map { (.invalid($0), theme.error) } }
        for r in plan.rows {
            let id = r.caseId ?? "-"
            switch r.action {
            case .create: out.append((.line(.create(row: r.row, caseId: id, title: TerminalText.inline(r.title))), theme.success))
            case .update: out.append((.line(.update(row: r.row, caseId: id, fields: r.fields)), theme.accent))
            case .unchanged: out.append((.line(.unchanged(row: r.row, caseId: id)), theme.dim))
            case .invalid: continue
            }
            out += r.warnings.map { (.warning($0), theme.warning) }
        }
        return out
    }
}

/// One line of the import preview, worded when drawn.
private enum PreviewEntry {
    case line(ImportMessage), fileProblem(ImportMessage), invalid(RowProblem), warning(RowProblem)

    func text(_ lang: Lang) -> String {
        switch self {
        case .line(let m): return m.text(lang)
        case .fileProblem(let m): return ImportMessage.fileError(m.text(lang)).text(lang)
        case .invalid(let p): return ImportMessage.invalid(p.text(lang)).text(lang)
        case .warning(let p): return ImportMessage.warning(p.text(lang)).text(lang)
        }
    }
}
