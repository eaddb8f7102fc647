import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiImport

/// The workbench's value map reads a column's distinct texts through `ValueNames.values`: each
/// resolved exactly as the plan resolves a cell, so what the list shows as mapped imports and
/// what it shows as unmapped is a row problem in the preview.
@Suite struct ColumnValuesTests {
    static let csv = """
    件名,自治体,ステータス,契約方法
    ①見守り,狭山市,調整中,随意契約
    ㈱連携,所沢市,要確認,指名競争
    髙島平窓口,川越市,調整中,随意契約
    ﾃﾞｼﾞﾀﾙ,入間市,,特命随意契約
    令和の案件,飯能市,見送り,（仮）トライアル
    """

    @Test func distinctTextsInOrderWithCountsAndTheirMeaning() throws {
        let table = try ImportFixtures.table(Self.csv)
        var mapping = MappingGuess.guess(table.header)
        mapping.values["method"] = ["（仮）トライアル": "trial-order", "指名競争": "not-a-method"]
        let names = ValueNames(catalog: ImportFixtures.catalog)
        let (stages, cut) = names.values(of: "ステータス", field: "stage", table: table, mapping: mapping, catalog: ImportFixtures.catalog)
        #expect(!cut)
        #expect(stages == [ColumnValue(text: "調整中", count: 2, firstRow: 2, id: "coordination", builtIn: "coordination"),
                           ColumnValue(text: "要確認", count: 1, firstRow: 3, id: nil, builtIn: nil),
                           ColumnValue(text: "見送り", count: 1, firstRow: 6, id: "dropped", builtIn: "dropped")])
        let (methods, _) = names.values(of: "契約方法", field: "method", table: table, mapping: mapping, catalog: ImportFixtures.catalog)
        // Texts as the plan reads them (（仮） is cleaned to (仮)); a map to an id the catalog does
        // not hold is unmapped, as the plan would refuse it.
        #expect(methods.map(\.text) == ["随意契約", "指名競争", "特命随意契約", "(仮)トライアル"])
        #expect(methods.map(\.id) == ["sole-source-4", nil, "sole-source-4", "trial-order"])
        #expect(methods[0].count == 2)
        // Without the value map (what clearing a choice goes back to): renkei's own names only.
        #expect(methods.map(\.builtIn) == ["sole-source-4", nil, "sole-source-4", nil])
        // The plan agrees: the unmapped texts are exactly the rows with problems in those columns.
        let plan = ImportPlanner.plan(table, mapping: mapping, file: "t.csv", target: ImportFixtures.target())
        let bad = plan.rows.flatMap(\.problems).filter { ["ステータス", "契約方法"].contains($0.column ?? "") }.map { $0.value ?? "" }
        #expect(Set(bad) == ["要確認", "指名競争"])
    }

    @Test func aColumnOfTitlesMappedToAStageIsCutShort() throws {
        let rows = (1...30).map { "案件\($0),狭山市,調整中\($0),随意契約" }.joined(separator: "\n")
        let table = try ImportFixtures.table("件名,自治体,ステータス,契約方法\n" + rows)
        let (values, cut) = ValueNames(catalog: ImportFixtures.catalog)
            .values(of: "件名", field: "stage", table: table, mapping: ImportMapping(), catalog: ImportFixtures.catalog, limit: 10)
        #expect(values.count == 10 && cut)
        #expect(ValueNames(catalog: ImportFixtures.catalog).values(of: "無い列", field: "stage", table: table, mapping: ImportMapping(),
                                                                 catalog: ImportFixtures.catalog).values.isEmpty)
    }
}
