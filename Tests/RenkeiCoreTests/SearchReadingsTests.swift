import Testing
@testable import RenkeiCore

/// Search by reading (issue 14): kana, half-width kana and romaji find municipality names
/// through the shipped table; hiragana finds katakana; kanji and ordinary words match as typed.
@Suite struct SearchReadingsTests {
    let readings = SearchReadings(resolver: ShippedMunicipalities.resolver)

    func finds(_ query: String, in text: String) -> Bool {
        FoldedSearch.matches(TextNormalizer.fold(text), anyOf: FoldedSearch.query(query, readings: readings))
    }

    @Test func readingsFindSayama() {
        for q in ["さやま", "サヤマ", "ｻﾔﾏ", "sayama", "Sayama", "ＳＡＹＡＭＡ", "さやまし", "sayama-shi"] {
            #expect(finds(q, in: "狭山市 地域エコアクション"), "\(q) finds 狭山市")
        }
        #expect(!finds("さやま", in: "豊中市 卒煙"))
        #expect(!finds("sayama", in: "豊中市 卒煙"))
        // Several terms: every one must match, each in any of its forms.
        #expect(finds("sayama エコ", in: "狭山市 地域エコアクション"))
        #expect(!finds("sayama 卒煙", in: "狭山市 地域エコアクション"))
    }

    @Test func hiraganaFindsKatakanaAndBack() {
        #expect(finds("ちゃりちゃり", in: "チャリチャリ株式会社"))
        #expect(finds("ﾁｬﾘﾁｬﾘ", in: "ちゃりちゃり"))
    }

    @Test func partnerRecordsLendTheirAliasesAsReadings() {
        let r = SearchReadings(resolver: nil, partners: [PartnerRecord(name: "株式会社ホーン", aliases: ["ホーン", "horn"])])
        let q = FoldedSearch.query("horn", readings: r)
        #expect(FoldedSearch.matches(TextNormalizer.fold("株式会社ホーン 実証"), anyOf: q))
        #expect(FoldedSearch.matches(TextNormalizer.fold("株式会社ホーン"), anyOf: FoldedSearch.query("ほーん", readings: r)))
        #expect(!FoldedSearch.matches(TextNormalizer.fold("株式会社ホーン"), anyOf: FoldedSearch.query("cure", readings: r)))
    }

    @Test func withoutReadingsTheSearchIsAsTyped() {
        let plain = FoldedSearch.query("さやま 狭山", readings: nil)
        #expect(plain == FoldedSearch.terms("さやま 狭山").map { [$0] })
        #expect(!FoldedSearch.matches(TextNormalizer.fold("狭山市"), anyOf: FoldedSearch.query("sayama", readings: nil)))
        // A one-letter or very common prefix names too many bodies to stand for them.
        #expect(readings.alternatives("s") == ["s"])
        #expect(readings.alternatives("さ").count <= 2)
    }
}
