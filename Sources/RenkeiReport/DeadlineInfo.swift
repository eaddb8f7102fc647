import RenkeiCore

/// Where a case stands in the municipal budget calendar, as the report shows it. Plain data so
/// the report does not depend on how deadlines are computed: the calendar engine
/// (`DeadlineEngine` / `OverdueReview` in RenkeiCore/Calendar) fills it through a
/// `DeadlineProvider`; until then `NextActionDeadlines` derives the minimum from the case.
public struct DeadlineInfo: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// `passed`: a calendar date that has gone by and was no checkpoint of this case (an
        /// informational date, or one the engine still reports as pending): not 予定 any more.
        case met, missed, upcoming, snoozed, passed
        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.met, .ja): return "達成"
            case (.missed, .ja): return "未達（期限超過）"
            case (.upcoming, .ja): return "予定"
            case (.snoozed, .ja): return "保留中"
            case (.passed, .ja): return "経過"
            case (.met, .en): return "met"
            case (.missed, .en): return "missed"
            case (.upcoming, .en): return "upcoming"
            case (.snoozed, .en): return "snoozed"
            case (.passed, .en): return "passed"
            }
        }
    }

    public struct Milestone: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var due: Day
        public var status: Status
        /// Guide page or calendar source, e.g. "p.45".
        public var source: String?
        public init(id: String, label: String, due: Day, status: Status, source: String? = nil) {
            self.id = id; self.label = label; self.due = due; self.status = status; self.source = source
        }
    }

    /// One line saying where the case is, e.g. "2027年度当初予算: 要求締切まで12日".
    public var position: String?
    public var milestones: [Milestone]
    /// The earliest way to get the money, e.g. "2027年度当初予算（要求 2026-10-15）" or "補正予算".
    public var earliestRoute: String?
    public var nextMilestone: Milestone?
    /// Days past the most urgent missed deadline (nil or 0 when nothing is overdue).
    public var daysOverdue: Int?

    public init(position: String? = nil, milestones: [Milestone] = [], earliestRoute: String? = nil,
                nextMilestone: Milestone? = nil, daysOverdue: Int? = nil) {
        self.position = position; self.milestones = milestones; self.earliestRoute = earliestRoute
        self.nextMilestone = nextMilestone; self.daysOverdue = daysOverdue
    }

    public var isOverdue: Bool { (daysOverdue ?? 0) > 0 }
}

/// Supplies deadline information for reports and portfolio exports. The CLI and the TUI pass
/// the calendar engine's adapter; tests pass fixed values.
public protocol DeadlineProvider: Sendable {
    /// Full information for one case report.
    func deadlines(for c: Case, today: Day, lang: Lang) -> DeadlineInfo?
    /// The portfolio columns (next milestone, days overdue) from a summary, without decoding the case.
    func deadlines(for s: CaseSummary, today: Day, lang: Lang) -> DeadlineInfo?
}

/// The fallback until the budget calendar lands: the case's own next action is its next
/// milestone, overdue when its due day has passed (snoozes of "next-action" respected).
public struct NextActionDeadlines: DeadlineProvider {
    public init() {}

    public func deadlines(for c: Case, today: Day, lang: Lang) -> DeadlineInfo? {
        deadlines(for: CaseSummary(c), today: today, lang: lang)
    }

    public func deadlines(for s: CaseSummary, today: Day, lang: Lang) -> DeadlineInfo? {
        guard !s.stage.isEndState, let due = s.nextActionDue else { return nil }
        let snoozed = s.isSnoozed("next-action", today: today)
        let status: DeadlineInfo.Status = snoozed ? .snoozed : (due < today ? .missed : .upcoming)
        let m = DeadlineInfo.Milestone(id: "next-action", label: s.nextActionText ?? (lang == .ja ? "次のアクション" : "Next action"),
                                       due: due, status: status)
        let overdue = status == .missed ? due.days(until: today) : 0
        return DeadlineInfo(milestones: [m], nextMilestone: m, daysOverdue: overdue)
    }
}
