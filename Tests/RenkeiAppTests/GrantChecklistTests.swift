import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 16: a case relying on 第2世代交付金 shows the programme's evaluation criteria and
/// mandatory obligations on its checklist tab, after the stage's items, with the deck's section
/// as the page; they tick with the same key, save as one event each and undo with `u` — the
/// workbench's counterpart of `renkei grant ID --tick`. Golden screens in ja and en.
@Suite struct GrantChecklistTests {
    @Test(arguments: [Lang.ja, .en])
    func grantCriteriaTickAndUndoOnTheChecklist(_ lang: Lang) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = OrgViewTests.openOn(ws, lang, caseId: "toyokawa-horn-solo-travel")
        program.send(.key(.char(" ")))                       // space on another tab: to the checklist
        #expect(program.state.detail?.tab == .checklist)
        let doc = try #require(program.state.detail?.doc)
        let stageItems = ws.environment.catalog.items(for: doc.stage, exit: doc.exit, method: doc.method)
        let items = program.state.checklistItems(doc)
        #expect(items.map(\.id) == stageItems.map(\.id) + ["dai2-vision", "dai2-kpi", "dai2-autonomy", "dai2-participation",
                                                           "dai2-effect-verification", "dai2-publication"])
        // To the last row (an obligation), up four to KPI設定の適切性, and tick it.
        program.send(.key(.char("G")))
        for _ in 0..<4 { program.send(.key(.char("k"))) }
        #expect(items[program.state.detail!.itemSelection].id == "dai2-kpi")
        program.send(.key(.char(" ")))
        program.settle()
        let store = try ws.otherStore()
        let ticked = try store.load("toyokawa-horn-solo-travel").value
        #expect(ticked.checklist["dai2-kpi"]?.by == "試験者")
        #expect(ticked.events.last?.changes.map(\.field) == ["checklist.dai2-kpi"], "one event, the tick alone")
        let text = program.screen.text
        #expect(text.contains(lang == .ja ? "KPI設定の適切性" : "Appropriate KPIs"))
        #expect(text.contains("評価基準"), "the deck section is the page")
        OrgViewTests.golden(program.screen, "grant-checklist-\(lang.rawValue)")
        // The history names the criterion, not its id.
        #expect(program.state.describe(Change(field: "checklist.dai2-kpi", before: .null, after: .object([:]))).contains("KPI"))
        // Undo takes the tick back on disk.
        program.send(.key(.char("u")))
        program.settle()
        #expect(try store.load("toyokawa-horn-solo-travel").value.checklist["dai2-kpi"] == nil)
    }

    @Test func aCaseWithoutTheGrantShowsOnlyItsStageItems() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 40)
        program.settle()
        let doc = try ws.otherStore().load("sayama-ntt-eco-action").value
        #expect(program.state.grants.programmes.map(\.id) == ["dai2-koufukin"], "loaded with the insight")
        #expect(program.state.checklistItems(doc).map(\.id)
                == ws.environment.catalog.items(for: doc.stage, exit: doc.exit, method: doc.method).map(\.id))
    }
}
