import Foundation
import RenkeiCore

/// RFC 5545 text as calendars accept it: CRLF line ends, content lines folded at 75 octets
/// (a continuation starts with one space) and never inside a UTF-8 sequence, TEXT values
/// escaped (`\\`, `\;`, `\,`, `\n`), control characters dropped.
public struct ICalText {
    public private(set) var output = ""
    public init() {}

    public static let maxOctets = 75

    /// `NAME:value` (or `NAME;PARAM=…:value`) with `value` already in its final form.
    public mutating func line(_ name: String, _ value: String) {
        Self.fold(name + ":" + value, into: &output)
    }

    /// A TEXT property: the value is escaped first.
    public mutating func text(_ name: String, _ value: String) { line(name, Self.escape(value)) }

    /// 2026-10-30 → 20261030 (a DATE value).
    public static func date(_ d: Day) -> String {
        String(format: "%04d%02d%02d", d.year, d.month, d.day)
    }

    /// An instant as a UTC DATE-TIME, 20261123T000000Z.
    public static func utc(_ t: Timestamp) -> String {
        let seconds = Int(t.epochSeconds.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        return date(day) + String(format: "T%02d%02d%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            default:
                // Other controls (and DEL) are not allowed in TEXT; a tab becomes a space.
                if u == "\t" { out += " " } else if u.value >= 0x20 && u.value != 0x7F { out.unicodeScalars.append(u) }
            }
            previousCR = u == "\r"
        }
        return out
    }

    /// Appends `line` folded: at most 75 octets per physical line, breaking only between
    /// Unicode scalars so a multi-byte character is never split.
    static func fold(_ line: String, into out: inout String) {
        var count = 0
        for u in line.unicodeScalars {
            let width = UTF8.width(u)
            if count + width > maxOctets {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(u)
            count += width
        }
        out += "\r\n"
    }
}
