import Foundation
import Testing
@testable import RenkeiCore

@Suite struct InsightTokenizerTests {
    @Test func fullWidthLatinFoldsToOneAsciiWord() {
        #expect(InsightTokenizer.tokens("ＩｏＴセンサ") == ["iot", "セン", "ンサ"])
        #expect(InsightTokenizer.tokens("ＡＩ") == InsightTokenizer.tokens("ai"))
        #expect(InsightTokenizer.tokens("２０２７年度") == ["2027", "年度"])
    }

    @Test func halfWidthKanaEqualsFullWidth() {
        #expect(InsightTokenizer.tokens("ｾﾝｻｰ") == InsightTokenizer.tokens("センサー"))
        #expect(InsightTokenizer.tokens("センサー") == ["セン", "ンサ", "サー"])
        #expect(InsightTokenizer.hashes("ﾄﾞﾛｰﾝ配送") == InsightTokenizer.hashes("ドローン配送"))
    }

    @Test func hiraganaIsDroppedKanjiAndKatakanaAreBigrams() {
        #expect(InsightTokenizer.tokens("実験を行う") == ["実験", "行"])
        #expect(InsightTokenizer.tokens("見守りセンサーを設置する") == ["見守", "セン", "ンサ", "サー", "設置"])
        #expect(InsightTokenizer.tokens("ひらがなだけ").isEmpty)
        #expect(InsightTokenizer.tokens("雪") == ["雪"])
    }

    @Test func emojiAndSymbolsSeparateTokensAndNeverCrash() {
        #expect(InsightTokenizer.tokens("見守り🏠センサー👍🏽") == ["見守", "セン", "ンサ", "サー"])
        #expect(InsightTokenizer.tokens("👨‍👩‍👧‍👦").isEmpty)
        #expect(InsightTokenizer.tokens("※①〜③・（課題）") == ["課題"])   // ① → "1": one-character words are dropped
        #expect(InsightTokenizer.tokens("e\u{301}cole") == ["école"])     // composed by NFKC, one Latin word
    }

    @Test func phrasesMergeSharedBigramsBackIntoWords() {
        let other = Set(InsightTokenizer.hashes("実証フィールドを提供するセンター"))
        let p = InsightTokenizer.phrases("市営住宅をフィールドとして提供し、地域包括支援センターへ通知", keep: { other.contains($0) })
        #expect(p == ["フィールド", "提供", "センター"])
        #expect(InsightTokenizer.phrases("", keep: { _ in true }).isEmpty)
        #expect(InsightTokenizer.phrases("AIで雪", keep: { _ in true }) == ["ai", "雪"])
    }

    @Test func emptyTextHasNoTokens() {
        #expect(InsightTokenizer.tokens("").isEmpty)
        #expect(InsightTokenizer.hashes("").isEmpty)
        #expect(InsightTokenizer.hashes(["", "  ", "。"]).isEmpty)
    }

    @Test func hashesAreSortedAndUnique() {
        let h = InsightTokenizer.hashes("実証実験の実証実験")
        #expect(h == h.sorted())
        #expect(Set(h).count == h.count)
        #expect(h.count == 3)   // 実証 証実 実験
    }

    @Test func keysFoldWidthCaseAndSpaces() {
        #expect(InsightTokenizer.key("ＩｏＴ ") == InsightTokenizer.key("iot"))
        #expect(InsightTokenizer.key("ｻﾔﾏ 市") == InsightTokenizer.key("サヤマ市"))
    }

    @Test func featuresRoundTripCompactly() throws {
        let f = InsightFeatures(id: "a", title: "見守りセンサー", municipality: "ひかり市", domain: "elderly-care", exit: .coCreation,
                                tags: ["見守り"], partners: ["株式会社テスト"], text: "高齢単身世帯の見守り",
                                stageVisits: [.init(stage: .issueDefinition, day: Day("2026-01-05")!)])
        let data = try JSONEncoder().encode(f)
        let back = try JSONDecoder().decode(InsightFeatures.self, from: data)
        #expect(back == f)
        #expect(!f.text.isEmpty)
        // The hash set travels as one base64 string, not as an array of numbers.
        let obj = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(obj["t"] is String)
    }

    @Test func featuresFromCaseReadStageHistory() throws {
        var c = try Fixtures.newCase()
        c.issue = IssueFrame(why: "課題", how: "", what: "")
        let f = InsightFeatures(c)
        #expect(f.stageVisits.map(\.stage) == [.issueDefinition])
        #expect(f.stageVisits.first?.day == Day("2026-11-23"))
        #expect(f.hasText)
    }

    @Test func indexFieldsPlusSummaryRebuildTheFeatures() throws {
        var c = try Fixtures.newCase()
        c.tags = ["ＩｏＴ", "見守り"]
        c.domain = "elderly-care"
        c.issue = IssueFrame(why: "高齢単身世帯の孤立", how: "実証実験", what: "センサー設置")
        let x = InsightIndexFields(c)
        let data = try JSONEncoder().encode(x)
        let back = try JSONDecoder().decode(InsightIndexFields.self, from: data)
        #expect(InsightFeatures(summary: CaseSummary(c), index: back) == InsightFeatures(c))
        #expect(x.v == "issue-definition@2026-11-23")
        // A stale index whose keys do not line up: recomputed from the names, not misread.
        var stale = x
        stale.k = ""
        stale.v = "nonsense,issue-definition@2026-02-30"
        let f = InsightFeatures(summary: CaseSummary(c), index: stale)
        #expect(f.tagKeys == InsightFeatures(c).tagKeys)
        #expect(f.stageVisits.isEmpty)
    }
}

/// The tokenizer's shortcut for kanji, kana and Japanese punctuation (issue 19) answers as the
/// Unicode properties do, for every scalar it answers.
@Suite struct JapaneseWordClassTests {
    @Test func theShortcutAgreesWithTheProperties() {
        var answered = 0
        for v in UInt32(0x3000)...UInt32(0x9FFF) {
            guard let u = Unicode.Scalar(v), let fast = InsightTokenizer.japaneseWordClass(v) else { continue }
            answered += 1
            #expect(fast == InsightTokenizer.generalWordClass(u), "U+\(String(v, radix: 16))")
        }
        #expect(answered > 20_000)
    }
}

/// The start-up shortcuts of issue 19 (no Unicode property lookup per scalar while building the
/// index) against the properties and the slower spellings they replace, over every scalar.
@Suite struct TokenizerShortcutTests {
    @Test func whitespaceIsFoundationsSetAndCoversWhiteSpace() {
        var count = 0
        for v in UInt32(0)...UInt32(0x10FFFF) {
            guard let u = Unicode.Scalar(v) else { continue }
            let fast = TextNormalizer.isWhitespaceOrNewline(v)
            if fast { count += 1 }
            #expect(fast == CharacterSet.whitespacesAndNewlines.contains(u), "U+\(String(v, radix: 16))")
            if u.properties.isWhitespace { #expect(fast, "U+\(String(v, radix: 16))") }
        }
        #expect(count == 26)
    }

    @Test func nothingOutsideMayCombineHasACombiningClass() {
        var skipped = 0
        for v in UInt32(0)...UInt32(0x10FFFF) {
            guard let u = Unicode.Scalar(v), !InsightTokenizer.mayCombine(u) else { continue }
            skipped += 1
            #expect(u.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
        }
        #expect(skipped > 20_000)
    }

    /// The hash of a run of scalars is the hash of its string (manual UTF-8 = the encoder's).
    @Test func scalarHashEqualsStringHash() {
        let samples = ["a", "é", "見守り", "ｻﾔﾏ", "😀👨‍👩‍👧", "①㈱髙", "\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"]
        for s in samples {
            #expect(InsightTokenizer.hash(Array(s.unicodeScalars)[...]) == InsightTokenizer.hash(s), "\(s)")
        }
    }

    /// `key` keeps the meaning of `fold(s).filter { !$0.isWhitespace }`, with and without
    /// whitespace of every kind, and with a combining mark on a space (a grapheme whose first
    /// scalar is whitespace goes as a whole).
    @Test func keyEqualsTheFilterItShortcuts() {
        let spaces = ["", " ", "\u{3000}", "\t", "\u{A0}", "\u{2009}", "\u{85}", " \u{301}"]
        let words = ["ＩｏＴ", "狭山市", "ｶﾌﾞｼｷｶﾞｲｼｬ", "㈱髙島屋", "Café", "e\u{301}", "😀"]
        for a in words { for sp in spaces { for b in words {
            let s = a + sp + b
            #expect(InsightTokenizer.key(s) == InsightTokenizer.fold(s).filter { !$0.isWhitespace }, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        } } }
    }
}
