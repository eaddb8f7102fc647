/// The two calendar questions Insight asks, as closures, so the budget-calendar engine
/// (`DeadlineEngine`, issue 4) plugs in without Insight depending on its types:
///
/// ```swift
/// let cal = InsightCalendar(
///     requestDeadline: { f, fy in engine.milestone("request", fiscalYear: fy, municipality: f.municipality) },
///     isOverdue: { f in engine.isOverdue(caseId: f.id, today: today) })
/// ```
///
/// Until then `InsightCalendar.typical(today:)` uses the guide's typical cycle: budget requests
/// for fiscal year N are due (N-1)-10-31, moved back to a Friday when it falls on a weekend
/// (holidays need the calendar engine's data).
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
}
