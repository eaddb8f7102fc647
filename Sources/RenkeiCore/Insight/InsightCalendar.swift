import Foundation

/// The two calendar questions Insight asks, as closures, so any calendar can answer them:
///
/// - `InsightCalendar.engine(_:summaries:)` — the budget-calendar engine (issue 4): each
///   municipality's own calendar, holidays, snoozes; "overdue" means the same as in
///   `renkei overdue` (a missed, unsnoozed deadline item). This is what the CLI uses.
/// - `InsightCalendar.typical(today:)` — no data needed: requests for fiscal year N due
///   (N-1)-10-31, moved back to a Friday on weekends. For tests and when calendars are unavailable.
public struct InsightCalendar: Sendable {
    /// Request deadline (予算要求締切) for the initial budget of fiscal year `fy` at the case's municipality.
    public var requestDeadline: @Sendable (InsightFeatures, Int) -> Day?
    /// Whether the case has missed a deadline (budget milestone or next action) as of today.
    public var isOverdue: @Sendable (InsightFeatures) -> Bool

    public init(requestDeadline: @escaping @Sendable (InsightFeatures, Int) -> Day?,
                isOverdue: @escaping @Sendable (InsightFeatures) -> Bool) {
        self.requestDeadline = requestDeadline
        self.isOverdue = isOverdue
    }

    /// (N-1)-10-31, or the Friday before when it is a weekend.
    public static func typicalRequestDeadline(fiscalYear fy: Int) -> Day? {
        guard let d = Day(year: fy - 1, month: 10, day: 31) else { return nil }
        return previousWeekday(d)
    }

    /// 情報提供 (N-1)-10-01, weekend-shifted like the request deadline.
    public static func typicalInfoProvision(fiscalYear fy: Int) -> Day? {
        Day(year: fy - 1, month: 10, day: 1).map(previousWeekday)
    }

    static func previousWeekday(_ d: Day) -> Day {
        var d = d
        while d.isWeekend { d = d.adding(days: -1) }
        return d
    }

    /// The fallback until the calendar engine is in main. A case that needs municipal money
    /// (procurement exit or a budget amount), has a target fiscal year N and is not in an end
    /// state is overdue when today is past 情報提供 of N and it is still before `method`, or past
    /// the request deadline of N and still before `budgeting` (issue 4's rules, minus the
    /// rough-quote tick, holidays and municipal calendars).
    public static func typical(today: Day) -> InsightCalendar {
        InsightCalendar(
            requestDeadline: { _, fy in typicalRequestDeadline(fiscalYear: fy) },
            isOverdue: { f in
                guard !f.stage.isEndState, let fy = f.fiscalYear, f.exit == .procurement || f.budgetYen > 0,
                      let idx = f.stage.pipelineIndex else { return false }
                if let info = typicalInfoProvision(fiscalYear: fy), today > info, idx < Stage.method.pipelineIndex! { return true }
                if let req = typicalRequestDeadline(fiscalYear: fy), today > req, idx < Stage.budgeting.pipelineIndex! { return true }
                return false
            })
    }

    /// Answers from the deadline engine. `summaries` (by case id) are needed for "overdue"
    /// (the engine reads stage, rough-quote tick, next action and snoozes from them); a case
    /// without a summary is not counted overdue.
    /// "Overdue" is `DeadlineCounter`'s missed count (the rules of `DeadlineEngine.items` without
    /// building labels and routes — `CalendarCounterTests` holds them equal), so the funnel's
    /// overdue share over 10,000 cases costs a lookup per case, not an engine run.
    public static func engine(_ ctx: DeadlineContext, summaries: [String: CaseSummary]) -> InsightCalendar {
        let counter = SharedDeadlineCounter(DeadlineCounter(context: ctx))
        return InsightCalendar(
            requestDeadline: { f, fy in
                let cal = ctx.calendars.resolve(municipality: f.municipality, prefecture: f.prefecture, kind: f.kind,
                                                code: f.municipalityCode).calendar
                return cal.rawDate(of: MilestoneSpec.request, fiscalYear: fy).map { ctx.shift($0).due }
            },
            isOverdue: { f in
                guard let s = summaries[f.id] else { return false }
                return counter.missedCount(s) > 0
            })
    }
}

/// A `DeadlineCounter` (a struct with caches) behind a lock, for `@Sendable` closures.
final class SharedDeadlineCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counter: DeadlineCounter
    init(_ c: DeadlineCounter) { counter = c }
    func missedCount(_ s: CaseSummary) -> Int { lock.withLock { counter.missedCount(s) } }
}
