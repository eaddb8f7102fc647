import RenkeiCore

/// Dates, amounts and durations as a coordinator reads them.
public enum DisplayFormat {
    /// 2026-11-23, with 和暦 when asked: 2026-11-23 (R8.11.23).
    public static func day(_ d: Day, wareki: Bool) -> String {
        wareki ? "\(d) (\(d.wareki))" : d.description
    }

    /// 2027 → "2027年度" / "FY2027".
    public static func fiscalYear(_ y: Int, _ lang: Lang) -> String { lang == .ja ? "\(y)年度" : "FY\(y)" }

    /// 4800000 → "¥4,800,000".
    public static func yen(_ n: Int) -> String { Yen.format(n) }

    /// A readable span: 3日 / 5週 / 4か月 / 1年2か月 (en: 3d, 5w, 4mo, 1y 2mo).
    public static func span(days n: Int, _ lang: Lang) -> String {
        let d = abs(n)
        if d < 14 { return lang == .ja ? "\(d)日" : "\(d)d" }
        if d < 60 { return lang == .ja ? "\(d / 7)週" : "\(d / 7)w" }
        if d < 365 { return lang == .ja ? "\(d / 30)か月" : "\(d / 30)mo" }
        let y = d / 365, m = (d % 365) / 30
        if lang == .ja { return m == 0 ? "\(y)年" : "\(y)年\(m)か月" }
        return m == 0 ? "\(y)y" : "\(y)y \(m)mo"
    }

    /// Relative to today: 今日 / 3日前 / 2か月前 / あと5日.
    public static func relative(_ d: Day, today: Day, _ lang: Lang) -> String {
        let n = d.days(until: today)
        if n == 0 { return Label.today.text(lang) }
        if n > 0 { return lang == .ja ? span(days: n, lang) + "前" : span(days: n, lang) + " ago" }
        return lang == .ja ? "あと" + span(days: -n, lang) : "in " + span(days: -n, lang)
    }

    /// Days until a due date: 「24日超過」 / 「あと5日」 / 「今日」.
    public static func due(_ d: Day, today: Day, _ lang: Lang) -> String {
        let n = today.days(until: d)
        if n == 0 { return lang == .ja ? "今日" : "today" }
        if n < 0 { return lang == .ja ? "\(-n)日超過" : "\(-n)d over" }
        return lang == .ja ? "あと\(n)日" : "in \(n)d"
    }
}
