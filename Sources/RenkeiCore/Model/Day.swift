/// A calendar day (no time, no time zone) — the unit of every deadline.
///
/// Pure arithmetic on a day number (days since 1970-01-01, proleptic Gregorian), so the core
/// never needs `Calendar`, a clock or a time zone. Encoded as "YYYY-MM-DD".
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates such as 02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        // Bytes, not split/Int: every deadline file and case date goes through here at start-up
        // (issue 19). Exactly "YYYY-MM-DD" in ASCII digits; no sign, no spaces.
        var text = text
        guard let (y, m, d) = text.withUTF8({ b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            guard let y = ASCIIDigits.value(b, 0..<4), let m = ASCIIDigits.value(b, 5..<7),
                  let d = ASCIIDigits.value(b, 8..<10) else { return nil }
            return (y, m, d)
        }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// 0001-01-01 and 9999-12-31, the days `init(year:month:day:)` accepts.
    public static let firstOrdinal = -719_162
    public static let lastOrdinal = 2_932_896

    /// Clamped to 0001-01-01…9999-12-31: a day computed from a person's number (`ical --within
    /// 9223372036854775807`) trapped on overflow, or became a year no file can hold.
    public init(ordinal raw: Int) {
        let ordinal = min(max(raw, Day.firstOrdinal), Day.lastOrdinal)
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Saturates at the first and last representable day (see `init(ordinal:)`).
    public func adding(days n: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(n)
        return Day(ordinal: overflow ? (n > 0 ? Int.max : Int.min) : sum)
    }
    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday.
    public var weekday: Int { ((ordinal % 7) + 7 + 4) % 7 }
    public var isWeekend: Bool { weekday == 0 || weekday == 6 }

    /// Japanese fiscal year (年度): April to March.
    public var fiscalYear: Int { month >= 4 ? year : year - 1 }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// 和暦 short form, e.g. R8.11.23 (Reiwa from 2019-05-01, Heisei before).
    public var wareki: String {
        if self >= Day(year: 2019, month: 5, day: 1)! { return "R\(year - 2018).\(month).\(day)" }
        if self >= Day(year: 1989, month: 1, day: 8)! { return "H\(year - 1988).\(month).\(day)" }
        return "S\(year - 1925).\(month).\(day)"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date YYYY-MM-DD: \(s)")
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
