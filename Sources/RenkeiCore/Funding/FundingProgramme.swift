/// A national grant's rules as data (`Data/funding/*.json`, e.g. 第2世代交付金 from the meeting
/// deck; a workspace can add programmes the same way): rate, tracks with their years and caps
/// by class of body, the yearly limit on new applications, evaluation criteria and mandatory
/// obligations, each with its reference in the source.
public struct FundingProgramme: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var en: String?
    public var program: String?
    /// Where the rules come from (document and section).
    public var source: String
    /// Names a case's funding source uses for it (matched NFKC-folded, as a part of the name).
    public var matchNames: [String]
    /// Share of the eligible cost the state pays, in percent (補助率1/2 → 50).
    public var ratePercent: Int
    public var tracks: [Track]
    /// 新規事業の通常の申請上限件数 per body and year.
    public var newApplicationsPerYear: Int?
    public var extraApplications: Int?
    public var extraNote: String?
    public var criteria: [Reference]
    public var obligations: [Reference]
    public var related: [Related]

    public struct Track: Codable, Equatable, Sendable {
        public var id: String
        public var ja: String
        public var en: String
        public var years: Int
        public var maxYears: Int
        /// "per-year" (cap on the state's money per fiscal year) or "plan-total" (over the plan).
        public var capBasis: String
        /// By class of body: "prefecture", "central-core-city" (中枢中核都市), "municipality".
        public var capYen: [String: Int]
        public var yearGuideYen: [String: Int]?
        public var note: String?
    }
    public struct Reference: Codable, Equatable, Sendable {
        public var id: String
        public var ja: String
        public var en: String
        public var page: String
    }
    public struct Related: Codable, Equatable, Sendable {
        public var id: String
        public var ja: String
        public var en: String
        public var note: String?
    }

    /// The criteria and obligations as checklist items a case ticks (`renkei grant ID --tick`),
    /// each with the programme and the deck's section as its reference.
    public var checklistItems: [CatalogItem] {
        (criteria + obligations).map { r in
            CatalogItem(id: r.id, ja: r.ja, en: r.en, page: "\(name) \(r.page)", side: .municipality, group: name)
        }
    }

    /// Whether a case's funding source is this programme (by name, or by a linked window
    /// whose `program` is this programme's id).
    public func covers(_ s: FundingSource, windows: [FundingWindow]) -> Bool {
        if let w = s.windowId, windows.first(where: { $0.id == w })?.program == id { return true }
        return matches(sourceName: s.name)
    }

    /// Whether a funding source's name names this programme (NFKC-folded, as a part of the name).
    public func matches(sourceName name: String) -> Bool {
        let n = TextNormalizer.fold(name)
        return matchNames.contains { n.contains(TextNormalizer.fold($0)) }
    }

    /// This programme's application windows for a fiscal year (a window naming no year counts
    /// for every year), earliest deadline first: `program` in `<workspace>/funding/*.json` is
    /// the programme's id.
    public func windows(in all: [FundingWindow], fiscalYear: Int?) -> [FundingWindow] {
        all.filter { $0.program == id && ($0.fiscalYear == nil || $0.fiscalYear == fiscalYear) }.sorted { ($0.closes, $0.id) < ($1.closes, $1.id) }
    }

    /// Problems a person can fix in the file.
    public func problems(file: String) -> [RecordProblem] {
        var out: [RecordProblem] = []
        if !(1...100).contains(ratePercent) { out.append(.rateNotPercent(file: file, rate: ratePercent)) }
        for (i, t) in tracks.enumerated() {
            if t.years > t.maxYears { out.append(.yearsOverMax(file: file, track: i, years: t.years, maxYears: t.maxYears)) }
            for key in t.capYen.keys.sorted() where !BodyClass.allCases.map(\.rawValue).contains(key) {
                out.append(.unknownBodyClass(file: file, track: i, key: key, known: BodyClass.allCases.map(\.rawValue)))
            }
        }
        return out
    }
}

/// How a grant's caps class a body: 都道府県, 中枢中核都市 (a Cabinet Office designation the
/// code table does not carry: the municipality profile says so), other 市区町村.
public enum BodyClass: String, CaseIterable, Sendable {
    case prefecture
    case centralCoreCity = "central-core-city"
    case municipality
}
