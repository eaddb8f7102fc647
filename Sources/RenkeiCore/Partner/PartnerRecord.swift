/// A partner as an organisation, in a human-edited file `<workspace>/partners/<slug>.json`:
/// its kind, its 法人番号 when known, its people with their roles. Cases keep naming partners
/// by name (`Case.partners`); the record is found by its name or one of its aliases, so one
/// startup's cases across municipalities come together (`renkei partner show`).
///
/// ```json
/// {"name": "株式会社TBM", "aliases": ["TBM"], "kind": "startup", "corporateNumber": "…",
///  "people": [{"name": "笹木 隆之", "role": "常務執行役員CMO"}], "notes": "…"}
/// ```
public struct PartnerRecord: Codable, Equatable, Sendable {
    public var name: String
    public var aliases: [String]
    public var kind: PartnerKind
    /// 法人番号: 13 digits, the first a check digit (`CorporateNumber`).
    public var corporateNumber: String?
    /// For a municipal partner: its 全国地方公共団体コード.
    public var municipalityCode: String?
    public var people: [Contact]
    public var notes: String?

    public init(name: String, aliases: [String] = [], kind: PartnerKind = .startup, corporateNumber: String? = nil,
                municipalityCode: String? = nil, people: [Contact] = [], notes: String? = nil) {
        self.name = name; self.aliases = aliases; self.kind = kind; self.corporateNumber = corporateNumber
        self.municipalityCode = municipalityCode; self.people = people; self.notes = notes
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        kind = try c.decodeIfPresent(PartnerKind.self, forKey: .kind) ?? .startup
        corporateNumber = try c.decodeIfPresent(String.self, forKey: .corporateNumber)
        municipalityCode = try c.decodeIfPresent(String.self, forKey: .municipalityCode)
        people = try c.decodeIfPresent([Contact].self, forKey: .people) ?? []
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }
    enum CodingKeys: String, CodingKey { case name, aliases, kind, corporateNumber, municipalityCode, people, notes }

    /// Whether a partner named so on a case is this organisation (NFKC, case and spaces folded;
    /// 「株式会社TBM」 = 「株式会社ＴＢＭ」 = an alias 「TBM」).
    public func matches(_ caseName: String) -> Bool {
        let n = Self.fold(caseName)
        return ([name] + aliases).contains { Self.fold($0) == n }
    }

    static func fold(_ s: String) -> String {
        String(TextNormalizer.fold(s).unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" })
    }

    /// Problems a person can fix in the file.
    public func problems(file: String) -> [RecordProblem] {
        var out: [RecordProblem] = []
        if name.trimmingWhitespace.isEmpty { out.append(.partnerNameEmpty(file: file)) }
        if let n = corporateNumber, !CorporateNumber.isValid(n) { out.append(.corporateNumber(file: file, number: n)) }
        if let c = municipalityCode, !MunicipalityCode.isValid(c) { out.append(.partnerMunicipalityCode(file: file, code: c)) }
        return out
    }
}

/// 法人番号 (corporate number): 13 digits, the first the check digit of the 12 after it:
/// 9 − (Σ Pn·Qn mod 9), Pn the n-th digit counted from the right of the 12, Qn 1 for odd n and
/// 2 for even n (国税庁).
public enum CorporateNumber {
    public static func checkDigit(_ twelve: some StringProtocol) -> Int? {
        let d = twelve.utf8.map { Int($0) - 48 }
        guard d.count == 12, d.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (i, digit) in d.reversed().enumerated() { sum += digit * ((i + 1) % 2 == 1 ? 1 : 2) }
        return 9 - sum % 9
    }
    public static func isValid(_ n: some StringProtocol) -> Bool {
        let u = Array(n.utf8)
        guard u.count == 13, let c = checkDigit(String(decoding: u[1...], as: UTF8.self)) else { return false }
        return Int(u[0]) - 48 == c
    }
}

/// Every case a partner takes part in, across municipalities, for `renkei partner show`.
public struct PartnerInvolvement: Equatable, Sendable {
    public var caseId: String
    public var title: String
    public var municipality: String
    public var municipalityCode: String?
    public var stage: Stage
    /// The partner's role in that case, as the case says.
    public var role: String?

    public static func of(_ record: PartnerRecord, in cases: [Case], codes: [String: String]) -> [PartnerInvolvement] {
        cases.compactMap { c in
            guard let p = c.partners.first(where: { record.matches($0.name) }) else { return nil }
            return PartnerInvolvement(caseId: c.id, title: c.title, municipality: c.municipality.name,
                                      municipalityCode: codes[c.id], stage: c.stage, role: p.role)
        }.sorted { ($0.municipalityCode ?? "~", $0.caseId) < ($1.municipalityCode ?? "~", $1.caseId) }
    }
}
