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
