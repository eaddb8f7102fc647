import Foundation

/// A municipality's budget cycle for fiscal year N (N年度 = N-04-01 … (N+1)-03-31), as data
/// (`Data/calendars/*.json`, overridden by `<workspace>/calendars/*.json`).
///
/// Milestones are month-days with the year they fall in relative to N ("N-1" or "N"); the
/// supplementary budget (補正予算) windows lie inside fiscal year N, so their year follows from
/// the month (April–December → N, January–March → N+1). Dates are kept as written so that
/// validation (`CalendarValidator`) can report an impossible "02-30" with its file and field
/// instead of failing to decode.
///
/// ```json
/// {"id": "default", "ja": "…", "en": "…",
///  "appliesTo": {"municipalities": ["札幌市"], "prefectures": [], "kinds": ["designated-city"]},
///  "milestones": [{"id": "request", "ja": "予算要求締切", "en": "Budget request deadline", "year": "N-1", "date": "10-31"}, …],
///  "supplementary": [{"id": "june", "ja": "6月補正", "en": "June supplementary", "request": "05-10", "vote": "06-30"}, …]}
/// ```
public struct BudgetCalendar: Codable, Equatable, Sendable {
    public var id: String
    public var ja: String
    public var en: String
    /// Where the schedule comes from (a published 予算編成方針, or "modelled on …").
    public var source: String?
    /// The kind of government whose schedule this is; sets the 第211条 lead time (30 days for
    /// prefectures and designated cities, 20 otherwise) together with `appliesTo.kinds`.
    public var kind: MunicipalityKind?
    public var appliesTo: AppliesTo
    public var milestones: [MilestoneSpec]
    public var supplementary: [SupplementaryWindow]

    public init(id: String, ja: String, en: String, source: String? = nil, kind: MunicipalityKind? = nil,
                appliesTo: AppliesTo = AppliesTo(), milestones: [MilestoneSpec], supplementary: [SupplementaryWindow] = []) {
        self.id = id; self.ja = ja; self.en = en; self.source = source; self.kind = kind
        self.appliesTo = appliesTo; self.milestones = milestones; self.supplementary = supplementary
    }

    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        ja = try c.decodeIfPresent(String.self, forKey: .ja) ?? id
        en = try c.decodeIfPresent(String.self, forKey: .en) ?? id
        source = try c.decodeIfPresent(String.self, forKey: .source)
        kind = try c.decodeIfPresent(MunicipalityKind.self, forKey: .kind)
        appliesTo = try c.decodeIfPresent(AppliesTo.self, forKey: .appliesTo) ?? AppliesTo()
        milestones = try c.decodeIfPresent([MilestoneSpec].self, forKey: .milestones) ?? []
        supplementary = try c.decodeIfPresent([SupplementaryWindow].self, forKey: .supplementary) ?? []
    }
    enum CodingKeys: String, CodingKey { case id, ja, en, source, kind, appliesTo, milestones, supplementary }

    /// Which cases a calendar is for. Empty everywhere = nobody in particular (only the default
    /// calendar is used that way). Resolution order: municipality name, then prefecture, then kind.
    public struct AppliesTo: Codable, Equatable, Sendable {
        public var municipalities: [String]
        public var prefectures: [String]
        public var kinds: [MunicipalityKind]
        public init(municipalities: [String] = [], prefectures: [String] = [], kinds: [MunicipalityKind] = []) {
            self.municipalities = municipalities; self.prefectures = prefectures; self.kinds = kinds
        }
        public init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            municipalities = try c.decodeIfPresent([String].self, forKey: .municipalities) ?? []
            prefectures = try c.decodeIfPresent([String].self, forKey: .prefectures) ?? []
            kinds = try c.decodeIfPresent([MunicipalityKind].self, forKey: .kinds) ?? []
        }
        enum CodingKeys: String, CodingKey { case municipalities, prefectures, kinds }
        public var isEmpty: Bool { municipalities.isEmpty && prefectures.isEmpty && kinds.isEmpty }
    }

    public func milestone(_ id: String) -> MilestoneSpec? { milestones.first { $0.id == id } }
    public func window(_ id: String) -> SupplementaryWindow? { supplementary.first { $0.id == id } }

    /// The 第211条 lead time in days this calendar must respect (議会提出 ≥ N days before April 1).
    public var requiredSubmissionLeadDays: Int {
        let kinds = appliesTo.kinds + (kind.map { [$0] } ?? [])
        return kinds.contains(where: { $0 == .prefecture || $0 == .designatedCity }) ? 30 : 20
    }

    /// The calendar date of a milestone for fiscal year N, before any business-day shift.
    /// Nil when the milestone is unknown or its date is impossible.
    public func rawDate(of id: String, fiscalYear n: Int) -> Day? {
        milestone(id)?.rawDate(fiscalYear: n)
    }
}

/// One named milestone of the cycle (情報提供, 予算要求締切 …).
public struct MilestoneSpec: Codable, Equatable, Sendable {
    /// Well-known ids the deadline rules use.
    public static let infoProvision = "info-provision", policy = "policy", request = "request",
        financeReview = "finance-review", mayorReview = "mayor-review", submission = "submission",
        vote = "vote", start = "start"

    public var id: String
    public var ja: String
    public var en: String
    /// "N-1", "N" or "N+1": the year the milestone falls in, relative to fiscal year N.
    public var year: String?
    /// "MM-DD" as written in the file (validated, never trusted).
    public var date: String?

    public init(id: String, ja: String, en: String, year: String, date: String) {
        self.id = id; self.ja = ja; self.en = en; self.year = year; self.date = date
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        ja = try c.decodeIfPresent(String.self, forKey: .ja) ?? id
        en = try c.decodeIfPresent(String.self, forKey: .en) ?? id
        year = try c.decodeIfPresent(String.self, forKey: .year)
        date = try c.decodeIfPresent(String.self, forKey: .date)
    }
    enum CodingKeys: String, CodingKey { case id, ja, en, year, date }

    public var yearOffset: Int? { MonthDay.yearOffset(year) }
    public var monthDay: MonthDay? { date.flatMap(MonthDay.init) }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }

    public func rawDate(fiscalYear n: Int) -> Day? {
        guard let off = yearOffset, let md = monthDay else { return nil }
        return md.day(in: n + off)
    }
}

/// A 補正予算 window inside fiscal year N: the request deadline and the vote (議決).
public struct SupplementaryWindow: Codable, Equatable, Sendable {
    public var id: String
    public var ja: String
    public var en: String
    public var request: String?
    public var vote: String?

    public init(id: String, ja: String, en: String, request: String, vote: String) {
        self.id = id; self.ja = ja; self.en = en; self.request = request; self.vote = vote
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        ja = try c.decodeIfPresent(String.self, forKey: .ja) ?? id
        en = try c.decodeIfPresent(String.self, forKey: .en) ?? id
        request = try c.decodeIfPresent(String.self, forKey: .request)
        vote = try c.decodeIfPresent(String.self, forKey: .vote)
    }
    enum CodingKeys: String, CodingKey { case id, ja, en, request, vote }

    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
    /// Request deadline in fiscal year N (unshifted).
    public func rawRequest(fiscalYear n: Int) -> Day? { request.flatMap(MonthDay.init)?.dayInFiscalYear(n) }
    public func rawVote(fiscalYear n: Int) -> Day? { vote.flatMap(MonthDay.init)?.dayInFiscalYear(n) }
}

/// A month and day as written in a calendar file ("10-31"). May be impossible (02-30); `day(in:)`
/// then returns nil. 02-29 is rejected by validation because it does not exist every year.
public struct MonthDay: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var month: Int
    public var day: Int

    /// Parses "MM-DD" (or "M-D"); does not check that the date exists.
    public init?(_ text: String) {
        // The common "MM-DD" straight from the bytes (issue 19: the Foundation trim below cost
        // ~2.9 M instructions per overdue run); anything else, spaces included, the general way.
        if let (m, d) = Self.plain(text) { month = m; day = d; return }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        month = m; day = d
    }
    public init(month: Int, day: Int) { self.month = month; self.day = day }

    /// "M-D" … "MM-DD" in ASCII digits with nothing around them.
    static func plain(_ text: String) -> (Int, Int)? {
        var text = text
        return text.withUTF8 { b -> (Int, Int)? in
            guard (3...5).contains(b.count), let dash = b.firstIndex(of: 0x2D), (1...2).contains(dash), (1...2).contains(b.count - dash - 1) else { return nil }
            guard let m = ASCIIDigits.value(b, 0..<dash), let d = ASCIIDigits.value(b, (dash + 1)..<b.count) else { return nil }
            return (m, d)
        }
    }

    /// Whether the month-day exists in every year (02-29 does not).
    public var isValidEveryYear: Bool {
        (1...12).contains(month) && day >= 1 && day <= Day.daysIn(month: month, year: 2027)
    }
    public func day(in year: Int) -> Day? { Day(year: year, month: month, day: day) }
    /// In fiscal year N: April–December of N, January–March of N+1.
    public func dayInFiscalYear(_ n: Int) -> Day? { day(in: month >= 4 ? n : n + 1) }

    public var description: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }

    /// "N-1" → -1, "N" → 0, "N+1" → 1; nil otherwise.
    public static func yearOffset(_ s: String?) -> Int? {
        switch s { case "N-1": return -1; case "N": return 0; case "N+1": return 1; case nil: return nil; default: break }
        guard let s = s?.replacingOccurrences(of: " ", with: "") else { return nil }
        switch s { case "N-1": return -1; case "N": return 0; case "N+1": return 1; default: return nil }
    }
}
