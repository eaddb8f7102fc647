import Foundation
import RenkeiCore

extension AppState {
    // MARK: mouse

    mutating func handleMouse(_ m: MouseEvent) -> [Effect] {
        if modal != nil {
            if case .help(let s) = modal!, m.kind != .click { modal = .help(scroll: max(0, s + (m.kind == .wheelDown ? 3 : -3))) }
            return []
        }
        switch m.kind {
        case .wheelDown, .wheelUp:
            let a: Action = m.kind == .wheelDown ? .down : .up
            for _ in 0..<3 { navigate(a) }
        case .click:
            switch page {
            case .list:
                let r = scroll + (m.y - listBodyTop)
                if m.y >= listBodyTop, m.y < listBodyTop + listBodyHeight, rows.indices.contains(r) { selection = r; clampSelection() }
            case .board:
                let layout = BoardLayout(width: width, selected: boardColumn)
                if let c = layout.column(at: m.x) {
                    boardColumn = c
                    let i = boardScroll(c) + (m.y - 2) / max(1, boardCardLines)
                    if m.y >= 2, boardColumns[c].indices.contains(i) { boardSelection[c] = i }
                }
            case .dashboard, .joint, .calendar, .municipality, .partner:
                break
            case .detail:
                if m.y == 2, var d = detail {
                    let tabs = TabLayout(lang: lang, width: width, selected: d.tab)
                    if let t = tabs.tab(at: m.x) { d.tab = t; d.scroll = 0; detail = d }
                }
            }
        }
        return []
    }
}
