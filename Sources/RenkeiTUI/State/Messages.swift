import Foundation
import RenkeiCore

// MARK: - Inputs

/// A damaged case file as the list shows it (the store's `DamagedFile`, without the store).
public struct DamagedEntry: Equatable, Sendable {
    public var fileName: String
    /// Typed: the row says it in the workbench's language.
    public var reason: DamageReason
    public init(fileName: String, reason: DamageReason) { self.fileName = fileName; self.reason = reason }
}

/// The next deadline of a case as the runtime computed it (the calendar engine, or the case's
/// next action until that lands).
public struct Deadline: Equatable, Sendable {
    public var day: Day
    public var labelJa: String
    public var labelEn: String
    public init(day: Day, labelJa: String, labelEn: String) { self.day = day; self.labelJa = labelJa; self.labelEn = labelEn }
}

extension Deadline: Bilingual {
    public var ja: String { labelJa }
    public var en: String { labelEn }
}

public struct PortfolioData: Sendable {
    public var summaries: [CaseSummary]
    public var damaged: [DamagedEntry]
    public var readOnly: Set<String>
    public var deadlines: [String: Deadline]
    /// false on a first load that skipped the deadlines so the list draws sooner: `update` then
    /// asks for those on screen now and the rest in the background.
    public var deadlinesIncluded: Bool
    public init(summaries: [CaseSummary], damaged: [DamagedEntry] = [], readOnly: Set<String> = [], deadlines: [String: Deadline] = [:],
                deadlinesIncluded: Bool = true) {
        self.summaries = summaries; self.damaged = damaged; self.readOnly = readOnly; self.deadlines = deadlines
        self.deadlinesIncluded = deadlinesIncluded
    }
}

/// What the dashboard, 類似事例 pane, 共同調達 view and calendar view read: built by the runtime
/// from the loaded summaries (`InsightFeatures(summary:index:)`) and the budget calendars.
public struct InsightData: Sendable {
    public var insight: PortfolioInsight
    public var calendars: CalendarSet
    public var holidays: HolidaySet
    /// Readings for the list filter (the municipality table), loaded with the insight: off the
    /// first frame's path.
    public var readings: SearchReadings?
    /// The funding programmes, so a case's grant criteria and obligations are tickable on its
    /// checklist (issue 16); loaded with the insight, off the first frame's path.
    public var grants: GrantRules
    public init(insight: PortfolioInsight, calendars: CalendarSet = CalendarSet(), holidays: HolidaySet = .none,
                readings: SearchReadings? = nil, grants: GrantRules = GrantRules()) {
        self.insight = insight; self.calendars = calendars; self.holidays = holidays; self.readings = readings
        self.grants = grants
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
    /// A command was written durably; carries the case as saved. `warning`: the edit is saved
    /// but something beside it went wrong (its undo entry could not be recorded, an unreadable
    /// undo history was kept aside) — shown, never silent.
    case saved(Case, label: String, warning: String? = nil)
    case created(Case, warning: String? = nil)
    case undoRedone(redo: Bool, caseId: String, label: String, warning: String? = nil)
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
    /// The next deadlines of exactly these cases, recomputed after a change (one without a
    /// deadline any more loses the one shown).
    case deadlinesOf(caseIds: [String], [String: Deadline])
    /// 類似事例 with what the other cases learned (the runtime read their files).
    case similarLoaded(SimilarResult)
    /// The export/import dialogs' answers (`Transfer.swift`).
    case transfer(TransferAnswer)
    /// A shared workspace's state (issue 12): after each load and each sync.
    case syncStatusLoaded(SyncStatus)
    /// A sync started with `Y` ended (result, notices or the failure's one line).
    case syncFinished(SyncOutcome)
    /// The open concurrent edits of every case, for the review list.
    case conflictsLoaded([ConcurrentEditRow])
    /// A record's concurrent edit was reviewed (`file`); `warning` as for `.saved`.
    case recordEditResolved(file: String, label: String, warning: String? = nil)
    /// The municipality view's data (profile, cases by stage, deadlines, readiness; issue 16).
    case municipalityLoaded(MunicipalityOverview)
    /// The partner view's data: its record and every case it is in, across municipalities.
    case partnerLoaded(PartnerOverview)
    /// The case was moved to trash/ (undoable).
    case trashed(caseId: String)
    /// The workbench starts for someone new (`suggestedName` non-nil: ask who signs the changes)
    /// or on a just-created workspace (`offerSamples`).
    case firstRun(suggestedName: String?, offerSamples: Bool)
    /// The sample portfolio was copied into the (empty) workspace.
    case samplesLoaded(Int)
}

/// What `update` asks the runtime to do. The runtime performs it and answers with a `Msg`.
public enum Effect: Equatable, Sendable {
    case save(caseId: String, command: Command, expect: [String: JSONValue])
    /// The new-case form's result (Core's input type: the store validates it).
    case create(NewCaseInput)
    /// Moves the case to trash/ (one undoable command); answers `.trashed`.
    case trash(caseId: String)
    /// Saves who signs this person's changes (config) and signs this session's with it.
    case setActor(String)
    /// Copies the sample portfolio into the workspace, which must be empty; answers `.samplesLoaded`.
    case loadSamples
    case undo, redo
    case reload
    case loadCase(String)
    case overdue
    /// The export and import dialogs (`Transfer.swift`).
    case transfer(TransferEffect)
    case saveViews([SavedView])
    /// Attach lessons (budget reference items, KPIs, outcome) to these matches; answers `.similarLoaded`.
    case attachLessons(SimilarResult)
    /// The next deadline of these cases (nil: every case), before the next frame; answers `.deadlinesLoaded`.
    case loadDeadlines(caseIds: [String]?)
    /// Every case's next deadline, in the background after the frame; answers `.deadlinesLoaded`.
    case loadDeadlinesInBackground
    /// Portfolio insight over the loaded summaries, in the background after the frame; answers `.insightLoaded`.
    case loadInsight
    /// Sync the workspace over git, in the background; answers `.syncFinished`.
    case sync
    /// Where the shared workspace stands, in the background; answers `.syncStatusLoaded`.
    case loadSyncStatus
    /// The open concurrent edits; answers `.conflictsLoaded`.
    case loadConflicts
    /// Reviews a municipality profile's or partner record's concurrent edit (undoable);
    /// answers `.recordEditResolved` or `.failed`.
    case resolveRecordEdit(file: String, id: String, takeOther: Bool)
    /// This person opened a case others had changed: no longer marked (local state only).
    case markSeen(caseId: String)
    /// The municipality a case names (its code when it has one); answers `.municipalityLoaded` or `.failed`.
    case openMunicipality(name: String, prefecture: String?, code: String?)
    /// A partner by name or alias; answers `.partnerLoaded` or `.failed`.
    case openPartner(String)
    case quit

    /// Whether the effect writes to the workspace (the status bar says 「保存中…」 meanwhile).
    public var writes: Bool {
        switch self {
        case .save, .create, .trash, .loadSamples, .undo, .redo, .resolveRecordEdit: return true
        case .transfer(let t): return t.writes
        default: return false
        }
    }
}
