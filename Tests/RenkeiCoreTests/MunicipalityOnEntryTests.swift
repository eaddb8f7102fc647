import Testing
@testable import RenkeiCore

/// Issue 16: a new case's municipality is linked to its 団体コード as it is typed — one body:
/// linked (name, reading, half-width kana, romaji, code); several (府中市, 伊達市): asked, never
/// guessed; none: free text, with the nearest bodies offered.
@Suite struct MunicipalityOnEntryTests {
    let r = ShippedMunicipalities.resolver

    func linked(_ name: String, prefecture: String? = nil) -> NewCaseInput {
        var input = NewCaseInput(id: "x", title: "見守り①", municipality: name, prefecture: prefecture)
        MunicipalityOnEntry.link(&input, r)
        return input
    }

    @Test func everyWayOfTypingSayamaLinksIt() {
        for typed in ["狭山市", "さやまし", "ｻﾔﾏｼ", "Sayama", "112151", "１１２１５１", "埼玉県狭山市"] {
            let i = linked(typed)
            #expect(i.code == "112151" && i.prefecture == "埼玉県" && i.kind == .city, "\(typed)")
        }
        #expect(linked("sayama").municipality == "狭山市", "a reading becomes the body's name")
        #expect(linked("112151").municipality == "狭山市")
        #expect(linked("埼玉県狭山市").municipality == "埼玉県狭山市", "a name containing the body's is kept as written")
    }

    @Test func twoBodiesOfOneNameAreAskedNeverGuessed() {
        for (name, codes) in [("府中市", ["132063", "342084"]), ("伊達市", ["012335", "072133"])] {
            var input = NewCaseInput(id: "x", title: "t", municipality: name)
            guard case .ambiguous(let list) = MunicipalityOnEntry.link(&input, r) else { Issue.record("\(name) was not asked"); continue }
            #expect(Set(list.map(\.code)) == Set(codes), "\(name)")
            #expect(input.code == nil && input.prefecture == nil, "\(name): nothing filled in")
            let hint = MunicipalityOnEntry.hint(.ambiguous(list), typed: name, table: r.table).text(.ja)
            #expect(codes.allSatisfy { hint.contains($0) } && hint.contains("都道府県を付ける"), "\(hint)")
        }
        #expect(linked("府中市", prefecture: "東京都").code == "132063")
        #expect(linked("府中市（広島県）").code == "342084")
    }

    @Test func freeTextStaysAndOffersTheNearest() {
        var input = NewCaseInput(id: "x", title: "t", municipality: "トリノ市（イタリア）")
        #expect(MunicipalityOnEntry.link(&input, r) == .freeText(near: []) || input.code == nil)
        #expect(input.code == nil && input.municipality == "トリノ市（イタリア）")
        let near = MunicipalityOnEntry.outcome("狭山", prefecture: nil, r)
        let hint = MunicipalityOnEntry.hint(near, typed: "狭山", table: r.table)
        #expect(hint.text(.ja).contains("狭山市（埼玉県）"), "\(hint.text(.ja))")
        #expect(MunicipalityOnEntry.hint(.linked(r.table.entry(code: "112151")!), typed: "狭山市", table: r.table).text(.en)
                == "→ will be linked to 狭山市（埼玉県） [112151]")
    }
}
