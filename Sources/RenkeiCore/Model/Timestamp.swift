import Foundation

/// An instant as written in the event log: ISO 8601 with the writer's UTC offset,
/// e.g. "2026-11-23T09:30:00+09:00". Kept as text so a file round-trips byte for byte and
/// the local calendar day of an event is simply its first ten characters.
///
/// Parsed by hand: a case holds hundreds of timestamps and `ISO8601DateFormatter` costs
/// about a millisecond to create, which made decoding long histories CPU-bound.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let text: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Double

    public init?(_ text: String) {
        guard let s = Timestamp.parse(text) else { return nil }
        self.text = text
        self.epochSeconds = s
    }

    /// Formats `date` with the UTC offset of `timeZone` (callers pass the clock; the core never reads one).
    public init(_ date: Date, timeZone: TimeZone = .current) {
        self.init(date, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// Formats `date` at a UTC offset the caller already knows (the CLI asks libc, which is
    /// far cheaper at start-up than building Foundation's `TimeZone.current`).
    public init(_ date: Date, utcOffsetSeconds offset: Int) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = local - days * 86400
        let day = Day(ordinal: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let zone: String
        if offset == 0 { zone = "Z" } else {
            let a = abs(offset) / 60
            zone = (offset < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60)
        }
        self.text = "\(day)T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))\(zone)"
        self.epochSeconds = Double(Int(date.timeIntervalSince1970.rounded(.down)))
    }

    public var day: Day { Day(String(text.prefix(10))) ?? Day(ordinal: 0) }
    public var date: Date { Date(timeIntervalSince1970: epochSeconds) }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` → epoch seconds.
    static func parse(_ s: String) -> Double? {
        // A native string's bytes are contiguous: no copy (an event log has hundreds of these).
        s.utf8.withContiguousStorageIfAvailable(parse) ?? Array(s.utf8).withUnsafeBufferPointer(parse)
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var n = 0
            for i in from..<(from + len) {
                guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2), let se = num(17, 2),
              let day = Day(year: y, month: mo, day: d), h < 24, mi < 60, se < 61 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 0x2E {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1 }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 0x5A || b[i] == 0x7A {
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == 0x3A, let om = num(i + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 60 + om) * 60 * (b[i] == 0x2D ? -1 : 1)
            i += 6
        } else { return nil }
        guard i == b.count else { return nil }
        return Double(day.ordinal * 86400 + h * 3600 + mi * 60 + se - offset) + fraction
    }

    public var description: String { text }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }
    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.text == b.text }
    public func hash(into h: inout Hasher) { h.combine(text) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let t = Timestamp(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 time like 2026-11-23T09:00:00+09:00: \(s)")
        }
        self = t
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
