import Foundation
import Testing
@testable import RenkeiCore

/// Candidates from the raw rows (`MunicipalityRows.suggest`, `typingLookup`: `municipality find`,
/// search by reading in `list`/`calendar`) must be the whole table's resolver's, exactly: issue 16's
/// start-up budget (≤ 5 ms) was missed by building that resolver (≈ 6 ms) for one query.
@Suite struct MunicipalityTypingLookupTests {
    let full = ShippedMunicipalities.resolver
    let table = ShippedMunicipalities.table
    let rows: MunicipalityRows = {
        let url = RepoRoot.url.appendingPathComponent("Data/municipalities/jp.tsv")
        return try! MunicipalityRows((try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    /// Every prefix of a string, Character by Character (what typing it produces).
    func prefixes(_ s: String) -> [String] { (1...max(1, s.count)).map { String(s.prefix($0)) } }

    /// The row filter never drops a row `suggest` offers: for every row of the table, each of its
    /// keys (names, full name, bases, readings, さやま市, romaji), every prefix of each (tiers 0 and
    /// 1) and every run of characters inside its names (tier 2) keeps it.
    @Test func rowFilterKeepsEveryRowItsKeysTheirPrefixesAndInnerRunsOffer() {
        #expect(rows.count == table.entries.count)
        var parentRow: [String: Int] = [:]
        for (i, e) in table.entries.enumerated() { parentRow[e.code] = i }
        var missed: [String] = []
        var scratch = MunicipalityRows.FoldScratch()
        var checked = 0
        for (i, k) in full.keys.enumerated() {
            let parent = table.entries[i].parentCode.flatMap { parentRow[$0] }
            var texts: [String] = []
            for key in k.names + k.bases + k.kana { texts += prefixes(String(decoding: key, as: UTF8.self)) }
            for name in k.names {
                let chars = Array(String(decoding: name, as: UTF8.self))
                for a in 0..<chars.count { for b in (a + 1)...chars.count { texts.append(String(chars[a..<b])) } }
            }
            var queries = texts.map { MunicipalityRows.SuggestQuery(bytes: Array($0.utf8), romaji: false) }
            for key in k.romaji { for n in 1...key.count { queries.append(.init(bytes: Array(key.prefix(n)), romaji: true)) } }
            for q in queries {
                checked += 1
                if !rows.mayOffer(i, [q], parentRow: parent, &scratch) {
                    missed.append("\(table.entries[i].code) \(String(decoding: q.bytes, as: UTF8.self))")
                }
            }
        }
        #expect(checked > 50_000)
        #expect(missed.isEmpty, "rows the filter drops for their own keys: \(missed.prefix(10))")
    }

    /// End to end, `suggest` from the rows equals the whole resolver's, at the CLI's limit (10) and
    /// search by reading's (41): bodies across the table (every 37th row) typed key by key as a
    /// name, reading (hiragana, katakana) and romaji, and inputs of every other shape.
    @Test func suggestAnswersAsTheWholeResolver() {
        var inputs: Set<String> = ["狭", "山", "市", "町", "村", "区", "県", "さ", "し", "s", "sa", "sh", "t", "ch", "j", "f", "n",
                                   "ｻﾔﾏ", "ｻﾔﾏ市", "ｻﾔﾏｼ", "ＳＡＹＡＭＡ", "Sayama-shi", "toukyou", "tokyo", "fuchu", "huchuu", "date", "だて", "ﾀﾞﾃ",
                                   "伊達", "府中", "府中町", "北区", "中央", "ちゅうおう", "札幌市中央", "みなみあるぷす", "ニセコ", "ヶ", "ー",
                                   "髙山", "㈱", "①", "令和", "🙂", "Città", "", " ", "　", "x", "q", "hamamatu", "namba", "ohno", "oono"]
        for e in stride(from: 0, to: table.entries.count, by: 37).map({ table.entries[$0] }) {
            let katakana = String(String.UnicodeScalarView(e.kana.unicodeScalars.map { (0x3041...0x3096).contains($0.value) ? Unicode.Scalar($0.value + 0x60)! : $0 }))
            for s in [e.name, table.fullName(e), e.kana, katakana, e.romaji] { inputs.formUnion(prefixes(s)) }
        }
        var differ: [String] = []
        for t in inputs.sorted() {
            for limit in [10, 41] where rows.suggest(t, limit: limit) != full.suggest(t, limit: limit) { differ.append("\(t) (\(limit))") }
        }
        #expect(inputs.count > 400)
        #expect(differ.isEmpty, "answers that differ: \(differ.prefix(10))")
    }

    /// Issue 16's examples: every way of typing 狭山市, both 府中市 and both 伊達市 offers them, from
    /// the rows as from the whole table, and search by reading finds their names.
    @Test func everyReadingOfSayamaFuchuAndDateOffersTheBody() {
        let bodies: [(code: String, typed: [String])] = [
            ("112151", ["狭山", "狭山市", "さやま", "さやまし", "さやま市", "サヤマ", "ｻﾔﾏ", "ｻﾔﾏｼ", "sayama", "Sayama", "SAYAMA", "ＳＡＹＡＭＡ", "sayama-shi", "sayamashi"]),
            ("132063", ["府中", "府中市", "ふちゅう", "ふちゅうし", "ふちゅう市", "フチュウ", "ﾌﾁｭｳ", "ﾌﾁｭｳｼ", "fuchu", "Fuchuu", "huchuu", "fuchu-shi"]),
            ("342084", ["府中", "府中市", "ふちゅう", "ふちゅうし", "フチュウ", "ﾌﾁｭｳ", "fuchu", "huchuu", "fuchu-shi"]),
            ("012335", ["伊達", "伊達市", "だて", "だてし", "だて市", "ダテ", "ﾀﾞﾃ", "ﾀﾞﾃｼ", "date", "Date", "date-shi"]),
            ("072133", ["伊達", "伊達市", "だて", "だてし", "ダテ", "ﾀﾞﾃ", "date", "DATE", "date-shi"]),
        ]
        for (code, typed) in bodies {
            let e = table.entry(code: code)!
            let readings = SearchReadings(bodies: rows)
            for t in typed {
                #expect(rows.suggest(t, limit: 10).contains(e), "\(t) offers \(code)")
                #expect(rows.suggest(t, limit: 10) == full.suggest(t, limit: 10), "\(t)")
                let lookup = rows.typingLookup(for: [t])
                #expect(lookup.suggest(t, limit: 10).map(lookup.table.displayName) == full.suggest(t, limit: 10).map(table.displayName), "\(t)")
                if SearchReadings.needed(for: t) {
                    let q = FoldedSearch.query(t, readings: readings)
                    #expect(FoldedSearch.matches(TextNormalizer.fold("\(e.name) 実証"), anyOf: q), "search \(t) finds \(e.name)")
                }
            }
        }
        // Both bodies of an ambiguous name are offered together, in the table's order.
        #expect(rows.suggest("府中市", limit: 10).map(\.code).prefix(2) == ["132063", "342084"])
        #expect(rows.suggest("だてし", limit: 10).map(\.code).prefix(2) == ["012335", "072133"])
    }

    /// Search by reading from the rows finds what it finds from the whole resolver.
    @Test func searchByReadingFromTheRowsIsTheSameSearch() {
        let fromRows = SearchReadings(bodies: rows)
        let fromIndex = SearchReadings(resolver: full)
        for q in ["さやま", "ｻﾔﾏ", "sayama", "ふちゅう", "date", "にしあわくら", "toyonaka", "さ", "sa", "ちゃりちゃり", "狭山", "sayama エコ", "とうきょう"] {
            #expect(FoldedSearch.query(q, readings: fromRows) == FoldedSearch.query(q, readings: fromIndex), "\(q)")
        }
    }

    /// A table row whose own keys the filter must see: a ward reads its city's name (札幌市中央区),
    /// and the small table still names candidates' cities and prefectures.
    @Test func wardsAreOfferedByTheirCitysNameWithTheirDisplayName() {
        let lookup = rows.typingLookup(for: ["札幌市中央"])
        let found = lookup.suggest("札幌市中央", limit: 10)
        #expect(found.first?.code == "011011")
        #expect(found.first.map(lookup.table.displayName) == "札幌市中央区（北海道）")
        #expect(lookup.table.entries.count < 120, "\(lookup.table.entries.count) rows kept")
    }
}
