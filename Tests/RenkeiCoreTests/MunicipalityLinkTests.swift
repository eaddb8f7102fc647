import Testing
@testable import RenkeiCore

@Suite struct MunicipalityLinkTests {
    let r = ShippedMunicipalities.resolver

    @Test func codeFieldTakesOnlyValidCodes() throws {
        #expect(try CaseFields.parse("municipality.code", "１１２１５１") == .string("112151"))   // full-width digits fold
        #expect(throws: FieldError.invalid(field: "municipality.code", value: "112152", expected: .municipalityCode)) {
            try CaseFields.parse("municipality.code", "112152")
        }
        var c = Case(id: "x", title: "t", municipality: Municipality(name: "狭山市"))
        try CaseFields.set(&c, "municipality.code", .string("112151"))
        #expect(c.municipality.code == "112151")
        #expect(CaseFields.get(c, "municipality.code") == .string("112151"))
        #expect(throws: FieldError.self) { try CaseFields.set(&c, "municipality.code", .string("11215X")) }
        try CaseFields.set(&c, "municipality.code", .null)
        #expect(c.municipality.code == nil)
    }

    @Test func statusNeverGuesses() {
        // Resolvable: code plus the prefecture and kind the case lacks; the written name is kept.
        let s = MunicipalityLink.status(of: Municipality(name: "ｻﾔﾏ市"), r)
        guard case .resolvable(let e, let a) = s else { Issue.record("\(s)"); return }
        #expect(e.code == "112151")
        #expect(a == [FieldAssignment("municipality.code", .string("112151")),
                      FieldAssignment("municipality.prefecture", .string("埼玉県")),
                      FieldAssignment("municipality.kind", .string("city"))])
        // What the case already says is not overwritten.
        if case .resolvable(_, let a2) = MunicipalityLink.status(of: Municipality(name: "豊中市", prefecture: "大阪府", kind: .city), r) {
            #expect(a2 == [FieldAssignment("municipality.code", .string("272035"))])
        } else { Issue.record("豊中市") }
        // Two candidates: ambiguous, never a pick.
        if case .ambiguous(let list) = MunicipalityLink.status(of: Municipality(name: "府中市"), r) { #expect(list.count == 2) }
        else { Issue.record("府中市 must be ambiguous") }
        #expect(MunicipalityLink.status(of: Municipality(name: "若葉町（架空）", prefecture: "長野県"), r) == .unresolved)
        #expect(MunicipalityLink.status(of: Municipality(name: "狭山市", code: "112152"), r) == .unknownCode("112152"))
        #expect(MunicipalityLink.status(of: Municipality(name: "どこか", code: "999997"), r) == .unknownCode("999997"))
        if case .linked(let e) = MunicipalityLink.status(of: Municipality(name: "さやま", code: "112151"), r) { #expect(e.name == "狭山市") }
        else { Issue.record("linked") }
    }
}
