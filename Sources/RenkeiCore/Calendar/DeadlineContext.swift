/// Everything the deadline engine needs besides the case: which calendars exist, which days
/// are closed, what day it is (the core has no clock), how long a case may sit in a stage, and
/// the external funding windows cases link to.
public struct DeadlineContext: Sendable {
    public var calendars: CalendarSet
    public var holidays: HolidaySet
    public var today: Day
    /// Days without an event before a case is stale in its stage (defaults 60/45/45/30/30).
    public var staleDays: [Stage: Int]
    public var fundingWindows: [FundingWindow]
    /// Case id → linked funding window ids (`Case.linkedFundingWindowIds`); summaries do not carry them.
    public var fundingLinks: [String: [String]]

    public init(calendars: CalendarSet = CalendarSet(), holidays: HolidaySet = .none, today: Day,
                staleDays: [Stage: Int] = DeadlineContext.defaultStaleDays,
                fundingWindows: [FundingWindow] = [], fundingLinks: [String: [String]] = [:]) {
        self.calendars = calendars; self.holidays = holidays; self.today = today; self.staleDays = staleDays
        self.fundingWindows = fundingWindows; self.fundingLinks = fundingLinks
    }

    /// 課題特定・企画 60, 連携先の探索 45, 調整・意思決定 45, 連携方法の検討 30, 予算化 30.
    public static let defaultStaleDays: [Stage: Int] = [
        .issueDefinition: 60, .partnerSearch: 45, .coordination: 45, .method: 30, .budgeting: 30,
    ]

    /// The defaults overridden by the catalog's `staleDays` per stage (so a workspace catalog
    /// extension configures them).
    public static func staleDays(from catalog: Catalog) -> [Stage: Int] {
        var out = defaultStaleDays
        for s in catalog.stages { if let d = s.staleDays, d > 0 { out[s.id] = d } }
        return out
    }

    /// The business day a calendar date moves to, and why it moved (nil if it did not).
    public func shift(_ d: Day, _ lang: Lang = .ja) -> (due: Day, reason: String?) {
        let due = holidays.previousBusinessDay(onOrBefore: d)
        return (due, due == d ? nil : holidays.closureReason(d, lang: lang))
    }
}
