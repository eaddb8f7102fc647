import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 14, the first run: the workbench asks who signs the changes (and the runtime saves
/// it), a new workspace starts empty, and the samples come in only by the person's choice and
/// only into an empty workspace.
@Suite struct FirstRunTests {
    final class Saved: @unchecked Sendable { var names: [String] = [] }

    static func emptyWorkspace(saved: Saved) throws -> (RuntimeEnvironment, URL) {
        let root = Scratch.url("first-run")
        let data = DataDirectory(url: TempWorkspace.repo.appendingPathComponent("Data"))
        let ws = try Workspace.create(at: root)
        let catalog = try CatalogLoader.load(data: data, workspace: ws).catalog
        let env = RuntimeEnvironment(store: CaseStore(workspace: ws, catalog: catalog), data: data, today: TempWorkspace.today,
                                     actor: "login", now: { Timestamp("2026-11-23T09:00:00+09:00")! },
                                     saveActor: { saved.names.append($0) })
        return (env, root)
    }

    @Test func theNameIsAskedSavedAndSignsTheChanges() throws {
        let saved = Saved()
        let (env, root) = try Self.emptyWorkspace(saved: saved)
        defer { try? FileManager.default.removeItem(at: root) }
        let program = Program.open(env, settings: Settings(lang: .ja), width: 100, height: 30)
        program.send(.firstRun(suggestedName: "login", offerSamples: true))
        #expect(program.screen.text.contains("ようこそ"))
        program.send(.key(.ctrl("u")))
        program.send(.key(.enter))                                     // empty: refused, asked again
        guard case .prompt(let p)? = program.state.modal else { Issue.record("the name prompt closed on an empty name"); return }
        #expect(p.error == Label.requiredField.text(.ja))
        program.send("髙橋 花子".map { .key(.char($0)) })
        program.send(.key(.enter))
        #expect(saved.names == ["髙橋 花子"])
        // Then the one-key offer of the samples: Enter loads them.
        guard case .picker(let offer)? = program.state.modal, offer.purpose == .samples else { Issue.record("no samples offer"); return }
        #expect(program.screen.text.contains("サンプル案件を読み込む"))
        program.send(.key(.enter))
        program.settle()
        #expect(program.state.summaries.count == 17)
        #expect(program.state.toasts.last?.text.contains("17") == true)
        // The next change is signed with the name given.
        let id = try #require(program.state.selectedSummary?.id)
        program.send(.key(.char("a")))
        program.send("初回のメモ".map { .key(.char($0)) })
        program.send(.key(.ctrl("s")))
        let c = try env.store.load(id).value
        #expect(c.events.last?.actor == "髙橋 花子" && c.notes.last?.author == "髙橋 花子")
    }

    @Test func escKeepsTheWorkspaceEmptyAndSamplesNeverMixIntoRealWork() throws {
        let saved = Saved()
        let (env, root) = try Self.emptyWorkspace(saved: saved)
        defer { try? FileManager.default.removeItem(at: root) }
        let program = Program.open(env, settings: Settings(lang: .en), width: 100, height: 30)
        program.send(.firstRun(suggestedName: nil, offerSamples: true))
        guard case .picker? = program.state.modal else { Issue.record("no samples offer"); return }
        program.send(.key(.esc))
        #expect(program.state.summaries.isEmpty)
        #expect(saved.names.isEmpty)
        #expect(program.screen.text.contains("sample"), "the empty list says how to load them later")
        // A real case first; the palette's offer then refuses to mix samples in.
        _ = try env.store.create(NewCaseInput(id: "", title: "本物の案件", municipality: "狭山市"), actor: "login", now: env.now())
        program.send(.key(.ctrl("l")))
        program.send(.key(.char(":")))
        program.send("sample".map { .key(.char($0)) })
        program.send(.key(.enter))
        #expect(program.state.modal == nil)
        #expect(program.state.toasts.last?.text == Label.samplesOnlyEmpty.text(.en))
        #expect(try env.store.portfolio().summaries.count == 1)
    }
}
