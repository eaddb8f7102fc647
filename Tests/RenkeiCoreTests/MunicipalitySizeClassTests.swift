import Foundation
import Testing
@testable import RenkeiCore

/// The guide's size class (都市部 / 小・中規模) a body has unless its profile says otherwise
/// (issue 16): derived from the kind of body — 都道府県, 政令指定都市 (and its 行政区), 中核市 and
/// 特別区 are 都市部; 市, 町, 村 are 小・中規模 — as the deck's two panels use it (愛知県 in
/// 「都市部における官民連携の取組」, 狭山市 in 「小・中規模都市における官民連携の取組」); a
/// profile's `size` overrides it everywhere the class is shown or compared.
@Suite struct MunicipalitySizeClassTests {
    static let table: MunicipalityTable = {
        let text = try! String(contentsOf: RepoRoot.url.appendingPathComponent("Data/municipalities/jp.tsv"), encoding: .utf8)
        return try! MunicipalityTable.parse(text)
    }()

    @Test func everyKindOfBodyHasItsDefault() {
        let expected: [BodyKind: SizeClass] = [
            .prefecture: .urban, .designatedCity: .urban, .ward: .urban, .coreCity: .urban, .specialWard: .urban,
            .city: .smallMedium, .town: .smallMedium, .village: .smallMedium,
        ]
        #expect(Set(expected.keys) == Set(BodyKind.allCases), "a new kind of body needs its size class here")
        for kind in BodyKind.allCases {
            #expect(kind.defaultSize == expected[kind], "\(kind)")
            #expect(MunicipalityProfile.sizeClass(of: kind, profile: nil) == expected[kind], "\(kind)")
        }
    }

    @Test func shippedBodiesGetTheirKindsClass() throws {
        for (code, name, kind, size) in [
            ("230006", "愛知県", BodyKind.prefecture, SizeClass.urban),       // the deck's 都市部 panel
            ("112151", "狭山市", .city, .smallMedium),                         // the deck's 小・中規模 panel
            ("141003", "横浜市", .designatedCity, .urban),
            ("112011", "川越市", .coreCity, .urban),
            ("131041", "新宿区", .specialWard, .urban),
            ("011011", "中央区", .ward, .urban),                               // 札幌市中央区
            ("143014", "葉山町", .town, .smallMedium),
            ("336432", "西粟倉村", .village, .smallMedium),
        ] {
            let e = try #require(Self.table.entry(code: code), "\(code)")
            #expect(e.name == name && e.kind == kind, "\(code): \(e.name) \(e.kind)")
            #expect(MunicipalityProfile.sizeClass(of: e.kind, profile: nil) == size, "\(name)")
            // A profile that says nothing about size keeps the default.
            #expect(MunicipalityProfile.sizeClass(of: e.kind, profile: MunicipalityProfile(code: code)) == size, "\(name)")
        }
    }

    @Test func theProfileOverridesTheDefaultInTheOverview() throws {
        let sayama = try #require(Self.table.entry(code: "112151"))
        let plain = MunicipalityOverview(entry: sayama, table: Self.table, profile: MunicipalityProfile(code: "112151"),
                                         cases: [], deadlines: [], catalog: Catalog())
        #expect(plain.size == .smallMedium && !plain.sizeFromProfile)
        let urban = MunicipalityOverview(entry: sayama, table: Self.table, profile: MunicipalityProfile(code: "112151", size: .urban),
                                         cases: [], deadlines: [], catalog: Catalog())
        #expect(urban.size == .urban && urban.sizeFromProfile)
        // And the other way: a 中核市 a coordinator counts as 小・中規模.
        let kawagoe = try #require(Self.table.entry(code: "112011"))
        let small = MunicipalityOverview(entry: kawagoe, table: Self.table, profile: MunicipalityProfile(code: "112011", size: .smallMedium),
                                         cases: [], deadlines: [], catalog: Catalog())
        #expect(small.size == .smallMedium && small.sizeFromProfile)
        // The label says where the class came from.
        #expect(MunicipalityMessage.profileSize(size: SizeClass.smallMedium.label(.ja), fromKind: true).text(.ja).contains("団体区分から"))
    }
}
