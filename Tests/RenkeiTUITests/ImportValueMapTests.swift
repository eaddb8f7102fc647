import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// The import dialog's value map (`v`, issue 13), pure: a stage or method column's distinct
/// values with what each means (unmapped ones marked), choosing a meaning from the list, the
/// choice carried into the preview's request and `w`'s mapping file; goldens in ja and en.
@Suite struct ImportValueMapTests {
    static let k = TUIFixtures.keys
    typealias C = ImportChoiceTests

    /// 状況 (the fourth column) is mapped to the stage; the runtime's answer for it.
    static let stages = ImportValueList(column: "状況", field: "stage", values: [
        ImportValue(text: "調整中", count: 3, firstRow: 2, target: "coordination"),
        ImportValue(text: "要確認", count: 1, firstRow: 4, target: nil),
        ImportValue(text: "見送り", count: 2, firstRow: 5, target: "dropped"),
        ImportValue(text: "ｹﾝﾄｳ中①", count: 1, firstRow: 9, target: nil),
    ])

    static var request: ImportRequest {
        var d = ImportDialog()
        d.info = C.workbook
        return d.request!
    }

    static func values() -> [Msg] { C.opened(C.workbook) + k("jjjv") + [.transfer(.importValues(request, stages))] }
    /// 要確認 → coordination: down one, Enter opens the list (at the top), three down, Enter.
    static func chosen() -> [Msg] { values() + k("j") + [.key(.enter)] + k("jj") + [.key(.enter)] }

    typealias Scenario = GoldenScreenTests.Scenario

    static let scenarios: [Scenario] = [
        Scenario(name: "import-values", msgs: { values() }),
        Scenario(name: "import-values-en", lang: .en, msgs: { values() }),
        Scenario(name: "import-value-choices", msgs: { values() + k("j") + [.key(.enter)] }),
        Scenario(name: "import-values-chosen", msgs: { chosen() }),
        Scenario(name: "import-values-chosen-en", lang: .en, msgs: { chosen() }),
        Scenario(name: "import-mapping-stage-focused", msgs: { C.opened(C.workbook) + k("jjj") }),
        Scenario(name: "import-values-truncated", msgs: { C.opened(C.workbook) + k("jjjv") + [.transfer(.importValues(request, ImportValueList(
            column: "状況", field: "stage", values: (1...40).map { ImportValue(text: "案件\($0)", count: 1, firstRow: $0 + 1, target: nil) }, truncated: true)))] }),
    ]

    @Test(arguments: scenarios)
    func golden(_ sc: Scenario) { GoldenScreenTests.replay(sc) }

    @Test func vListsAColumnsValuesAndAChoiceGoesIntoTheRequest() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(C.opened(C.workbook))
        // v on a column that is not coded (件名 → title) asks nothing.
        let count = h.effects.count
        h.send(Self.k("jv"))
        #expect(h.effects.count == count)
        h.send(Self.k("jjv"))
        #expect(h.effects.last == .transfer(.readImportValues(Self.request, column: "状況")))
        // An answer for another request (an older mapping) is dropped.
        var other = Self.request
        other.sheet = "メモ"
        h.send(.transfer(.importValues(other, Self.stages)))
        #expect(C.dialog(h)?.step == .mapping && C.dialog(h)?.busy == true)
        h.send(.transfer(.importValues(Self.request, Self.stages)))
        #expect(C.dialog(h)?.step == .values)
        let screen = h.screen().text
        #expect(screen.contains("未対応 — この値の行は取り込めません") && screen.contains("調整・意思決定  (coordination)"), "\(screen)")
        // Enter opens the stages, at the value's current meaning when it has one.
        h.send(Self.k("jj") + [.key(.enter)])
        #expect(C.dialog(h)?.valueChoosing == Stage.allCases.firstIndex(of: .dropped))
        h.send(.key(.esc))
        // 要確認 → 調整中 (coordination).
        h.send(Self.k("k") + [.key(.enter)])
        #expect(C.dialog(h)?.valueChoosing == 0, "an unmapped value starts at the top")
        h.send(Self.k("jj") + [.key(.enter)])
        let d = C.dialog(h)
        #expect(d?.values == ["stage": ["要確認": "coordination"]])
        #expect(d?.valueList?.values[1].target == "coordination")
        #expect(d?.request?.values == ["stage": ["要確認": "coordination"]])
        // w saves it with the columns; Esc back, Enter plans with it.
        h.send(Self.k("w"))
        #expect(h.effects.last == .transfer(.saveImportMapping(d!.request!)))
        h.send(.key(.esc))
        #expect(C.dialog(h)?.step == .mapping && C.dialog(h)?.valueList == nil)
        h.send(.key(.enter))
        #expect(h.effects.last == .transfer(.planImport(d!.request!)))
    }

    @Test func methodsAreTheCatalogsInTheReadersLanguage() {
        let s = TUIFixtures.state(.ja)
        let methods = s.importValueChoices("method")
        #expect(methods.contains { $0.id == "sole-source-4" && $0.label.hasPrefix("随意契約") })
        #expect(TUIFixtures.state(.en).importValueChoices("stage").first?.label == Stage.allCases[0].en)
        #expect(s.importValueChoices("domain").contains { $0.id == "childcare" })
        #expect(s.importValueChoices("title").isEmpty)
    }

    @Test func aFailedValueReadStaysOnTheMappingAndSaysWhy() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(C.opened(C.workbook) + Self.k("jjjv"))
        h.send(.transfer(.importFailed(Self.request, .corruptWorkbook(file: "案件一覧.xlsx", detail: "missing part xl/workbook.xml"))))
        #expect(C.dialog(h)?.step == .mapping && C.dialog(h)?.busy == false)
        #expect(h.screen().text.contains("案件一覧.xlsx: .xlsx のブックとして読めません"))
    }
}
