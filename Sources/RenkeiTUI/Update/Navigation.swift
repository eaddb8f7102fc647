import Foundation
import RenkeiCore

/// Moving the selection and opening a case: list, board, detail tabs.
extension AppState {
    mutating func openDetail(_ id: String) -> [Effect] {
        let back = page == .detail ? (detail?.returnTo ?? .list) : page
        detail = DetailState(id: id, returnTo: back)
        page = .detail
        return [.loadCase(id)]
    }

    mutating func navigate(_ action: Action) {
        switch page {
        case .list:
            let page = max(1, listBodyHeight - 1)
            switch action {
            case .down: selection += 1
            case .up: selection -= 1
            case .top: selection = 0
            case .bottom: selection = rows.count - 1
            case .pageDown: selection += page; scroll += page
            case .pageUp: selection -= page; scroll -= page
            default: break
            }
            clampSelection()
        case .board:
            let n = boardColumns[boardColumn].count
            var i = boardSelection[boardColumn]
            let pageN = max(1, boardBodyHeight / max(1, boardCardLines))
            switch action {
            case .down: i += 1
            case .up: i -= 1
            case .top: i = 0
            case .bottom: i = n - 1
            case .pageDown: i += pageN
            case .pageUp: i -= pageN
            default: break
            }
            boardSelection[boardColumn] = n == 0 ? 0 : min(max(0, i), n - 1)
        case .detail:
            guard var d = detail else { return }
            if d.tab == .similar {
                let n = d.similar?.matches.count ?? 0
                switch action {
                case .down: d.similarSelection += 1
                case .up: d.similarSelection -= 1
                case .top: d.similarSelection = 0
                case .bottom, .pageDown: d.similarSelection = n - 1
                case .pageUp: d.similarSelection = 0
                default: break
                }
                d.similarSelection = n == 0 ? 0 : min(max(0, d.similarSelection), n - 1)
            } else if d.tab == .checklist, let doc = d.doc {
                let n = checklistItems(doc).count
                switch action {
                case .down: d.itemSelection += 1
                case .up: d.itemSelection -= 1
                case .top: d.itemSelection = 0
                case .bottom: d.itemSelection = n - 1
                case .pageDown: d.itemSelection += max(1, detailBodyHeight / 2)
                case .pageUp: d.itemSelection -= max(1, detailBodyHeight / 2)
                default: break
                }
                d.itemSelection = n == 0 ? 0 : min(max(0, d.itemSelection), n - 1)
            } else {
                switch action {
                case .down: d.scroll += 1
                case .up: d.scroll -= 1
                case .top: d.scroll = 0
                case .bottom: d.scroll = Int.max / 2
                case .pageDown: d.scroll += max(1, detailBodyHeight - 1)
                case .pageUp: d.scroll -= max(1, detailBodyHeight - 1)
                default: break
                }
                d.scroll = max(0, d.scroll)   // the view clamps the bottom
            }
            detail = d
        case .dashboard, .joint, .calendar:
            navigateInsight(action)
        case .municipality, .partner:
            navigateOrgPages(action)
        }
    }

    mutating func clampDetail() {
        guard var d = detail, let doc = d.doc else { return }
        let n = checklistItems(doc).count
        d.itemSelection = n == 0 ? 0 : min(max(0, d.itemSelection), n - 1)
        detail = d
    }

    mutating func tickSelected() -> [Effect] {
        guard let d = detail, let doc = d.doc else { return [] }
        if d.tab == .similar { return openSimilarSelection() }
        if d.tab != .checklist { detail?.tab = .checklist; return [] }
        let items = checklistItems(doc)
        guard items.indices.contains(d.itemSelection) else { return [] }
        if d.readOnly { toast(Label.readOnly.text(lang), .error); return [] }
        let item = items[d.itemSelection]
        let ticked = doc.checklist[item.id] != nil
        pending += 1
        return [.save(caseId: doc.id, command: ticked ? .untick(item: item.id) : .tick(item: item.id),
                      expect: ["checklist.\(item.id)": CaseFields.get(doc, "checklist.\(item.id)")])]
    }

    /// The checklist tab's rows: the stage's items, then the grant criteria and obligations of
    /// the programmes the case relies on — one list, one cursor, one tick key, one undo.
    func checklistItems(_ doc: Case) -> [CatalogItem] {
        doc.stage.isEndState ? [] : grants.checklistItems(doc, catalog: catalog)
    }
}
