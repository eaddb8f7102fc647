/// A municipality's fiscal year as a timeline (the calendar view and `renkei calendar`):
/// the budget cycle for fiscal year N (from its first milestone in N-1) and the 補正 windows
/// inside N, every date moved to the previous business day, with today marked.
///
/// ```swift
/// let t = FiscalTimeline.build(calendar: cal, holidays: h, fiscalYear: 2027, today: today)
/// for row in t.rows { print(row.isToday ? "▶" : " ", row.due.wareki, row.label(.ja), row.relativeText(.ja)) }
/// let x = Int(t.fraction(of: row.due) * Double(width))   // column on a bar of `width` cells
/// ```
public struct FiscalTimeline: Equatable, Sendable {
    public enum RowKind: String, Codable, Sendable {
        case milestone
        case supplementaryRequest = "supplementary-request"
        case supplementaryVote = "supplementary-vote"
        case today
    }

    public struct Row: Equatable, Sendable, Codable {
        public var kind: RowKind
        /// Milestone id, or "<window>-request" / "<window>-vote", or "today".
        public var id: String
        public var ja: String
        public var en: String
        public var scheduled: Day
        public var due: Day
        public var shiftReason: String?
        /// due − today (negative: past).
        public var daysFromToday: Int
        public var isToday: Bool { kind == .today }
        public var isPast: Bool { daysFromToday < 0 }
        public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
        /// 「24日前」「本日」「あと5日」 / "24 days ago", "today", "in 5 days".
        public func relativeText(_ lang: Lang) -> String {
            let n = daysFromToday
            if n == 0 { return lang == .ja ? "本日" : "today" }
            if n < 0 { return lang == .ja ? "\(-n)日前" : "\(-n) days ago" }
            return lang == .ja ? "あと\(n)日" : "in \(n) days"
        }
    }

    public var calendarId: String
    public var calendarJa: String
    public var calendarEn: String
    public var fiscalYear: Int
    public var today: Day
    /// Chronological; the `.today` row sits where today falls (also before or after the span).
    public var rows: [Row]
    /// From the first row to the end of fiscal year N (N+1-03-31), today included.
    public var start: Day
    public var end: Day

    /// 0…1 position of `d` between `start` and `end` (clamped), for drawing a bar.
    public func fraction(of d: Day) -> Double {
        let total = max(1, start.days(until: end))
        return min(1, max(0, Double(start.days(until: d)) / Double(total)))
    }

    public static func build(calendar cal: BudgetCalendar, holidays: HolidaySet, fiscalYear n: Int, today: Day) -> FiscalTimeline {
        var rows: [Row] = []
        func add(_ kind: RowKind, _ id: String, _ ja: String, _ en: String, _ raw: Day?) {
            guard let raw else { return }
            let due = holidays.previousBusinessDay(onOrBefore: raw)
            rows.append(Row(kind: kind, id: id, ja: ja, en: en, scheduled: raw, due: due,
                            shiftReason: due == raw ? nil : holidays.closureReason(raw),
                            daysFromToday: today.days(until: due)))
        }
        for m in cal.milestones { add(.milestone, m.id, m.ja, m.en, m.rawDate(fiscalYear: n)) }
        for w in cal.supplementary {
            add(.supplementaryRequest, "\(w.id)-request", "\(w.ja) 要求締切", "\(w.en) request deadline", w.rawRequest(fiscalYear: n))
            add(.supplementaryVote, "\(w.id)-vote", "\(w.ja) 議決", "\(w.en) vote", w.rawVote(fiscalYear: n))
        }
        rows.sort { ($0.due, $0.scheduled) < ($1.due, $1.scheduled) }
        let todayRow = Row(kind: .today, id: "today", ja: "今日", en: "Today", scheduled: today, due: today, shiftReason: nil, daysFromToday: 0)
        let at = rows.firstIndex { $0.due > today } ?? rows.count
        rows.insert(todayRow, at: at)
        let fyEnd = Day(year: n + 1, month: 3, day: 31)!
        let start = rows.map(\.due).min() ?? today
        let end = max(fyEnd, rows.map(\.due).max() ?? fyEnd)
        return FiscalTimeline(calendarId: cal.id, calendarJa: cal.ja, calendarEn: cal.en, fiscalYear: n, today: today,
                              rows: rows, start: start, end: end)
    }
}
