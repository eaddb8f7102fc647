/// Japanese-aware tokenisation for similar-case search.
///
/// Text is folded with `TextNormalizer.fold` (NFKC + lowercase: 全角英数 → 半角, 半角ｶﾅ → 全角カナ,
/// ① → 1) and cut into runs of letters/digits at punctuation, spaces, symbols and emoji. Inside a
/// run:
/// - ASCII words ("ai", "iot", "pfs") become one token each (2+ characters);
/// - Japanese (and any other non-ASCII) runs become character bigrams. A bigram made only of
///   hiragana ("して", "ため") is dropped: in Japanese prose those are particles and endings, while
///   kanji/katakana bigrams carry the topic (「見守」「センサ」「調達」). A one-character run of a
///   kanji/katakana is kept as a unigram so 「雪」 alone still counts.
///
/// Tokens are hashed (FNV-1a, 32 bits) into a sorted, de-duplicated `[UInt32]` so a case's text
/// fits in a few hundred bytes and two cases compare with a linear merge.
public enum InsightTokenizer {
    /// Tokens of `text` as strings (for tests and explanations).
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(text) { out.append($0) }
        return out
    }

    /// Sorted, unique FNV-1a hashes of the tokens of `text`.
    public static func hashes(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        forEachToken(text) { out.append(hash($0)) }
        return sortedUnique(out)
    }

    /// Sorted, unique hashes of several texts (e.g. WHY, HOW, WHAT, title).
    public static func hashes(_ texts: [String]) -> [UInt32] {
        var out: [UInt32] = []
        for t in texts { forEachToken(t) { out.append(hash($0)) } }
        return sortedUnique(out)
    }

    /// A folded whole-string key for exact-match features (tags, partners, municipality names):
    /// NFKC, lowercase, spaces removed, so 「ＩｏＴ」, "iot" and "IoT " are one key.
    public static func key(_ s: String) -> String {
        TextNormalizer.fold(s).filter { !$0.isWhitespace }
    }

    public static func hash(_ token: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in token.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    static func sortedUnique(_ a: [UInt32]) -> [UInt32] {
        guard !a.isEmpty else { return [] }
        let s = a.sorted()
        var out: [UInt32] = [s[0]]
        out.reserveCapacity(s.count)
        for v in s.dropFirst() where v != out[out.count - 1] { out.append(v) }
        return out
    }

    static func forEachToken(_ text: String, _ emit: (String) -> Void) {
        let folded = TextNormalizer.fold(text)
        var run: [Character] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else { return }
            // Split the run further at ASCII / non-ASCII boundaries: "aiで議事録" → "ai", "で議事録".
            var i = 0
            while i < run.count {
                let ascii = run[i].isASCII
                var j = i
                while j < run.count && run[j].isASCII == ascii { j += 1 }
                let part = run[i..<j]
                if ascii {
                    if part.count >= 2 { emit(String(part)) }
                } else if part.count == 1 {
                    if !isHiragana(part.first!) { emit(String(part)) }
                } else {
                    var k = part.startIndex
                    while k + 1 < part.endIndex {
                        let a = part[k], b = part[k + 1]
                        if !(isHiragana(a) && isHiragana(b)) { emit(String([a, b])) }
                        k += 1
                    }
                }
                i = j
            }
        }
        for ch in folded {
            if isWordCharacter(ch) { run.append(ch) } else { flush() }
        }
        flush()
    }

    /// Letters, digits and the long-vowel mark / iteration marks; not punctuation, symbols or emoji.
    static func isWordCharacter(_ ch: Character) -> Bool {
        guard let u = ch.unicodeScalars.first else { return false }
        if ch.unicodeScalars.count > 1 && ch.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F || $0.value == 0x200D }) {
            return false
        }
        if u.properties.isEmojiPresentation { return false }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    static func isHiragana(_ ch: Character) -> Bool {
        guard let v = ch.unicodeScalars.first?.value else { return false }
        return (0x3041...0x309F).contains(v)
    }
}
