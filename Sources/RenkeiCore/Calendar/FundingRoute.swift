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
    /// Candidates are the 補正 windows of this fiscal year and the next whose request deadline
    /// (moved to the previous business day) is today or later, and the initial budget of the
    /// first fiscal year after N whose request deadline is still ahead. The route that brings
    /// the money soonest wins (a 補正 window's vote, an initial budget's April 1) — so a 補正
    /// window of N, when one is still open, always beats the initial budget of N+1.
    public static func earliest(fiscalYear n: Int, calendar cal: BudgetCalendar, holidays: HolidaySet, today: Day) -> FundingRoute {
        struct Option { var fy: Int; var w: SupplementaryWindow?; var request: Day; var vote: Day?; var money: Day }
        var ahead: [Option] = [], closed: [Option] = []
        for fy in min(today.fiscalYear, n)...(max(today.fiscalYear, n) + 1) {
            for w in cal.supplementary {
                guard let raw = w.rawRequest(fiscalYear: fy) else { continue }
                let req = holidays.previousBusinessDay(onOrBefore: raw)
                let vote = w.rawVote(fiscalYear: fy).map { holidays.previousBusinessDay(onOrBefore: $0) }
                let o = Option(fy: fy, w: w, request: req, vote: vote, money: vote ?? req)
                if req >= today { ahead.append(o) } else { closed.append(o) }
            }
        }
        var m = n + 1
        var initial = initialRequest(m, cal, holidays)
        while let r = initial, r < today, m < n + 50 { m += 1; initial = initialRequest(m, cal, holidays) }
        if let r = initial {
            ahead.append(Option(fy: m, w: nil, request: r,
                                vote: cal.rawDate(of: MilestoneSpec.vote, fiscalYear: m).map { holidays.previousBusinessDay(onOrBefore: $0) },
                                money: Day(year: m, month: 4, day: 1)!))
        }
        let lastClosed = closed.filter { $0.request <= today }.max { $0.request < $1.request }
        let closedJa = lastClosed.map { "\($0.fy)年度\($0.w!.ja)（\($0.request)締切済み）" }
        let closedEn = lastClosed.map { "FY\($0.fy) \($0.w!.en) (closed \($0.request))" }
        guard let best = ahead.min(by: { ($0.money, $0.request) < ($1.money, $1.request) }) else {
            // Only reachable with a calendar that has no request date at all (validation rejects it).
            return FundingRoute(kind: .initial, fiscalYear: n + 1, windowId: nil, requestDue: today, voteDue: nil,
                                ja: "\(n + 1)年度当初予算", en: "FY\(n + 1) initial budget", closedJa: closedJa, closedEn: closedEn,
                                alternativeJa: alternativeTextJa, alternativeEn: alternativeTextEn)
        }
        if let w = best.w {
            return FundingRoute(kind: .supplementary, fiscalYear: best.fy, windowId: w.id, requestDue: best.request, voteDue: best.vote,
                                ja: "\(best.fy)年度\(w.ja)（要求締切 \(best.request)）",
                                en: "FY\(best.fy) \(w.en) (request by \(best.request))",
                                closedJa: closedJa, closedEn: closedEn,
                                alternativeJa: alternativeTextJa, alternativeEn: alternativeTextEn)
        }
        return FundingRoute(kind: .initial, fiscalYear: best.fy, windowId: nil, requestDue: best.request, voteDue: best.vote,
                            ja: "\(best.fy)年度当初予算（要求締切 \(best.request)）", en: "FY\(best.fy) initial budget (request by \(best.request))",
                            closedJa: closedJa, closedEn: closedEn,
                            alternativeJa: alternativeTextJa, alternativeEn: alternativeTextEn)
    }

    static func initialRequest(_ fy: Int, _ cal: BudgetCalendar, _ h: HolidaySet) -> Day? {
        cal.rawDate(of: MilestoneSpec.request, fiscalYear: fy).map { h.previousBusinessDay(onOrBefore: $0) }
    }
}
