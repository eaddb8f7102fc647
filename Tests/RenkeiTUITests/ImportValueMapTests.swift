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
        ImportValue(text: "調整中", count: 3, firstRow: 2, target: "coordination", builtIn: "coordination"),
        ImportValue(text: "要確認", count: 1, firstRow: 4, target: nil),
        ImportValue(text: "見送り", count: 2, firstRow: 5, target: "dropped", builtIn: "dropped"),
        ImportValue(text: "ｹﾝﾄｳ中①", count: 1, firstRow: 9, target: nil),
        // The mapping file's own entry (renkei's names do not know it).
        ImportValue(text: "先方検討中", count: 1, firstRow: 11, target: "method"),
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
        Scenario(name: "import-values-cleared", msgs: { chosen() + k("x") + k("jjjx") }),
        Scenario(name: "import-values-cleared-en", lang: .en, msgs: { chosen() + k("x") + k("jjjx") }),
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

    /// `x` takes a value back to no value map entry — what renkei's own names make of it, or
    /// unmapped — the mapping file's entry included (saved as the blank "" the guess leaves);
    /// `u` takes back choices and clearings one at a time, newest first.
    @Test func xClearsAValuesMeaningAndUTakesItBack() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.values())
        func d() -> ImportDialog { C.dialog(h)! }
        // 見送り → 休止 (paused): the list opens at dropped.
        let move = Stage.allCases.firstIndex(of: .paused)! - Stage.allCases.firstIndex(of: .dropped)!
        h.send(Self.k("jj") + [.key(.enter)] + Array(repeating: .key(move > 0 ? .down : .up), count: abs(move)) + [.key(.enter)])
        #expect(d().values == ["stage": ["見送り": "paused"]] && d().valueList?.values[2].target == "paused")
        // x: back to renkei's own reading of 見送り; the blank overrides any mapping file entry.
        h.send(Self.k("x"))
        #expect(d().values == ["stage": ["見送り": ""]] && d().valueList?.values[2].target == "dropped")
        #expect(d().request?.values == ["stage": ["見送り": ""]])
        #expect(h.screen().text.contains("x 対応を外す") && h.screen().text.contains("u 元に戻す"))
        // x again changes nothing and adds nothing to undo.
        let undoDepth = d().valueUndo.count
        h.send(Self.k("x"))
        #expect(d().valueUndo.count == undoDepth)
        // A value the mapping file names (先方検討中 → method), with no built-in meaning: unmapped.
        h.send(Self.k("jj") + [.key(.delete)])
        #expect(d().valueList?.values[4].target == nil && d().values["stage"]?["先方検討中"] == "")
        #expect(h.screen().text.contains("未対応 — この値の行は取り込めません"))
        // x on a value with no entry that means what renkei's names say: nothing to clear.
        h.send(Self.k("kkkk") + Self.k("x"))
        #expect(d().valueUndo.count == undoDepth + 1)
        // u, newest first: 先方検討中 back to the file's meaning (focus follows), then 見送り → paused,
        // then no entry at all (the request carries no value map), then nothing more.
        h.send(Self.k("u"))
        #expect(d().valueList?.values[4].target == "method" && d().values["stage"]?["先方検討中"] == nil && d().valueFocus == 4)
        h.send(Self.k("u"))
        #expect(d().values == ["stage": ["見送り": "paused"]] && d().valueList?.values[2].target == "paused" && d().valueFocus == 2)
        h.send(Self.k("u"))
        #expect(d().values.isEmpty && d().request?.values == nil && d().valueList?.values[2].target == "dropped")
        let effects = h.effects.count
        h.send(Self.k("u"))
        #expect(d().values.isEmpty && h.effects.count == effects && d().step == .values)
        // Only this column's changes: an edit of another field's values stays.
        var other = d()
        other.valueUndo = [ImportValueEdit(field: "method", text: "随契", entry: nil, target: nil)]
        other.values = ["method": ["随契": "proposal"]]
        h.state.modal = .importFile(other)
        h.send(Self.k("u"))
        #expect(d().values == ["method": ["随契": "proposal"]] && d().valueUndo.count == 1)
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
