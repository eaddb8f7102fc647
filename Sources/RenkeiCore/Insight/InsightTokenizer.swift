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
        forEachToken(text) { out.append(String(String.UnicodeScalarView($0))) }
        return out
    }

    /// Sorted, unique FNV-1a hashes of the tokens of `text` (equal to `hash(token)` of each).
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
        let f = fold(s)
        // Most names hold no space at all: skip the grapheme walk of `filter` (a tenth of
        // building the index of 10,000 cases went to it). A character is whitespace exactly
        // when its first scalar is, so with no whitespace scalar (the check is a superset of
        // White_Space) the filter would keep everything.
        guard f.unicodeScalars.contains(where: { TextNormalizer.isWhitespaceOrNewline($0.value) }) else { return f }
        return f.filter { !$0.isWhitespace }
    }

    /// `TextNormalizer.fold` plus canonical composition. On Linux, NFKC of 半角 「ﾄﾞ」 leaves
    /// ト + U+3099 (combining dakuten) uncomposed: it compares equal to 「ド」 as a String but
    /// hashes differently, so compose before hashing.
    public static func fold(_ s: String) -> String {
        let f = TextNormalizer.fold(s)
        if f.utf8.allSatisfy({ $0 < 0x80 }) { return f }
        // Only a combining mark can need composing; skip the (slow) NFC pass otherwise.
        guard f.unicodeScalars.contains(where: mayCombine) else { return f }
        return f.precomposedStringWithCanonicalMapping
    }

    /// Whether `u` can have a non-zero canonical combining class. Nothing below U+0300 does, nor
    /// kanji or kana letters (U+3099/U+309A, the combining dakuten, lie outside those ranges), so
    /// Japanese text needs no property lookup per scalar.
    @inline(__always) static func mayCombine(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x300 || (0x4E00...0x9FFF).contains(v) || (0x3041...0x3096).contains(v) || (0x30A0...0x30FF).contains(v) { return false }
        return u.properties.canonicalCombiningClass != .notReordered
    }

    public static func hash(_ token: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in token.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// FNV-1a over the UTF-8 of `scalars` — the same value as `hash(String(scalars))`, without
    /// building the string.
    static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        @inline(__always) func mix(_ b: UInt32) { h = (h ^ b) &* 16_777_619 }
        for u in scalars {
            // The scalar's UTF-8 bytes, written out (UTF8.encode's collection was most of the cost).
            let v = u.value
            if v < 0x80 {
                mix(v)
            } else if v < 0x800 {
                mix(0xC0 | v >> 6); mix(0x80 | v & 0x3F)
            } else if v < 0x10000 {
                mix(0xE0 | v >> 12); mix(0x80 | v >> 6 & 0x3F); mix(0x80 | v & 0x3F)
            } else {
                mix(0xF0 | v >> 18); mix(0x80 | v >> 12 & 0x3F); mix(0x80 | v >> 6 & 0x3F); mix(0x80 | v & 0x3F)
            }
        }
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

    static func script(_ v: UInt32) -> Script {
        switch v {
        case 0...0x024F: return .ascii        // ASCII and Latin (école stays one word)
        case 0x3041...0x309F: return .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF: return .katakana        // incl. ー and small kana
        case 0x3005, 0x3006, 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .kanji
        default: return .other
        }
    }

    /// Runs over Unicode scalars (grapheme breaking is the slow part of Character iteration and
    /// buys nothing here): a combining mark stays in its run, emoji parts break runs.
    static func forEachToken(_ text: String, _ emit: (ArraySlice<Unicode.Scalar>) -> Void) {
        forEachRun(text) { script, run in
            switch script {
            case .ascii:
                if run.count >= 2 { emit(run) }
            case .kanji, .katakana, .other, .hiragana:
                if run.count == 1 {
                    if script == .kanji { emit(run) }
                } else {
                    var k = run.startIndex
                    while k + 1 < run.endIndex { emit(run[k...(k + 1)]); k += 1 }
                }
            }
        }
    }

    /// Readable shared words for an explanation: the tokens of `text` whose hash `keep` accepts,
    /// with overlapping bigrams of one run merged back (「フィ」「ィー」「ール」「ルド」→「フィールド」).
    /// In text order, de-duplicated.
    public static func phrases(_ text: String, keep: (UInt32) -> Bool) -> [String] {
        var out: [String] = []
        func add(_ s: ArraySlice<Unicode.Scalar>) {
            let str = String(String.UnicodeScalarView(s))
            if !out.contains(str) { out.append(str) }
        }
        forEachRun(text) { script, run in
            if script == .ascii || run.count == 1 {
                if (script == .ascii ? run.count >= 2 : script == .kanji) && keep(hash(run)) { add(run) }
                return
            }
            var chainStart: Int? = nil
            var k = run.startIndex
            while k + 1 < run.endIndex {
                if keep(hash(run[k...(k + 1)])) {
                    if chainStart == nil { chainStart = k }
                } else if let c = chainStart {
                    add(run[c...k]); chainStart = nil
                }
                k += 1
            }
            if let c = chainStart { add(run[c...(run.endIndex - 1)]) }
        }
        return out
    }

    /// The word runs of `text` after folding: one script each, hiragana runs skipped.
    static func forEachRun(_ text: String, _ emit: (Script, ArraySlice<Unicode.Scalar>) -> Void) {
        let folded = fold(text)
        var run: [Unicode.Scalar] = []
        run.reserveCapacity(64)
        var runScript = Script.other
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            if !run.isEmpty && runScript != .hiragana { emit(runScript, run[...]) }
        }
        for u in folded.unicodeScalars {
            switch wordClass(u) {
            case .breaker:
                flush()
            case .mark:
                if !run.isEmpty { run.append(u) }
            case .letter:
                let s = script(u.value)
                if !run.isEmpty && s != runScript { flush() }
                runScript = s
                run.append(u)
            }
        }
        flush()
    }

    enum WordClass { case letter, mark, breaker }

    /// Letters and digits (incl. ー, 々) make words; combining marks join the current word;
    /// punctuation, spaces, symbols, emoji, ZWJ and variation selectors break words.
    static func wordClass(_ u: Unicode.Scalar) -> WordClass {
        let v = u.value
        if v < 0x80 {
            if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { return .letter }
            return .breaker
        }
        if let known = japaneseWordClass(v) { return known }
        return generalWordClass(u)
    }

    /// Kanji, kana and Japanese punctuation without the Unicode property lookups (issue 19: the
    /// lookups were a tenth of building the index of 10,000 cases). `InsightTokenizerTests` holds
    /// this to `generalWordClass` for every scalar it answers.
    @inline(__always) static func japaneseWordClass(_ v: UInt32) -> WordClass? {
        if (0x4E00...0x9FFF).contains(v) || (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v)
            || v == 0x30FC || v == 0x3005 { return .letter }
        if (0x3001...0x3002).contains(v) || (0x3008...0x3011).contains(v) || v == 0x30FB { return .breaker }
        return nil
    }

    static func generalWordClass(_ u: Unicode.Scalar) -> WordClass {
        let v = u.value
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || v == 0x200D { return .breaker }
        if u.properties.isEmojiPresentation { return .breaker }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .letter
        case .nonspacingMark, .spacingMark:
            return .mark
        default:
            return .breaker
        }
    }

}
