import Foundation
import Testing
@testable import RenkeiCore

/// A municipal partner (kind 自治体 on a case) resolves to a code with the same resolver as a
/// case's municipality (issue 16): its record's code first, else its name — one body, several
/// asked about (never a guess), none left as free text.
@Suite struct MunicipalPartnerLinkTests {
    static let resolver: MunicipalityResolver = {
        let text = try! String(contentsOf: RepoRoot.url.appendingPathComponent("Data/municipalities/jp.tsv"), encoding: .utf8)
        return MunicipalityResolver(table: try! MunicipalityTable.parse(text))
    }()

    func status(_ name: String, kind: PartnerKind = .municipality, records: [PartnerRecord] = []) -> MunicipalPartnerLink.Status? {
        MunicipalPartnerLink.status(of: Partner(name: name, kind: kind), records: records, Self.resolver)
    }

    @Test func aMunicipalPartnerWithoutARecordResolvesByItsName() {
        #expect(status("所沢市")?.entry?.code == "112089")
        #expect(status("埼玉県")?.entry?.code == "110001")
        // Readings and half-width kana, as for a case's municipality.
        #expect(status("ｼﾝｼﾛｼ")?.entry?.code == "232211")
        #expect(status("飯能市") == .resolved(Self.resolver.table.entry(code: "112097")!))
    }

    @Test func twoBodiesAreAskedAboutNeverGuessed() {
        guard case .ambiguous(let list)? = status("府中市") else { Issue.record("府中市 is two bodies"); return }
        #expect(Set(list.map(\.code)) == ["132063", "342084"])
        guard case .ambiguous(let date)? = status("伊達市") else { Issue.record("伊達市 is two bodies"); return }
        #expect(date.count == 2)
    }

    @Test func freeTextStaysUnresolved() {
        #expect(status("県内市町（参加予定：6市町・サンプル想定）") == .unresolved)
        #expect(status("トリノ市（イタリア）") == .unresolved)
    }

    @Test func theRecordsCodeSettlesItAndABadOneIsReported() {
        let fuchu = PartnerRecord(name: "府中市", aliases: ["東京都府中市役所"], kind: .municipality, municipalityCode: "132063")
        #expect(status("東京都府中市役所", records: [fuchu]) == .recorded(Self.resolver.table.entry(code: "132063")!))
        let bad = PartnerRecord(name: "府中市", kind: .municipality, municipalityCode: "132064")
        #expect(status("府中市", records: [bad]) == .unknownCode("132064"))
        // A record of kind 自治体 without a code: its own name resolves (the case's is an alias).
        let water = PartnerRecord(name: "福岡市", aliases: ["福岡市 水道局（原課・想定）"], kind: .municipality)
        #expect(status("福岡市 水道局（原課・想定）", kind: .company, records: [water])?.entry?.code == "401307")
    }

    @Test func otherPartnersAreNotMunicipal() {
        #expect(status("所沢市", kind: .startup) == nil)
        #expect(status("株式会社TBM", kind: .startup) == nil)
    }

    @Test func theNamesALookupNeedsAreTheUnsettledMunicipalPartners() {
        var c = Case(id: "x", title: "t", municipality: Municipality(name: "狭山市"))
        c.partners = [Partner(name: "所沢市", kind: .municipality), Partner(name: "TBM", kind: .startup),
                      Partner(name: "府中市", kind: .municipality)]
        let fuchu = PartnerRecord(name: "府中市", kind: .municipality, municipalityCode: "132063")
        #expect(MunicipalPartnerLink.names(in: [c], records: [fuchu]) == ["所沢市"])
    }
}
