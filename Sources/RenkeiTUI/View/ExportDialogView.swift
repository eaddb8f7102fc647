import Foundation
import RenkeiCore

/// Draws the export dialog: the choices (with what the chosen audience leaves out), then the
/// preview of what will be replaced before anything is written.
extension AppState {
    func renderExportDialog(_ d: ExportDialog, _ scr: inout Screen) {
        let w = min(width - 2, 76)
        let textWidth = max(1, w - 6)
        let lines = d.preview.map { previewLines($0, textWidth: textWidth) } ?? choiceLines(d, textWidth: textWidth)
        let title = "\((d.preview == nil ? TransferLabel.exportTitle : .previewTitle).text(lang)) — \(d.request.caseId)"
        let inner = scr.dialog(width: w, height: min(height, lines.count + 2), title: title, theme: theme)
        drawLines(lines, in: inner, &scr, pinLast: true)
    }

    private func choiceLines(_ d: ExportDialog, textWidth: Int) -> [Line] {
        let r = d.request
        let labelColumns = 14
        var out: [Line] = []
        var noteLines: Range<Int>?
        for row in ExportDialog.Row.allCases {
            let (name, value) = exportRowText(row, r)
            let focused = row == d.focus
            let fixed = row == .anonymize && r.audience == .share
            let valueText = focused && !fixed ? "◀ \(value) ▶" : value
            let valueStyle = focused ? theme.selected : Style.plain
            if DisplayWidth.of(valueText) <= textWidth + 2 - labelColumns {
                out.append(Line([Span(DisplayWidth.pad(name, to: labelColumns), focused ? theme.accent : theme.dim), Span(valueText, valueStyle)]))
            } else {
                // Narrow terminal: the value under its name, wrapped, never cut.
                out.append(Line(name, focused ? theme.accent : theme.dim))
                out += wrapText(valueText, width: textWidth - 2).map { Line($0, valueStyle, indent: 2) }
            }
            if row == .audience {
                // Which one leaves out what: said under the choice, every time it changes.
                let note = (r.audience == .share ? TransferLabel.shareLeavesOut : .internalKeeps).text(lang)
                let style = r.audience == .share ? theme.success : theme.warning
                let first = out.count
                out += wrapText(note, width: textWidth - 2).map { Line($0, style, indent: 2) }
                noteLines = first..<out.count
            }
        }
        out.append(.blank)
        if d.checking { out.append(Line(TransferLabel.previewChecking.text(lang), theme.dim)) }
        out.append(Line(KeyLine(TransferLabel.exportFooter.text(lang)).fitted(textWidth + 2), theme.dim))
        // A short terminal keeps every row and the footer; the what-it-leaves-out note goes first.
        if out.count > height - 2, let noteLines { out.removeSubrange(noteLines) }
        return out
    }

    private func exportRowText(_ row: ExportDialog.Row, _ r: ExportRequest) -> (String, String) {
        switch row {
        case .audience:
            return (TransferLabel.audience.text(lang), (r.audience == .share ? TransferLabel.audienceShare : .audienceInternal).text(lang))
        case .output:
            let l: TransferLabel
            switch r.output { case .html: l = .formatHTML; case .pdf: l = .formatPDF; case .md: l = .formatMarkdown; case .json: l = .formatJSON }
            return (Label.format.text(lang), l.text(lang))
        case .anonymize:
            let l: TransferLabel = r.audience == .share ? .anonymizeAlways : (r.anonymize ? .anonymizeOn : .anonymizeOff)
            return (TransferLabel.anonymize.text(lang), l.text(lang))
        case .partners:
            return (TransferLabel.partnerNames.text(lang), (r.anonymizePartners ? TransferLabel.partnersReplace : .partnersKeep).text(lang))
        }
    }

    private func previewLines(_ p: ExportPreview, textWidth: Int) -> [Line] {
        var out: [Line] = []
        let r = p.request
        out.append(Line(exportRowText(.audience, r).1 + " · " + exportRowText(.output, r).1, .plain.withBold))
        out += wrapText(TransferMessage.target(p.target).text(lang), width: textWidth).map { Line($0, theme.dim) }
        if let problem = p.problem {
            out += wrapText(problem, width: textWidth).map { Line($0, theme.error) }
            out.append(Line(TransferLabel.previewBack.text(lang), theme.dim))
            return out
        }
        if !r.scrubs {
            out += wrapText(TransferLabel.previewKeepsPersonal.text(lang), width: textWidth).map { Line($0, theme.warning) }
        } else {
            out += wrapText(p.counts.text(lang), width: textWidth).map { Line($0, theme.accent) }
            // As many replacements as fit: the dialog keeps two lines for the footer.
            let room = max(0, height - 4 - out.count - 2)
            let shown = p.replacements.count <= room ? p.replacements : Array(p.replacements.prefix(max(0, room - 1)))
            for x in shown {
                out.append(Line(DisplayWidth.clip(TransferMessage.replacement(original: x.original, replacement: x.replacement).text(lang), to: textWidth - 2), indent: 2))
            }
            if shown.count < p.replacements.count { out.append(Line(TransferMessage.more(p.replacements.count - shown.count).text(lang), theme.dim, indent: 2)) }
        }
        out.append(.blank)
        out.append(Line(KeyLine(TransferLabel.previewFooter.text(lang)).fitted(textWidth + 2), theme.key))
        return out
    }
}
