import Foundation
import RenkeiCore

extension AppState {
    /// The overdue review: missed / due soon / upcoming, then by municipality (the calendar engine's order).
    func renderOverdue(_ review: OverdueReview, _ sel: Int, _ scr: inout Screen) {
        let inner = scr.dialog(width: width - 2, height: height - 2,
                               title: "\(Label.overdueTitle.text(lang)) — \(DisplayFormat.day(review.today, wareki: settings.wareki))", theme: theme)
        var lines: [Line] = []
        var index = 0
        var selLine = 0
        // The status column is as wide as its longest entry ("1102 days overdue" is not cut),
        // up to half the box.
        let statusWidth = min(max(9, inner.width / 2), review.allItems.map { DisplayWidth.of($0.statusText(lang)) }.max() ?? 9)
        for g in review.groups {
            lines.append(Line([Span("\(g.title(lang)) ", g.kind == .missed ? theme.error : g.kind == .dueSoon ? theme.warning : theme.accent),
                               Span(Message.rowCount(g.count).text(lang), theme.dim)]))
            if g.count == 0 { lines.append(Line("—", theme.dim, indent: 2)) }
            for m in g.municipalities {
                lines.append(Line(m.municipality + (m.prefecture.flatMap { $0 == m.municipality ? nil : WorkbenchMessage.parenthetical($0).text(lang) } ?? ""), .plain.withBold, indent: 1))
                for item in m.items {
                    let isSel = index == sel
                    if isSel { selLine = lines.count }
                    let status = item.statusText(lang)
                    var text = "\(item.label(lang)) \(settings.wareki ? item.due.wareki : item.due.description)"
                    if let req = item.requiredStage { text += " · \(item.currentStage.label(lang))→\(req.label(lang))" }
                    text += " · \(item.caseTitle)"
                    lines.append(Line([Span(DisplayWidth.pad(status, to: statusWidth), item.isMissed ? theme.error : theme.warning), Span(" " + text)],
                                      selected: isSel, indent: 2))
                    if isSel {
                        let indent = statusWidth + 3
                        if let r = item.requirement(lang) { lines.append(Line(WorkbenchMessage.needs(r).text(lang), theme.dim, indent: indent)) }
                        if let route = item.earliestRoute {
                            lines.append(Line(WorkbenchMessage.earliestRoute(ja: route.ja, en: route.en).text(lang), theme.accent, indent: indent))
                        }
                        if let note = item.calendarNote(lang) { lines.append(Line(note, theme.warning, indent: indent)) }
                    }
                    index += 1
                }
            }
            lines.append(.blank)
        }
        // Snoozed items in their own section, like `renkei overdue` (each until when); they are
        // selectable after the others, and the snooze key on one lifts its snooze.
        if !review.snoozed.isEmpty {
            lines.append(Line([Span(Label.snoozedSection.text(lang) + " ", theme.dim), Span(Message.rowCount(review.snoozed.count).text(lang), theme.dim)]))
            for item in review.snoozed {
                let isSel = index == sel
                if isSel { selLine = lines.count }
                let until = item.snoozedUntil.map { settings.wareki ? $0.wareki : $0.description } ?? ""
                lines.append(Line([Span(Message.snoozedRow(item: item.label(lang), until: until, caseTitle: item.caseTitle).text(lang), theme.dim)],
                                  selected: isSel, indent: 2))
                if isSel, let key = settings.keymap.keys(for: .snooze, in: .overdue).first {
                    lines.append(Line(WorkbenchMessage.unsnoozeHint(key: key.display).text(lang), theme.accent, indent: 4))
                }
                index += 1
            }
            lines.append(.blank)
        }
        if !review.unscheduled.isEmpty {
            lines.append(Line(WorkbenchMessage.noTargetFiscalYear(review.unscheduled).text(lang), theme.dim))
        }
        drawReviewList(lines, selectedLine: selLine, anchor: 2, in: inner, footer: .overdue, &scr)
    }

    /// A review dialog's body (the overdue review, the concurrent edits): `lines` scrolled so
    /// the selected one sits `1/anchor` down the box, selected lines highlighted, and the
    /// context's key hints on the last line.
    func drawReviewList(_ lines: [Line], selectedLine selLine: Int, anchor: Int, in inner: Rect, footer context: KeyContext, _ scr: inout Screen) {
        // The key hints wrap onto a second line when the box is narrow and tall enough.
        let footer = KeyLine(hints: settings.keymap.hints(in: context), lang: lang).lines(inner.width, maxLines: inner.height >= 8 ? 2 : 1)
        let bodyH = max(0, inner.height - footer.count)
        let first = max(0, min(selLine - bodyH / anchor, lines.count - bodyH))
        for i in 0..<bodyH {
            guard first + i < lines.count else { break }
            let l = lines[first + i]
            let y = inner.y + i
            if l.selected { scr.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), theme.selected) }
            let spans = l.selected ? l.spans.map { Span($0.text, Style(fg: $0.style.fg, bold: $0.style.bold, reverse: true)) } : l.spans
            scr.put(inner.x + l.indent, y, spans: spans, limit: inner.maxX)
        }
        for (i, l) in footer.enumerated() where bodyH + i < inner.height {
            scr.put(inner.x, inner.y + bodyH + i, l, theme.dim, limit: inner.maxX)
        }
    }
}
