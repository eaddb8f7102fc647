import Foundation
import Testing
@testable import RenkeiCore

/// The exact lookup (`renkei show`, the filters) must answer as the whole table's resolver does,
/// from a small table: issue 16's show regression was building the typing index per `show`.
@Suite struct MunicipalityExactLookupTests {
    let full = ShippedMunicipalities.resolver
    let table = ShippedMunicipalities.table
    let rows: MunicipalityRows = {
        let url = RepoRoot.url.appendingPathComponent("Data/municipalities/jp.tsv")
        return try! MunicipalityRows((try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    func lookup(_ name: String, _ prefecture: String? = nil) -> MunicipalityExactLookup {
        rows.exactLookup(names: [(name, prefecture)], codes: [])
    }

    /// The row filter never drops a row the resolver would match: for every row, each of its own
    /// keys (name, full name, bases, readings, romaji — exactly the queries that match it) keeps it.
    @Test func rowFilterKeepsEveryRowAnyOfItsKeysMatches() {
        #expect(rows.count == table.entries.count)
        var parentRow: [String: Int] = [:]
        for (i, e) in table.entries.enumerated() { parentRow[e.code] = i }
        var missed: [String] = []
        var scratch = MunicipalityRows.FoldScratch()
        for (i, k) in full.keys.enumerated() {
            let parent = table.entries[i].parentCode.flatMap { parentRow[$0] }
            let queries = (k.names + k.bases + k.kana).map { MunicipalityResolver.Query(bytes: $0, romaji: false) }
                + k.romaji.map { MunicipalityResolver.Query(bytes: $0, romaji: true) }
            for q in queries where !rows.mayMatch(i, [q], parentRow: parent, &scratch) {
                missed.append("\(table.entries[i].code) \(String(decoding: q.bytes, as: UTF8.self))")
            }
        }
        #expect(missed.isEmpty, "rows the filter drops for their own keys: \(missed.prefix(10))")
    }

    @Test func sameAnswersAsTheWholeResolver() {
        var inputs: [(String, String?)] = [
            ("府中市", nil), ("府中市", "東京都"), ("府中市（広島県）", nil), ("伊達市", nil), ("伊達市", "北海道"), ("福島県伊達市", nil),
            ("だてし", nil), ("ダテシ", nil), ("ﾀﾞﾃｼ", nil), ("ﾌﾁｭｳｼ", nil), ("ふちゅう", nil),
            ("狭山", nil), ("狭山市", "埼玉県"), ("さやま", nil), ("サヤマ", nil), ("ｻﾔﾏ", nil), ("ｻﾔﾏ市", nil), ("ｻﾔﾏｼ", nil), ("さやま市", nil),
            ("sayama", nil), ("Sayama-shi", nil), ("ＳＡＹＡＭＡ", nil), ("huchuu", nil), ("toukyou", nil),
            ("北区", nil), ("北区", "東京都"), ("札幌市中央区", nil), ("中央区", "北海道"), ("ちゅうおうく", nil),
            ("愛知県", nil), ("北海道", nil), ("福岡市（水道局）", nil), ("狭", nil), ("", nil), ("  ", nil),
            ("ひかり市（架空）", "静岡県"), ("Città di Torino", nil), ("若葉町（架空）", "長野県"), ("髙山村", nil),
            ("南アルプス市", nil), ("みなみあるぷす", nil), ("ニセコ町", nil), ("かすみがうら", nil), ("㈱狭山市", nil), ("① 狭山市", nil),
        ]
        // Every sample case's municipality, as written (Data/samples/cases).
        let samples = RepoRoot.url.appendingPathComponent("Data/samples/cases")
        for f in (try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? [] where f.pathExtension == "json" {
            guard let data = try? Data(contentsOf: f), let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let m = obj["municipality"] as? [String: Any], let name = m["name"] as? String else { continue }
            inputs.append((name, m["prefecture"] as? String))
        }
        #expect(inputs.count > 50)
        for (name, prefecture) in inputs {
            let l = lookup(name, prefecture)
            #expect(l.resolve(name, prefecture: prefecture) == full.resolve(name, prefecture: prefecture), "\(name) \(prefecture ?? "")")
            // Small: the prefectures and a handful of rows, never the whole table.
            #expect(l.table.entries.count < 120, "\(name): \(l.table.entries.count) rows")
        }
    }

    /// Bodies across the table (every 41st row: prefectures, cities, towns, villages, wards), by name, full
    /// name, display name, reading (hiragana, katakana) and romaji, each in a lookup of its own.
    /// (The row filter's property above covers every row; this checks the answers end to end.)
    @Test func shippedNamesAndReadingsAnswerAlike() {
        var differ: [String] = []
        for e in stride(from: 0, to: table.entries.count, by: 41).map({ table.entries[$0] }) {
            let katakana = String(String.UnicodeScalarView(e.kana.unicodeScalars.map { (0x3041...0x3096).contains($0.value) ? Unicode.Scalar($0.value + 0x60)! : $0 }))
            for name in Set([e.name, table.fullName(e), table.displayName(e), e.kana, katakana, e.romaji]) {
                if lookup(name).resolve(name) != full.resolve(name) { differ.append(name) }
            }
        }
        #expect(differ.isEmpty, "answers that differ: \(differ.prefix(10))")
    }

    @Test func captionsAlikeForLinkedUnlinkedAndWrongCodes() {
        let cases = [Municipality(name: "狭山市", prefecture: "埼玉県"), Municipality(name: "府中市"), Municipality(name: "中央区", code: "011011"),
                     Municipality(name: "ｻﾔﾏ市"), Municipality(name: "若葉町（架空）", prefecture: "長野県"),
                     Municipality(name: "狭山市", code: "112152"), Municipality(name: "どこか", code: "999997"), Municipality(name: "伊達市", prefecture: "福島県")]
        for m in cases {
            let c = Case(id: "c-1", title: "見守り①", municipality: m)
            let l = rows.exactLookup(names: m.code == nil ? [(m.name, m.prefecture)] : [], codes: m.code.map { [$0] } ?? [])
            for lang in [Lang.ja, .en] {
                #expect(MunicipalityCaption(c, resolver: l, lang: lang) == MunicipalityCaption(c, resolver: full, lang: lang), "\(m.name)")
            }
        }
        // A linked ward reads its city and prefecture from the small table: 札幌市中央区（北海道・011011）.
        let ward = rows.exactLookup(names: [], codes: ["011011"])
        #expect(ward.table.entries.count == 49)
        #expect(MunicipalityCaption(Case(id: "c-1", title: "t", municipality: Municipality(name: "中央区", code: "011011")), resolver: ward, lang: .ja).name == "札幌市中央区")
    }

    /// The byte-wise fold the row filter uses is `MunicipalityFolding.text` for every scalar it
    /// accepts (each stable scalar, and names made of them), and refuses every other scalar.
    @Test func byteFoldIsTheFoldForEveryStableScalar() {
        var differ: [String] = []
        for v in UInt32(0x3000)...UInt32(0x9FFF) {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(Character(u))
            var out: [UInt8] = []
            let ok = MunicipalityRows.stableFold(ArraySlice(Array(s.utf8)), into: &out)
            if ok != TextNormalizer.isStableJapanese(v) || (ok && out != Array(MunicipalityFolding.text(s).utf8)) {
                differ.append(String(v, radix: 16))
            }
        }
        #expect(differ.isEmpty, "scalars folded otherwise: \(differ.prefix(10))")
        for name in ["南アルプス市", "ニセコ町", "かすみがうら市", "札幌市中央区", "ヶ・ー々"] {
            var out: [UInt8] = []
            #expect(MunicipalityRows.stableFold(ArraySlice(Array(name.utf8)), into: &out) && out == Array(MunicipalityFolding.text(name).utf8), "\(name)")
        }
        var out: [UInt8] = []
        #expect(!MunicipalityRows.stableFold(ArraySlice(Array("ｻﾔﾏ市".utf8)), into: &out), "half-width kana goes through NFKC")
        // The name's last Character, read from bytes, is String.last for every row.
        for i in 0..<rows.count {
            #expect(rows.lastCharacter(i) == table.entries[i].name.last.map { Array(String($0).utf8) }, "\(table.entries[i].name)")
        }
    }

    @Test func damagedTableFailsAsTheFullParseDoes() {
        let text = "# source\tx\n011002\tdesignated-city\t札幌市\tさっぽろし\tSapporo\t\t43\t141\n011011\tward\t中央区\n"
        #expect(throws: MunicipalityTable.ParseError.line(3, "expected 8 tab-separated fields, found 3")) { try MunicipalityRows(text) }
        #expect(throws: MunicipalityTable.ParseError.line(1, "unknown kind 'town-ish'")) {
            try MunicipalityRows("011002\ttown-ish\t札幌市\tさっぽろし\tSapporo\t\t43\t141")
        }
    }
}
