import Testing
@testable import RenkeiCore

/// Issue 16: similar-case insight compares bodies by 全国地方公共団体コード, not by spelling —
/// 狭山市, ｻﾔﾏ市 and 埼玉県狭山市 linked to 112151 are one body; two 府中市 are two; a body in
/// the same prefecture is said as such; names decide only between two cases without codes.
@Suite struct SimilarByCodeTests {
    static func f(_ id: String, _ name: String, _ code: String?) -> InsightFeatures {
        var x = InsightFeatures(id: id, title: "見守りセンサー①", municipality: name, domain: "elderly-care", text: "高齢単身世帯の見守り")
        x.municipalityCode = code
        return x
    }

    static let portfolio = [
        f("q", "狭山市", "112151"),
        f("kana", "ｻﾔﾏ市", "112151"),
        f("long", "埼玉県狭山市", "112151"),
        f("iruma", "入間市", "112259"),
        f("fuchu", "府中市", "132063"),
        f("torino", "トリノ市（イタリア）", nil),
        f("torino2", "ﾄﾘﾉ市（イタリア）", nil),
    ]

    func reasons(_ r: SimilarResult, _ id: String) -> Set<SimilarityReason.Kind> {
        Set(r.matches.first { $0.id == id }?.reasons.map(\.kind) ?? [])
    }

    @Test func oneBodyWrittenThreeWaysIsTheSameMunicipality() throws {
        let r = try #require(SimilarCaseFinder(Self.portfolio).similar(to: "q", limit: 10))
        #expect(reasons(r, "kana").contains(.municipality))
        #expect(reasons(r, "long").contains(.municipality))
        let kana = try #require(r.matches.first { $0.id == "kana" })
        #expect(kana.reasonLine(.ja).contains("同じ自治体（狭山市）"))
        #expect(kana.reasonLine(.en).contains("Same municipality (狭山市)"))
        // 入間市 shares the prefecture (by the code's first digits), not the body.
        #expect(reasons(r, "iruma").contains(.prefecture) && !reasons(r, "iruma").contains(.municipality))
        #expect(r.matches.first { $0.id == "iruma" }?.reasonLine(.ja).contains("同じ都道府県（埼玉県）") == true)
        // 東京都府中市 and the free-text city: neither.
        #expect(reasons(r, "fuchu").isDisjoint(with: [.municipality, .prefecture]))
        #expect(reasons(r, "torino").isDisjoint(with: [.municipality, .prefecture]))
        // Same body ranks above same prefecture, other things equal; scores still sum the reasons.
        let ids = r.matches.map(\.id)
        #expect(ids.firstIndex(of: "kana")! < ids.firstIndex(of: "iruma")!)
        #expect(ids.firstIndex(of: "iruma")! < ids.firstIndex(of: "fuchu")!)
        for m in r.matches { #expect(abs(m.reasons.map(\.weight).reduce(0, +) - m.score) < 0.05, "\(m.id)") }
    }

    @Test func twoBodiesOfOneNameAreNotTheSameMunicipality() throws {
        var p = Self.portfolio
        p.append(Self.f("fuchu-hiroshima", "府中市", "342084"))
        let r = try #require(SimilarCaseFinder(p).similar(to: "fuchu", limit: 10))
        #expect(reasons(r, "fuchu-hiroshima").isDisjoint(with: [.municipality, .prefecture]))
        // A case whose partner is 「府中市」 in the other 府中市 is linked through that partner.
        p[4].partners = ["府中市"]
        p[4].partnerKeys = [InsightTokenizer.hash(InsightTokenizer.key("府中市"))]
        let r2 = try #require(SimilarCaseFinder(p).similar(to: "fuchu", limit: 10))
        #expect(reasons(r2, "fuchu-hiroshima").contains(.partner))
    }

    @Test func withoutCodesTheFoldedNamesDecide() throws {
        let r = try #require(SimilarCaseFinder(Self.portfolio).similar(to: "torino", limit: 10))
        #expect(reasons(r, "torino2").contains(.municipality))   // ﾄﾘﾉ folds to トリノ
        #expect(!reasons(r, "q").contains(.municipality))        // a coded body is never guessed equal to free text
    }
}
