/// Money as coordinators read it: integer yen with 3-digit grouping. One implementation for
/// the CLI, the workbench, insight text and reports, so amounts look the same everywhere.
public enum Yen {
    /// Amounts renkei accepts: |yen| < 2^53 (≈ 9千兆円 — beyond any municipal budget, and the
    /// range JSON tools keep exact). A sum of such amounts is checked too, so no total wraps.
    public static let limit = 1 << 53

    /// The sum, or nil when an amount or a partial sum leaves ±`limit` (a hand-edited file:
    /// before, `&+` wrapped Int64.max + 1 to a negative total, hiding the case's budget deadlines).
    public static func sum(_ amounts: some Sequence<Int>) -> Int? {
        var total = 0
        for a in amounts {
            guard a > -limit, a < limit else { return nil }
            total += a                        // cannot overflow: both are below 2^53 in magnitude
            guard total > -limit, total < limit else { return nil }
        }
        return total
    }

    /// The sum for figures that must not fail (portfolio and joint totals): saturates at
    /// `Int.max` instead of wrapping. Cases with such amounts are reported as damaged on load.
    public static func total(_ amounts: some Sequence<Int>) -> Int {
        var total = 0
        for a in amounts {
            let (s, overflow) = total.addingReportingOverflow(a)
            total = overflow ? (a > 0 ? Int.max : Int.min) : s
        }
        return total
    }

    /// 4800000 → "¥4,800,000" (a negative amount keeps its sign before the symbol).
    public static func format(_ n: Int) -> String {
        (n < 0 ? "-¥" : "¥") + grouped(n.magnitude)
    }

    /// 1234567 → "1,234,567".
    public static func grouped(_ n: some BinaryInteger) -> String {
        let digits = String(n.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
