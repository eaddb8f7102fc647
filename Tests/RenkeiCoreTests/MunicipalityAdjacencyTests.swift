import Foundation
import Testing
@testable import RenkeiCore

/// The shipped adjacency (Data/municipalities/adjacency.tsv, Scripts/gen-municipality-adjacency.py
/// from 国土数値情報 N03) and its use: similar cases say 「隣接する自治体」, joint-procurement
/// groups name the members that share a boundary (issue 16).
@Suite struct MunicipalityAdjacencyTests {
    static let adjacency: MunicipalityAdjacency = {
        let text = try! String(contentsOf: RepoRoot.url.appendingPathComponent("Data/municipalities/adjacency.tsv"), encoding: .utf8)
        return try! MunicipalityAdjacency.parse(text)
    }()
    static let table: MunicipalityTable = {
        let text = try! String(contentsOf: RepoRoot.url.appendingPathComponent("Data/municipalities/jp.tsv"), encoding: .utf8)
        return try! MunicipalityTable.parse(text)
    }()

    @Test func knownNeighboursAreNeighboursBothWays() {
        let a = Self.adjacency
        for (x, y, what) in [("112151", "112089", "狭山市–所沢市"), ("112151", "112259", "狭山市–入間市"),
                             ("132063", "132080", "府中市（東京都）–調布市"), ("132080", "131121", "調布市–世田谷区"),
                             ("132098", "141500", "町田市–相模原市 (across the prefectural border)"),
                             ("132080", "141305", "調布市–川崎市 (a designated city whole)"),
                             ("132080", "141356", "調布市–川崎市多摩区 (its ward)"),
                             ("011011", "011029", "札幌市中央区–北区 (wards of one city)")] {
            #expect(a.areNeighbours(x, y) && a.areNeighbours(y, x), "\(what)")
        }
    }

    @Test func notNeighbours() {
        let a = Self.adjacency
        #expect(!a.areNeighbours("342084", "132080"), "府中市（広島県） is not 調布市's neighbour; 府中市（東京都） is")
        #expect(!a.areNeighbours("112151", "112038"), "狭山市 and 川口市: same prefecture, no common boundary")
        #expect(!a.areNeighbours("141305", "141356"), "a ward is inside its city, not beside it")
        #expect(a.neighbours(of: "134210").isEmpty, "小笠原村 is islands: no land boundary")
        #expect(a.neighbours(of: "999999").isEmpty)
    }

    @Test func theWholeTableIsSymmetricValidAndKnown() {
        let a = Self.adjacency
        var pairs = 0
        for c in a.codes {
            #expect(Self.table.entry(code: c) != nil, "\(c) is not in jp.tsv")
            for n in a.neighbours(of: c) {
                pairs += 1
                #expect(a.areNeighbours(n, c), "\(c)→\(n) without \(n)→\(c)")
                #expect(n != c && Self.table.entry(code: n)?.parentCode != c && Self.table.entry(code: c)?.parentCode != n,
                        "\(c)–\(n): a body beside itself or its own ward")
            }
        }
        // Every municipality on the main islands has neighbours; ~1,870 bodies, ~5,000 pairs.
        #expect(a.codes.count > 1_800 && pairs / 2 > 4_500, "\(a.codes.count) bodies, \(pairs / 2) pairs")
        #expect(a.source.contains("国土数値情報") && a.source.contains("smartnews-smri/japan-topography") && !a.generated.isEmpty)
    }

    /// The other way round: every body of the table with a land boundary is in adjacency.tsv, so
    /// a code change in jp.tsv (浜松市's wards, 2024-01-01) that adjacency.tsv missed fails here.
    /// Not listed: prefectures (bodies of another level), and bodies that are whole islands —
    /// each listed here by name, so a new omission cannot hide among them.
    @Test func everyBodyWithALandBoundaryIsListed() {
        let islands: [String: String] = [
            "013676": "奥尻町", "015172": "礼文町", "133612": "大島町", "133621": "利島村", "133639": "新島村", "133647": "神津島村",
            "133817": "三宅村", "133825": "御蔵島村", "134015": "八丈町", "134023": "青ヶ島村", "134210": "小笠原村", "152242": "佐渡市",
            "155861": "粟島浦村", "325252": "海士町", "325261": "西ノ島町", "325279": "知夫村", "325287": "隠岐の島町", "342157": "江田島市",
            "344311": "大崎上島町", "353051": "周防大島町", "383562": "上島町", "422096": "対馬市", "422100": "壱岐市", "422118": "五島市",
            "423831": "小値賀町", "424111": "新上五島町", "443221": "姫島村", "463035": "三島村", "463043": "十島村", "464040": "長島町",
            "465054": "屋久島町", "465291": "喜界町", "465356": "与論町", "472077": "石垣市", "472140": "宮古島市", "473154": "伊江村",
            "473537": "渡嘉敷村", "473545": "座間味村", "473553": "粟国村", "473561": "渡名喜村", "473570": "南大東村", "473588": "北大東村",
            "473596": "伊平屋村", "473600": "伊是名村", "473618": "久米島町", "473758": "多良間村", "473812": "竹富町", "473821": "与那国町",
        ]
        let a = Self.adjacency
        var missing: [String] = []
        for e in Self.table.entries where e.kind != .prefecture && a.neighbours(of: e.code).isEmpty {
            if islands[e.code] != e.name { missing.append("\(e.code) \(Self.table.fullName(e))") }
        }
        #expect(missing.isEmpty, "bodies of jp.tsv without neighbours in adjacency.tsv: \(missing.prefix(10))")
        for (code, name) in islands {
            #expect(Self.table.entry(code: code)?.name == name, "\(code) \(name) is no longer in jp.tsv: drop it from the islands")
        }
        // 浜松市 since 2024-01-01: 中央区・浜名区・天竜区, with the old wards' outside neighbours.
        #expect(a.areNeighbours("221384", "221392") && a.areNeighbours("221392", "221406"), "中央区–浜名区–天竜区")
        #expect(a.areNeighbours("221384", "222216") && a.areNeighbours("221392", "232017") && a.areNeighbours("221406", "202053"),
                "中央区–湖西市, 浜名区–豊橋市, 天竜区–飯田市")
        #expect(!a.areNeighbours("221384", "221406"), "中央区 and 天竜区 do not touch")
        for old in ["221317", "221325", "221333", "221341", "221350", "221368", "221376"] {
            #expect(Self.table.entry(code: old) == nil && a.neighbours(of: old).isEmpty, "\(old): a ward retired on 2024-01-01")
        }
    }

    @Test func aBrokenLineIsNamed() {
        #expect(throws: MunicipalityTable.ParseError.line(2, "'112152' is not a 6-digit code with its check digit")) {
            try MunicipalityAdjacency.parse("# header\n112151\t狭山市\t112089,112152\n")
        }
        #expect(throws: MunicipalityTable.ParseError.self) { try MunicipalityAdjacency.parse("112151\t狭山市\n") }
    }

    // MARK: in insight

    static func f(_ id: String, _ name: String, _ code: String) -> InsightFeatures {
        var x = InsightFeatures(id: id, title: "見守りセンサー①", municipality: name, domain: "elderly-care", text: "高齢単身世帯の見守り")
        x.municipalityCode = code
        x.prefecture = Self.table.prefectureName(of: code)
        return x
    }

    @Test func similarCasesSayNeighbouringBeforeSamePrefecture() throws {
        let cases = [Self.f("q", "狭山市", "112151"), Self.f("iruma", "入間市", "112259"), Self.f("kawaguchi", "川口市", "112038"),
                     Self.f("mizuho", "瑞穂町", "133035")]
        let r = try #require(SimilarCaseFinder(cases, adjacency: Self.adjacency).similar(to: "q", limit: 10))
        func kinds(_ id: String) -> [SimilarityReason.Kind] { r.matches.first { $0.id == id }?.reasons.map(\.kind) ?? [] }
        #expect(kinds("iruma").contains(.neighbour) && !kinds("iruma").contains(.prefecture), "\(kinds("iruma"))")
        #expect(kinds("kawaguchi").contains(.prefecture) && !kinds("kawaguchi").contains(.neighbour))
        // Across the prefectural border: 瑞穂町（東京都） touches 入間市, not 狭山市.
        #expect(!kinds("mizuho").contains(.neighbour))
        let iruma = try #require(r.matches.first { $0.id == "iruma" })
        #expect(iruma.reasonLine(.ja).contains("隣接する自治体（入間市）") && iruma.reasonLine(.en).contains("Neighbouring municipality (入間市)"))
        // The neighbour outranks the merely same-prefecture case, all else equal.
        #expect(r.matches.firstIndex { $0.id == "iruma" }! < r.matches.firstIndex { $0.id == "kawaguchi" }!)
        // Without the data, nothing is called neighbouring.
        let plain = try #require(SimilarCaseFinder(cases).similar(to: "q", limit: 10))
        #expect(!plain.matches.flatMap(\.reasons).contains { $0.kind == .neighbour })
    }

    @Test func jointGroupsNameTheMembersThatShareABoundary() throws {
        func proc(_ id: String, _ name: String, _ code: String) -> InsightFeatures {
            var f = InsightFeatures(id: id, title: id, municipality: name, prefecture: Self.table.prefectureName(of: code), size: .smallMedium,
                                    domain: "disaster", exit: .procurement, method: "joint", stage: .coordination, fiscalYear: 2028, totalYen: 1_000_000)
            f.municipalityCode = code
            return f
        }
        let today = Day("2026-11-23")!
        let members = [proc("a", "狭山市", "112151"), proc("b", "所沢市", "112089"), proc("c", "川口市", "112038")]
        let r = JointProcurementFinder.find(members, today: today, calendar: .typical(today: today), adjacency: Self.adjacency)
        let g = try #require(r.groups.first)
        #expect(g.neighbouringPairs == ["所沢市–狭山市"], "\(String(describing: g.neighbouringPairs))")
        #expect(r.lines(lang: .ja).contains("  所在・規模: 同じ都道府県（埼玉県）・隣接（所沢市–狭山市）・同じ規模（小・中規模）"), "\(r.lines(lang: .ja))")
        let apart = JointProcurementFinder.find([members[0], members[2]], today: today, calendar: .typical(today: today), adjacency: Self.adjacency)
        #expect(apart.groups.first?.neighbouringPairs == [])
        #expect(apart.lines(lang: .en).contains("  Where and size: same prefecture (埼玉県), no two share a boundary, same size class (Small/medium)"),
                "\(apart.lines(lang: .en))")
        // No data, or a member without a code: nothing claimed.
        #expect(JointProcurementFinder.find(members, today: today, calendar: .typical(today: today)).groups.first?.neighbouringPairs == nil)
    }
}
