import Foundation

/// Search folding for Japanese text: NFKC (全角英数→半角, 半角ｶﾅ→全角カナ, ① → 1 …) then
/// case-folding, so 「ｻﾔﾏ」 finds 「サヤマ」 and 「ＡＩ」 finds "ai".
public enum TextNormalizer {
    /// NFKC. Linux Foundation leaves a half-width semi-voiced mark decomposed (ﾌﾟ → フ + U+309A
    /// instead of プ), so compose canonically once more; folded text then compares byte for byte.
    public static func nfkc(_ s: String) -> String { s.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping }

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
        var out = String.UnicodeScalarView()
        let scalars = s.unicodeScalars
        var runStart: String.UnicodeScalarView.Index?   // a run that needs NFKC
        var held: String.UnicodeScalarView.Index?       // the last stable scalar, not yet written
        func flushRun(to end: String.UnicodeScalarView.Index) {
            guard let r = runStart else { return }
            out.append(contentsOf: nfkc(String(scalars[r..<end])).lowercased().unicodeScalars)
            runStart = nil
        }
        func writeHeld() {
            guard let h = held else { return }
            out.append(foldedStable(scalars[h]))
            held = nil
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let v = scalars[i].value
            if v < 0x80 || isStableJapanese(v) || fullWidthFold(v) != nil {
                if runStart != nil { flushRun(to: i) } else { writeHeld() }
                held = i
            } else if runStart == nil {
                runStart = held ?? i
                held = nil
            }
            scalars.formIndex(after: &i)
        }
        if runStart != nil { flushRun(to: scalars.endIndex) } else { writeHeld() }
        return String(out)
    }

    /// Full-width ASCII (Ａ, １, （) and the ideographic space fold to their ASCII form, as NFKC
    /// then lowercase would fold them.
    @inline(__always) static func fullWidthFold(_ v: UInt32) -> Unicode.Scalar? {
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0) }
        if v == 0x3000 { return " " }
        return nil
    }

    @inline(__always) static func foldedStable(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = fullWidthFold(u.value)?.value ?? u.value
        return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : (v == u.value ? u : Unicode.Scalar(v)!)
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
