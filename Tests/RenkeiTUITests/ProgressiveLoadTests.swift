import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// The first frame of a large portfolio carries only the deadlines of the rows on screen; the
/// rest arrive as `.deadlinesLoaded` from a worker. And the sort computes its keys once per
/// case. These tests hold both to what the list showed before: the same order, every column.
@Suite struct ProgressiveLoadTests {
    static let today = Day("2026-11-23")!
    static let towns = ["狭山市", "さいたま市", "ｻﾔﾏ町", "福岡市", "🏙️市", "狭山市"]
    static let titles = ["AI配車", "※①─ 長い件名の実証事業（第2期）", "AI配車", "ﾃｽﾄ", "防災\u{7}アプリ"]

    /// 240 cases with many ties in every column (so the id tiebreak matters).
    static func summaries() -> [CaseSummary] {
        (0..<240).map { i in
            var s = CaseSummary(id: String(format: "c-%04d", (i * 7919) % 240))   // ids not in array order
            s.title = titles[i % titles.count]
            s.municipality = towns[i % towns.count]
            s.partners = i % 4 == 0 ? [] : ["連携先\(i % 3)", "ｽﾀｰﾄｱｯﾌﾟ"]
            s.stage = Stage.allCases[i % Stage.allCases.count]
            s.exit = i % 5 == 0 ? nil : Exit.allCases[i % Exit.allCases.count]
            s.method = i % 3 == 0 ? nil : "proposal"
            s.stageEnteredDay = i % 6 == 0 ? nil : today.adding(days: -(i % 9) * 10)
            s.searchText = TextNormalizer.fold(s.id + s.title + s.municipality)
            return s
        }
    }

    static func deadlines(_ sums: [CaseSummary]) -> [String: Deadline] {
        var out: [String: Deadline] = [:]
        for (i, s) in sums.enumerated() where i % 4 != 1 {
            out[s.id] = Deadline(day: today.adding(days: (i % 11) - 5), labelJa: "期限", labelEn: "due")
        }
        return out
    }

    static func state(height: Int = 24, deadlines: [String: Deadline]? = nil) -> AppState {
        let sums = summaries()
        var st = AppState(settings: Settings(lang: .ja), catalog: Catalog(), today: today, width: 120, height: height, search: nil)
        st = update(st, .loaded(PortfolioData(summaries: sums, deadlines: deadlines ?? Self.deadlines(sums)), external: false)).0
        return st
    }

    /// The reference: the comparator the list used before keys were precomputed.
    static func reference(_ sums: [CaseSummary], _ d: [String: Deadline], by col: SortColumn, descending: Bool) -> [String] {
        func less(_ a: CaseSummary, _ b: CaseSummary) -> Bool? {
            switch col {
            case .id: return a.id == b.id ? nil : a.id < b.id
            case .title: return a.title == b.title ? nil : a.title < b.title
            case .municipality: return a.municipality == b.municipality ? nil : a.municipality < b.municipality
            case .partners:
                let x = a.partners.joined(separator: ","), y = b.partners.joined(separator: ",")
                return x == y ? nil : x < y
            case .stage: return a.stage == b.stage ? nil : a.stage < b.stage
            case .exit:
                let x = (a.exit?.rawValue ?? "~") + (a.method ?? ""), y = (b.exit?.rawValue ?? "~") + (b.method ?? "")
                return x == y ? nil : x < y
            case .deadline:
                let x = d[a.id]?.day.ordinal ?? Int.max, y = d[b.id]?.day.ordinal ?? Int.max
                return x == y ? nil : x < y
            case .days:
                let x = a.daysInStage(today: today) ?? -1, y = b.daysInStage(today: today) ?? -1
                return x == y ? nil : x < y
            }
        }
        return sums.sorted { a, b in
            if let l = less(a, b) { return descending ? !l : l }
            return a.id < b.id
        }.map(\.id)
    }

    static func rowIds(_ st: AppState) -> [String] {
        st.rows.compactMap { if case .summary(let i) = $0 { return st.summaries[i].id } else { return nil } }
    }

    @Test(arguments: SortColumn.allCases)
    func everySortColumnKeepsItsOrder(_ col: SortColumn) {
        for desc in [false, true] {
            var st = Self.state()
            st.sort = col
            st.descending = desc
            st.rebuildRows(keepId: nil)
            #expect(Self.rowIds(st) == Self.reference(st.summaries, st.deadlines, by: col, descending: desc), "\(col) desc=\(desc)")
        }
    }

    @Test func lateDeadlinesMergeAndReorderADeadlineSort() {
        let sums = Self.summaries()
        let all = Self.deadlines(sums)
        var st = Self.state(deadlines: [:])
        st.sort = .deadline
        st.rebuildRows(keepId: nil)
        #expect(st.deadlines.isEmpty)
        #expect(Self.rowIds(st) == Self.reference(sums, [:], by: .deadline, descending: false))   // all ties: id order

        // First the rows on screen, then everything: the order ends as if all had come at once.
        let first = Dictionary(uniqueKeysWithValues: st.onScreenCaseIds.compactMap { id in all[id].map { (id, $0) } })
        #expect(!first.isEmpty && first.count < all.count)
        st = update(st, .deadlinesLoaded(first)).0
        #expect(st.deadlines == first)
        st = update(st, .deadlinesLoaded(all)).0
        #expect(st.deadlines == all)
        #expect(Self.rowIds(st) == Self.reference(sums, all, by: .deadline, descending: false))

        // Sorted by id, late deadlines change the column, not the order.
        var byId = Self.state(deadlines: [:])
        let before = Self.rowIds(byId)
        byId = update(byId, .deadlinesLoaded(all)).0
        #expect(Self.rowIds(byId) == before)
        #expect(byId.sortNeedsAllDeadlines == false)
    }

    @Test func onScreenIdsAreTheViewportAndTheBoardsVisibleCards() {
        var st = Self.state(height: 12)
        let ids = Self.rowIds(st)
        #expect(st.onScreenCaseIds == Array(ids.prefix(st.listBodyHeight)))
        // Scrolled to the end: the last rows.
        st = update(st, .key(.char("G"))).0
        #expect(st.onScreenCaseIds == Array(ids.suffix(from: st.scroll).prefix(st.listBodyHeight)))
        #expect(st.onScreenCaseIds.contains(ids.last!))
        // Filtered: only matching rows.
        var filtered = AppState(settings: Settings(lang: .ja), catalog: Catalog(), today: Self.today, width: 120, height: 12, search: "狭山")
        filtered = update(filtered, .loaded(PortfolioData(summaries: Self.summaries()), external: false)).0
        #expect(!filtered.onScreenCaseIds.isEmpty)
        #expect(filtered.onScreenCaseIds.allSatisfy { id in filtered.summaries.first { $0.id == id }!.municipality == "狭山市" })
        // The board: the first cards of every column, no more than fit.
        st = update(st, .key(.char("b"))).0
        #expect(st.page == .board)
        let board = st.onScreenCaseIds
        #expect(!board.isEmpty && board.count <= 6 * max(1, st.boardBodyHeight))
        for col in st.boardColumns where !col.isEmpty { #expect(board.contains(st.summaries[col[0]].id)) }
    }
}
