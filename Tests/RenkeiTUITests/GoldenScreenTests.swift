import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// Replays Msg sequences and compares the rendered screen, as text, with golden files.
/// `RENKEI_RECORD_GOLDENS=1 swift test --filter RenkeiTUITests` re-records them.
@Suite struct GoldenScreenTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (40, 12)]

    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        var lang: Lang = .ja
        var search: String?
        var msgs: @Sendable () -> [Msg]
        var description: String { name }
    }

    static let k = TUIFixtures.keys
    static func open(_ id: String) -> [Msg] {
        // filter to the case, open it, clear the filter afterwards is not needed: detail is by id
        [.key(.char("/"))] + k(id) + [.key(.enter), .key(.enter)]
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "list", msgs: { [] }),
        Scenario(name: "list-en", lang: .en, msgs: { [] }),
        Scenario(name: "list-scrolled", msgs: { Array(repeating: .key(.char("j")), count: 18) }),
        Scenario(name: "list-sorted-stage-desc", msgs: { k("ssssS") }),
        Scenario(name: "list-filter-halfwidth-kana", msgs: { [.key(.char("/"))] + k("カタカナ") }),
        Scenario(name: "list-search-sayama", search: "狭山", msgs: { [] }),
        Scenario(name: "list-unknown-key", msgs: { k("Z") }),
        Scenario(name: "board", msgs: { k("b") + k("lljj") }),
        Scenario(name: "detail-overview-symbols", msgs: { open("x-symbols") }),
        Scenario(name: "detail-checklist", msgs: { open("aichi-station") + k("2jj") }),
        Scenario(name: "detail-budget", msgs: { open("toyonaka") + k("3") }),
        Scenario(name: "detail-kpi", msgs: { open("toyonaka") + k("4") }),
        Scenario(name: "detail-history", msgs: { open("toyonaka") + k("5") }),
        Scenario(name: "detail-notes", msgs: { open("x-symbols") + k("6") }),
        Scenario(name: "detail-hostile", msgs: { open("x-hostile") }),
        Scenario(name: "detail-overlong", msgs: { open("x-overlong") }),
        Scenario(name: "help", msgs: { k("?") }),
        Scenario(name: "palette", msgs: { k(":") + k("adv") }),
        Scenario(name: "gate-dialog", msgs: { open("aichi-station") + k(">") }),
        Scenario(name: "gate-reason", msgs: { open("aichi-station") + k(">y") + k("関係課長会で了承済み") }),
        Scenario(name: "note-form", msgs: { open("x-symbols") + k("a") + k("狭山市の担当者と打合せ。") + [.key(.enter)] + k("ｶﾀｶﾅも👍OK") }),
        Scenario(name: "note-saved-toast", msgs: { open("x-symbols") + k("a") + k("メモ本文") + [.key(.ctrl("s"))] + k("6") }),
        Scenario(name: "new-case-invalid", msgs: { k("n") + [.key(.tab)] + k("狭山市") + [.key(.tab), .key(.tab), .key(.tab)] + k("20x7") + [.key(.ctrl("s"))] }),
        Scenario(name: "edit-picker", msgs: { open("x-symbols") + k("e") }),
        Scenario(name: "edit-exit-choice", msgs: { open("x-symbols") + k("e") + Array(repeating: .key(.down), count: 10 + RecordList.allCases.count) + [.key(.enter), .key(.right)] }),
        Scenario(name: "records-contacts", msgs: { open("toyonaka") + k("e") + [.key(.enter)] }),
        Scenario(name: "records-kpi-en", lang: .en, msgs: { open("toyonaka") + k("e") + k("jj") + [.key(.enter)] }),
        Scenario(name: "record-form-partner", msgs: { open("toyonaka") + k("e") + k("j") + [.key(.enter), .key(.enter), .key(.tab), .key(.right)] }),
        Scenario(name: "record-form-kpi-new-en", lang: .en, msgs: { open("toyonaka") + k(":KPI") + [.key(.enter)] + k("G") + [.key(.enter)] }),
        Scenario(name: "record-form-contact-new", msgs: { open("toyonaka") + k(":連絡") + [.key(.enter)] + k("G") + [.key(.enter)] }),
        Scenario(name: "delete-confirm", msgs: { open("x-symbols") + k(":削除") + [.key(.enter)] }),
        Scenario(name: "delete-confirm-en", lang: .en, msgs: { open("x-symbols") + k(":delete") + [.key(.enter)] }),
        Scenario(name: "edit-long-title", msgs: { open("x-overlong") + k("e") + Array(repeating: .key(.down), count: RecordList.allCases.count) + [.key(.enter)] }),
        Scenario(name: "move-back-prompt", msgs: { open("aichi-station") + k("<") }),
        Scenario(name: "dashboard", msgs: { k("d") }),
        Scenario(name: "dashboard-en", lang: .en, msgs: { k("d") }),
        Scenario(name: "dashboard-filtered", msgs: { k("d") + k("e") + k("jjjjjjjj") }),
        Scenario(name: "detail-similar", msgs: { open("toyonaka") + k("7") }),
        Scenario(name: "detail-similar-en", lang: .en, msgs: { open("toyonaka") + k("7j") }),
        Scenario(name: "joint", msgs: { k("J") + k("j") }),
        Scenario(name: "overdue", msgs: { k("o") }),
        Scenario(name: "overdue-selected", msgs: { k("o") + k("jj") }),
        Scenario(name: "overdue-snooze-form", msgs: { k("o") + k("z") + [.key(.tab)] + k("議会日程待ち") }),
        Scenario(name: "overdue-next-action-form", msgs: { k("o") + k("a") + k("財政課と下見積もりを確認") }),
        Scenario(name: "calendar", msgs: { k("c") }),
        Scenario(name: "calendar-from-overdue", msgs: { k("o") + k("c") }),
        // Issue 14: values by name in the edit menu, the snoozed section, English not cut, palette aliases.
        Scenario(name: "edit-picker-en", lang: .en, msgs: { open("x-symbols") + k("e") }),
        Scenario(name: "edit-picker-references", msgs: { open("x-symbols") + k("e") + Array(repeating: .key(.down), count: 22) }),
        Scenario(name: "edit-picker-references-en", lang: .en, msgs: { open("x-symbols") + k("e") + Array(repeating: .key(.down), count: 22) }),
        Scenario(name: "overdue-en", lang: .en, msgs: { k("o") }),
        Scenario(name: "overdue-snoozed-section", msgs: { k("o") + k("z") + [.key(.tab)] + k("議会日程待ち") + [.key(.ctrl("s"))] + k("G") }),
        Scenario(name: "palette-print", msgs: { k(":") + k("印刷") }),
        // Issue 15: the export dialog says what each audience leaves out, then previews the replacements.
        Scenario(name: "export-dialog", msgs: { open("x-symbols") + k("x") }),
        Scenario(name: "export-dialog-en", lang: .en, msgs: { open("x-symbols") + k("x") }),
        Scenario(name: "export-dialog-internal", msgs: { open("x-symbols") + k("xl") + k("jjl") }),
        Scenario(name: "export-preview", msgs: { open("x-symbols") + k("x") + [.key(.enter), .transfer(.exportPreview(exportPreview))] }),
        Scenario(name: "export-preview-en", lang: .en, msgs: { open("x-symbols") + k("x") + [.key(.enter), .transfer(.exportPreview(exportPreview))] }),
        Scenario(name: "export-preview-internal", msgs: {
            open("x-symbols") + k("xl") + [.key(.enter),
                .transfer(.exportPreview(ExportPreview(request: ExportRequest(caseId: "x-symbols", audience: .internal), target: "exports/x-symbols.html")))]
        }),
    ]

    /// What the runtime answers for x-symbols' share sheet (the App tests check the real one).
    static let exportPreview: ExportPreview = {
        var p = ExportPreview(request: ExportRequest(caseId: "x-symbols"), target: "exports/x-symbols.share.html")
        p.names = 4; p.emails = 1; p.phones = 2
        p.replacements = [.init(original: "山本課長", replacement: "担当者A"), .init(original: "髙橋 一郎", replacement: "担当者B"),
                          .init(original: "yamamoto@city.tokorozawa.example.jp", replacement: "［メール削除］"),
                          .init(original: "０４－２９９８－１１１１", replacement: "［電話番号削除］")]
        return p
    }()

    @Test(arguments: scenarios)
    func golden(_ sc: Scenario) { Self.replay(sc) }

    /// Replays a scenario at every size and compares each screen with its golden (also the
    /// import dialog's, `ImportDialogTests`).
    static func replay(_ sc: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
        for (w, h) in sizes {
            var harness = Harness(TUIFixtures.state(sc.lang, width: w, height: h, search: sc.search))
            harness.send(sc.msgs())
            Golden.check(harness.screen(), "\(sc.name)-\(w)x\(h)", sourceLocation: sourceLocation)
        }
    }

    @Test func resizeKeepsSelectionAndRedraws() {
        var h = Harness(TUIFixtures.state(width: 120, height: 40))
        h.send(Array(repeating: .key(.char("j")), count: 15))
        let id = h.state.selectedSummary?.id
        h.send(.resize(width: 40, height: 12))
        #expect(h.state.selectedSummary?.id == id)
        let s = h.screen()
        #expect(s.width == 40 && s.height == 12 && s.isWellFormed)
        #expect(s.text.contains("▶"))
        h.send(.resize(width: 1, height: 1))
        #expect(h.screen().isWellFormed)
        h.send(.resize(width: 0, height: 0))
        #expect(h.screen().cells.isEmpty)
    }
}

@Suite struct EndToEndReplayTests {
    /// The tmux end-to-end flow, replayed purely (it once crashed on the resize).
    @Test func e2eFlowReplay() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        let k = TUIFixtures.keys
        h.send([.key(.char("/"))] + k("助産師") + [.key(.enter), .key(.enter), .key(.char(">"))])
        h.send(k("y") + k("候補Aと面談済みのため") + [.key(.enter)])
        h.send(k("2 a") + k("狭山市の担当者と打合せ。") + [.key(.enter)] + k("ｶﾀｶﾅと①も確認") + [.key(.ctrl("s"))] + k("6"))
        _ = h.screen()
        h.send(.resize(width: 40, height: 12))
        #expect(h.screen().isWellFormed)
        h.send(.resize(width: 100, height: 30))
        #expect(h.screen().isWellFormed)
    }
}
