import RenkeiCore

/// Number and date formatting for reports. Pure and locale-independent, so golden files are
/// byte-stable on any machine: yen with 3-digit grouping, dates as ISO days, fiscal years as
/// 年度 (ja) or "FY" (en).
public enum ReportFormat {
    /// 4800000 → "¥4,800,000" (negative amounts keep the sign before the symbol).
    public static func yen(_ n: Int) -> String { Yen.format(n) }

    /// 1234567 → "1,234,567".
    public static func grouped(_ n: some BinaryInteger) -> String { Yen.grouped(n) }

    /// KPI values: integers without a decimal point and with grouping, others with up to two
    /// decimals ("12.5", "0.75").
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "—" }
        if d == d.rounded(), abs(d) < 1e15 { return grouped(Int(d)) }
        let scaled = (d * 100).rounded() / 100
        var s = String(scaled)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        let parts = s.split(separator: ".", maxSplits: 1)
        let intPart = Int(parts[0]) ?? 0
        let sign = d < 0 && intPart == 0 ? "-" : ""
        return sign + grouped(intPart) + (parts.count > 1 ? "." + parts[1] : "")
    }

    public static func percent(_ d: Double) -> String {
        number(d) + "%"
    }

    public static func fiscalYear(_ fy: Int, _ lang: Lang) -> String {
        lang == .ja ? "\(fy)年度" : "FY\(fy)"
    }

    public static func days(_ n: Int, _ lang: Lang) -> String {
        lang == .ja ? "\(grouped(n))日" : (n == 1 ? "1 day" : "\(grouped(n)) days")
    }
}
