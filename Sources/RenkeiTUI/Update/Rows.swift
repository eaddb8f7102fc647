import Foundation
import RenkeiCore

/// Rows & sorting: the filtered, sorted list and board columns, and the geometry the view shares.
extension AppState {
    /// The current sort order of `summaries` (indices), ties broken by ascending id. Keys are
    /// computed once per case — not per comparison: at 10,000 cases a comparator that looked up
    /// deadlines by id or copied summaries cost a sizeable share of the first frame.
    func sortedIndices() -> [Int] {
        let ids = summaries.map(\.id)
        let desc = descending
        func order<K: Comparable>(_ keys: [K]) -> [Int] {
            keys.withUnsafeBufferPointer { k in
                ids.withUnsafeBufferPointer { id in
                    summaries.indices.sorted { i, j in
                        if k[i] != k[j] { return desc ? k[j] < k[i] : k[i] < k[j] }
                        return id[i] < id[j]
                    }
                }
            }
        }
        switch sort {
        case .id: return order(ids)
        case .title: return order(summaries.map(\.title))
        case .municipality: return order(summaries.map(\.municipality))
        case .partners: return order(summaries.map { $0.partners.joined(separator: ",") })
        case .stage: return order(summaries.map(\.stage))
        case .exit: return order(summaries.map { ($0.exit?.rawValue ?? "~") + ($0.method ?? "") })
        case .deadline: return order(summaries.map { deadlines[$0.id]?.day.ordinal ?? Int.max })
        case .days: return order(summaries.map { $0.daysInStage(today: today) ?? -1 })
        }
    }

    /// Ids of the cases the current page shows (list viewport, or the visible cards of each
    /// board column) — what must have its deadline before the first frame.
    public var onScreenCaseIds: [String] {
        var out: [String] = []
        if page == .board {
            for col in boardColumns { for i in col.prefix(max(1, boardBodyHeight)) { if let s = summary(at: i) { out.append(s.id) } } }
            return out
        }
        let end = min(rows.count, scroll + max(1, listBodyHeight))
        guard scroll >= 0, scroll < end else { return [] }
        for r in rows[scroll..<end] { if case .summary(let i) = r, let s = summary(at: i) { out.append(s.id) } }
        return out
    }

    /// Whether the row order depends on every case's deadline.
    public var sortNeedsAllDeadlines: Bool { sort == .deadline }

    /// Recomputes the filtered, sorted rows and the board columns. O(n log n); runs on load,
    /// save, filter, sort and view changes — never on plain navigation.
    /// - Parameter dataChanged: false when only the filter text changed (the summaries, the
    ///   deadlines and the sort are the same), so the cached sort order can be reused.
    /// - Parameter boardFocus: the board card to keep focused; by default the one focused now
    ///   (the caller captures it before replacing `summaries`, whose indices the board holds).
    mutating func rebuildRows(keepId: String?, dataChanged: Bool = true, boardFocus: String?? = nil) {
        let boardFocus = boardFocus ?? (page == .board && boardColumns.indices.contains(boardColumn) ? focusedCaseId : nil)
        let sortKey = "\(sort.rawValue)|\(descending)|\(summaries.count)"
        if dataChanged || sortedAllKey != sortKey {
            indexById = Dictionary(summaries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            sortedAll = sortedIndices()
            sortedAllKey = sortKey
        }
        let view = views.indices.contains(viewIndex) ? views[viewIndex] : SavedView(name: "")
        let stages = Set(view.stages)
        // Kana and romaji also find the names they read (さやま → 狭山市) once the readings are loaded.
        let viewTerms = FoldedSearch.query(view.filter, readings: readings), terms = FoldedSearch.query(filter.text, readings: readings)
        // Archived cases are out of the daily list and board; the archive view shows only them.
        let archivedSide = showArchived
        let idx = sortedAll.filter { i in
            summaries[i].archived == archivedSide
                && (stages.isEmpty || stages.contains(summaries[i].stage.rawValue)) && FoldedSearch.matches(summaries[i].searchText, anyOf: viewTerms)
                && FoldedSearch.matches(summaries[i].searchText, anyOf: terms)
        }
        rows = idx.map { .summary($0) }
        // Damaged files are always listed (marked), unless the filter excludes their name.
        for (i, d) in damaged.enumerated() where FoldedSearch.matches(TextNormalizer.fold(d.fileName + " " + d.reason.text(lang)), anyOf: terms) {
            if view.stages.isEmpty { rows.append(.damaged(i)) }
        }
        var cols = Array(repeating: [Int](), count: 6)
        for i in idx {
            let st = summaries[i].stage
            cols[st.pipelineIndex ?? 5].append(i)
        }
        boardColumns = cols
        if let keepId, let si = indexById[keepId], let r = rows.firstIndex(of: .summary(si)) {
            selection = r
        }
        if let id = boardFocus { focusBoard(on: id) }
        clampSelection()
    }

    /// Puts the board's focus on a case's card (nothing when it is not on the board).
    mutating func focusBoard(on id: String) {
        guard let si = indexById[id], let s = summary(at: si) else { return }
        let col = s.stage.pipelineIndex ?? 5
        guard boardColumns.indices.contains(col), let ci = boardColumns[col].firstIndex(of: si) else { return }
        boardColumn = col
        boardSelection[col] = ci
    }

    // MARK: geometry shared with the view

    /// Rows of the list body (between the column header and the status bar).
    var listBodyHeight: Int { max(0, height - 3) }
    var listBodyTop: Int { 2 }
    var detailBodyTop: Int { 3 }
    var detailBodyHeight: Int { max(0, height - 4) }
    var boardCardLines: Int { height >= 16 ? 2 : 1 }
    var boardBodyHeight: Int { max(0, height - 3) }

    mutating func clampSelection() {
        selection = rows.isEmpty ? 0 : min(max(0, selection), rows.count - 1)
        scrollToSelection()
        for c in 0..<6 {
            let n = boardColumns[c].count
            boardSelection[c] = n == 0 ? 0 : min(max(0, boardSelection[c]), n - 1)
        }
        boardColumn = min(max(0, boardColumn), 5)
    }

    mutating func scrollToSelection() {
        let h = max(1, listBodyHeight)
        if selection < scroll { scroll = selection }
        if selection >= scroll + h { scroll = selection - h + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - h)))
    }


    /// First visible card of a board column (keeps the selected card visible).
    func boardScroll(_ c: Int) -> Int {
        let visible = max(1, boardBodyHeight / max(1, boardCardLines))
        let sel = boardSelection[c]
        return max(0, min(sel - visible / 2, boardColumns[c].count - visible))
    }
}
