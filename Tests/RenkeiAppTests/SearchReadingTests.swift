import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI
@testable import RenkeiApp

/// The list filter by reading (issue 14), through the runtime: once the background work has
/// loaded the readings, ｻﾔﾏ / さやま / sayama filter the list to the 狭山市 cases.
@Suite struct SearchReadingTests {
    @Test func theListFilterFindsSayamaByItsReadings() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 30)
        program.settle()
        #expect(program.state.readings != nil)
        for q in ["ｻﾔﾏ", "さやま", "sayama"] {
            program.send(.key(.char("/")))
            program.send(q.map { .key(.char($0)) })
            program.send(.key(.enter))
            let shown = program.state.rows.compactMap { r -> String? in
                if case .summary(let i) = r { return program.state.summaries[i].id }; return nil
            }.sorted()
            #expect(shown == ["sayama-ntt-eco-action", "sayama-saitama-robot-field"], "\(q): \(shown)")
            #expect(program.screen.text.contains("狭山市"))
            program.send(.key(.esc))                                   // clears the filter
        }
    }
}

/// Readings follow the partner records while the workbench runs (issue 14): a record that
/// arrives during the session (by hand, a sync, the samples) is found by its reading at the next
/// reload — before, the readings were read once and such a partner needed a restart.
@Suite struct SearchReadingReloadTests {
    static func shown(_ program: Program) -> [String] {
        program.state.rows.compactMap { r -> String? in
            if case .summary(let i) = r { return program.state.summaries[i].id }; return nil
        }.sorted()
    }

    static func filter(_ program: Program, _ q: String) -> [String] {
        program.send(.key(.char("/")))
        program.send(q.map { .key(.char($0)) })
        program.send(.key(.enter))
        defer { program.send(.key(.esc)) }
        return shown(program)
    }

    @Test func aPartnerRecordAddedDuringTheSessionIsFoundByItsReading() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let record = ws.root.appendingPathComponent("partners/tbm.json")
        let bytes = try Data(contentsOf: record)
        try FileManager.default.removeItem(at: record)
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 30)
        program.settle()
        #expect(Self.filter(program, "てぃーびーえむ").isEmpty, "no record yet: the reading names nothing")
        try bytes.write(to: record)                       // 株式会社TBM, alias ティービーエム
        program.send(.key(.ctrl("l")))
        program.settle()
        #expect(Self.filter(program, "てぃーびーえむ") == ["hayama-tbm-agreement"])
        // The filter typed before the record arrived follows it too, without typing it again.
        try FileManager.default.removeItem(at: record)
        program.send(.key(.char("/")))
        program.send("てぃーびーえむ".map { .key(.char($0)) })
        program.send(.key(.enter))
        program.send(.key(.ctrl("l")))
        program.settle()
        #expect(Self.shown(program).isEmpty, "the record is gone: so is the match")
    }
}
