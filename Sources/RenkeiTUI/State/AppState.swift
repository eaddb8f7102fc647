import Foundation
import RenkeiCore

public enum Page: Equatable, Sendable { case list, board, detail, dashboard, joint, calendar, municipality, partner }

public enum SortColumn: String, CaseIterable, Sendable {
    case id, title, municipality, partners, stage, exit, deadline, days
    public var label: Label {
        switch self {
        case .id: return .colId
        case .title: return .colTitle
        case .municipality: return .colMunicipality
        case .partners: return .colPartners
        case .stage: return .colStage
        case .exit: return .colExit
        case .deadline: return .colDeadline
        case .days: return .colDays
        }
    }
    /// The header a narrow column shows instead of a cut `label` (`Munic.`, not `Municipal…`).
    public var shortLabel: Label {
        switch self {
        case .municipality: return .colMunicipalityShort
        case .partners: return .colPartnersShort
        case .exit: return .colExitShort
        case .deadline: return .colDeadlineShort
        case .id, .title, .stage, .days: return label   // already short in both languages
        }
    }
}

/// One row of the portfolio list: a case (index into `summaries`) or a damaged file.
public enum RowRef: Equatable, Sendable { case summary(Int), damaged(Int) }

public enum DetailTab: Int, CaseIterable, Sendable {
    case overview, checklist, budget, kpi, history, notes, similar
    public var label: Label {
        switch self {
        case .overview: return .tabOverview
        case .checklist: return .tabChecklist
        case .budget: return .tabBudget
        case .kpi: return .tabKPI
        case .history: return .tabHistory
        case .notes: return .tabNotes
        case .similar: return .tabSimilar
        }
    }
}

public struct DetailState: Equatable, Sendable {
    public var id: String
    public var doc: Case?
    public var readOnly = false
    public var error: String?
    public var tab: DetailTab = .overview
    public var scroll = 0
    public var itemSelection = 0
    /// Open the field picker once the case has loaded (`e` from the list).
    public var editWhenLoaded = false
    /// Open this list's record picker once the case has loaded (from the palette on the list).
    public var recordsWhenLoaded: RecordList?
    public var returnTo: Page = .list
    /// 類似事例 of this case (computed when the tab opens) and the selected match.
    public var similar: SimilarResult?
    public var similarSelection = 0
}

public struct AppState: Sendable {
    public var settings: Settings
    /// The guide's catalog; its `programmeItems` follow `grants` (so history and toasts name a
    /// grant criterion, and the store accepts its tick).
    public var catalog: Catalog
    /// The funding programmes (issue 16): a case's grant criteria and obligations on its checklist.
    public internal(set) var grants = GrantRules()
    public var today: Day
    public var width: Int
    public var height: Int

    // data — replaced only through `replacePortfolio` (Update.swift), which remembers the
    // selection by case id and rebuilds every index into them in the same step; `rows`,
    // `boardColumns` and `indexById` are indices into these arrays.
    public internal(set) var summaries: [CaseSummary] = []
    public internal(set) var damaged: [DamagedEntry] = []
    public var readOnly: Set<String> = []
    public var deadlines: [String: Deadline] = [:]
    public var loaded = false
    var indexById: [String: Int] = [:]
    /// Every summary index in the current sort order, kept between filter keystrokes so typing
    /// in `/` only filters (O(n)) instead of re-sorting 10,000 rows per key.
    var sortedAll: [Int] = []
    var sortedAllKey: String?

    // list
    public internal(set) var rows: [RowRef] = []
    public var selection = 0
    public var scroll = 0
    public var filter = TextInput()
    public var filterEditing = false
    public var sort: SortColumn = .id
    public var descending = false
    public var viewIndex = 0
    public var views: [SavedView]
    /// The list and the board show the archived cases instead of the daily ones (issue 14).
    public var showArchived = false

    // board: filtered cases per column (5 pipeline stages + end states)
    public internal(set) var boardColumns: [[Int]] = Array(repeating: [], count: 6)
    public var boardColumn = 0
    public var boardSelection = Array(repeating: 0, count: 6)

    public var page: Page = .list
    public var detail: DetailState?
    public var modal: Modal?
    public var toasts: [Toast] = []
    public var status: String?
    public var pending = 0
    public var quitting = false

    // insight
    public var insight: InsightData?
    public var funnelFilter = FunnelFilter()
    public var funnel: FunnelReport?
    public var dashScroll = 0
    public var joint: JointProcurementReport?
    public var jointSelection = 0
    public var calendarMunicipality: String?
    public var calendarYear: Int?
    public var calendarScroll = 0
    /// Where Esc goes from the dashboard, joint and calendar views.
    public var pageReturn: Page = .list
    /// The overdue review behind a snooze / next-action form (Esc returns to it).
    public var modalBehind: Modal?
    /// A shared workspace's sync state (issue 12).
    public var team = TeamState()
    /// The municipality and partner views (issue 16; `OrgPages.swift`).
    public var orgPages = OrgPages()
    /// The first run offers the sample portfolio once the name is given (`FirstRun.swift`).
    public var samplesOfferPending = false
    /// Readings for the list filter (kana/romaji → municipality names), from the runtime's
    /// background load; nil until then (the filter matches as typed).
    public var readings: SearchReadings?

    public var lang: Lang { settings.lang }
    public var theme: Theme { Theme(kind: settings.theme, colors: settings.colors) }

    public init(settings: Settings = Settings(), catalog: Catalog = Catalog(), today: Day, width: Int = 80, height: Int = 24, search: String? = nil) {
        self.settings = settings
        self.catalog = catalog
        self.today = today
        self.width = width
        self.height = height
        self.views = SavedView.builtIn(settings.lang) + settings.views
        if let search, !search.isEmpty { filter = TextInput(search) }
    }

    // Every read through an index (a row, a board card, `indexById`) is bounds-checked: the
    // indices are rebuilt together with the arrays, but a stale index must show nothing rather
    // than trap (issue 18: a reload that shrank the list crashed `selectedSummary`).

    public var selectedSummary: CaseSummary? {
        guard rows.indices.contains(selection), case .summary(let i) = rows[selection] else { return nil }
        return summary(at: i)
    }

    /// The summary at an index into `summaries`, nil when the index is out of range.
    public func summary(at i: Int) -> CaseSummary? { summaries.indices.contains(i) ? summaries[i] : nil }

    /// The damaged entry at an index into `damaged`, nil when the index is out of range.
    public func damagedEntry(at i: Int) -> DamagedEntry? { damaged.indices.contains(i) ? damaged[i] : nil }

    public func summary(_ id: String) -> CaseSummary? { indexById[id].flatMap(summary(at:)) }

    public var counts: (total: Int, shown: Int, active: Int, ended: Int, damaged: Int) {
        // Active and ended follow the filter (what the list shows), the total does not — but
        // it counts only the side of the archive the list shows (issue 14).
        var shown = 0, active = 0
        for r in rows {
            guard case .summary(let i) = r, let s = summary(at: i) else { continue }
            shown += 1
            if !s.stage.isEndState { active += 1 }
        }
        let total = summaries.lazy.filter { $0.archived == showArchived }.count
        return (total, shown, active, shown - active, damaged.count)
    }
}
