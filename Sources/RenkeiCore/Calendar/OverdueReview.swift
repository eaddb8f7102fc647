/// The coordinator's weekly overdue review (TUI `o`, `renkei overdue`): every case's deadline
/// items grouped into missed / due within N days / upcoming, then by municipality.
///
/// ```swift
/// let review = OverdueReview.build(summaries: portfolio.summaries, context: ctx, within: 14)
/// for group in review.groups {                 // always [.missed, .dueSoon, .upcoming]
///     print(group.title(.ja), group.count)     // 「超過」 3
///     for m in group.municipalities {          // most urgent municipality first
///         for item in m.items { print(item.caseId, item.label(.ja), item.dueText(wareki: true), item.statusText(.ja)) }
///     }
/// }
/// ```
/// Snoozed items are left out of the groups but listed in `snoozed`; cases that need money but
/// have no target fiscal year are in `unscheduled`; cases whose calendar file was rejected (and
/// that therefore use the default calendar) are in `calendarFallbacks`, with the problems.
public struct OverdueReview: Equatable, Sendable {
    public enum GroupKind: String, Codable, Sendable, CaseIterable {
        case missed, dueSoon = "due-soon", upcoming
    }

    public struct MunicipalityGroup: Equatable, Sendable {
        public var municipality: String
        public var prefecture: String?
        /// Missed: most overdue first. Due soon / upcoming: earliest due first.
        public var items: [DeadlineItem]
    }

    public struct Group: Equatable, Sendable {
        public var kind: GroupKind
        /// Ordered by each municipality's most urgent item, then name.
        public var municipalities: [MunicipalityGroup]
        public var count: Int { municipalities.reduce(0) { $0 + $1.items.count } }
        public var items: [DeadlineItem] { municipalities.flatMap(\.items) }
        public var within: Int

        /// 「超過」「14日以内」「今後」 / "Missed", "Due within 14 days", "Upcoming".
        public func title(_ lang: Lang) -> String {
            switch (kind, lang) {
            case (.missed, .ja): return "超過"
            case (.missed, .en): return "Missed"
            case (.dueSoon, .ja): return "\(within)日以内"
            case (.dueSoon, .en): return "Due within \(within) days"
            case (.upcoming, .ja): return "今後"
            case (.upcoming, .en): return "Upcoming"
            }
        }
    }

    /// A case that uses the default calendar because its own was rejected.
    public struct CalendarFallback: Equatable, Sendable {
        public var caseId: String
        public var municipality: String
        public var file: String
        public var problems: [CalendarProblem]
    }

    public var today: Day
    public var within: Int
    /// Always three groups, in the order missed, due soon, upcoming (some may be empty).
    public var groups: [Group]
    public var snoozed: [DeadlineItem]
    /// Ids of cases that need municipal money but have no target fiscal year (no budget deadlines).
    public var unscheduled: [String]
    public var calendarFallbacks: [CalendarFallback]
    /// Every problem of every rejected calendar file (also those that affect no case).
    public var calendarProblems: [CalendarProblem]

    public func group(_ k: GroupKind) -> Group { groups.first { $0.kind == k }! }
    public var missedCount: Int { group(.missed).count }
    public var dueSoonCount: Int { group(.dueSoon).count }
    public var upcomingCount: Int { group(.upcoming).count }
    /// Every visible item in review order (missed, due soon, upcoming).
    public var allItems: [DeadlineItem] { groups.flatMap(\.items) }

    /// Builds the review. `within` is the "due soon" horizon in days (14 by default): items due
    /// today up to today+within. Upcoming holds the rest, except not-yet-stale warnings.
    public static func build(summaries: [CaseSummary], context ctx: DeadlineContext, within: Int = 14) -> OverdueReview {
        var missed: [DeadlineItem] = [], soon: [DeadlineItem] = [], later: [DeadlineItem] = [], snoozed: [DeadlineItem] = []
        var unscheduled: [String] = []
        var fallbacks: [CalendarFallback] = []
        let within = max(0, within)
        for s in summaries where !s.archived {   // archived: out of the review (issue 14)
            if s.needsBudget && s.fiscalYear == nil && !s.stage.isEndState { unscheduled.append(s.id) }
            if !ctx.calendars.rejected.isEmpty, !s.stage.isEndState,
               let r = ctx.calendars.resolve(for: s).fallback {
                fallbacks.append(CalendarFallback(caseId: s.id, municipality: s.municipality, file: r.file, problems: r.problems))
            }
            for item in DeadlineEngine.items(for: s, context: ctx) {
                if item.snoozed { snoozed.append(item); continue }
                if item.isMissed { missed.append(item) }
                else if item.daysLeft <= within { soon.append(item) }
                else if item.kind != .stale { later.append(item) }
            }
        }
        func grouped(_ items: [DeadlineItem], _ kind: GroupKind) -> Group {
            let urgent: (DeadlineItem, DeadlineItem) -> Bool = { a, b in
                (a.due, a.caseId, a.milestoneId) < (b.due, b.caseId, b.milestoneId)
            }
            var byMuni: [String: [DeadlineItem]] = [:]
            for i in items { byMuni[i.municipality, default: []].append(i) }
            let groups = byMuni.map { name, list in
                MunicipalityGroup(municipality: name, prefecture: list.first?.prefecture, items: list.sorted(by: urgent))
            }.sorted { a, b in
                let x = a.items[0], y = b.items[0]
                return x.due != y.due ? x.due < y.due : a.municipality < b.municipality
            }
            return Group(kind: kind, municipalities: groups, within: within)
        }
        return OverdueReview(today: ctx.today, within: within,
                             groups: [grouped(missed, .missed), grouped(soon, .dueSoon), grouped(later, .upcoming)],
                             snoozed: snoozed.sorted { ($0.due, $0.caseId) < ($1.due, $1.caseId) },
                             unscheduled: unscheduled.sorted(), calendarFallbacks: fallbacks.sorted { $0.caseId < $1.caseId },
                             calendarProblems: ctx.calendars.rejected.flatMap(\.problems))
    }

    /// Only the number of missed, unsnoozed items (what `renkei overdue --count` prints) —
    /// without building groups, for speed over large portfolios.
    public static func missedCount(summaries: [CaseSummary], context ctx: DeadlineContext) -> Int {
        var counter = DeadlineCounter(context: ctx)
        return counter.missedCount(summaries)
    }

    /// The same count from the index's deadline facts (`CaseStore.deadlineFacts()`).
    public static func missedCount(facts: [DeadlineFacts], context ctx: DeadlineContext) -> Int {
        var counter = DeadlineCounter(context: ctx)
        return counter.missedCount(facts)
    }
}
