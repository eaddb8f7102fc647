import Foundation

/// Per-context memo of the engine's repeated work. Across a 10,000-case portfolio only a few
/// (calendar, fiscal year) pairs and a few hundred dates occur, yet every case used to recompute
/// its funding route (a scan of 補正 windows over several years, with text) and its
/// business-day shifts. Keys include `today`, so a context whose day changes never reuses a stale
/// answer. Thread-safe: the TUI computes deadlines off the main thread.
public final class DeadlineMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [RouteKey: FundingRoute] = [:]
    private var shifts: [Int: (Day, String?)] = [:]

    struct RouteKey: Hashable { var calendar: String; var fiscalYear: Int; var today: Int }

    public init() {}

    func route(calendar: BudgetCalendar, fiscalYear n: Int, today: Day, compute: () -> FundingRoute) -> FundingRoute {
        let key = RouteKey(calendar: calendar.id, fiscalYear: n, today: today.ordinal)
        lock.lock()
        if let r = routes[key] { lock.unlock(); return r }
        lock.unlock()
        let r = compute()
        lock.lock(); routes[key] = r; lock.unlock()
        return r
    }

    /// Shifts are keyed by the date only; the context's holiday set is fixed for its lifetime.
    func shift(_ d: Day, compute: () -> (Day, String?)) -> (Day, String?) {
        lock.lock()
        if let r = shifts[d.ordinal] { lock.unlock(); return r }
        lock.unlock()
        let r = compute()
        lock.lock(); shifts[d.ordinal] = r; lock.unlock()
        return r
    }
}
