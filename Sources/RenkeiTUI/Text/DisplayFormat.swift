import RenkeiCore

/// Dates, amounts and durations as a coordinator reads them.
public enum DisplayFormat {
    /// 2026-11-23, with 和暦 when asked: 2026-11-23 (R8.11.23).
    public static func day(_ d: Day, wareki: Bool) -> String {
        wareki ? "\(d) (\(d.wareki))" : d.description
    }

    /// 2027 → "2027年度" / "FY2027".
    public static func fiscalYear(_ y: Int, _ lang: Lang) -> String { WorkbenchMessage.fiscalYear(y).text(lang) }

    /// 4800000 → "¥4,800,000".
    public static func yen(_ n: Int) -> String { Yen.format(n) }

    /// A readable span: 3日 / 5週 / 4か月 / 1年2か月 (en: 3d, 5w, 4mo, 1y 2mo).
    public static func span(days n: Int, _ lang: Lang) -> String { WorkbenchMessage.span(days: n).text(lang) }

    /// Relative to today: 今日 / 3日前 / 2か月前 / あと5日.
    public static func relative(_ d: Day, today: Day, _ lang: Lang) -> String {
        let n = d.days(until: today)
        if n == 0 { return Label.today.text(lang) }
        return (n > 0 ? WorkbenchMessage.ago(days: n) : .ahead(days: -n)).text(lang)
    }

    /// Days until a due date: 「24日超過」 / 「あと5日」 / 「今日」.
    public static func due(_ d: Day, today: Day, _ lang: Lang) -> String {
        let n = today.days(until: d)
        if n == 0 { return Label.today.text(lang) }
        return (n < 0 ? WorkbenchMessage.dueOver(days: -n) : .dueIn(days: n)).text(lang)
    }
}
