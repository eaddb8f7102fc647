import Foundation
import RenkeiCore

extension AppState {
    // MARK: list

    var stageColumnWidth: Int {
        switch lang {   // a layout width per language, not a word
        case .ja: return 20
        case .en: return 22
        }
    }

    /// The id column's width: the widest id in the workspace (ids are ASCII, so bytes are
    /// columns), taken over all cases so the column does not jump while filtering.
    var listIdWidth: Int {
        summaries.reduce(DisplayWidth.of(SortColumn.id.label.text(lang))) { max($0, $1.id.utf8.count) }
    }

    /// The list's columns at this width, in this language, sorted as it is.
    var listLayout: ListLayout {
        let headers = Dictionary(uniqueKeysWithValues: SortColumn.allCases.map { ($0, DisplayWidth.of($0.shortLabel.text(lang))) })
        return ListLayout(width: width, stageWidth: stageColumnWidth, sorted: sort, idWidth: listIdWidth, headers: headers)
    }

    /// A column's header: the full one where it fits, else the short one (`自治体`/`Munic.`);
    /// only a terminal narrower than every short header cuts one, and never the sort arrow.
    func listHeader(_ column: SortColumn, width: Int) -> String {
        let arrow = column == sort ? (descending ? "↓" : "↑") : ""
        let room = max(1, width - DisplayWidth.of(arrow))
        let full = column.label.text(lang), short = column.shortLabel.text(lang)
        let text = DisplayWidth.of(full) <= room ? full : DisplayWidth.of(short) <= room ? short : DisplayWidth.clip(short, to: room, ellipsis: "")
        return text + arrow
    }

    func renderList(_ scr: inout Screen) {
        titleBar(&scr, showArchived ? ArchiveLabel.portfolioArchived.text(lang) : Label.portfolio.text(lang))
        let layout = listLayout
        // column header
        scr.fill(Rect(x: 0, y: 1, width: width, height: 1), theme.header)
        for col in layout.cols {
            scr.putPadded(col.x, 1, listHeader(col.column, width: col.width), columns: col.width, theme.header.withUnderline, alignRight: col.column == .days)
        }
        let top = listBodyTop, h = listBodyHeight
        if rows.isEmpty {
            let msg = !loaded ? Label.loading.text(lang)
                : showArchived && filter.text.isEmpty ? ArchiveLabel.noneArchived.text(lang)
                : (summaries.isEmpty && damaged.isEmpty ? Label.emptyWorkspace.text(lang) : Label.noMatches.text(lang))
            for (i, l) in wrapText(msg, width: max(1, width - 4)).prefix(max(0, h - 1)).enumerated() {
                scr.put(2, top + 1 + i, l, theme.dim)
            }
            return
        }
        for r in 0..<h {
            let ri = scroll + r
            guard ri < rows.count else { break }
            let y = top + r
            let sel = ri == selection
            switch rows[ri] {
            case .summary(let i):
                guard let summary = summary(at: i) else { continue }
                drawRow(&scr, y, summary, layout, selected: sel)
            case .damaged(let i):
                guard let d = damagedEntry(at: i) else { continue }
                let st = sel ? theme.error.withReverse : theme.error
                scr.fill(Rect(x: 0, y: y, width: width, height: 1), sel ? Style(reverse: true) : .plain)
                scr.put(0, y, "!", st)
                let text = WorkbenchMessage.damagedRow(file: d.fileName, reason: d.reason.text(lang)).text(lang)
                scr.put(1, y, text, st, limit: width - 1)
            }
        }
        // scroll position marker
        if rows.count > h, h > 1 {
            let pos = top + Int(Double(h - 1) * Double(scroll) / Double(max(1, rows.count - h)))
            scr.put(width - 1, pos, "▐", theme.dim)
        }
    }

    func drawRow(_ scr: inout Screen, _ y: Int, _ s: CaseSummary, _ layout: ListLayout, selected: Bool) {
        let base: Style = selected ? theme.selected : .plain
        scr.fill(Rect(x: 0, y: y, width: width, height: 1), base)
        // ● changed by others since this person last opened it (a shared workspace, issue 12);
        // it wins over ▶, which the row's highlight already says.
        let marker = readOnly.contains(s.id) ? "🔒" : (team.isUnseen(s.id) ? "●" : selected ? "▶" : " ")
        if marker == "🔒" { scr.put(0, y, "R", base.withBold) } else { scr.put(0, y, marker, base.withBold) }
        func st(_ x: Style) -> Style { selected ? Style(fg: x.fg, bg: x.bg, bold: x.bold, reverse: true) : x }
        for col in layout.cols {
            switch col.column {
            case .id: scr.putPadded(col.x, y, s.id, columns: col.width, st(theme.dim))
            case .title: scr.putPadded(col.x, y, s.title, columns: col.width, base.withBoldIf(selected))
            case .municipality: scr.putPadded(col.x, y, s.municipality, columns: col.width, base)
            case .partners: scr.putPadded(col.x, y, s.partners.joined(separator: "、"), columns: col.width, base)
            case .stage:
                // The stage's name, its short name, or the glyphs alone: never a cut name (`C…`).
                let text = [s.stage.label(lang), s.stage.shortLabel(lang)].map { "\(s.stage.progressGlyph) \($0)" }
                    .first { DisplayWidth.of($0) <= col.width } ?? s.stage.progressGlyph
                scr.putPadded(col.x, y, text, columns: col.width, st(theme.stage(s.stage)))
            case .exit:
                var t = ""
                if let e = s.exit { t = e.shortLabel(lang) }
                if let m = s.method {
                    let name = catalog.method(m)?.label(lang) ?? m
                    t += (t.isEmpty ? "" : "/") + name
                }
                scr.putPadded(col.x, y, t.isEmpty ? "—" : t, columns: col.width, base)
            case .deadline:
                if let d = deadlines[s.id] {
                    let text = col.width >= 10 ? d.day.description : String(d.day.description.dropFirst(5))
                    let over = d.day < today
                    let soon = !over && today.days(until: d.day) <= 14
                    scr.putPadded(col.x, y, text, columns: col.width, st(over ? theme.error : soon ? theme.warning : .plain))
                } else {
                    scr.putPadded(col.x, y, "—", columns: col.width, st(theme.dim))
                }
            case .days:
                let t = s.daysInStage(today: today).map { WorkbenchMessage.days($0).text(lang) } ?? "—"
                scr.putPadded(col.x, y, t, columns: col.width, base, alignRight: true)
            }
        }
    }
}
