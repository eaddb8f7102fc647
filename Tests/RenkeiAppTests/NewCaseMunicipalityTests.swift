import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 16 in the workbench's new-case form: the line under 自治体 says, as it is typed, which
/// body the case will be linked to; 府中市 (two bodies) is asked about — the form stays open
/// until a prefecture decides — and the saved case carries the chosen code.
@Suite struct NewCaseMunicipalityTests {
    func form(_ p: Program) -> Form? { if case .form(let f) = p.state.modal { return f } else { return nil } }
    func field(_ p: Program, _ key: String) -> FormField? { form(p)?.fields.first { $0.key == key } }

    @Test func theFormLinksOffersAndAsks() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 40)
        program.settle()   // the insight load brings the table's resolver
        #expect(program.state.readings?.resolver != nil)
        program.send(.key(.char("n")))
        program.send("府中の見守り①".map { .key(.char($0)) })
        program.send(.key(.tab))
        program.send("sayama".map { .key(.char($0)) })
        #expect(field(program, "municipality")?.warning == "→ 狭山市（埼玉県）［112151］に結び付けます")
        for _ in 0..<6 { program.send(.key(.backspace)) }
        program.send("府中市".map { .key(.char($0)) })
        let hint = try #require(field(program, "municipality")?.warning)
        #expect(hint.contains("132063") && hint.contains("342084"), "\(hint)")
        // Saving asks: the form stays, nothing is written.
        let before = try ws.otherStore().portfolio().summaries.count
        program.send(.key(.ctrl("s")))
        program.settle()
        #expect(field(program, "municipality")?.error?.contains("都道府県を付けるか") == true)
        #expect(try ws.otherStore().portfolio().summaries.count == before)
        // The prefecture decides; the case is saved linked to 東京都の府中市.
        program.send(.key(.tab))
        program.send("東京都".map { .key(.char($0)) })
        #expect(field(program, "municipality")?.warning?.contains("132063") == true)
        program.send(.key(.ctrl("s")))
        program.settle()
        let created = try #require(try ws.otherStore().portfolio().summaries.first { $0.title == "府中の見守り①" })
        #expect(created.municipalityCode == "132063" && created.municipality == "府中市" && created.prefecture == "東京都")
        // Its id starts with that code (issue 14): readable, and typed as a prefix.
        #expect(created.id.hasPrefix("132063-"), "\(created.id)")
    }
}
