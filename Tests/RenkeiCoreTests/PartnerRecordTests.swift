import Testing
@testable import RenkeiCore

@Suite struct PartnerRecordTests {
    @Test func corporateNumberCheckDigit() {
        // 国税庁's own 法人番号 7000012050002 (hand-computed: 9 − (11 mod 9) = 7).
        #expect(CorporateNumber.checkDigit("000012050002") == 7)
        #expect(CorporateNumber.isValid("7000012050002"))
        #expect(!CorporateNumber.isValid("8000012050002"))    // wrong check digit
        #expect(!CorporateNumber.isValid("700001205000"))     // 12 digits
        #expect(!CorporateNumber.isValid("７０００012050002"))  // full-width digits are not a number here
        let r = PartnerRecord(name: "株式会社TBM", corporateNumber: "8000012050002", municipalityCode: "110002")
        let problems = r.problems(file: "partners/tbm.json").map(\.description)
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("partners/tbm.json: corporateNumber '8000012050002'"))
    }

    @Test func casesAcrossMunicipalitiesByNameOrAlias() {
        let tbm = PartnerRecord(name: "株式会社TBM", aliases: ["TBM"], kind: .startup)
        #expect(tbm.matches("株式会社ＴＢＭ") && tbm.matches("tbm") && tbm.matches("株式会社 TBM"))
        #expect(!tbm.matches("株式会社TBM研究所"))
        let a = Case(id: "hayama-x", title: "協定", municipality: Municipality(name: "葉山町"),
                     partners: [Partner(name: "株式会社TBM", role: "素材提供")], stage: .realized)
        let b = Case(id: "aichi-x", title: "拠点", municipality: Municipality(name: "愛知県"), partners: [Partner(name: "TBM")])
        let c = Case(id: "other", title: "別件", municipality: Municipality(name: "狭山市"), partners: [Partner(name: "㈱ホーン")])
        let inv = PartnerInvolvement.of(tbm, in: [a, b, c], codes: ["hayama-x": "143014", "aichi-x": "230006"])
        #expect(inv.map(\.caseId) == ["hayama-x", "aichi-x"])   // by municipality code
        #expect(inv.first?.role == "素材提供")
    }
}
