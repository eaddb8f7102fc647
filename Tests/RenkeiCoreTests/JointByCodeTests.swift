import Foundation
import Testing
@testable import RenkeiCore

/// Issue 16: 共同調達 compares bodies by their code, not spellings, and says whether a group is
/// within one prefecture and one size class (neighbours, from the shipped adjacency, are in
/// MunicipalityAdjacencyTests; without the data nothing is called neighbouring).
@Suite struct JointByCodeTests {
    static let today = Day("2026-11-23")!

    func proc(_ id: String, _ muni: String, code: String?, prefecture: String?, size: SizeClass?) -> InsightFeatures {
        var f = InsightFeatures(id: id, title: id, municipality: muni, prefecture: prefecture, size: size, domain: "disaster",
                                exit: .procurement, method: "joint", stage: .coordination, fiscalYear: 2028, totalYen: 1_000_000)
        f.municipalityCode = code
        return f
    }

    @Test func oneBodyWrittenTwoWaysIsNoGroup() {
        let r = JointProcurementFinder.find([proc("a", "狭山市", code: "112151", prefecture: "埼玉県", size: .smallMedium),
                                             proc("b", "狭山市（埼玉県）", code: "112151", prefecture: "埼玉県", size: .smallMedium)],
                                            today: Self.today, calendar: InsightCalendar.typical(today: Self.today))
        #expect(r.groups.isEmpty, "the same code is one municipality however it is written")
    }

    @Test func twoBodiesOfOneNameAreAGroupAcrossPrefectures() throws {
        let r = JointProcurementFinder.find([proc("a", "府中市", code: "132063", prefecture: "東京都", size: .smallMedium),
                                             proc("b", "府中市", code: "342084", prefecture: "広島県", size: .smallMedium)],
                                            today: Self.today, calendar: InsightCalendar.typical(today: Self.today))
        let g = try #require(r.groups.first)
        #expect(g.municipalities.count == 2 && g.sharedPrefecture == nil && g.sharedSize == .smallMedium)
        #expect(r.lines(lang: .ja).contains("  所在・規模: 都道府県をまたぐ・同じ規模（小・中規模）"), "\(r.lines(lang: .ja))")
    }

    @Test func samePrefectureIsSaidWhenTheCodesAgree() throws {
        let r = JointProcurementFinder.find([proc("a", "狭山市", code: "112151", prefecture: "埼玉県", size: .smallMedium),
                                             proc("b", "所沢市", code: "112089", prefecture: "埼玉県", size: .urban),
                                             proc("c", "トリノ市", code: nil, prefecture: nil, size: nil)],
                                            today: Self.today, calendar: InsightCalendar.typical(today: Self.today))
        let g = try #require(r.groups.first)
        #expect(g.municipalities.count == 3)
        #expect(g.sharedPrefecture == nil, "a member without a code is not known to be in 埼玉県")
        let two = JointProcurementFinder.find(Array([proc("a", "狭山市", code: "112151", prefecture: "埼玉県", size: .smallMedium),
                                                     proc("b", "所沢市", code: "112089", prefecture: "埼玉県", size: .urban)]),
                                              today: Self.today, calendar: InsightCalendar.typical(today: Self.today))
        let g2 = try #require(two.groups.first)
        #expect(g2.sharedPrefecture == "埼玉県" && g2.sharedSize == nil)
        #expect(two.lines(lang: .en).contains("  Where and size: same prefecture (埼玉県), mixed size classes"))
    }
}
