import Foundation

/// Text for offices whose Excel or in-house system reads Shift_JIS (CP932). Characters that
/// differ only by Unicode mapping (〜 U+301C vs ～ U+FF5E, − U+2212, — U+2014, ‖, ¥ ¢ £ ¬) get
/// CP932's form silently; everything else CP932 cannot hold (emoji, 鷗, 𠮷 …) becomes 〓 — the
/// geta mark Japanese typesetting uses for a missing glyph — and is reported, never dropped.
public enum CP932Text {
    public static let replacement: Character = "〓"

    static let sameMark: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{301C}": "\u{FF5E}", "\u{2212}": "\u{FF0D}", "\u{2014}": "\u{2015}", "\u{2016}": "\u{2225}",
        "\u{00A5}": "\u{FFE5}", "\u{00A2}": "\u{FFE0}", "\u{00A3}": "\u{FFE1}", "\u{00AC}": "\u{FFE2}",
    ]

    /// The text CP932 can encode, and the characters that had to be replaced.
    public static func fit(_ s: String) -> (text: String, replaced: [Character]) {
        if s.utf8.allSatisfy({ $0 < 0x80 }) || s.data(using: .shiftJIS) != nil { return (s, []) }
        var out = ""
        var replaced: [Character] = []
        for ch in s {
            var mapped = String.UnicodeScalarView()
            for u in ch.unicodeScalars { mapped.append(sameMark[u] ?? u) }
            let candidate = String(mapped)
            if candidate.data(using: .shiftJIS) != nil { out += candidate } else { out.append(replacement); replaced.append(ch) }
        }
        return (out, replaced)
    }

    /// "U+1F600" for a report line.
    public static func codePoints(_ ch: Character) -> String {
        ch.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}

/// One character a CP932 export could not hold (row 1 is the header, as Excel numbers rows).
public struct CP932Replacement: Equatable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: String
    public var character: Character
    public var description: String {
        "row \(row), column \(column): '\(character)' (\(CP932Text.codePoints(character))) has no CP932 code; written as \(CP932Text.replacement)"
    }
}
