/// The compact per-case record everything in Insight works from (similar cases, 共同調達, the
/// funnel): the fields of `CaseSummary` they need, plus two things a summary lacks — the hashed
/// WHY/HOW/WHAT text and the stage timeline from the event log.
///
/// Built once per case from the full `Case` (microseconds), about 0.5–1 KB encoded, so a summary
/// index can carry it for 10,000 cases and no case file needs decoding for a similar-case lookup
/// or a funnel. Proposed index extension: `CaseSummary.insight: InsightFeatures?`, filled in
/// `CaseSummary.init(_ c: Case)` with `InsightFeatures(c)`.
public struct InsightFeatures: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var municipality: String
    /// 全国地方公共団体コード: the case's own (a linked case), else set by the loader when the
    /// name resolves to exactly one body (`InsightCodes.link`, issue 16).
    public var municipalityCode: String?
    public var prefecture: String?
    public var size: SizeClass?
    public var kind: MunicipalityKind?
    public var domain: String?
    public var exit: Exit?
    public var method: String?
    public var stage: Stage
    public var fiscalYear: Int?
    public var totalYen: Int
    public var roughQuoteYen: Int?
    /// Tags as written (shown in explanations) …
    public var tags: [String]
    /// … and partner names as written.
    public var partners: [String]
    /// Hashes of `InsightTokenizer.key(tag)`, aligned with `tags` (so 「ＩｏＴ」 meets "IoT").
    public var tagKeys: [UInt32]
    /// Hashes of the folded partner names, aligned with `partners`.
    public var partnerKeys: [UInt32]
    /// Hash of the folded municipality name (a partner of one case may be the other's municipality).
    public var municipalityKey: UInt32
    /// Sorted unique token hashes of title + WHY + HOW + WHAT (`InsightTokenizer.hashes`).
    public var text: [UInt32]
    /// Every stage the case entered, in log order, with the day (from the event log's `stage`
    /// changes, undo/redo included). Empty for a case without history.
    public var stageVisits: [StageVisit]
    /// Which of the six budget reference items are filled (for "what it learned" counts).
    public var referenceCount: Int
    public var kpiCount: Int
    /// Archived (issue 14): counted in the funnel's history, not among its open cases.
    public var archived = false

    public struct StageVisit: Codable, Equatable, Sendable {
        public var stage: Stage
        public var day: Day
        public init(stage: Stage, day: Day) { self.stage = stage; self.day = day }
        enum CodingKeys: String, CodingKey { case stage = "s", day = "d" }
    }

    public init(_ c: Case) {
        id = c.id
        title = c.title
        municipality = c.municipality.name
        municipalityCode = c.municipality.code
        prefecture = c.municipality.prefecture ?? c.municipality.code.flatMap(Prefectures.name(ofCode:))
        size = c.municipality.size
        kind = c.municipality.kind
        domain = c.domain.flatMap { $0.isEmpty ? nil : $0 }
        exit = c.exit
        method = c.method.flatMap { $0.isEmpty ? nil : $0 }
        stage = c.stage
        fiscalYear = c.budget.fiscalYear
        totalYen = c.budget.totalYen
        roughQuoteYen = c.budget.roughQuoteYen
        tags = c.tags
        partners = c.partners.map(\.name)
        tagKeys = tags.map { InsightTokenizer.hash(InsightTokenizer.key($0)) }
        partnerKeys = partners.map { InsightTokenizer.hash(InsightTokenizer.key($0)) }
        municipalityKey = InsightTokenizer.hash(InsightTokenizer.key(c.municipality.name))
        text = InsightTokenizer.hashes([c.title, c.issue.why, c.issue.how, c.issue.what])
        stageVisits = InsightFeatures.visits(c.events)
        // Filled: something besides whitespace (what trimming .whitespacesAndNewlines would leave).
        referenceCount = c.budget.reference.values.filter { $0.unicodeScalars.contains { !TextNormalizer.isWhitespaceOrNewline($0.value) } }.count
        kpiCount = c.kpis.count
        archived = c.isArchived
    }

    /// For tests and synthetic portfolios.
    public init(id: String, title: String = "", municipality: String, prefecture: String? = nil, size: SizeClass? = nil,
                kind: MunicipalityKind? = nil, domain: String? = nil, exit: Exit? = nil, method: String? = nil,
                stage: Stage = .issueDefinition, fiscalYear: Int? = nil, totalYen: Int = 0, roughQuoteYen: Int? = nil,
                tags: [String] = [], partners: [String] = [], text: String = "", stageVisits: [StageVisit] = [],
                referenceCount: Int = 0, kpiCount: Int = 0) {
        self.id = id; self.title = title; self.municipality = municipality; self.prefecture = prefecture
        self.size = size; self.kind = kind; self.domain = domain; self.exit = exit; self.method = method
        self.stage = stage; self.fiscalYear = fiscalYear; self.totalYen = totalYen; self.roughQuoteYen = roughQuoteYen
        self.tags = tags; self.partners = partners
        self.tagKeys = tags.map { InsightTokenizer.hash(InsightTokenizer.key($0)) }
        self.partnerKeys = partners.map { InsightTokenizer.hash(InsightTokenizer.key($0)) }
        self.municipalityKey = InsightTokenizer.hash(InsightTokenizer.key(municipality))
        self.text = InsightTokenizer.hashes([title, text])
        self.stageVisits = stageVisits; self.referenceCount = referenceCount; self.kpiCount = kpiCount
    }

    /// Every field given, nothing computed (index decoding).
    init(id: String, title: String, municipality: String, prefecture: String?, size: SizeClass?, kind: MunicipalityKind?,
         domain: String?, exit: Exit?, method: String?, stage: Stage, fiscalYear: Int?, totalYen: Int, roughQuoteYen: Int?,
         tags: [String], partners: [String], tagKeys: [UInt32], partnerKeys: [UInt32], municipalityKey: UInt32,
         textHashes: [UInt32], stageVisits: [StageVisit], referenceCount: Int, kpiCount: Int) {
        self.id = id; self.title = title; self.municipality = municipality; self.prefecture = prefecture
        self.size = size; self.kind = kind; self.domain = domain; self.exit = exit; self.method = method
        self.stage = stage; self.fiscalYear = fiscalYear; self.totalYen = totalYen; self.roughQuoteYen = roughQuoteYen
        self.tags = tags; self.partners = partners; self.tagKeys = tagKeys; self.partnerKeys = partnerKeys
        self.municipalityKey = municipalityKey; self.text = textHashes; self.stageVisits = stageVisits
        self.referenceCount = referenceCount; self.kpiCount = kpiCount
    }

    /// The stage timeline from an event log: every event that changed `stage`, in log order.
    public static func visits(_ events: [Event]) -> [StageVisit] {
        var out: [StageVisit] = []
        for e in events {
            for ch in e.changes where ch.field == "stage" {
                if case .string(let s) = ch.after, let st = Stage(rawValue: s) {
                    out.append(StageVisit(stage: st, day: e.at.day))
                }
            }
        }
        return out
    }

    /// Whether two cases are in the same local public body: by code when the first has one (a
    /// case without a code is then another body — which one is not known, so never a match); two
    /// cases without codes by their folded names (free text such as an overseas city).
    public func sameBody(as other: InsightFeatures) -> Bool {
        if let code = municipalityCode { return code == other.municipalityCode }
        return other.municipalityCode == nil && !municipality.isEmpty && municipalityKey == other.municipalityKey
    }

    /// 1…47 (the code's first two digits, else the written prefecture's place in JIS order), 0 unknown.
    public var prefectureNumber: Int {
        if let code = municipalityCode, MunicipalityCode.isValid(code), let n = Int(code.prefix(2)) { return n }
        return prefecture.flatMap { Prefectures.inCodeOrder.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
    }

    /// Money the case asks of the municipality: the budget lines, else the rough quote.
    public var budgetYen: Int { totalYen > 0 ? totalYen : (roughQuoteYen ?? 0) }
    public var hasText: Bool { !text.isEmpty }
    /// Day the case reached its current end state (last visit), if it is in one.
    public var endedDay: Day? { stage.isEndState ? stageVisits.last(where: { $0.stage == stage })?.day : nil }

    // Compact encoding: the hash set as base64 of little-endian UInt32s ("t"), short keys.
    enum CodingKeys: String, CodingKey {
        case id, title, municipality, prefecture, size, kind, domain, exit, method, stage, fiscalYear, totalYen,
             roughQuoteYen, tags, partners, tagKeys = "tk", partnerKeys = "pk", municipalityKey = "mk", text = "t", stageVisits = "v", referenceCount = "refs", kpiCount = "kpis"
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        municipality = try c.decode(String.self, forKey: .municipality)
        prefecture = try c.decodeIfPresent(String.self, forKey: .prefecture)
        size = try c.decodeIfPresent(SizeClass.self, forKey: .size)
        kind = try c.decodeIfPresent(MunicipalityKind.self, forKey: .kind)
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
        exit = try c.decodeIfPresent(Exit.self, forKey: .exit)
        method = try c.decodeIfPresent(String.self, forKey: .method)
        stage = try c.decode(Stage.self, forKey: .stage)
        fiscalYear = try c.decodeIfPresent(Int.self, forKey: .fiscalYear)
        totalYen = try c.decodeIfPresent(Int.self, forKey: .totalYen) ?? 0
        roughQuoteYen = try c.decodeIfPresent(Int.self, forKey: .roughQuoteYen)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        partners = try c.decodeIfPresent([String].self, forKey: .partners) ?? []
        // Derived keys are stored so 10,000 decodes need no NFKC; recomputed when absent or misaligned.
        let tk = try c.decodeIfPresent([UInt32].self, forKey: .tagKeys)
        tagKeys = tk?.count == tags.count ? tk! : tags.map { InsightTokenizer.hash(InsightTokenizer.key($0)) }
        let pk = try c.decodeIfPresent([UInt32].self, forKey: .partnerKeys)
        partnerKeys = pk?.count == partners.count ? pk! : partners.map { InsightTokenizer.hash(InsightTokenizer.key($0)) }
        municipalityKey = try c.decodeIfPresent(UInt32.self, forKey: .municipalityKey)
            ?? InsightTokenizer.hash(InsightTokenizer.key(municipality))
        let b64 = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        text = InsightFeatures.unpack(b64)
        stageVisits = try c.decodeIfPresent([StageVisit].self, forKey: .stageVisits) ?? []
        referenceCount = try c.decodeIfPresent(Int.self, forKey: .referenceCount) ?? 0
        kpiCount = try c.decodeIfPresent(Int.self, forKey: .kpiCount) ?? 0
    }
    public func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(municipality, forKey: .municipality)
        try c.encodeIfPresent(prefecture, forKey: .prefecture)
        try c.encodeIfPresent(size, forKey: .size)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(domain, forKey: .domain)
        try c.encodeIfPresent(exit, forKey: .exit)
        try c.encodeIfPresent(method, forKey: .method)
        try c.encode(stage, forKey: .stage)
        try c.encodeIfPresent(fiscalYear, forKey: .fiscalYear)
        try c.encode(totalYen, forKey: .totalYen)
        try c.encodeIfPresent(roughQuoteYen, forKey: .roughQuoteYen)
        try c.encode(tags, forKey: .tags)
        try c.encode(partners, forKey: .partners)
        try c.encode(tagKeys, forKey: .tagKeys)
        try c.encode(partnerKeys, forKey: .partnerKeys)
        try c.encode(municipalityKey, forKey: .municipalityKey)
        try c.encode(InsightFeatures.pack(text), forKey: .text)
        try c.encode(stageVisits, forKey: .stageVisits)
        try c.encode(referenceCount, forKey: .referenceCount)
        try c.encode(kpiCount, forKey: .kpiCount)
    }

    static func pack(_ hashes: [UInt32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hashes.count * 4)
        for h in hashes { bytes += [UInt8(h & 0xFF), UInt8((h >> 8) & 0xFF), UInt8((h >> 16) & 0xFF), UInt8(h >> 24)] }
        return Data(bytes).base64EncodedString()
    }

    static func unpack(_ s: String) -> [UInt32] {
        // A hand-edited index must not break the merge: keep the invariant.
        InsightTokenizer.sortedUnique(unpackRaw(s))
    }

    static func unpackRaw(_ s: String) -> [UInt32] {
        guard let data = Data(base64Encoded: s), data.count % 4 == 0 else { return [] }
        var out: [UInt32] = []
        out.reserveCapacity(data.count / 4)
        data.withUnsafeBytes { raw in
            let p = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i + 3 < p.count {
                out.append(UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24)
                i += 4
            }
        }
        return out
    }
}

import Foundation
