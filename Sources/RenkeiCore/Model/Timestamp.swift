import Foundation

/// An instant as written in the event log: ISO 8601 with the writer's UTC offset,
/// e.g. "2026-11-23T09:30:00+09:00". Kept as text so a file round-trips byte for byte and
/// the local calendar day of an event is simply its first ten characters.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard text.count >= 19, Day(String(text.prefix(10))) != nil, Timestamp.parse(text) != nil else { return nil }
        self.text = text
    }

    /// Formats `date` in `timeZone` (callers pass the clock; the core never reads one).
    public init(_ date: Date, timeZone: TimeZone = .current) {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = [.withInternetDateTime]
        self.text = f.string(from: date)
    }

    public var day: Day { Day(String(text.prefix(10))) ?? Day(ordinal: 0) }
    public var date: Date { Timestamp.parse(text) ?? Date(timeIntervalSince1970: 0) }

    static func parse(_ s: String) -> Date? {
        if let t = fastParse(s) { return Date(timeIntervalSince1970: t) }
        return formatterParse(s)
    }

    /// Seconds since 1970 for exactly `YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM)` — what renkei
    /// writes — by arithmetic. Creating an `ISO8601DateFormatter` costs ~0.2 ms (ICU), and every
    /// event, tick and note carries a timestamp, so decoding a case used to spend most of its
    /// time here. Anything this does not accept goes to the formatter, so the accepted set is
    /// unchanged (the fast path accepts only a subset of what the formatter accepts).
    static func fastParse(_ s: String) -> Double? {
        var s = s
        return s.withUTF8 { b -> Double? in
            let n = b.count
            guard n >= 20 else { return nil }
            @inline(__always) func digit(_ i: Int) -> Int? {
                let c = b[i]
                return c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil
            }
            @inline(__always) func two(_ i: Int) -> Int? {
                guard let a = digit(i), let c = digit(i + 1) else { return nil }
                return a * 10 + c
            }
            guard let y1 = two(0), let y2 = two(2), b[4] == 0x2D, let mo = two(5), b[7] == 0x2D, let d = two(8),
                  b[10] == 0x54, let hh = two(11), b[13] == 0x3A, let mi = two(14), b[16] == 0x3A, let ss = two(17),
                  hh < 24, mi < 60, ss < 60, let day = Day(year: y1 * 100 + y2, month: mo, day: d) else { return nil }
            var i = 19
            var frac = 0.0
            if b[i] == 0x2E {
                i += 1
                var scale = 0.1
                let start = i
                while i < n, let v = digit(i) { frac += Double(v) * scale; scale /= 10; i += 1 }
                guard i > start, i - start <= 9 else { return nil }
            }
            guard i < n else { return nil }
            var offset = 0
            if b[i] == 0x5A {
                guard i + 1 == n else { return nil }
            } else if b[i] == 0x2B || b[i] == 0x2D {
                guard i + 6 == n, let oh = two(i + 1), b[i + 3] == 0x3A, let om = two(i + 4), oh <= 14, om < 60 else { return nil }
                offset = (oh * 3600 + om * 60) * (b[i] == 0x2D ? -1 : 1)
            } else {
                return nil
            }
            let secs = day.ordinal * 86_400 + hh * 3600 + mi * 60 + ss - offset
            return Double(secs) + frac
        }
    }

    static func formatterParse(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    public var description: String { text }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.date < b.date }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let t = Timestamp(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 time: \(s)")
        }
        self = t
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
