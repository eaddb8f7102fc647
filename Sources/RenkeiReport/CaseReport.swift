import RenkeiCore

/// A case as a report: everything a renderer needs, already resolved against the guide catalog,
/// the event log and (when known) the budget calendar, and already anonymised when asked.
/// Renderers only escape and lay out; the JSON export is this structure as is.
///
/// Strings here are the user's text unescaped; every renderer escapes them for its format.
public struct CaseReport: Codable, Equatable, Sendable {
    public var format = "renkei.case-report"
    public var formatVersion = 1
    public var generatedOn: Day
    public var lang: Lang
    public var anonymized: Bool

    public var header: Header
    public var issue: Issue
    public var stages: [StageSection]
    public var budget: BudgetSection
    public var reference: [ReferenceRow]
    public var kpis: [KPIRow]
    public var calendar: CalendarSection?
    public var openItems: [OpenItem]
    public var contacts: [ContactRow]
    public var notes: [NoteRow]
    public var history: History

    public struct Labeled: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var page: String?
    }

    public struct Header: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var municipality: String
        public var prefecture: String?
        public var municipalityKind: String?
        public var department: String?
        public var partners: [PartnerRow]
        public var exit: Labeled?
        public var method: Labeled?
        public var stage: Labeled
        public var stageReason: String?
        public var isEndState: Bool
        /// "●●●○○"; end states have their own marks.
        public var progressGlyph: String
        public var progress: [ProgressStep]
        public var fiscalYear: Int?
        public var fiscalYearText: String?
        public var domain: String?
        public var tags: [String]
        public var nextAction: String?
        public var nextActionDue: Day?
    }

    public struct PartnerRow: Codable, Equatable, Sendable {
        public var name: String
        public var kind: String
        public var role: String?
    }

    public struct ProgressStep: Codable, Equatable, Sendable {
        public var stage: String
        public var label: String
        /// "done", "current" or "todo" ("ended" for every step of a dropped/paused case).
        public var state: String
        public var done: Bool
        public var current: Bool
    }

    public struct Issue: Codable, Equatable, Sendable {
        public var why: String
        public var how: String
        public var what: String
    }

    public struct StageSection: Codable, Equatable, Sendable {
        public var stage: String
        public var label: String
        public var page: String?
        public var summary: String?
        /// "passed" or "current".
        public var status: String
        public var statusLabel: String
        public var current: Bool
        public var visits: [Visit]
        public var days: Int
        public var daysText: String
        public var items: [ItemRow]
        public var itemsDone: Int
        public var itemsTotal: Int
        public var decisions: [Decision]
    }

    public struct Visit: Codable, Equatable, Sendable {
        public var from: Day
        public var to: Day?
        public var days: Int
        public var daysText: String
    }

    public struct ItemRow: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var page: String
        public var group: String?
        public var required: Bool
        public var done: Bool
        public var doneOn: Day?
        public var by: String?
    }

    public struct Decision: Codable, Equatable, Sendable {
        public var date: Day
        public var actor: String
        public var kind: String
        public var label: String
        public var detail: String
        public var reason: String?
    }

    public struct BudgetSection: Codable, Equatable, Sendable {
        public var fiscalYear: Int?
        public var fiscalYearText: String?
        public var totalYen: Int
        public var totalText: String
        public var lines: [BudgetLine]
        public var expenditureItem: String?
        public var roughQuoteYen: Int?
        public var roughQuoteText: String?
        public var funding: [FundingRow]
        public var hasAny: Bool
    }

    public struct BudgetLine: Codable, Equatable, Sendable {
        public var label: String
        public var yen: Int
        public var yenText: String
        public var shareText: String?
    }

    public struct FundingRow: Codable, Equatable, Sendable {
        public var name: String
        public var kind: String
        public var ratePercent: Double?
        public var rateText: String?
        public var yen: Int?
        public var yenText: String?
    }

    public struct ReferenceRow: Codable, Equatable, Sendable {
        public var number: Int
        public var id: String
        public var label: String
        public var page: String
        public var text: String?
        public var recorded: Bool
    }

    public struct KPIRow: Codable, Equatable, Sendable {
        public var name: String
        public var unit: String
        public var baseline: Double?
        public var target: Double?
        public var actual: Double?
        public var actualDate: Day?
        public var baselineText: String
        public var targetText: String
        public var actualText: String
        /// (actual − baseline) / (target − baseline), in percent, when all three are known.
        public var achievementPercent: Double?
        public var achievementText: String?
        /// Bar lengths for the inline chart, 0–100 of the largest of the three values.
        public var chart: Chart
        public var history: [KPIPoint]
    }

    public struct Chart: Codable, Equatable, Sendable {
        public var baselinePct: Int
        public var targetPct: Int
        public var actualPct: Int
        public var hasBaseline: Bool
        public var hasTarget: Bool
        public var hasActual: Bool
        /// Ten-cell text bar of the achievement, for Markdown: "▰▰▰▰▱▱▱▱▱▱".
        public var textBar: String
    }

    public struct KPIPoint: Codable, Equatable, Sendable {
        public var date: Day
        public var value: Double
        public var valueText: String
    }

    /// The budget-calendar position, from a `DeadlineProvider` (absent when none is known).
    public struct CalendarSection: Codable, Equatable, Sendable {
        public var position: String?
        public var milestones: [MilestoneRow]
        public var earliestRoute: String?
        public var nextMilestone: MilestoneRow?
        /// Only when something is overdue (> 0).
        public var daysOverdue: Int?
        public var daysOverdueText: String?
    }

    public struct MilestoneRow: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var due: Day
        public var status: String
        public var statusLabel: String
        public var source: String?
        public var missed: Bool
    }

    public struct OpenItem: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var page: String?
        public var kind: String
    }

    public struct ContactRow: Codable, Equatable, Sendable {
        public var name: String
        public var organization: String?
        public var role: String?
        public var email: String?
        public var phone: String?
    }

    public struct NoteRow: Codable, Equatable, Sendable {
        public var id: Int
        public var date: Day
        public var author: String
        public var text: String
    }

    public struct History: Codable, Equatable, Sendable {
        public var eventCount: Int
        public var firstDay: Day?
        public var lastDay: Day?
        public var actorCount: Int
        public var byKind: [KindCount]
        public var recent: [HistoryLine]
    }

    public struct KindCount: Codable, Equatable, Sendable {
        public var kind: String
        public var label: String
        public var count: Int
    }

    public struct HistoryLine: Codable, Equatable, Sendable {
        public var seq: Int
        public var date: Day
        public var actor: String
        public var kind: String
        public var label: String
        public var detail: String
        public var reason: String?
    }
}
