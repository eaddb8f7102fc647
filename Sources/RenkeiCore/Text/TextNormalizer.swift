import Foundation

/// Search folding for Japanese text: NFKC (全角英数→半角, 半角ｶﾅ→全角カナ, ① → 1 …) then
/// case-folding, so 「ｻﾔﾏ」 finds 「サヤマ」 and 「ＡＩ」 finds "ai".
public enum TextNormalizer {
    /// NFKC. Linux Foundation leaves a half-width semi-voiced mark decomposed (ﾌﾟ → フ + U+309A
    /// instead of プ), so compose canonically once more; folded text then compares byte for byte.
    /// Only the runs that need it go through Foundation (see `fold`): an import cleans every
    /// cell with it, and whole-cell NFKC through NSString was a third of a 10,000-row dry run.
    public static func nfkc(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        return normalized(s, lowercase: false)
    }

    /// Foundation's NFKC (+ NFC), for the runs that are not stable.
    static func foundationNFKC(_ s: String) -> String { s.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping }

    public static func fold(_ s: String) -> String {
        // ASCII fast path: nothing to compose, only lowercase.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        // Japanese text is mostly scalars that NFKC leaves alone (`isStableJapanese`) plus
        // full-width ASCII and the ideographic space (`fullWidthFold`). Those are folded scalar by
        // scalar; only the runs between them go through Foundation's NFKC, each with the stable
        // scalar just before it (it may compose with a following mark: か + ﾞ → が). Stable
        // scalars are never the second half of a composition, so a run ends safely before one.
        // Building the summary index spent a seventh of its time normalising whole case texts
        // because one ① or （ in a note sent everything through NFKC (issue 19, cold start).
        return normalized(s, lowercase: true)
    }

    /// NFKC scalar by scalar where that is exact, Foundation for the rest; lowercased for `fold`.
    static func normalized(_ s: String, lowercase: Bool) -> String {
        var text = s
        return text.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var runStart = -1            // byte offset of a run that needs NFKC
            var held = -1, heldLength = 0   // the last stable scalar, not yet written
            var heldASCII: UInt32?           // its ASCII form, when it has one (Ａ → A, U+3000 → space)
            func flushRun(to end: Int) {
                let run = String(decoding: UnsafeBufferPointer(rebasing: b[runStart..<end]), as: UTF8.self)
                let n = foundationNFKC(run)
                out.append(contentsOf: (lowercase ? n.lowercased() : n).utf8)
                runStart = -1
            }
            func writeHeld() {
                guard held >= 0 else { return }
                if let ascii = heldASCII {
                    out.append(UInt8(lowercase && ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii))
                } else {
                    // Byte by byte: a generic append(contentsOf:) per scalar cost four times more.
                    var k = held
                    while k < held + heldLength { out.append(b[k]); k += 1 }
                }
                held = -1
            }
            var i = 0
            while i < b.count {
                // The string's own UTF-8 is valid: decode the scalar's value from its bytes.
                let c = b[i]
                let length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                var v = length == 1 ? UInt32(c) : UInt32(c) & (0xFF >> (length + 1))
                for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
                let ascii = v < 0x80 ? v : fullWidthFold(v)?.value
                if ascii != nil || isStableJapanese(v) {
                    if runStart >= 0 { flushRun(to: i) } else { writeHeld() }
                    held = i; heldLength = length; heldASCII = ascii
                } else if runStart < 0 {
                    runStart = held >= 0 ? held : i
                    held = -1
                }
                i += length
            }
            if runStart >= 0 { flushRun(to: b.count) } else { writeHeld() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Foundation's `.whitespacesAndNewlines` on this platform: Unicode's White_Space (tab…CR,
    /// space, NEL, NBSP, U+1680, U+2000…U+200A, the line and paragraph separators, U+202F,
    /// U+205F, the ideographic space) plus U+200B ZERO WIDTH SPACE, which corelibs Foundation
    /// counts. Spelled out so a hot loop needs no property lookup or CharacterSet;
    /// `TokenizerShortcutTests` holds it to both for every scalar.
    @inline(__always) public static func isWhitespaceOrNewline(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (0x2000...0x200B).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Full-width ASCII (Ａ, １, （) and the ideographic space fold to their ASCII form, as NFKC
    /// then lowercase would fold them.
    @inline(__always) static func fullWidthFold(_ v: UInt32) -> Unicode.Scalar? {
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0) }
        if v == 0x3000 { return " " }
        return nil
    }

    /// Scalars that are their own NFKC form, have no case mapping and never compose with a
    /// neighbour from this set or ASCII (checked for every scalar in the tests).
    @inline(__always) static func isStableJapanese(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v)          // CJK unified ideographs
            || (0x3041...0x3096).contains(v)   // hiragana (not U+3099–309C: voiced marks)
            || (0x30A1...0x30FC).contains(v)   // katakana, ・, ー (not U+30FF ヿ)
            || (0x3001...0x3002).contains(v)   // 、。
            || v == 0x3005                     // 々
            || (0x3008...0x3011).contains(v)   // 〈〉《》「」『』【】
    }
}
