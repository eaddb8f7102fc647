import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 14's "done when": a coordinator's morning on a Japanese workbench — overdue review,
/// filter, open, tick, advance with override, note, edit contacts and a KPI, history, undo, new
/// case, export — and no screen along the way shows an internal code (stage, exit, method,
/// domain, checklist item or event-kind ids, field paths, UTC times). Case ids may appear: the
/// list and the titles show them on purpose.
@Suite struct MorningRoutineTests {
    static func type(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }

    /// Every code a Japanese screen must not show.
    static func codes(_ catalog: Catalog) -> [String] {
        var out = Stage.allCases.map(\.rawValue) + Exit.allCases.map(\.rawValue) + EventKind.allCases.map(\.rawValue)
        out += catalog.methods.map(\.id) + catalog.domains.map(\.id) + (catalog.allItems + catalog.referenceItems).map(\.id)
        out += PartnerKind.allCases.map(\.rawValue) + FundingKind.allCases.map(\.rawValue) + SizeClass.allCases.map(\.rawValue)
        out += RecordList.allCases.map(\.path) + CaseFields.specs.map(\.path).filter { $0.contains(".") }
        out += ["checklist.", "reference.", "snooze.", "note.", "unknown", "field-set"]
        // Bare English words that are also ids (joint, method, other …) would be found inside ordinary text.
        return Set(out).filter { $0.count >= 5 || $0.contains("-") || $0.contains(".") }.sorted()
    }

    /// Codes on the screen, after the case ids (shown on purpose) are taken out.
    static func leaks(_ screen: String, ids: [String], codes: [String]) -> [String] {
        var text = screen
        for id in ids.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: id, with: "") }
        var found = codes.filter { text.contains($0) }
        // A UTC time (…T15:32:39Z) next to local ones.
        if text.range(of: #"\d{2}:\d{2}:\d{2}Z"#, options: .regularExpression) != nil { found.append("UTC time") }
        return found
    }

    @Test func aJapaneseMorningShowsNoInternalCode() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 36)
        program.settle()
        let codes = Self.codes(ws.environment.catalog)
        var step = "start"
        func check() {
            let ids = program.state.summaries.map(\.id)
            let found = Self.leaks(program.screen.text, ids: ids, codes: codes)
            #expect(found.isEmpty, "\(step): \(found) on screen:\n\(program.screen.text)")
            // Nor an English sentence (a status line, a toast, a warning built outside the table).
            let english = EnglishLeak.runs(in: program.screen.text)
            #expect(english.isEmpty, "\(step): English \(english) on screen:\n\(program.screen.text)")
        }
        check()

        step = "overdue review"
        program.send(.key(.char("o"))); check()
        program.send(.key(.char("j"))); program.send(.key(.char("j"))); check()
        program.send(.key(.esc))

        step = "filter by reading"
        program.send(.key(.char("/"))); program.send(Self.type("さやま")); program.send(.key(.enter)); check()

        step = "open"
        program.send(.key(.enter)); check()
        let id = try #require(program.state.detail?.id)

        step = "tick"
        program.send(.key(.char("2"))); program.send(.key(.char(" "))); check()

        step = "advance with override"
        program.send(.key(.char(">"))); check()
        if case .gate? = program.state.modal {
            program.send(.key(.char("y"))); program.send(Self.type("関係課長会で了承済み")); check()
            program.send(.key(.enter))
        }
        check()

        step = "note"
        program.send(.key(.char("a"))); program.send(Self.type("財政課と①の日程を調整。")); program.send(.key(.ctrl("s"))); check()

        step = "edit menu"
        program.send(.key(.char("e"))); check()
        program.send(.key(.esc))

        step = "contacts"
        program.send(.key(.char(":"))); program.send(Self.type("連絡")); check()
        program.send(.key(.enter)); check()
        program.send(.key(.char("G"))); program.send(.key(.enter))
        program.send(Self.type("髙橋 花子")); program.send(.key(.tab)); program.send(Self.type("原課 主査")); check()
        program.send(.key(.ctrl("s"))); check()

        step = "KPI"
        program.send(.key(.char(":"))); program.send(Self.type("KPI")); program.send(.key(.enter))
        program.send(.key(.char("G"))); program.send(.key(.enter))
        program.send(Self.type("アプリ登録者数")); program.send(.key(.tab)); program.send(Self.type("人"))
        program.send(Array(repeating: .key(.tab), count: 4)); program.send(Self.type("1200")); check()
        program.send(.key(.ctrl("s"))); check()
        program.send(.key(.char("4"))); check()

        step = "history"
        program.send(.key(.char("5"))); check()
        program.send(.key(.pageDown)); check()

        step = "undo"
        program.send(.key(.char("u"))); check()

        step = "export"
        program.send(.key(.char("x"))); check()
        program.send(.key(.enter)); check()

        step = "new case"
        program.send(.key(.esc)); program.send(.key(.esc))
        program.send(.key(.char("n")))
        program.send(Self.type("見守りセンサーの実証")); program.send(.key(.tab)); program.send(Self.type("狭山市"))
        program.send([.key(.tab), .key(.tab), .key(.tab)]); program.send(Self.type("2026")); check()
        program.send(.key(.ctrl("s"))); check()

        // The day's work is on disk, signed by the coordinator.
        let c = try ws.otherStore().load(id).value
        #expect(c.notes.last?.text == "財政課と①の日程を調整。")
        #expect(c.contacts.contains { $0.name == "髙橋 花子" })
    }

    /// The check itself can fail: a code on screen is found, a case id is not.
    @Test func theLeakCheckFindsCodes() {
        let codes = ["gate-overridden", "coord-pattern-2", "budget.fiscalYear"]
        #expect(Self.leaks("取り消しました: c-0001 — gate-overridden", ids: ["c-0001"], codes: codes) == ["gate-overridden"])
        #expect(Self.leaks("sayama-ntt-eco-action 調整", ids: ["sayama-ntt-eco-action"], codes: ["sayama"]).isEmpty)
        #expect(Self.leaks("2026-11-23T15:32:39Z", ids: [], codes: []) == ["UTC time"])
    }
}
