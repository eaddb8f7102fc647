/// Japanese-aware tokenisation for similar-case search.
///
/// Text is folded with `TextNormalizer.fold` (NFKC + lowercase, then NFC: 全角英数 → 半角, 半角ｶﾅ → 全角カナ,
/// ① → 1) and cut into runs of one script at punctuation, spaces, symbols, emoji and script
/// changes (漢字 | カタカナ | ひらがな | ASCII | other):
/// - ASCII/Latin words ("ai", "iot", "pfs") become one token each (2+ characters);
/// - kanji, katakana and other non-ASCII runs become character bigrams (「見守り」→「見守」;
///   「センサー」→「セン」「ンサ」「サー」); a one-character kanji run is kept as a unigram so
///   「雪」 alone still counts;
/// - hiragana runs are dropped: in Japanese prose they are particles and endings (「を」「して」),
///   while the topic is carried by kanji and katakana. Without this, bigrams such as 「験を」
///   straddling a particle made unrelated cases look alike.
///
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
        fold(s).filter { !$0.isWhitespace }
    }

    /// `TextNormalizer.fold` plus canonical composition. On Linux, NFKC of 半角 「ﾄﾞ」 leaves
    /// ト + U+3099 (combining dakuten) uncomposed: it compares equal to 「ド」 as a String but
    /// hashes differently, so compose before hashing.
    public static func fold(_ s: String) -> String {
        let f = TextNormalizer.fold(s)
        if f.utf8.allSatisfy({ $0 < 0x80 }) { return f }
        return f.precomposedStringWithCanonicalMapping
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

    enum Script: Equatable { case ascii, hiragana, katakana, kanji, other }

    static func script(_ ch: Character) -> Script {
        guard let v = ch.unicodeScalars.first?.value else { return .other }
        switch v {
        case 0...0x024F: return .ascii        // ASCII and Latin (école stays one word)
        case 0x3041...0x309F: return .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF: return .katakana        // incl. ー and small kana
        case 0x3005, 0x3006, 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .kanji
        default: return .other
        }
    }

    static func forEachToken(_ text: String, _ emit: (String) -> Void) {
        let folded = fold(text)
        var run: [Character] = []
        var runScript = Script.other
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else { return }
            switch runScript {
            case .hiragana:
                return
            case .ascii:
                if run.count >= 2 { emit(String(run)) }
            case .kanji, .katakana, .other:
                if run.count == 1 {
                    if runScript == .kanji { emit(String(run)) }
                } else {
                    for k in 0..<(run.count - 1) { emit(String([run[k], run[k + 1]])) }
                }
            }
        }
        for ch in folded {
            guard isWordCharacter(ch) else { flush(); continue }
            let s = script(ch)
            if !run.isEmpty && s != runScript { flush() }
            runScript = s
            run.append(ch)
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
}
