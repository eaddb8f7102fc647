import Foundation
import RenkeiCore

extension AppState {
    // MARK: board

    func renderBoard(_ scr: inout Screen) {
        titleBar(&scr, Label.board.text(lang))
        let layout = BoardLayout(width: width, selected: boardColumn)
        let stages: [Stage?] = Stage.pipeline + [nil]
        for col in layout.columns {
            let cards = boardColumns[col.index]
            let stage = stages[col.index]
            let names = stage.map { [$0.label(lang), $0.shortLabel(lang)] } ?? [Label.endedPausedColumn.text(lang), Label.endedPausedShort.text(lang)]
            let focused = col.index == boardColumn
            var count = " \(cards.count)"
            var prefix = ""
            if col.index == layout.columns.first?.index, layout.hiddenLeft { prefix = "‹" }
            if col.index == layout.columns.last?.index, layout.hiddenRight { count += "›" }
            let nameW = max(1, col.width - DisplayWidth.of(prefix) - DisplayWidth.of(count))
            // The full name, else the short one (a 12-column board cut `課題特定…`).
            let name = names.first { DisplayWidth.of($0) <= nameW } ?? DisplayWidth.clip(names[1], to: nameW)
            let head = prefix + name + count
            let hs = (stage.map { theme.stage($0) } ?? theme.dim).withBold
            scr.putPadded(col.x, 1, head, columns: col.width, focused ? hs.withReverse : hs.withUnderline)
            if col.x + col.width < width { for y in 1..<(height - 1) { scr.put(col.x + col.width, y, "│", theme.border) } }
            let lines = boardCardLines
            let visible = max(1, boardBodyHeight / lines)
            let first = boardScroll(col.index)
            for k in 0..<visible {
                let ci = first + k
                guard ci < cards.count else { break }
                guard let s = summary(at: cards[ci]) else { continue }
                let y = 2 + k * lines
                let sel = focused && ci == boardSelection[col.index]
                let style: Style = sel ? theme.selected : .plain
                var title = s.title
                if stage == nil {
                    let mark = s.stage == .realized ? "✓" : s.stage == .dropped ? "×" : "‖"
                    title = mark + " " + title
                }
                scr.putPadded(col.x, y, title, columns: col.width, sel ? style.withBold : style)
                if lines > 1, y + 1 < height - 1 {
                    var sub = s.municipality
                    if let d = s.daysInStage(today: today) { sub += " · " + WorkbenchMessage.days(d).text(lang) }
                    scr.putPadded(col.x, y + 1, sub, columns: col.width, sel ? style : theme.dim)
                }
            }
            if cards.isEmpty { scr.putPadded(col.x, 2, "—", columns: col.width, theme.dim) }
        }
    }
}
