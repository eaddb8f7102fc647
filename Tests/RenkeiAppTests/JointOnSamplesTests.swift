import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 14: `J` on the sample portfolio, through the real runtime and the shipped samples (not
/// the TUI fixtures), shows at least one real joint-procurement candidate — two or more bodies
/// — with its members by name, and no method or exit code.
@Suite struct JointOnSamplesTests {
    @Test func jOnTheSamplesShowsARealCandidate() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 40)
        program.settle()
        program.send(.key(.char("J")))
        program.settle()
        #expect(program.state.page == .joint)
        let groups = program.state.joint?.groups ?? []
        #expect(!groups.isEmpty, "no candidate on the samples: \(String(describing: program.state.joint?.note))")
        #expect(groups.allSatisfy { Set($0.members.map(\.municipality)).count >= 2 }, "a candidate pairs two bodies")
        let text = program.screen.text
        #expect(text.contains("■ ") && text.contains("共通の予算要求締切"), "\(text)")
        for code in ["procurement", "joint]", "trial-order", "small-medium", "urban"] { #expect(!text.contains(code), "\(code) on screen:\n\(text)") }
    }
}
