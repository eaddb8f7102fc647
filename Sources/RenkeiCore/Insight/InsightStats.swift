/// Small, pinned statistics for the funnel (no division by zero anywhere: empty input gives nil).
public enum InsightStats {
    /// Median; the mean of the two middle values for an even count.
    public static func median(_ values: [Int]) -> Double? { median(sorted: sortedForStats(values)) }

    /// Nearest-rank percentile (p in 0…100): the smallest value with at least p% of values ≤ it.
    /// p90 of [1…10] is 9; of a single value, that value.
    public static func percentile(_ values: [Int], _ p: Double) -> Int? { percentile(sorted: sortedForStats(values), p) }

    /// Median of values already in ascending order.
    public static func median(sorted s: [Int]) -> Double? {
        guard !s.isEmpty else { return nil }
        let n = s.count
        return n % 2 == 1 ? Double(s[n / 2]) : Double(s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// Nearest-rank percentile of values already in ascending order.
    public static func percentile(sorted s: [Int], _ p: Double) -> Int? {
        guard !s.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[min(max(rank, 1), s.count) - 1]
    }

    /// `values.sorted()`, in linear time when the values span a small range (days in a stage:
    /// 0 to a few thousand) — a counting sort — so the funnel over 100,000 cases grows linearly
    /// rather than as n log n; any other input falls back to `sorted()`.
    public static func sortedForStats(_ values: [Int]) -> [Int] {
        guard values.count > 64, let lo = values.min(), let hi = values.max() else { return values.sorted() }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < max(4096, values.count * 4) else { return values.sorted() }
        var counts = [Int](repeating: 0, count: span + 1)
        for v in values { counts[v - lo] += 1 }
        var out = [Int]()
        out.reserveCapacity(values.count)
        for (i, c) in counts.enumerated() where c > 0 { out.append(contentsOf: repeatElement(lo + i, count: c)) }
        return out
    }

    /// a / b, or nil when b is 0.
    public static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// "62%" / "—".
    public static func percent(_ r: Double?) -> String {
        guard let r, r.isFinite else { return "—" }
        return "\(Int((r * 100).rounded()))%"
    }
}
