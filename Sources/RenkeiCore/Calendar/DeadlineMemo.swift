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
        memoised(\.routes, RouteKey(calendar: calendar.id, fiscalYear: n, today: today.ordinal), compute)
    }

    /// Shifts are keyed by the date only; the context's holiday set is fixed for its lifetime.
    func shift(_ d: Day, compute: () -> (Day, String?)) -> (Day, String?) {
        memoised(\.shifts, d.ordinal, compute)
    }

    /// Looks up under the lock, computes outside it (two threads may both compute a missing
    /// entry; the answers are equal, so the last write wins harmlessly).
    private func memoised<K: Hashable, V>(_ table: ReferenceWritableKeyPath<DeadlineMemo, [K: V]>, _ key: K, _ compute: () -> V) -> V {
        lock.lock()
        if let v = self[keyPath: table][key] { lock.unlock(); return v }
        lock.unlock()
        let v = compute()
        lock.lock(); self[keyPath: table][key] = v; lock.unlock()
        return v
    }
}
