import Testing
@testable import RenkeiCore

/// `list --search` loads the municipality table and partner records only for terms readings can
/// add to (kana, romaji); a search in kanji or digits must not pay for them — nor lose them
/// when one term of several is a reading.
@Suite struct SearchReadingsNeededTests {
    @Test func onlyKanaAndRomajiTermsNeedReadings() {
        for q in ["さやま", "ｻﾔﾏ", "サヤマ", "sayama", "狭山 さやま", "狭山　sayama", "ー"] { #expect(SearchReadings.needed(for: q), "\(q)") }
        for q in ["狭山", "㈱ 髙", "①", "２０２６", "a", "狭山 市"] { #expect(!SearchReadings.needed(for: q), "\(q)") }
    }
}
