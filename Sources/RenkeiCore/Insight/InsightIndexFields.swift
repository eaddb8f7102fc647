/// What Insight needs beyond `CaseSummary`, packed for the summary index: the hashed
/// WHY/HOW/WHAT text, the stage timeline and the folded tag/partner/municipality keys — five
/// short JSON strings/ints per case (~350 bytes), cheap to decode for 10,000 cases.
///
/// Proposed index extension (for the scale engineer): a field `insight: InsightIndexFields?` on
/// `CaseSummary`, filled in `CaseSummary.init(_ c: Case)` with `InsightIndexFields(c)`. Then
/// `InsightFeatures(summary:index:)` rebuilds the full feature record with no case file decoded:
///
/// ```swift
/// let features = portfolio.summaries.compactMap { s in s.insight.map { InsightFeatures(summary: s, index: $0) } }
/// ```
public struct InsightIndexFields: Codable, Equatable, Sendable {
    /// Base64 of the sorted text hashes (little-endian UInt32).
    public var t: String
    /// Stage timeline: "issue-definition@2026-01-05,partner-search@2026-02-01".
    public var v: String
    /// Base64 of tagKeys + partnerKeys + municipalityKey, in that order.
    public var k: String
    /// Filled budget reference items.
    public var r: Int
    /// KPI count.
    public var n: Int

    public init(_ c: Case) { self.init(InsightFeatures(c)) }

    /// The stored form, field by field (the index's record decoder).
    public init(t: String, v: String, k: String, r: Int, n: Int) { self.t = t; self.v = v; self.k = k; self.r = r; self.n = n }

    public init(_ f: InsightFeatures) {
        t = InsightFeatures.pack(f.text)
        v = f.stageVisits.map { "\($0.stage.rawValue)@\($0.day)" }.joined(separator: ",")
        k = InsightFeatures.pack(f.tagKeys + f.partnerKeys + [f.municipalityKey])
        r = f.referenceCount
        n = f.kpiCount
    }

    static func visits(_ s: String) -> [InsightFeatures.StageVisit] {
        guard !s.isEmpty else { return [] }
        return s.split(separator: ",").compactMap { (part: Substring) -> InsightFeatures.StageVisit? in
            let pieces = part.split(separator: "@", maxSplits: 1)
            guard pieces.count == 2, let stage = Stage(rawValue: String(pieces[0])), let day = Day(String(pieces[1])) else { return nil }
            return InsightFeatures.StageVisit(stage: stage, day: day)
        }
    }
}

extension InsightFeatures {
    /// Rebuilds the features from an index row. Keys that do not line up with the summary's
    /// tags/partners (a stale or hand-edited index) are recomputed from the names.
    public init(summary s: CaseSummary, index x: InsightIndexFields) {
        let keys = InsightFeatures.unpackRaw(x.k)
        let nt = s.tags.count, np = s.partners.count
        let aligned = keys.count == nt + np + 1
        self.init(id: s.id, title: s.title, municipality: s.municipality, prefecture: s.prefecture, size: s.size,
                  kind: s.municipalityKind, domain: s.domain.flatMap { $0.isEmpty ? nil : $0 }, exit: s.exit,
                  method: s.method.flatMap { $0.isEmpty ? nil : $0 }, stage: s.stage, fiscalYear: s.fiscalYear,
                  totalYen: s.totalYen, roughQuoteYen: s.roughQuoteYen, tags: s.tags, partners: s.partners,
                  tagKeys: aligned ? Array(keys[0..<nt]) : s.tags.map { InsightTokenizer.hash(InsightTokenizer.key($0)) },
                  partnerKeys: aligned ? Array(keys[nt..<(nt + np)]) : s.partners.map { InsightTokenizer.hash(InsightTokenizer.key($0)) },
                  municipalityKey: aligned ? keys[nt + np] : InsightTokenizer.hash(InsightTokenizer.key(s.municipality)),
                  textHashes: InsightFeatures.unpack(x.t), stageVisits: InsightIndexFields.visits(x.v),
                  referenceCount: x.r, kpiCount: x.n)
        municipalityCode = s.municipalityCode
        archived = s.archived
    }
}
