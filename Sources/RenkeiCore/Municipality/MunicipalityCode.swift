/// 全国地方公共団体コード: six digits — prefecture (2), body (3), check digit (1). The check digit
/// is the last digit of 11 − ((6a+5b+4c+3d+2e) mod 11), so a mistyped digit is caught before a
/// case is linked to the wrong body.
public enum MunicipalityCode {
    /// The check digit for the first five digits, or nil when `five` is not five ASCII digits.
    public static func checkDigit(_ five: some StringProtocol) -> Int? {
        let d = five.utf8.map { Int($0) - 48 }
        guard d.count == 5, d.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let s = 6 * d[0] + 5 * d[1] + 4 * d[2] + 3 * d[3] + 2 * d[4]
        return (11 - s % 11) % 10
    }

    /// Whether `code` is six digits whose last is the check digit of the first five.
    public static func isValid(_ code: some StringProtocol) -> Bool {
        let u = Array(code.utf8)
        guard u.count == 6, let c = checkDigit(String(decoding: u[0..<5], as: UTF8.self)) else { return false }
        return Int(u[5]) - 48 == c
    }

    /// The prefecture's own code for any body in it ("112151" → "110001").
    public static func prefectureCode(of code: String) -> String? {
        guard code.utf8.count == 6 else { return nil }
        let five = String(code.prefix(2)) + "000"
        return checkDigit(five).map { five + String($0) }
    }
}

/// Kind of local public body as the table ships it. Finer than `MunicipalityKind` (which cases
/// store and which decides 地方自治法第211条's 30/20 days): 中核市 and 特別区 count as cities there,
/// and a 行政区 is part of its designated city, not a body of its own.
public enum BodyKind: String, Codable, Sendable, CaseIterable {
    case prefecture
    case designatedCity = "designated-city"
    case coreCity = "core-city"
    case specialWard = "special-ward"
    case city, town, village
    /// 行政区 of a 政令指定都市 (札幌市中央区).
    case ward

    /// The guide's size class (都市部 / 小・中規模) a body gets unless its profile says otherwise:
    /// prefectures, designated cities, 中核市 and Tokyo's wards are urban.
    public var defaultSize: SizeClass {
        switch self {
        case .prefecture, .designatedCity, .coreCity, .specialWard, .ward: return .urban
        case .city, .town, .village: return .smallMedium
        }
    }

    /// The kind a case stores (`Municipality.kind`).
    public var caseKind: MunicipalityKind {
        switch self {
        case .prefecture: return .prefecture
        case .designatedCity: return .designatedCity
        case .coreCity, .city: return .city
        case .specialWard: return .ward
        case .town: return .town
        case .village: return .village
        case .ward: return .designatedCity
        }
    }

    /// Name suffixes of this kind ("市", "町" …) — stripped when matching typed names.
    var suffixes: [String] {
        switch self {
        case .prefecture: return ["都", "道", "府", "県"]
        case .designatedCity, .coreCity, .city: return ["市"]
        case .specialWard, .ward: return ["区"]
        case .town: return ["町"]
        case .village: return ["村"]
        }
    }
    /// Kana readings of those suffixes (町 is まち or ちょう, 村 むら or そん).
    var kanaSuffixes: [String] {
        switch self {
        case .prefecture: return ["と", "どう", "ふ", "けん"]
        case .designatedCity, .coreCity, .city: return ["し"]
        case .specialWard, .ward: return ["く"]
        case .town: return ["まち", "ちょう"]
        case .village: return ["むら", "そん"]
        }
    }
}
