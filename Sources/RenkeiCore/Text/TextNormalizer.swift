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
        return nfkc(s).lowercased()
    }

    /// Whether every whitespace-separated term of `query` occurs in `haystack` (already folded).
    public static func matches(folded haystack: String, query: String) -> Bool {
        let terms = fold(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        return terms.allSatisfy { haystack.contains($0) }
    }
}
