import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Archiving from the workbench (issue 14), through the real runtime on a temp workspace: the
/// palette finds it by アーカイブ / 保管 / archive, it is one saved command (another process reads
/// it back, `u` takes it back), the list leaves the case out, アーカイブ済み shows it, and the
/// detail view says it is archived.
@Suite struct ArchiveRuntimeTests {
    typealias R = RecordEditorTests

    @Test(arguments: ["アーカイブ", "保管"])
    func thePaletteArchivesTheOpenCaseAndUndoBringsItBack(_ query: String) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try R.openFirstCase(ws)
        let events = try ws.otherStore().load(id).value.events.count
        R.palette(program, query)
        let saved = try ws.otherStore().load(id).value
        #expect(saved.isArchived && saved.events.count == events + 1 && saved.events.last?.kind == .archived)
        #expect(program.state.detail?.doc?.isArchived == true)
        #expect(program.screen.text.contains("アーカイブ済み"))
        #expect(!program.state.rows.contains { row in
            if case .summary(let i) = row { return program.state.summaries[i].id == id }; return false
        })
        #expect(program.state.counts.total == 16)

        program.send(.key(.char("u")))
        program.settle()
        #expect(try !ws.otherStore().load(id).value.isArchived)
        #expect(program.state.summaries.first { $0.id == id }?.archived == false)
        #expect(program.state.toasts.last?.text.contains("アーカイブ") == true)   // words, not `archive`
    }

    @Test func theArchivedViewShowsOnlyArchivedCasesAndUnarchiveReturnsThem() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let (program, id) = try R.openFirstCase(ws, lang: .en)
        R.palette(program, "archive")
        #expect(try ws.otherStore().load(id).value.isArchived)
        R.palette(program, "show archived")
        #expect(program.state.showArchived && program.state.page == .list)
        #expect(program.state.rows.count == 1 && program.state.selectedSummary?.id == id)
        #expect(program.screen.text.contains("Portfolio (archived)"))
        R.palette(program, "unarchive")
        #expect(try !ws.otherStore().load(id).value.isArchived)
        #expect(program.state.rows.isEmpty)
        R.palette(program, "show archived")
        #expect(!program.state.showArchived && program.state.rows.count == 17)
    }
}
