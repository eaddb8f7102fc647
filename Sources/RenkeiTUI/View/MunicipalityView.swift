import Foundation
import RenkeiCore

/// The municipality view (issue 16): the body and its profile, its cases by stage (selectable,
/// Enter opens one), its next deadlines, and its readiness checklist (guide p.29–35) — the same
/// `MunicipalityOverview` `renkei municipality show` prints.
extension AppState {
    func renderMunicipality(_ scr: inout Screen) {
        guard let o = orgPages.municipality else { titleBar(&scr, Label.municipality.text(lang)); return }
        titleBar(&scr, "\(Label.municipality.text(lang)) — \(o.displayName)  \(o.entry.code)", freeText: true)
        let (lines, selLine) = municipalityLines(o, width: max(1, width - 2))
        drawOrgLines(lines, selected: selLine, &scr)
    }

    func municipalityLines(_ o: MunicipalityOverview, width w: Int) -> ([Line], Int?) {
        var out: [Line] = []
        out.append(Line("\(o.entry.kind.label(lang)) · " + MunicipalityMessage.profileSize(size: o.size.label(lang), fromKind: !o.sizeFromProfile).text(lang)))
        let keyW = keyWidth([ML.desk, ML.calendar, ML.notes].map { $0.text(lang) })
        if let p = o.profile {
            if let d = p.desk {
                let people = d.contacts.map { c in c.name + (c.role.map { WorkbenchMessage.parenthetical($0).text(lang) } ?? "") }
                out += kv(ML.desk.text(lang), d.name + (people.isEmpty ? "" : " — " + WorkbenchMessage.list(people).text(lang)), width: w, keyWidth: keyW)
            }
            out += kv(ML.calendar.text(lang), p.calendar ?? Label.defaultCalendar.text(lang), width: w, keyWidth: keyW)
            if let n = p.notes, !n.isEmpty { out += kv(ML.notes.text(lang), TerminalText.inline(n), width: w, keyWidth: keyW) }
        } else {
            out.append(Line("\(ML.noProfile.text(lang)) — municipalities/\(o.entry.code).json", theme.dim))
        }

        out.append(.blank)
        out.append(section(ML.casesByStage.text(lang)))
        if o.casesByStage.isEmpty { out.append(Line(ML.noCases.text(lang), theme.dim, indent: 2)) }
        var selLine: Int?
        var row = 0
        for g in o.casesByStage {
            out.append(Line([Span("\(g.stage.progressGlyph) \(g.stage.label(lang)) ", theme.stage(g.stage).withBold),
                             Span(Message.rowCount(g.cases.count).text(lang), theme.dim)], indent: 1))
            for c in g.cases {
                if row == orgPages.selection { selLine = out.count }
                out.append(Line([Span(c.id + "  ", theme.dim), Span(TerminalText.inline(c.title))], selected: row == orgPages.selection, indent: 3))
                row += 1
            }
        }

        out.append(.blank)
        out.append(section(ML.deadlines.text(lang)))
        if o.deadlines.isEmpty { out.append(Line(ML.noDeadlines.text(lang), theme.dim, indent: 2)) }
        let statusW = min(16, o.deadlines.map { DisplayWidth.of($0.statusText(lang)) }.max() ?? 0)
        for d in o.deadlines {
            out.append(Line([Span(DisplayWidth.pad(d.statusText(lang), to: statusW) + " ", d.isMissed ? theme.error : theme.warning),
                             Span(DisplayFormat.day(d.due, wareki: settings.wareki) + "  "), Span(d.caseId + "  ", theme.dim),
                             Span(d.label(lang))], indent: 2))
        }

        out.append(.blank)
        let r = o.readiness
        out.append(Line([Span(ML.readiness.text(lang) + "  ", theme.accent),
                         Span(MunicipalityMessage.readinessCounts(yes: r.yes, partial: r.partial, no: r.no, unknown: r.unknown).text(lang), theme.dim)]))
        let words = ReadinessStatus.allCases.map { $0.label(lang) } + [ML.unknownReadiness.text(lang)]
        let wordW = words.map(DisplayWidth.of).max() ?? 0
        for item in r.rows {
            let status = item.readiness?.status
            let mark = status == .yes ? "☑" : status == .partial ? "◐" : status == .no ? "☒" : "☐"
            let word = status?.label(lang) ?? ML.unknownReadiness.text(lang)
            out.append(Line([Span("\(mark) " + DisplayWidth.pad(word, to: wordW) + " ", status == nil ? theme.dim : status == .no ? theme.error : theme.accent),
                             Span(item.item.label(lang) + " "), Span(item.item.page, theme.dim)], indent: 2))
            if let n = item.readiness?.note, !n.isEmpty { out += paragraph(TerminalText.inline(n), width: w, indent: 5 + wordW, style: theme.dim) }
        }
        return (out, selLine)
    }

    /// The key column of a record page: its widest key, within reason.
    func keyWidth(_ keys: [String]) -> Int { min(18, keys.map(DisplayWidth.of).max() ?? 8) }

    /// Draws a record page's lines below the title bar, keeping the selected row in view.
    func drawOrgLines(_ lines: [Line], selected: Int?, _ scr: inout Screen) {
        let top = 1, h = height - 2
        guard h > 0 else { return }
        let first = selected.map { max(0, min($0 - h / 2, lines.count - h)) } ?? 0
        drawLines(lines, top: top, height: h, first: first, &scr)
    }
}
