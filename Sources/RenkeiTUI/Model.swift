import Foundation
import RenkeiCore

// MARK: - Inputs

/// A damaged case file as the list shows it (the store's `DamagedFile`, without the store).
public struct DamagedEntry: Equatable, Sendable {
    public var fileName: String
    public var reason: String
    public init(fileName: String, reason: String) { self.fileName = fileName; self.reason = reason }
}

/// The next deadline of a case as the runtime computed it (the calendar engine, or the case's
/// next action until that lands).
public struct Deadline: Equatable, Sendable {
    public var day: Day
    public var labelJa: String
    public var labelEn: String
    public init(day: Day, labelJa: String, labelEn: String) { self.day = day; self.labelJa = labelJa; self.labelEn = labelEn }
    public func label(_ lang: Lang) -> String { lang == .ja ? labelJa : labelEn }
}

public struct PortfolioData: Sendable {
    public var summaries: [CaseSummary]
    public var damaged: [DamagedEntry]
    public var readOnly: Set<String>
    public var deadlines: [String: Deadline]
    public init(summaries: [CaseSummary], damaged: [DamagedEntry] = [], readOnly: Set<String> = [], deadlines: [String: Deadline] = [:]) {
        self.summaries = summaries; self.damaged = damaged; self.readOnly = readOnly; self.deadlines = deadlines
    }
}

/// What the dashboard, 類似事例 pane, 共同調達 view and calendar view read: built by the runtime
/// from the loaded summaries (`InsightFeatures(summary:index:)`) and the budget calendars.
public struct InsightData: Sendable {
    public var insight: PortfolioInsight
    public var calendars: CalendarSet
    public var holidays: HolidaySet
    public init(insight: PortfolioInsight, calendars: CalendarSet = CalendarSet(), holidays: HolidaySet = .none) {
        self.insight = insight; self.calendars = calendars; self.holidays = holidays
    }
}

public enum MouseKind: Equatable, Sendable { case click, wheelUp, wheelDown }
public struct MouseEvent: Equatable, Sendable {
    public var x: Int, y: Int, kind: MouseKind
    public init(x: Int, y: Int, kind: MouseKind) { self.x = x; self.y = y; self.kind = kind }
}

/// Everything that can happen to the app.
public enum Msg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// About four times a second: expires toasts.
    case tick
    /// The portfolio (re)loaded; `external` when a change on disk triggered it.
    case loaded(PortfolioData, external: Bool)
    case caseLoaded(id: String, Case, readOnly: Bool)
    case caseLoadFailed(id: String, String)
    /// A command was written durably; carries the case as saved.
    case saved(Case, label: String)
    case created(Case)
    case undoRedone(redo: Bool, caseId: String, label: String)
    case gateBlocked(caseId: String, stage: Stage, problems: [GateProblem])
    case failed(String)
    case notice(String)
    /// The overdue review from the calendar engine (`o`).
    case overdueLoaded(OverdueReview)
    /// A report was written (`x`): the path.
    case exported(String)
    /// Portfolio insight (funnel, similar cases, joint procurement, calendars), after each load.
    case insightLoaded(InsightData)
    /// Next deadlines computed after the portfolio arrived (merged into the ones known): on a
    /// first load, those of the rows on screen come first and the rest follow from a worker.
    case deadlinesLoaded([String: Deadline])
    /// 類似事例 with what the other cases learned (the runtime read their files).
    case similarLoaded(SimilarResult)
}

/// What `update` asks the runtime to do. The runtime performs it and answers with a `Msg`.
public enum Effect: Equatable, Sendable {
    case save(caseId: String, command: Command, expect: [String: JSONValue])
    /// The new-case form's result (Core's input type: the store validates it).
    case create(NewCaseInput)
    case undo, redo
    case reload
    case loadCase(String)
    case overdue
    case export(caseId: String, format: String)
    case saveViews([SavedView])
    /// Attach lessons (budget reference items, KPIs, outcome) to these matches; answers `.similarLoaded`.
    case attachLessons(SimilarResult)
    case quit
}

// MARK: - Settings

public struct SavedView: Codable, Equatable, Sendable {
    public var name: String
    public var filter: String
    /// Stage ids to include (empty: all).
    public var stages: [String]
    /// A sort column id (see `SortColumn`), optional.
    public var sort: String?
    public var descending: Bool
    public init(name: String, filter: String = "", stages: [String] = [], sort: String? = nil, descending: Bool = false) {
        self.name = name; self.filter = filter; self.stages = stages; self.sort = sort; self.descending = descending
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        filter = try c.decodeIfPresent(String.self, forKey: .filter) ?? ""
        stages = try c.decodeIfPresent([String].self, forKey: .stages) ?? []
        sort = try c.decodeIfPresent(String.self, forKey: .sort)
        descending = try c.decodeIfPresent(Bool.self, forKey: .descending) ?? false
    }
    enum CodingKeys: String, CodingKey { case name, filter, stages, sort, descending }

    public static func builtIn(_ lang: Lang) -> [SavedView] {
        [SavedView(name: lang == .ja ? "すべて" : "All"),
         SavedView(name: lang == .ja ? "進行中" : "Active", stages: Stage.pipeline.map(\.rawValue)),
         SavedView(name: lang == .ja ? "予算化・方法" : "Method & budgeting", stages: [Stage.method.rawValue, Stage.budgeting.rawValue], sort: "deadline"),
         SavedView(name: lang == .ja ? "終了・保留" : "Ended & paused", stages: Stage.endStates.map(\.rawValue))]
    }
}

public enum ThemeKind: String, Sendable, Codable { case dark, light }

/// User settings, parsed by the runtime from the config file; applied here purely.
public struct Settings: Equatable, Sendable {
    public var lang: Lang
    public var theme: ThemeKind
    public var colors: Bool
    public var wareki: Bool
    public var mouse: Bool
    public var keymap: Keymap
    public var views: [SavedView]
    public init(lang: Lang = .ja, theme: ThemeKind = .dark, colors: Bool = true, wareki: Bool = false, mouse: Bool = false,
                keymap: Keymap = .default, views: [SavedView] = []) {
        self.lang = lang; self.theme = theme; self.colors = colors; self.wareki = wareki; self.mouse = mouse
        self.keymap = keymap; self.views = views
    }
}

// MARK: - State

public enum Page: Equatable, Sendable { case list, board, detail, dashboard, joint, calendar }

public enum SortColumn: String, CaseIterable, Sendable {
    case id, title, municipality, partners, stage, exit, deadline, days
    public var label: L {
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
}

/// One row of the portfolio list: a case (index into `summaries`) or a damaged file.
public enum RowRef: Equatable, Sendable { case summary(Int), damaged(Int) }

public enum DetailTab: Int, CaseIterable, Sendable {
    case overview, checklist, budget, kpi, history, notes, similar
    public var label: L {
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
    public var returnTo: Page = .list
    /// 類似事例 of this case (computed when the tab opens) and the selected match.
    public var similar: SimilarResult?
    public var similarSelection = 0
}

public enum FieldKind: Equatable, Sendable {
    case text, multiline
    case choice(ids: [String], labels: [String])
}

public struct FormField: Equatable, Sendable {
    public var key: String
    public var label: String
    public var kind: FieldKind
    public var input: TextInput
    public var choice = 0
    public var required = false
    public var hint: String?
    public var error: String?
    public var value: String {
        if case .choice(let ids, _) = kind { return ids.indices.contains(choice) ? ids[choice] : "" }
        return input.text
    }
}

public enum FormPurpose: Equatable, Sendable {
    case newCase
    case edit(caseId: String, path: String, before: JSONValue)
    case note(caseId: String)
    /// From the overdue review: snooze one deadline item until a date, with a reason.
    case snooze(caseId: String, item: String)
    /// From the overdue review: set the case's next action (text and due date).
    case nextAction(caseId: String)
}

public struct Form: Equatable, Sendable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var error: String?
}

public enum PromptPurpose: Equatable, Sendable {
    case move(caseId: String, from: Stage, to: Stage)
    case gateOverride(caseId: String, stage: Stage)
    case saveView
}

public struct Prompt: Equatable, Sendable {
    public var purpose: PromptPurpose
    public var title: String
    public var label: String
    public var input = TextInput()
    public var error: String?
    /// Lines shown above the input (e.g. the unmet gate items).
    public var body: [String] = []
}

public enum PickerPurpose: Equatable, Sendable {
    case editField(caseId: String)
    case moveTo(caseId: String, from: Stage)
    case export(caseId: String)
}

public struct Picker: Equatable, Sendable {
    public var purpose: PickerPurpose
    public var title: String
    public var ids: [String]
    public var labels: [String]
    public var selection = 0
}

public struct GateDialog: Equatable, Sendable {
    public var caseId: String
    public var stage: Stage
    public var problems: [String]
}

public enum Modal: Equatable, Sendable {
    case help(scroll: Int)
    case palette(input: TextInput, selection: Int)
    case gate(GateDialog)
    case prompt(Prompt)
    case form(Form)
    case picker(Picker)
    case overdue(review: OverdueReview, selection: Int)
}

public enum ToastKind: Equatable, Sendable { case info, success, error }
public struct Toast: Equatable, Sendable {
    public var text: String
    public var kind: ToastKind
    public var ticksLeft: Int
}

public struct AppState: Sendable {
    public var settings: Settings
    public var catalog: Catalog
    public var today: Day
    public var width: Int
    public var height: Int

    // data
    public var summaries: [CaseSummary] = []
    public var damaged: [DamagedEntry] = []
    public var readOnly: Set<String> = []
    public var deadlines: [String: Deadline] = [:]
    public var loaded = false
    var indexById: [String: Int] = [:]
    /// Every summary index in the current sort order, kept between filter keystrokes so typing
    /// in `/` only filters (O(n)) instead of re-sorting 10,000 rows per key.
    var sortedAll: [Int] = []
    var sortedAllKey: String?

    // list
    public var rows: [RowRef] = []
    public var selection = 0
    public var scroll = 0
    public var filter = TextInput()
    public var filterEditing = false
    public var sort: SortColumn = .id
    public var descending = false
    public var viewIndex = 0
    public var views: [SavedView]

    // board: filtered cases per column (5 pipeline stages + end states)
    public var boardColumns: [[Int]] = Array(repeating: [], count: 6)
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

    public var selectedSummary: CaseSummary? {
        guard rows.indices.contains(selection), case .summary(let i) = rows[selection] else { return nil }
        return summaries[i]
    }

    public func summary(_ id: String) -> CaseSummary? { indexById[id].map { summaries[$0] } }

    public var counts: (total: Int, shown: Int, active: Int, ended: Int, damaged: Int) {
        var active = 0
        for s in summaries where !s.stage.isEndState { active += 1 }
        let shown = rows.reduce(0) { n, r in if case .summary = r { return n + 1 }; return n }
        return (summaries.count, shown, active, summaries.count - active, damaged.count)
    }
}

/// Colours by role. Stage colours are the same on every screen.
public struct Theme: Sendable {
    public var kind: ThemeKind
    public var colors: Bool

    func c(_ fg: Color?, bold: Bool = false) -> Style { colors ? Style(fg: fg, bold: bold) : Style(bold: bold) }

    public var text: Style { .plain }
    public var dim: Style { colors ? Style(fg: .brightBlack) : .plain }
    public var title: Style { Style(reverse: true) }
    public var titleAccent: Style { Style(bold: true, reverse: true) }
    public var header: Style { c(nil, bold: true) }
    public var selected: Style { Style(reverse: true) }
    public var key: Style { c(kind == .dark ? .cyan : .blue, bold: true) }
    public var error: Style { c(.red, bold: true) }
    public var success: Style { c(.green, bold: true) }
    public var warning: Style { c(kind == .dark ? .yellow : .magenta, bold: true) }
    public var accent: Style { c(kind == .dark ? .cyan : .blue, bold: true) }
    public var border: Style { colors ? Style(fg: kind == .dark ? .brightBlack : .black) : .plain }
    public var toast: Style { Style(bold: true, reverse: true) }
    public var toastError: Style { colors ? Style(fg: .red, bold: true, reverse: true) : Style(bold: true, reverse: true) }
    public var input: Style { Style(underline: true) }

    public func stage(_ s: Stage) -> Style {
        guard colors else { return s.isEndState ? .plain : Style() }
        switch s {
        case .issueDefinition: return Style(fg: .magenta)
        case .partnerSearch: return Style(fg: .blue)
        case .coordination: return Style(fg: .cyan)
        case .method: return Style(fg: kind == .dark ? .yellow : .red)
        case .budgeting: return Style(fg: .green)
        case .realized: return Style(fg: .green, bold: true)
        case .dropped: return Style(fg: .red)
        case .paused: return Style(fg: .brightBlack)
        }
    }
}
