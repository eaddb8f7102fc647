import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 14: every part of a case is editable from the workbench — contacts, partners with their
/// kind, KPIs with actuals by date, funding, budget lines — and a case can be deleted to trash/.
/// Driven through the real runtime on a temp workspace; what counts is what another process
/// reads back from disk, one event per edit, and that `u` takes it back.
@Suite struct RecordEditorTests {
    static func type(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }

    /// The runtime on a fresh workspace, with the detail of the first listed case open.
    static func openFirstCase(_ ws: TempWorkspace, lang: Lang = .ja) throws -> (Program, String) {
        let program = Program.open(ws.environment, settings: Settings(lang: lang), width: 100, height: 30)
        program.settle()
        let id = try #require(program.state.selectedSummary?.id)
        program.send(.key(.enter))
        #expect(program.state.detail?.doc?.id == id)
        return (program, id)
    }

    /// Palette: `:` + query + Enter.
    static func palette(_ program: Program, _ query: String) {
        program.send(.key(.char(":")))
        program.send(type(query))
        program.send(.key(.enter))
    }

    @Test func aContactIsAddedFromThePaletteAsOneUndoableEvent() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try Self.openFirstCase(ws)
        let before = try ws.otherStore().load(id).value
        Self.palette(program, "連絡")
        guard case .picker(let p)? = program.state.modal, case .records(_, .contacts) = p.purpose else {
            Issue.record("連絡 did not open the contacts editor: \(String(describing: program.state.modal))"); return
        }
        program.send(.key(.char("G")))                 // ＋ 追加する
        program.send(.key(.enter))
        program.send(Self.type("髙橋 ①子"))
        program.send(.key(.tab)); program.send(Self.type("原課 係長"))
        program.send(.key(.tab)); program.send(Self.type("㈱テスト"))
        program.send(.key(.tab)); program.send(Self.type("takahashi@example.jp"))
        program.send(.key(.tab)); program.send(Self.type("０４－２９５３－１１１１"))
        program.send(.key(.ctrl("s")))
        #expect(program.state.modal == nil)
        #expect(program.state.toasts.last?.kind == .success)

        let saved = try ws.otherStore().load(id).value
        #expect(saved.contacts.count == before.contacts.count + 1)
        let added = try #require(saved.contacts.last)
        #expect(added == Contact(name: "髙橋 ①子", organization: "㈱テスト", role: "原課 係長", email: "takahashi@example.jp", phone: "０４－２９５３－１１１１"))
        #expect(saved.events.count == before.events.count + 1)
        #expect(saved.events.last?.changes.map(\.field) == ["contactList"])
        #expect(saved.events.last?.actor == "試験者")

        program.send(.key(.char("u")))
        #expect(try ws.otherStore().load(id).value.contacts == before.contacts)
    }

    /// From the list (no case open): the palette opens the case, then its contacts; an existing
    /// contact's phone is changed in place; a KPI is removed with `d` and comes back with `u`.
    @Test func fromTheListAnExistingContactIsChangedAndAKPIRemoved() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        program.send(.key(.char("/"))); program.send(Self.type("toyonaka")); program.send(.key(.enter))
        Self.palette(program, "連絡")
        guard case .picker(let p)? = program.state.modal, case .records("toyonaka-cureapp-sotsuen", .contacts) = p.purpose else {
            Issue.record("連絡 from the list did not open the case's contacts: \(String(describing: program.state.modal))"); return
        }
        let before = try ws.otherStore().load("toyonaka-cureapp-sotsuen").value
        program.send(.key(.enter))                                          // the first contact
        program.send(Array(repeating: .key(.tab), count: 4))                 // 電話
        program.send(.key(.ctrl("u"))); program.send(Self.type("06-6858-0000"))
        program.send(.key(.ctrl("s")))
        var saved = try ws.otherStore().load("toyonaka-cureapp-sotsuen").value
        #expect(saved.contacts.count == before.contacts.count)
        #expect(saved.contacts[0].phone == "06-6858-0000" && saved.contacts[0].name == before.contacts[0].name)
        #expect(Array(saved.contacts.dropFirst()) == Array(before.contacts.dropFirst()))

        Self.palette(program, "KPI")
        program.send(.key(.char("d")))                                       // the first KPI
        saved = try ws.otherStore().load("toyonaka-cureapp-sotsuen").value
        #expect(saved.kpis == Array(before.kpis.dropFirst()))
        program.send(.key(.char("u")))
        #expect(try ws.otherStore().load("toyonaka-cureapp-sotsuen").value.kpis == before.kpis)
    }

    @Test func aPartnersKindIsChangedAndARemovalIsUndone() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try Self.openFirstCase(ws)
        // Add a partner with the kind 金融機関 through `e` → 連携先.
        program.send(.key(.char("e")))
        guard case .picker(let fields)? = program.state.modal else { Issue.record("no field picker"); return }
        let row = try #require(fields.ids.firstIndex(of: "records:partners"))
        program.send(Array(repeating: .key(.down), count: row) + [.key(.enter)])
        let before = try ws.otherStore().load(id).value
        program.send(.key(.char("G")))
        program.send(.key(.enter))
        program.send(Self.type("埼玉りそな銀行"))
        program.send(.key(.tab))
        let fin = try #require(PartnerKind.allCases.firstIndex(of: .financialInstitution))
        program.send(Array(repeating: .key(.right), count: fin))
        #expect(program.screen.text.contains("金融機関"))
        program.send(.key(.tab)); program.send(Self.type("地域金融"))
        program.send(.key(.ctrl("s")))
        var saved = try ws.otherStore().load(id).value
        #expect(saved.partners.last == Partner(name: "埼玉りそな銀行", kind: .financialInstitution, role: "地域金融"))
        #expect(saved.partners.dropLast() == before.partners[...])

        // Remove it with `d` in the partner list, then bring it back with `u`.
        program.send(.key(.char("e")))
        program.send(Array(repeating: .key(.down), count: row) + [.key(.enter)])
        program.send(Array(repeating: .key(.down), count: saved.partners.count - 1))
        program.send(.key(.char("d")))
        saved = try ws.otherStore().load(id).value
        #expect(saved.partners == before.partners)
        program.send(.key(.char("u")))
        #expect(try ws.otherStore().load(id).value.partners.last?.kind == .financialInstitution)
    }

    @Test func aKPIIsAddedAndAnActualRecordedByDate() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try Self.openFirstCase(ws, lang: .en)
        Self.palette(program, "KPI")
        program.send(.key(.char("G")))
        program.send(.key(.enter))
        program.send(Self.type("参加者数"))
        program.send(.key(.tab)); program.send(Self.type("人"))
        program.send(.key(.tab)); program.send(Self.type("１２０"))       // baseline, full-width digits
        program.send(.key(.tab)); program.send(Self.type("300"))
        program.send(.key(.tab)); program.send(.key(.ctrl("u"))); program.send(Self.type("2026-10-01"))
        program.send(.key(.tab)); program.send(Self.type("180"))
        program.send(.key(.ctrl("s")))
        var kpi = try #require(try ws.otherStore().load(id).value.kpis.last)
        #expect(kpi.name == "参加者数" && kpi.unit == "人" && kpi.baseline == 120 && kpi.target == 300)
        #expect(kpi.actuals == [KPIActual(date: Day("2026-10-01")!, value: 180)])

        // A second actual on another day for the same KPI (defaults to today).
        Self.palette(program, "KPI")
        let index = try ws.otherStore().load(id).value.kpis.count - 1
        program.send(Array(repeating: .key(.down), count: index) + [.key(.enter)])
        program.send(Array(repeating: .key(.tab), count: 5))
        program.send(Self.type("x"))
        program.send(.key(.ctrl("s")))
        guard case .form(let f)? = program.state.modal else { Issue.record("a bad number closed the form"); return }
        #expect(f.fields[5].error == FieldExpectation.number.text(.en))
        program.send(.key(.backspace)); program.send(Self.type("210"))
        program.send(.key(.ctrl("s")))
        kpi = try #require(try ws.otherStore().load(id).value.kpis.last)
        #expect(kpi.actuals == [KPIActual(date: Day("2026-10-01")!, value: 180), KPIActual(date: TempWorkspace.today, value: 210)])
    }

    @Test func fundingAndBudgetLinesAreEditable() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try Self.openFirstCase(ws)
        let before = try ws.otherStore().load(id).value
        Self.palette(program, "財源")
        program.send(.key(.char("G"))); program.send(.key(.enter))
        program.send(Self.type("デジタル田園都市国家構想交付金"))
        program.send(.key(.tab))
        let grant = try #require(FundingKind.allCases.firstIndex(of: .grant))
        program.send(Array(repeating: .key(.right), count: grant))
        program.send(.key(.tab)); program.send(Self.type("50"))
        program.send(.key(.tab)); program.send(Self.type("2,400,000円"))
        program.send(.key(.ctrl("s")))
        let funding = try #require(try ws.otherStore().load(id).value.budget.funding.last)
        #expect(funding.name == "デジタル田園都市国家構想交付金" && funding.kind == .grant && funding.ratePercent == 50 && funding.yen == 2_400_000)

        Self.palette(program, "内訳")
        program.send(.key(.char("G"))); program.send(.key(.enter))
        program.send(Self.type("委託料"))
        program.send(.key(.tab)); program.send(Self.type("４，８００，０００"))
        program.send(.key(.ctrl("s")))
        let items = try ws.otherStore().load(id).value.budget.items
        #expect(items == before.budget.items + [BudgetItem(label: "委託料", yen: 4_800_000)])
        // Two edits, two events, each undone on its own.
        program.send(.key(.char("u")))
        #expect(try ws.otherStore().load(id).value.budget.items == before.budget.items)
        program.send(.key(.char("u")))
        #expect(try ws.otherStore().load(id).value.budget.funding == before.budget.funding)
    }

    @Test func aDeletedCaseGoesToTrashAndUndoBringsItBack() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try Self.openFirstCase(ws)
        Self.palette(program, "削除")
        guard case .picker(let p)? = program.state.modal, case .confirmDelete(id) = p.purpose else {
            Issue.record("削除 did not ask to confirm"); return
        }
        #expect(p.selection == 0)                       // the safe choice first
        program.send(.key(.enter))                       // やめる
        #expect(FileManager.default.fileExists(atPath: try ws.environment.workspace.caseURL(id).path))
        Self.palette(program, "削除")
        program.send(.key(.down)); program.send(.key(.enter))
        let live = try ws.environment.workspace.caseURL(id).path
        let trash = ws.environment.workspace.trashDir.appendingPathComponent(id + ".json").path
        #expect(!FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: trash))
        #expect(program.state.page == .list)
        #expect(program.state.summaries.count == 16)
        #expect(program.state.toasts.last?.text.contains("ごみ箱") == true)
        program.send(.key(.char("u")))
        #expect(FileManager.default.fileExists(atPath: live) && !FileManager.default.fileExists(atPath: trash))
        #expect(program.state.summaries.count == 17)
        #expect(program.state.toasts.last?.text.contains("案件を削除") == true)   // words, not `delete case`
    }

    @Test func thePaletteFindsTheEditorsByJapaneseAndEnglishNames() {
        let state = AppState(settings: Settings(lang: .ja), today: TempWorkspace.today)
        let expected: [(String, Action)] = [("連絡", .editContacts), ("担当", .editContacts), ("KPI", .editKPIs), ("削除", .deleteCase),
                                            ("印刷", .export), ("財源", .editFunding), ("連携先", .editPartners), ("金額", .editBudgetLines)]
        for (query, action) in expected {
            #expect(state.paletteMatches(query).contains(action), "\(query) finds \(action)")
        }
        let en = AppState(settings: Settings(lang: .en), today: TempWorkspace.today)
        for (query, action) in [("contact", Action.editContacts), ("delete", .deleteCase), ("funding", .editFunding), ("partner", .editPartners),
                                ("archive", .archiveCase), ("unarchive", .unarchiveCase), ("print", .export), ("KPI", .editKPIs)] {
            #expect(en.paletteMatches(query).first == action, "\(query) finds \(action) first")
        }
    }

    @Test func editingALongValueShowsAllOfIt() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try Self.openFirstCase(ws)
        let long = "狭山市の茶畑における気象センサーと画像解析を用いた霜害予測の実証、農家への通知、JA・県農林振興センターとの共同運用までを含む三か年計画（令和８年度〜令和10年度）"
        try ws.otherStore().apply(id, .setField(path: "title", value: .string(long)), actor: "試験者", now: Timestamp("2026-11-23T10:00:00+09:00")!)
        program.send(.key(.ctrl("l")))
        program.send(.key(.char("e")))
        guard case .picker(let fields)? = program.state.modal else { Issue.record("no field picker"); return }
        let row = try #require(fields.ids.firstIndex(of: "title"))
        program.send(Array(repeating: .key(.down), count: row) + [.key(.enter)])
        // Inside the dialog (the title bar above shows the title's start anyway).
        let screen = program.screen.text
        let dialog = screen.split(separator: "\n").dropFirst(3).joined(separator: "\n")
        #expect(dialog.contains("狭山市の茶畑"), "the start of the value is in the form:\n\(screen)")
        #expect(dialog.contains("令和10年度"), "the end of the value is in the form:\n\(screen)")
    }
}
