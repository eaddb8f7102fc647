import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// A temp workspace seeded with the 17 shipped samples, and the runtime environment on it.
/// The directory is removed by `remove()`.
struct TempWorkspace {
    static let repo = Repo.root
    static let today = Day("2026-11-23")!
    let root: URL
    let environment: RuntimeEnvironment

    init() throws {
        root = Scratch.url("app")   // removed at exit even when a test fails before remove()
        let data = DataDirectory(url: Self.repo.appendingPathComponent("Data"))
        let ws = try Workspace.create(at: root)
        _ = try ws.seedSamples(from: data)
        let catalog = try CatalogLoader.load(data: data, workspace: ws).catalog
        environment = RuntimeEnvironment(store: CaseStore(workspace: ws, catalog: catalog), data: data, today: Self.today,
                                         actor: "試験者", now: { Timestamp("2026-11-23T09:00:00+09:00")! })
    }

    /// Another process's view of the same workspace (its own store and index).
    func otherStore() throws -> CaseStore {
        CaseStore(workspace: try Workspace(root: root), catalog: environment.catalog)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct ProgramTests {
    static func keys(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }

    @Test func opensTheWorkspaceAndSettlesBackgroundWork() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment)
        #expect(program.state.loaded)
        #expect(program.state.summaries.count == 17)
        #expect(program.state.insight == nil)             // background work has not started yet
        program.settle()
        #expect(!program.hasBackgroundWork)
        #expect(program.state.insight != nil)
        // Every open case's deadline, as the engine computes it for the whole portfolio.
        let all = StoreEffects(ws.environment).deadlines(program.state.summaries)
        #expect(!all.isEmpty && program.state.deadlines == all)
        #expect(program.screen.text.contains(program.state.summaries[0].title.prefix(4)))
    }

    @Test func aNoteTypedInTheFormIsSavedDurablyWithSavingShownMeanwhile() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        var seenWhileWriting: [String] = []
        program.willWrite = { state in seenWhileWriting.append(view(state).text) }
        let id = try #require(program.state.selectedSummary?.id)
        program.send(Self.keys("a"))                                    // add a note
        let text = "髙橋さんと①②を確認 ㈱テスト ｶﾀｶﾅ 🚀 令和８年"
        program.send(text.map { .key(.char($0)) })
        program.send(.key(.ctrl("s")))
        #expect(program.state.modal == nil)
        #expect(program.state.pending == 0)
        #expect(program.state.toasts.last?.kind == .success)
        #expect(seenWhileWriting.count == 1 && seenWhileWriting[0].contains("保存中"))
        #expect(!program.screen.text.contains("保存中"))
        // On disk, as another process reads it.
        let saved = try ws.otherStore().load(id).value
        #expect(saved.notes.last?.text == text)
        #expect(saved.events.last?.actor == "試験者")
    }

    @Test func aChangeByAnotherProcessIsReloaded() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja))
        program.settle()
        program.checkForExternalChanges()
        #expect(program.state.toasts.isEmpty)                          // nothing changed yet
        let id = program.state.summaries[3].id
        let other = try ws.otherStore()
        _ = try other.apply(id, .setField(path: "title", value: .string("※ 外部で変更した件名")), actor: "別の人",
                            now: Timestamp("2026-11-23T10:00:00+09:00")!)
        program.checkForExternalChanges()
        #expect(program.state.summaries.first { $0.id == id }?.title == "※ 外部で変更した件名")
        #expect(program.state.toasts.last?.text == Label.externalChange.text(.ja))
        // Our own saves are not reported as outside changes.
        program.send(.key(.char("a")))
        program.send(Self.keys("メモ"))
        program.send(.key(.ctrl("s")))
        let toasts = program.state.toasts.count
        program.checkForExternalChanges()
        #expect(program.state.toasts.count == toasts)
    }
}

/// A performer whose background answers are numbered, to see which ones arrive.
final class CountingEffects: EffectPerformer {
    var started = 0
    func perform(_ effect: Effect, state: AppState) -> Msg? { nil }
    func background(_ effect: Effect, state: AppState) -> (@Sendable () -> Msg?)? {
        guard effect == .loadInsight else { return nil }     // one kind, to see which start wins
        started += 1
        let n = started
        return { .notice("insight \(n)") }
    }
}

@Suite struct BackgroundWorkTests {
    @Test func onlyTheLatestBackgroundResultPerKindArrives() {
        let program = Program(state: AppState(today: Day("2026-11-23")!), performer: CountingEffects())
        let data = PortfolioData(summaries: [CaseSummary(id: "a-1")])
        program.send(.loaded(data, external: false))
        program.send(.loaded(data, external: false))                    // a reload before the first finished
        #expect(program.hasBackgroundWork)
        program.settle()
        #expect(program.state.toasts.map(\.text) == ["insight 2"])
        #expect(!program.hasBackgroundWork)
    }

    @Test func aLargeFirstLoadAsksForTheRowsOnScreenFirst() {
        let sums = (0..<(AppState.progressiveDeadlinesFrom + 10)).map { CaseSummary(id: String(format: "c-%05d", $0)) }
        let program = Program(state: AppState(today: Day("2026-11-23")!, width: 80, height: 12), performer: CountingEffects())
        program.send(.loaded(PortfolioData(summaries: sums, deadlinesIncluded: false), external: false))
        let onScreen = Array(sums.prefix(program.state.listBodyHeight).map(\.id))
        #expect(program.effects == [.loadDeadlines(caseIds: onScreen), .loadDeadlinesInBackground, .loadInsight, .loadSyncStatus])
        // A small one, or one sorted by deadline, asks for all of them before the frame.
        let small = Program(state: AppState(today: Day("2026-11-23")!), performer: CountingEffects())
        small.send(.loaded(PortfolioData(summaries: Array(sums.prefix(100)), deadlinesIncluded: false), external: false))
        #expect(small.effects == [.loadDeadlines(caseIds: nil), .loadInsight, .loadSyncStatus])
    }
}
