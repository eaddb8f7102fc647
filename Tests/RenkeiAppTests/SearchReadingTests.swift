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
