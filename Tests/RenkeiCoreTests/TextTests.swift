import Foundation
import Testing
@testable import RenkeiCore

@Suite struct TextTests {
    @Test func searchFoldsWidthAndCase() {
        let folded = TextNormalizer.fold("サヤマ ＡＩ実証 ①")
        #expect(FoldedSearch.matches(folded, FoldedSearch.terms("ｻﾔﾏ")))
        #expect(FoldedSearch.matches(folded, FoldedSearch.terms("ai 1")))
        #expect(!FoldedSearch.matches(folded, FoldedSearch.terms("豊中")))
    }

    /// The one locale rule (CLI output and TUI): RENKEI_LANG wins, then the first non-empty of
    /// LC_ALL, LC_MESSAGES, LANG.
    @Test func languageFromEnvironment() {
        #expect(Lang(environment: [:]) == .en)
        #expect(Lang(environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(Lang(environment: ["LC_ALL": "", "LC_MESSAGES": "C", "LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Lang(environment: ["LC_ALL": "ja_JP.UTF-8", "LANG": "C"]) == .ja)
        #expect(Lang(environment: ["RENKEI_LANG": "en", "LC_ALL": "ja_JP.UTF-8"]) == .en)
        #expect(Lang(environment: ["RENKEI_LANG": "fr", "LANG": "ja_JP.UTF-8"]) == .ja)
    }

    /// The one substring search (TUI filter, `list --search`, the index's stored bytes): every
    /// term, byte for byte, with a repeated first byte, at the very end, and longer than the text.
    @Test func foldedSearchOnBytes() {
        let hay = TextNormalizer.fold("㈱髙橋ﾃｸﾉ 令和７年度 実証実験")
        #expect(FoldedSearch.matches(hay, FoldedSearch.terms("実験")))              // "実" occurs twice; the second run matches
        #expect(FoldedSearch.matches(hay, FoldedSearch.terms("(株)　ﾃｸﾉ　7年度")))  // ㈱ → (株), ideographic space splits
        #expect(!FoldedSearch.matches(hay, FoldedSearch.terms("実証実験 豊中")))     // every term must occur
        #expect(FoldedSearch.matches(hay, FoldedSearch.terms("   ")))               // no terms: everything matches
        #expect(!FoldedSearch.matches("ab", [Array("abc".utf8)]))
        Array(hay.utf8).withUnsafeBytes { raw in
            #expect(FoldedSearch.matches(raw, FoldedSearch.terms("髙橋テクノ")))
            #expect(!FoldedSearch.matches(UnsafeRawBufferPointer(rebasing: raw.dropLast(3)), FoldedSearch.terms("実験")))
        }
    }

    @Test(arguments: [("abc", 3), ("狭山市", 6), ("ｶﾀｶﾅ", 4), ("※①─", 3), ("🏫", 2), ("👨‍👩‍👧", 2), ("が", 2), ("e\u{301}", 1), ("❤️", 2)])
    func displayWidth(s: String, w: Int) {
        #expect(DisplayWidth.of(s) == w)
    }

    @Test func clippingNeverSplitsAGlyph() {
        #expect(DisplayWidth.clip("狭山市の実証", to: 5) == "狭山…")
        #expect(DisplayWidth.clip("狭山市", to: 6) == "狭山市")
        #expect(DisplayWidth.of(DisplayWidth.pad("狭山", to: 5)) == 5)
        #expect(DisplayWidth.clip("abc", to: 0) == "")
    }

    @Test func controlCharactersBecomeVisible() {
        let s = TerminalText.inline("a\u{1B}[2Jb\u{07}\u{202E}c\nd\u{9B}")
        #expect(s == "a␛[2Jb␇⟨U+202E⟩c⏎d⟨U+009B⟩")
        #expect(TerminalText.sanitize("行1\n行2") == "行1\n行2")
        #expect(TerminalText.sanitize("普通の文章") == "普通の文章")
    }

    @Test(arguments: [("c-0001", true), ("sayama-haikou", true), ("", false), ("../x", false), ("a/b", false),
                      ("-rf", false), ("ケース", false), ("a.json", false), (String(repeating: "a", count: 65), false)])
    func caseIds(id: String, ok: Bool) {
        #expect(CaseID.isValid(id) == ok)
    }

    @Test func nextIdSkipsExisting() {
        #expect(CaseID.next(existing: ["c-0001", "c-0009", "sayama"]) == "c-0010")
        #expect(CaseID.next(existing: []) == "c-0001")
    }

    @Test func fieldParsing() throws {
        #expect(try CaseFields.parse("budget.roughQuoteYen", "¥4,800,000") == .int(4_800_000))
        #expect(try CaseFields.parse("tags", "教育、DX, 実証") == .array([.string("教育"), .string("DX"), .string("実証")]))
        #expect(try CaseFields.parse("nextAction.due", "２０２６-１２-０１") == .string("2026-12-01"))
        #expect(throws: FieldError.self) { try CaseFields.parse("exit", "sideways") }
        #expect(throws: FieldError.unknownField("nope")) { try CaseFields.parse("nope", "x") }
        #expect(try CaseFields.parse("department", "") == .null)
    }

    @Test func unknownKeysSurviveMerge() {
        let known = JSONValue.object(["id": .string("x"), "budget": .object(["fiscalYear": .int(2028)])])
        // What the store's KeySchema extracts from a newer file (tested end to end in the store tests).
        let unknown = JSONValue.object(["future": .int(1), "budget": .object(["newField": .bool(true)])])
        let merged = known.merging(unknown: unknown)
        #expect(merged == .object(["id": .string("x"), "future": .int(1), "budget": .object(["fiscalYear": .int(2028), "newField": .bool(true)])]))
    }
}

/// The fold fast path (Core's TextNormalizer) against its definition, NFKC then lowercase.
@Suite struct FoldFastPathTests {
    @Test func stableJapaneseScalarsAreTheirOwnFold() {
        for v in UInt32(0x3000)...UInt32(0x9FFF) where TextNormalizer.isStableJapanese(v) {
            let s = String(Character(Unicode.Scalar(v)!))
            #expect(s.precomposedStringWithCompatibilityMapping.lowercased() == s, "U+\(String(v, radix: 16))")
        }
    }

    @Test func fastPathEqualsNFKCThenLowercase() {
        let samples = ["狭山市のＡＩ活用", "狭山市 AI 活用", "さやまシティ・ドローン【第2期】", "ﾊﾝｶｸ", "ABCかなカナ漢字。、「」",
                       "が", "か\u{3099}", "ヷ", "ー〜", "①②", "Straße", "ÉCOLE 学校", "々ゝゞ", "（括弧）"]
        for s in samples {
            #expect(TextNormalizer.fold(s) == s.precomposedStringWithCompatibilityMapping.lowercased(), "\(s)")
        }
    }
}

/// The run-wise fold (issue 19: only the runs NFKC can change go through Foundation) must equal
/// the whole-string definition on any text: generated strings over an alphabet of the awkward
/// neighbours — half-width kana and their voiced marks, combining marks after kana and ASCII,
/// full-width ASCII and spaces, ① ㈱ 髙 ※, emoji, Greek and German case, control characters.
@Suite struct RunWiseFoldTests {
    static let alphabet: [String] = [
        "a", "Z", " ", "-", "1", "か", "カ", "ｶ", "ﾞ", "ﾟ", "ﾊ", "\u{3099}", "\u{309A}", "\u{301}", "e", "Ａ", "ｚ", "１", "（", "）",
        "\u{3000}", "①", "㈱", "髙", "※", "々", "ー", "〜", "～", "😀", "👍🏽", "Σ", "ς", "ß", "İ", "\u{1F}", "\n", "㍻", "ｱ", "ﾝ", "ヷ", "゛",
    ]

    static func reference(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return TextNormalizer.foundationNFKC(s).lowercased()
    }

    @Test func runWiseFoldEqualsTheWholeStringFold() {
        var rng = SplitMix64(seed: 1_9_19)
        for _ in 0..<4_000 {
            let s = (0..<(1 + rng.below(12))).map { _ in Self.alphabet[rng.below(Self.alphabet.count)] }.joined()
            #expect(TextNormalizer.fold(s) == Self.reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The same for NFKC without the lowercase (what the import cleans every cell with).
    @Test func runWiseNFKCEqualsTheWholeStringNFKC() {
        var rng = SplitMix64(seed: 13)
        for _ in 0..<4_000 {
            let s = (0..<(1 + rng.below(12))).map { _ in Self.alphabet[rng.below(Self.alphabet.count)] }.joined()
            #expect(TextNormalizer.nfkc(s) == TextNormalizer.foundationNFKC(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for s in ["㈱髙橋ﾃｸﾉ（令和８年度）実証①※要確認 😀", "ｻﾔﾏ市　ＡＩ活用ﾌﾟﾛｼﾞｪｸﾄ", "Straße ÉCOLE ｶﾞｲﾄﾞ", "￥４，８００，０００"] {
            #expect(TextNormalizer.nfkc(s) == TextNormalizer.foundationNFKC(s), "\(s)")
        }
    }

    @Test func realisticTextsFoldAlike() {
        for s in ["㈱髙橋ﾃｸﾉ（令和８年度）実証①※要確認 😀", "ｻﾔﾏ市　ＡＩ活用ﾌﾟﾛｼﾞｪｸﾄ", "Straße ÉCOLE ｶﾞｲﾄﾞ"] {
            #expect(TextNormalizer.fold(s) == Self.reference(s), "\(s)")
        }
    }
}
