import Foundation
import RenkeiCore

/// View for the insight pages: dashboard (funnel), 共同調達, calendar timeline, the similar-cases tab.
extension AppState {
    func insightPlaceholder(_ scr: inout Screen) -> Bool {
        guard insight == nil else { return false }
        scr.put(2, 2, Label.insightLoading.text(lang), theme.dim, limit: width)
        return true
    }

    /// Draws `lines` (plain text) from `scroll`, styling headings; returns the clamped scroll.
    func drawTextLines(_ lines: [(String, Style)], top: Int, height h: Int, scroll: Int, selected: Int? = nil, _ scr: inout Screen) {
        guard h > 0 else { return }
        var first = min(scroll, max(0, lines.count - h))
        if let sel = selected { first = max(0, min(sel - h / 2, lines.count - h)) }
        for i in 0..<h {
            let li = first + i
            guard li < lines.count else { break }
            let y = top + i
            if li == selected {
                scr.fill(Rect(x: 0, y: y, width: width, height: 1), theme.selected)
                scr.put(1, y, lines[li].0, theme.selected, limit: width - 1)
            } else {
                scr.put(1, y, lines[li].0, lines[li].1, limit: width - 1)
            }
        }
        if lines.count > h {
            let pos = top + Int(Double(h - 1) * Double(first) / Double(max(1, lines.count - h)))
            scr.put(width - 1, pos, "▐", theme.dim)
        }
    }

    /// How an insight row looks: the words come from Core, the look from the row's kind.
    func style(_ kind: InsightRow.Kind) -> Style {
        switch kind {
        case .title, .match: return .plain.withBold
        case .heading: return theme.accent
        case .alert(let active): return active ? theme.warning : .plain
        case .reasons: return theme.accent
        case .note, .blank, .value, .member, .skipped, .lesson: return .plain
        }
    }

    func renderDashboard(_ scr: inout Screen) {
        titleBar(&scr, Label.dashboardTitle.text(lang))
        if insightPlaceholder(&scr) { return }
        guard let f = funnel else { return }
        let lines = f.rows(width: max(1, width - 2), lang: lang).map { ($0.text, style($0.kind)) }
        drawTextLines(lines, top: 1, height: height - 2, scroll: dashScroll, &scr)
    }

    func renderJoint(_ scr: inout Screen) {
        titleBar(&scr, Label.jointTitle.text(lang))
        if insightPlaceholder(&scr) { return }
        guard let r = joint else { return }
        let rows = r.rows(lang: lang, width: max(1, width - 2))
        let selLine = rows.firstIndex { $0.kind == .member(index: jointSelection) }
        drawTextLines(rows.map { ($0.text, style($0.kind)) }, top: 1, height: height - 2, scroll: 0, selected: selLine, &scr)
    }

    func renderCalendar(_ scr: inout Screen) {
        guard let (t, res) = timeline else {
            titleBar(&scr, Label.calendarTitle.text(lang))
            _ = insightPlaceholder(&scr)
            return
        }
        let who = calendarMunicipality ?? Label.defaultCalendarShort.text(lang)
        titleBar(&scr, "\(Label.calendarTitle.text(lang)) \(DisplayFormat.fiscalYear(t.fiscalYear, lang)) · \(who)", freeText: true)
        var y = 1
        let name = "\(res.calendar.label(lang)) [\(res.calendar.id)]"
        scr.put(1, y, name, theme.dim, limit: width - 1); y += 1
        if let note = res.note(lang), height >= 16 { scr.put(1, y, "! " + note, theme.warning, limit: width - 1); y += 1 }
        // The timeline bar: milestones as ┬, today as ▼ above it.
        let barW = max(1, width - 4)
        if height >= 10 && width >= 20 {
            var bar = Array(repeating: Character("─"), count: barW)
            for r in t.rows where !r.isToday { bar[min(barW - 1, Int(t.fraction(of: r.due) * Double(barW - 1)))] = r.kind == .milestone ? "┼" : "┬" }
            let tx = min(barW - 1, Int(t.fraction(of: t.today) * Double(barW - 1)))
            scr.put(2 + tx, y, "▼", theme.error)
            scr.put(2 + tx + 1, y, Label.today.text(lang), theme.error, limit: width - 1)
            y += 1
            scr.put(2, y, String(bar), theme.border, limit: width - 1)
            scr.put(2 + tx, y, "█", theme.error)
            y += 1
            let left = "\(t.start.month)/\(t.start.day)", right = "\(t.end.month)/\(t.end.day)"
            scr.put(2, y, left, theme.dim, limit: width - 1)
            scr.put(max(2, width - 2 - DisplayWidth.of(right)), y, right, theme.dim, limit: width - 1)
            y += 1
        }
        var lines: [(String, Style)] = []
        for r in t.rows {
            let mark = r.isToday ? "▶" : (r.isPast ? "✓" : "·")
            let date = settings.wareki ? r.due.wareki : r.due.description
            var l = "\(mark) \(date)  \(r.label(lang))"
            if !r.isToday { l += "  " + r.relativeText(lang) }
            if r.shiftReason != nil { l += Label.movedEarlier.text(lang) }
            lines.append((l, r.isToday ? theme.error : r.isPast ? theme.dim : r.kind == .milestone ? .plain : theme.accent))
        }
        drawTextLines(lines, top: y, height: height - 1 - y, scroll: calendarScroll, &scr)
    }

    func similarLines(_ d: DetailState, width: Int) -> [Line] {
        guard insight != nil else { return [Line(Label.insightLoading.text(lang), theme.dim)] }
        guard let r = d.similar else {
            return [Line(Label.noInsightData.text(lang), theme.dim)]
        }
        var out: [Line] = []
        if let note = r.note { out += paragraph(note.text(lang), width: width, indent: 0, style: theme.warning) }
        if r.matches.isEmpty {
            out.append(Line(Label.noSimilar.text(lang), theme.dim))
            return out
        }
        out.append(Line(Label.similarHint.text(lang), theme.dim))
        for row in r.rows(lang: lang) {
            switch row.kind {
            case .match(let n):
                out.append(.blank)
                out.append(Line([Span(DisplayWidth.clip(row.text, to: width), style(row.kind))], selected: n == d.similarSelection))
            case .reasons, .lesson:
                for w in wrapText(row.text.trimmingCharacters(in: .whitespaces), width: max(1, width - 3)) {
                    out.append(Line(w, style(row.kind), indent: 3))
                }
            default: continue   // the note is drawn above as a paragraph; blanks come with each match
            }
        }
        return out
    }
}
