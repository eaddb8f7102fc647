import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 16's two views through the real runtime on the shipped samples: the municipality view
/// (profile, cases by stage, next deadlines, readiness) and the partner view (every case a
/// partner is in, across municipalities), reached from a case's detail (`M`, `P`) and from the
/// palette by their Japanese and English names; golden screens in ja and en.
@Suite struct OrgViewTests {
    static let goldens = Repo.url("Tests/RenkeiAppTests/Goldens")

    static func keys(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }

    /// Opens a case's detail through the list filter, as a person would.
    static func openCase(_ program: Program, _ id: String) {
        for m in [.key(.char("/"))] + keys(id) + [.key(.enter), .key(.enter)] { program.send(m) }
        program.settle()
    }

    /// The workbench on `ws`, settled, with `id`'s detail open.
    static func openOn(_ ws: TempWorkspace, _ lang: Lang, caseId id: String, height: Int = 40) -> Program {
        let program = Program.open(ws.environment, settings: Settings(lang: lang), width: 100, height: height)
        program.settle()
        openCase(program, id)
        return program
    }

    static func golden(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(screen.isWellFormed, "\(name): malformed screen", sourceLocation: sourceLocation)
        let url = goldens.appendingPathComponent(name + ".txt")
        let text = screen.text + "\n"
        if ProcessInfo.processInfo.environment["RENKEI_RECORD_GOLDENS"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: goldens, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            if ProcessInfo.processInfo.environment["RENKEI_RECORD_GOLDENS"] != "1" {
                Issue.record("\(name): golden was missing; recorded it — review and re-run", sourceLocation: sourceLocation)
            }
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(expected == text, "\(name): screen differs from Goldens/\(name).txt (RENKEI_RECORD_GOLDENS=1 re-records)\n\(text)",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: [Lang.ja, .en])
    func municipalityViewFromACaseDetail(_ lang: Lang) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Self.openOn(ws, lang, caseId: "sayama-ntt-eco-action")
        #expect(program.state.page == .detail)
        program.send(.key(.char("M")))
        program.settle()
        #expect(program.state.page == .municipality)
        let o = try #require(program.state.orgPages.municipality)
        #expect(o.entry.code == "112151")
        // Both 狭山市 cases, by stage; the profile's desk and its readiness from the samples.
        #expect(o.casesByStage.flatMap { $0.cases.map(\.id) } == ["sayama-ntt-eco-action", "sayama-saitama-robot-field"])
        #expect(o.profile?.desk?.name == "環境経済部 産業振興課 兼 企業立地推進室")
        #expect(o.readiness.partial == 1)
        let text = program.screen.text
        #expect(text.contains("狭山市（埼玉県）") && text.contains("112151"))
        #expect(text.contains(MunicipalityLabel.readiness.text(lang)) && text.contains(MunicipalityLabel.deadlines.text(lang)))
        Self.golden(program.screen, "municipality-\(lang.rawValue)")

        // Enter opens the selected case; Esc comes back to the view, Esc again to the first case.
        program.send(.key(.char("j")))
        program.send(.key(.enter))
        program.settle()
        #expect(program.state.page == .detail && program.state.detail?.id == "sayama-saitama-robot-field")
        program.send(.key(.esc))
        #expect(program.state.page == .municipality)
        program.send(.key(.esc))
        program.settle()
        #expect(program.state.page == .detail && program.state.detail?.id == "sayama-ntt-eco-action")
        program.send(.key(.esc))
        #expect(program.state.page == .list)
    }

    @Test(arguments: [Lang.ja, .en])
    func partnerViewListsEveryCaseAcrossMunicipalities(_ lang: Lang) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        // A second case of TBM in another municipality, written by the CLI's path (the store).
        let input = NewCaseInput(id: "sabae-tbm-bags", title: "LIMEX 素材の指定ごみ袋（試験）", municipality: "鯖江市", partners: ["株式会社ＴＢＭ"])
        _ = try ws.environment.store.create(input, actor: "試験者", now: Timestamp("2026-11-23T09:00:00+09:00")!)

        let program = Self.openOn(ws, lang, caseId: "hayama-tbm-agreement", height: 30)
        program.send(.key(.char("P")))
        program.settle()
        #expect(program.state.page == .partner)
        let o = try #require(program.state.orgPages.partner)
        #expect(o.hasRecord && o.record.name == "株式会社TBM")
        #expect(o.cases.map(\.caseId) == ["hayama-tbm-agreement", "sabae-tbm-bags"])
        #expect(o.cases.map(\.municipality) == ["葉山町（神奈川県）", "鯖江市（福井県）"])
        #expect(o.municipalityCount == 2)
        Self.golden(program.screen, "partner-\(lang.rawValue)")
        // M on a partner row opens that case's municipality.
        program.send(.key(.char("j")))
        program.send(.key(.char("M")))
        program.settle()
        #expect(program.state.page == .municipality && program.state.orgPages.municipality?.entry.code == "182079")
    }

    /// A municipal partner without a record (所沢市 on sayama-ntt-eco-action) shows its body with
    /// prefecture and code in the partner view, resolved like a case's municipality (issue 16).
    @Test func aMunicipalPartnersViewNamesItsBody() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Self.openOn(ws, .ja, caseId: "sayama-ntt-eco-action", height: 30)
        program.send(.key(.char("P")))      // several partners: a picker, in the case's order
        program.send(.key(.char("j")))      // NTTグループ → 所沢市
        program.send(.key(.enter))
        program.settle()
        #expect(program.state.page == .partner)
        let o = try #require(program.state.orgPages.partner)
        #expect(o.record.name == "所沢市" && !o.hasRecord && o.body?.entry?.code == "112089")
        #expect(program.screen.text.contains("自治体") && program.screen.text.contains("所沢市（埼玉県・112089）"), "\(program.screen.text)")
    }

    @Test func paletteFindsBothViewsByTheirNames() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        #expect(program.state.paletteMatches("自治体").first == .municipality)
        #expect(program.state.paletteMatches("連携先").first == .partner, "the view's own name before the editor's alias")
        let en = AppState(settings: Settings(lang: .en), today: TempWorkspace.today)
        #expect(en.paletteMatches("partner view").first == .partner)
        #expect(en.paletteMatches("partner").prefix(2).contains(.partner), "next to the partner editor")
        #expect(en.paletteMatches("municipality").first == .municipality)
        // From the list: the selected row's case (the first sample, 愛知県) — through the palette.
        program.send(.key(.char(":")))
        for m in Self.keys("自治体") { program.send(m) }
        program.send(.key(.enter))
        program.settle()
        #expect(program.state.page == .municipality)
        #expect(program.state.orgPages.municipality?.entry.code == "230006")
        // A case with several partners asks which one.
        program.send(.key(.esc))
        Self.openCase(program, "toyokawa-horn-solo-travel")
        program.send(.key(.char("P")))
        guard case .picker(let p) = program.state.modal else { Issue.record("no picker: \(String(describing: program.state.modal))"); return }
        #expect(p.ids.first == "株式会社ホーン" && p.ids.count == 4)
        program.send(.key(.enter))
        program.settle()
        #expect(program.state.page == .partner && program.state.orgPages.partner?.record.name == "株式会社ホーン")
    }

    @Test func aFreeTextMunicipalitySaysWhyThereIsNoView() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        _ = try ws.environment.store.create(NewCaseInput(id: "torino-visit", title: "海外の視察", municipality: "トリノ市（イタリア）"), actor: "試験者",
                                            now: Timestamp("2026-11-23T09:00:00+09:00")!)
        let program = Self.openOn(ws, .ja, caseId: "torino-visit", height: 30)
        program.send(.key(.char("M")))
        program.settle()
        #expect(program.state.page == .detail, "no view for free text")
        #expect(program.state.toasts.last?.text.contains("トリノ市（イタリア）") == true, "\(program.state.toasts)")
    }
}
