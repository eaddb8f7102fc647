/// A municipal partner — a partner of kind 自治体 on a case (近隣の所沢市, 埼玉県) — resolved to its
/// 全国地方公共団体コード the way a case's own municipality is (issue 16): the code its partner
/// record gives (`partners/….json`, `municipalityCode`), else its name through the same
/// resolver — one body links, several are asked about (never a guess), none stays free text
/// (「県内市町（参加予定）」 is not one body). Derived on every read, never stored on the case:
/// a partner on a case is a name, and the record is where a person settles an ambiguous one.
/// Pure.
public enum MunicipalPartnerLink {
    public enum Status: Equatable, Sendable {
        /// The partner record's code, which the table knows.
        case recorded(MunicipalityEntry)
        /// The name fits exactly one body.
        case resolved(MunicipalityEntry)
        /// Several bodies fit (府中市): a record with `municipalityCode` decides.
        case ambiguous([MunicipalityEntry])
        /// No body fits: free text, listed by `renkei validate`.
        case unresolved
        /// The record's code has a wrong check digit or is not in the table.
        case unknownCode(String)

        /// The body, when exactly one is known.
        public var entry: MunicipalityEntry? {
            switch self {
            case .recorded(let e), .resolved(let e): return e
            default: return nil
            }
        }
    }

    /// Whether `partner` is municipal: its kind on the case, or its record's kind.
    public static func isMunicipal(_ partner: Partner, record: PartnerRecord?) -> Bool {
        partner.kind == .municipality || record?.kind == .municipality
    }

    /// The status of a municipal partner; nil for any other partner.
    public static func status(of partner: Partner, records: [PartnerRecord], _ r: some MunicipalityLookup) -> Status? {
        let record = records.first { $0.matches(partner.name) }
        guard isMunicipal(partner, record: record) else { return nil }
        return status(name: partner.name, record: record, r)
    }

    /// The status of a municipal partner named `name` (with its record, if any).
    public static func status(name: String, record: PartnerRecord?, _ r: some MunicipalityLookup) -> Status {
        if let code = record?.municipalityCode {
            guard MunicipalityCode.isValid(code), let e = r.table.entry(code: code) else { return .unknownCode(code) }
            return .recorded(e)
        }
        // The record's own name first (the organisation), then the name the case gives.
        var answer = MunicipalityResolver.Resolution.unresolved
        for n in [record?.name, name].compactMap({ $0 }) {
            answer = r.resolve(n, prefecture: nil)
            if case .unresolved = answer { continue }
            break
        }
        switch answer {
        case .resolved(let e): return .resolved(e)
        case .ambiguous(let list): return .ambiguous(list)
        case .unresolved: return .unresolved
        }
    }

    /// How a partner view names the body: 所沢市（埼玉県・112089）, else the name marked 未照合
    /// (`renkei validate` says how to settle it).
    public static func caption(_ s: Status, name: String, table: MunicipalityTable) -> MunicipalityMessage {
        switch s {
        case .recorded(let e), .resolved(let e):
            return .codedBody(name: table.fullName(e), prefecture: e.kind == .prefecture ? nil : table.prefectureName(of: e.code), code: e.code)
        case .ambiguous, .unresolved, .unknownCode:
            return .unlinked(name: name)
        }
    }

    /// The names a lookup needs to answer for these cases' municipal partners (`validate`'s
    /// exact lookup is built for the names it will be asked).
    public static func names(in cases: [Case], records: [PartnerRecord]) -> [String] {
        var out: [String] = []
        for c in cases {
            for p in c.partners {
                let record = records.first { $0.matches(p.name) }
                guard isMunicipal(p, record: record), record?.municipalityCode == nil else { continue }
                out.append(p.name)
                if let n = record?.name { out.append(n) }
            }
        }
        return out
    }
}
