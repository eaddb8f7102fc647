/// Small, pinned statistics for the funnel (no division by zero anywhere: empty input gives nil).
public enum InsightStats {
    /// Median; the mean of the two middle values for an even count.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let n = s.count
        return n % 2 == 1 ? Double(s[n / 2]) : Double(s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// Nearest-rank percentile (p in 0…100): the smallest value with at least p% of values ≤ it.
    /// p90 of [1…10] is 9; of a single value, that value.
    public static func percentile(_ values: [Int], _ p: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[min(max(rank, 1), s.count) - 1]
    }

    /// a / b, or nil when b is 0.
    public static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// "62%" / "—".
    public static func percent(_ r: Double?) -> String {
        guard let r, r.isFinite else { return "—" }
        return "\(Int((r * 100).rounded()))%"
    }
}
