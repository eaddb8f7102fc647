/// The earliest way to still fund a case that missed its budget request: the next 補正予算
/// window whose request deadline is still ahead, otherwise the next fiscal year's initial budget
/// (当初予算) — and always the guide's alternative: 「時期によっては、当該年度でも次年度でもなく、
/// トライアルでの関与や無償でのミニマムな提供も検討」 (実践ガイド p.28).
public struct FundingRoute: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// 補正予算 (a supplementary budget window of the calendar).
        case supplementary
        /// 当初予算 of a later fiscal year.
        case initial
    }
    public var kind: Kind
    /// The fiscal year the money would be in.
    public var fiscalYear: Int
    /// Supplementary window id ("june", "september", "december"); nil for an initial budget.
    public var windowId: String?
    /// The (business-day) request deadline of that route.
    public var requestDue: Day
    /// Its vote (議決), when known.
    public var voteDue: Day?
    /// 「2027年度6月補正（要求締切 2027-05-10）」
    public var ja: String
    /// "FY2027 June supplementary (request by 2027-05-10)"
    public var en: String
    /// The most recent window that closed before today, e.g. 「2026年度12月補正（2026-11-10締切済み）」.
    public var closedJa: String?
    public var closedEn: String?
    /// The guide's alternative, always offered.
    public var alternativeJa: String
    public var alternativeEn: String

    public static let alternativeTextJa = "時期によっては当該年度でも次年度でもなく、トライアルでの関与や無償でのミニマムな提供も検討（実践ガイド p.28）"
    public static let alternativeTextEn = "Depending on timing, consider a trial engagement or a free minimal start instead of waiting for a budget (guide p.28)"

    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
    public func alternative(_ lang: Lang) -> String { lang == .ja ? alternativeJa : alternativeEn }
    public func closed(_ lang: Lang) -> String? { lang == .ja ? closedJa : closedEn }

    /// Computes the route for a case targeting fiscal year `n`, as of `today`.
    ///
    /// Candidates: every 補正 window of the fiscal years from today's to N whose request deadline
    /// (moved to the previous business day) is today or later — the earliest wins; if there is
    /// none, the initial budget of N+1 (or the first later year whose request is still ahead).
    public static func earliest(fiscalYear n: Int, calendar cal: BudgetCalendar, holidays: HolidaySet, today: Day) -> FundingRoute {
        struct Option { var fy: Int; var w: SupplementaryWindow; var request: Day; var vote: Day? }
        let lo = min(today.fiscalYear, n), hi = max(today.fiscalYear, n)
        var ahead: [Option] = [], closed: [Option] = []
        for fy in lo...hi {
            for w in cal.supplementary {
                guard let raw = w.rawRequest(fiscalYear: fy) else { continue }
                let req = holidays.previousBusinessDay(onOrBefore: raw)
                let vote = w.rawVote(fiscalYear: fy).map { holidays.previousBusinessDay(onOrBefore: $0) }
                let o = Option(fy: fy, w: w, request: req, vote: vote)
                if req >= today { ahead.append(o) } else { closed.append(o) }
            }
        }
        let lastClosed = closed.max { $0.request < $1.request }
        let closedJa = lastClosed.map { "\($0.fy)年度\($0.w.ja)（\($0.request)締切済み）" }
        let closedEn = lastClosed.map { "FY\($0.fy) \($0.w.en) (closed \($0.request))" }
        if let best = ahead.min(by: { $0.request < $1.request }) {
            return FundingRoute(kind: .supplementary, fiscalYear: best.fy, windowId: best.w.id, requestDue: best.request, voteDue: best.vote,
                                ja: "\(best.fy)年度\(best.w.ja)（要求締切 \(best.request)）",
                                en: "FY\(best.fy) \(best.w.en) (request by \(best.request))",
                                closedJa: closedJa, closedEn: closedEn,
                                alternativeJa: alternativeTextJa, alternativeEn: alternativeTextEn)
        }
        var m = n + 1
        var req = initialRequest(m, cal, holidays)
        while let r = req, r < today, m < n + 50 { m += 1; req = initialRequest(m, cal, holidays) }
        let due = req ?? today
        let vote = cal.rawDate(of: MilestoneSpec.vote, fiscalYear: m).map { holidays.previousBusinessDay(onOrBefore: $0) }
        return FundingRoute(kind: .initial, fiscalYear: m, windowId: nil, requestDue: due, voteDue: vote,
                            ja: "\(m)年度当初予算（要求締切 \(due)）", en: "FY\(m) initial budget (request by \(due))",
                            closedJa: closedJa, closedEn: closedEn,
                            alternativeJa: alternativeTextJa, alternativeEn: alternativeTextEn)
    }

    static func initialRequest(_ fy: Int, _ cal: BudgetCalendar, _ h: HolidaySet) -> Day? {
        cal.rawDate(of: MilestoneSpec.request, fiscalYear: fy).map { h.previousBusinessDay(onOrBefore: $0) }
    }
}
