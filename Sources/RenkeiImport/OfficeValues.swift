import Foundation
import RenkeiCore

/// Values as offices write them in spreadsheets, parsed into what a case stores. Every parser
/// takes the cell text (already NFKC-folded by `clean`, so ２０２６ and ２０２６ read alike) and
/// returns nil when it cannot read it; the plan turns nil into "row, column, value, expected".
public enum OfficeValues {
    /// NFKC (full-width digits, ¥ forms, ｶﾅ) and trimmed, including the ideographic space.
    public static func clean(_ s: String) -> String {
        TextNormalizer.nfkc(trimmed(s, blank))
    }

    /// `s.trimmingCharacters(in: set)`, scalar by scalar: Foundation's trimming converts every
    /// string to an NSString and back, which (with NFKC) was most of a 10,000-row dry run; a
    /// cell with nothing to trim is returned as it is.
    public static func trimmed(_ s: String, _ set: CharacterSet) -> String {
        let u = s.unicodeScalars
        guard let first = u.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = u.lastIndex(where: { !set.contains($0) })!
        if first == u.startIndex && u.index(after: last) == u.endIndex { return s }
        return String(u[first...last])
    }

    /// Built once: a set made per call was a tenth of a 10,000-row dry run.
    static let blank = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}"))
    static let spaces = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))

    /// Japanese eras in use for dates an office writes (令和 from 2019-05-01, 平成 from 1989-01-08).
    static let eras: [(names: [String], firstYear: Int)] = [
        (["令和", "R", "r"], 2019), (["平成", "H", "h"], 1989), (["昭和", "S", "s"], 1926),
    ]

    /// 2026/4/1 · 2026-04-01 · 2026.4.1 · 2026年4月1日 · 令和8年4月1日 · 令和元年5月1日 · R8.4.1 ·
    /// H31/4/30 · an Excel serial (45000) · 2026/4/1 0:00:00 (Excel's date-time text).
    public static func day(_ raw: String) -> Day? {
        var s = clean(raw)
        guard !s.isEmpty else { return nil }
        if let space = s.firstIndex(of: " ") { s = String(s[..<space]) }
        if let serial = Double(s), !s.contains("-"), !s.contains("/") {
            // Only plausible serials (1954–2119) so a stray "2026" is not read as 1905-07-18.
            guard (20_000...80_000).contains(serial) else { return nil }
            return ExcelSerial.day(serial)
        }
        var base = 0
        for era in eras {
            if let name = era.names.first(where: { s.hasPrefix($0) }) {
                base = era.firstYear - 1
                s = String(s.dropFirst(name.count)).replacingOccurrences(of: "元", with: "1")
                break
            }
        }
        // 2026年4月1日 → 2026-4-1; any of / . - 年 月 separate, 日 ends.
        let unified = s.filter { $0 != "日" }.map { "/.年月-".contains($0) ? "-" : $0 }
        let parts = String(unified).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        if base > 0 {
            guard (1...99).contains(y) else { return nil }
            return Day(year: base + y, month: m, day: d)
        }
        guard parts[0].count == 4 else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// ¥4,800,000 · 4800000円 · 480万円 · 4,800千円 · 1.2億円 · ￥４８０万 · "" → nil (unknown, not 0).
    public static func yen(_ raw: String) -> Int? {
        var s = String(clean(raw).unicodeScalars.filter { !",¥\\ ".unicodeScalars.contains($0) })
        if s.hasSuffix("円") { s.removeLast() }
        var unit: Double = 1
        for (suffix, factor) in [("億", 100_000_000.0), ("千万", 10_000_000), ("百万", 1_000_000), ("万", 10_000), ("千", 1_000)] where s.hasSuffix(suffix) {
            unit = factor; s.removeLast(suffix.count); break
        }
        guard !s.isEmpty, let n = Double(s), n >= 0, n.isFinite else { return nil }
        let value = (n * unit).rounded()
        guard value < 1e15 else { return nil }
        return Int(value)
    }

    /// 2026 · 2026年度 · 令和8年度 · R8 · FY2026.
    public static func fiscalYear(_ raw: String) -> Int? {
        var s = clean(raw).replacingOccurrences(of: "年度", with: "").replacingOccurrences(of: "年", with: "")
        if s.uppercased().hasPrefix("FY") { s = String(s.dropFirst(2)) }
        for era in eras {
            if let name = era.names.first(where: { s.hasPrefix($0) }) {
                let rest = String(s.dropFirst(name.count)).replacingOccurrences(of: "元", with: "1")
                guard let n = Int(rest), (1...99).contains(n) else { return nil }
                return era.firstYear - 1 + n
            }
        }
        guard let n = Int(s), (2000...2100).contains(n) else { return nil }
        return n
    }

    /// A cell that is an Excel formula left as text (CSV written without values) or an error value.
    public static func looksLikeFormula(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        if s.hasPrefix("#") && ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"].contains(s) { return true }
        return first == "=" && s.count > 1
    }
}
