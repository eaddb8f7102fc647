import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// A case's overview names its municipality's code and prefecture — 狭山市（埼玉県・112151）— as
/// `M` and `municipality show` do; a case not linked yet says 未照合 and the step that links it
/// (issue 16). Through the real runtime on the shipped samples, with golden screens.
@Suite struct CaseOverviewMunicipalityTests {
    /// The samples are not linked until `renkei municipality resolve`; link one as it would.
    static func link(_ ws: TempWorkspace, _ id: String, code: String) throws {
        let url = ws.root.appendingPathComponent("cases/\(id).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let linked = text.replacingOccurrences(of: "\"municipality\": {\n", with: "\"municipality\": {\n    \"code\": \"\(code)\",\n")
        #expect(linked != text)
        try linked.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [Lang.ja, .en])
    func aLinkedCaseShowsItsPrefectureAndCode(_ lang: Lang) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        try Self.link(ws, "sayama-ntt-eco-action", code: "112151")
        let program = OrgViewTests.openOn(ws, lang, caseId: "sayama-ntt-eco-action")
        #expect(program.state.page == .detail)
        let text = program.screen.text
        #expect(text.contains(lang == .ja ? "狭山市（埼玉県・112151）" : "狭山市 (埼玉県, 112151)"), "\(text)")
        #expect(!text.contains("未照合") && !text.contains("no code"))
        OrgViewTests.golden(program.screen, "case-overview-linked-\(lang.rawValue)")
    }

    @Test(arguments: [Lang.ja, .en])
    func anUnlinkedCaseSaysSoAndHowToLinkIt(_ lang: Lang) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = OrgViewTests.openOn(ws, lang, caseId: "hikari-elderly-watch")
        #expect(program.state.page == .detail)
        let caption = MunicipalityCaption(try #require(program.state.detail?.doc),
                                          resolver: program.state.readings?.resolver, lang: lang)
        #expect(caption.state == .resolvable && caption.code == "082201")
        let text = program.screen.text
        #expect(text.contains(lang == .ja ? "つくば市（茨城県）（未照合）" : "つくば市（茨城県） (no code)"), "\(text)")
        // The step, by the workbench's own keys (no command words on a Japanese screen).
        #expect(text.contains(lang == .ja ? "e →「地方公共団体コード」に 082201 と入れて結び付けます" : "e → 'Local government code': enter 082201"), "\(text)")
        #expect(!text.contains("renkei municipality") && !text.contains("municipality.code"))
        OrgViewTests.golden(program.screen, "case-overview-unlinked-\(lang.rawValue)")
    }

    /// Following the hint links the case: `e` → 地方公共団体コード → 082201 → saved; the overview
    /// then shows つくば市（茨城県・082201）. A wrong check digit is refused in the form.
    @Test func followingTheHintLinksTheCase() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = OrgViewTests.openOn(ws, .ja, caseId: "hikari-elderly-watch")
        func typeCode(_ code: String) throws {
            program.send(.key(.char("e")))
            guard case .picker(let fields)? = program.state.modal else { Issue.record("no field picker"); return }
            let row = try #require(fields.ids.firstIndex(of: "municipality.code"))
            #expect(fields.ids[row - 1] == "municipality.prefecture", "offered right after the prefecture")
            program.send(Array(repeating: .key(.down), count: row) + [.key(.enter)])
            program.send(code.map { .key(.char($0)) })
            program.send(.key(.enter))
            program.settle()
        }
        try typeCode("082202")
        #expect(program.state.modal != nil, "a wrong check digit keeps the form open")
        #expect(try ws.otherStore().load("hikari-elderly-watch").value.municipality.code == nil)
        program.send(.key(.esc))
        try typeCode("082201")
        #expect(try ws.otherStore().load("hikari-elderly-watch").value.municipality.code == "082201")
        let text = program.screen.text
        #expect(text.contains("つくば市（茨城県・082201）") && !text.contains("未照合"), "\(text)")
    }
}
