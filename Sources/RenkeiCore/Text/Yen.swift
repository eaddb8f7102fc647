/// Money as coordinators read it: integer yen with 3-digit grouping. One implementation for
/// the CLI, the workbench, insight text and reports, so amounts look the same everywhere.
public enum Yen {
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
