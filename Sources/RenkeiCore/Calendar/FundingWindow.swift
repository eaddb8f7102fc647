/// An external funding window — a 交付金 or 補助金 round, or a matching-programme call such as
/// Urban Innovation JAPAN or a トライアル発注 round — as a dated record in
/// `<workspace>/funding/*.json` (one window or an array of windows per file).
/// A case links to it through `Case.fundingWindows` or `FundingSource.windowId`.
///
/// ```json
/// {"id": "dden-2027-1", "name": "新しい地方経済・生活環境創生交付金 2027年度第1回", "kind": "grant",
///  "program": "内閣府", "opens": "2027-01-10", "closes": "2027-02-20", "ratePercent": 50, "fiscalYear": 2027}
/// ```
public struct FundingWindow: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var en: String?
    public var kind: FundingKind
    /// The programme or issuing body (内閣府, Urban Innovation JAPAN, 東京都トライアル発注 …).
    public var program: String?
    public var opens: Day?
    /// Application deadline (as published; not moved for weekends).
    public var closes: Day
    /// Share of the cost the window covers, in percent (補助率1/2 → 50).
    public var ratePercent: Double?
    /// The fiscal year the money is for.
    public var fiscalYear: Int?
    public var url: String?
    public var notes: String?

    public init(id: String, name: String, en: String? = nil, kind: FundingKind, program: String? = nil, opens: Day? = nil,
                closes: Day, ratePercent: Double? = nil, fiscalYear: Int? = nil, url: String? = nil, notes: String? = nil) {
        self.id = id; self.name = name; self.en = en; self.kind = kind; self.program = program; self.opens = opens
        self.closes = closes; self.ratePercent = ratePercent; self.fiscalYear = fiscalYear; self.url = url; self.notes = notes
    }

    /// The share the municipality must budget itself, in percent, when the window covers less
    /// than all of the cost (補助率1/2 → 50); nil at 100% or with no rate.
    public var localSharePercent: Double? {
        guard let r = ratePercent, r < 100 else { return nil }
        return 100 - r
    }

    public func label(_ lang: Lang) -> String { lang == .ja ? name : (en ?? name) }

    /// Problems with a window record (file + field), e.g. a rate outside 0–100 or closes before opens.
    public func problems(file: String, index: Int?) -> [CalendarProblem] {
        let p = index.map { "[\($0)]." } ?? ""
        var out: [CalendarProblem] = []
        if id.isEmpty { out.append(CalendarProblem(file: file, field: "\(p)id", .empty)) }
        if let r = ratePercent, !(r > 0 && r <= 100) {
            out.append(CalendarProblem(file: file, field: "\(p)ratePercent", .rateNotPercent(r)))
        }
        if let o = opens, o > closes {
            out.append(CalendarProblem(file: file, field: "\(p)closes", .closesBeforeOpens(closes: closes.description, opens: o.description)))
        }
        return out
    }
}

/// A funding source that covers only part of the cost: the rest (the local share, 地方負担分)
/// needs its own line in the municipality's budget request.
public struct LocalShare: Equatable, Sendable, Codable {
    public var sourceName: String
    public var windowId: String?
    public var ratePercent: Double
    public var localPercent: Double
    /// The local share in yen, when the case has a budget amount.
    public var localYen: Int?

    /// 「新しい地方経済…（補助率50%）: 残り50%（¥2,400,000）は自治体の予算計上が必要」
    public func text(_ lang: Lang) -> String {
        let rate = LocalShare.percent(ratePercent), local = LocalShare.percent(localPercent)
        let yen = localYen.map { "（¥\(LocalShare.grouped($0))）" } ?? ""
        return lang == .ja ? "\(sourceName)（補助率\(rate)%）: 残り\(local)%\(yen)は自治体の予算計上が必要"
                           : "\(sourceName) (rate \(rate)%): the remaining \(local)%\(localYen.map { " (¥\(LocalShare.grouped($0)))" } ?? "") needs its own municipal budget line"
    }

    /// Partial funding sources of a case: each with a rate below 100% (from the source, or from
    /// its linked window when the source has no rate). Windows linked only through
    /// `Case.fundingWindows` count too.
    public static func of(_ c: Case, windows: [FundingWindow]) -> [LocalShare] {
        var out: [LocalShare] = []
        var covered = Set<String>()
        for s in c.budget.funding {
            let w = s.windowId.flatMap { id in windows.first { $0.id == id } }
            if let id = s.windowId { covered.insert(id) }
            guard let rate = s.ratePercent ?? w?.ratePercent, rate < 100, rate > 0 else { continue }
            out.append(make(name: s.name, windowId: s.windowId, rate: rate, total: c.budget.totalYen))
        }
        for id in c.fundingWindows where !covered.contains(id) {
            guard let w = windows.first(where: { $0.id == id }), let rate = w.ratePercent, rate < 100, rate > 0 else { continue }
            out.append(make(name: w.name, windowId: id, rate: rate, total: c.budget.totalYen))
        }
        return out
    }

    static func make(name: String, windowId: String?, rate: Double, total: Int) -> LocalShare {
        let local = 100 - rate
        let yen = total > 0 ? SafeNumber.int(Double(total) * local / 100) : nil
        return LocalShare(sourceName: name, windowId: windowId, ratePercent: rate, localPercent: local, localYen: yen)
    }

    static func percent(_ x: Double) -> String { SafeNumber.plain(x) }
    static func grouped(_ n: Int) -> String {
        let d = String(n)
        var out = ""
        for (i, ch) in d.enumerated() { if i > 0 && (d.count - i) % 3 == 0 { out.append(",") }; out.append(ch) }
        return out
    }
}

extension Case {
    /// Every funding window id the case links to (`fundingWindows` and `budget.funding[].windowId`).
    public var linkedFundingWindowIds: [String] {
        var ids = fundingWindows
        for s in budget.funding { if let w = s.windowId, !ids.contains(w) { ids.append(w) } }
        return ids
    }
}
