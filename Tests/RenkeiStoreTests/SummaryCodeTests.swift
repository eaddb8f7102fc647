import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 16: the summary index carries a linked case's municipality code and, when the case
/// writes none, the prefecture the code says — so `list --municipality`, the municipality view
/// and insight group by body without reading case files — cold, warm and after an edit alike.
@Suite struct SummaryCodeTests {
    @Test func theIndexCarriesTheCodeAndItsPrefecture() throws {
        let ws = try StoreFixtures.workspace("summary-code")
        let store = try StoreFixtures.store(ws)
        _ = try store.create(NewCaseInput(id: "sayama-x", title: "見守り①", municipality: "ｻﾔﾏ市"), actor: "試験者", now: StoreFixtures.now)
        _ = try store.create(NewCaseInput(id: "torino-x", title: "㈱髙橋と実証", municipality: "トリノ市（イタリア）"), actor: "試験者", now: StoreFixtures.now)
        let before = try #require(try store.portfolio().summaries.first { $0.id == "sayama-x" })
        #expect(before.municipalityCode == nil && before.prefecture == nil)
        try store.apply("sayama-x", .setField(path: "municipality.code", value: .string("112151")), actor: "試験者", now: StoreFixtures.now)
        for (label, s) in [("same store", try StoreFixtures.store(ws)), ("fresh store", CaseStore(workspace: ws, catalog: Catalog()))] {
            let all = try s.portfolio().summaries
            let sayama = try #require(all.first { $0.id == "sayama-x" })
            #expect(sayama.municipalityCode == "112151" && sayama.prefecture == "埼玉県", "\(label)")
            #expect(sayama.municipality == "ｻﾔﾏ市", "the name as written stays (\(label))")
            #expect(all.first { $0.id == "torino-x" }?.municipalityCode == nil, "\(label)")
        }
        let truth = try CaseStore(workspace: ws, catalog: Catalog(), useIndex: false).portfolio().summaries
        #expect(try CaseStore(workspace: ws, catalog: Catalog()).portfolio().summaries == truth)
        // A prefecture the case writes is kept, even beside a code (a person's words win).
        try store.apply("sayama-x", .setField(path: "municipality.prefecture", value: .string("埼玉県（県南西部）")), actor: "試験者", now: StoreFixtures.now)
        #expect(try store.portfolio().summaries.first { $0.id == "sayama-x" }?.prefecture == "埼玉県（県南西部）")
    }

    /// Core names a code's prefecture without the table; it must agree with the table's rows.
    @Test func prefectureNamesByCodeAgreeWithTheShippedTable() throws {
        let table = try MunicipalityTableLoader.load(data: StoreFixtures.dataDir)
        #expect(table.entries.count >= 1_900)
        for e in table.entries {
            #expect(Prefectures.name(ofCode: e.code) == table.prefectureName(of: e.code), "\(e.code) \(e.name)")
        }
        #expect(Prefectures.name(ofCode: "112152") == nil)   // wrong check digit
        #expect(MunicipalityCode.isValid("480002") && Prefectures.name(ofCode: "480002") == nil)   // no 48th prefecture
    }
}
