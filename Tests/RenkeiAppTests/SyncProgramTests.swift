import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiSync
@testable import RenkeiTUI
@testable import RenkeiApp

/// Two workspaces shared through a bare repository on this machine (the 庁内 file server): `a`
/// is the workbench under test (the real runtime, `Program` + `StoreEffects`), `b` a colleague
/// who edits with their own store and syncs with the same engine as `renkei sync`.
struct SharedLab {
    static let today = Day("2026-11-23")!
    let dir: URL
    let hub: URL
    let a: Workspace
    let b: Workspace
    let catalog: Catalog
    let data = DataDirectory(url: Repo.data)

    /// The built `renkei` (the other process of these tests).
    static var binary: URL { BuiltBinary.renkei }

    init() throws {
        dir = try Scratch.directory("sync-app")
        hub = dir.appendingPathComponent("hub.git")
        let r = try Proc.run(["git", "init", "-q", "--bare", hub.path])
        guard r.status == 0 else { throw StoreError.workspace(.indexNotWritten(path: "git init --bare", detail: r.output)) }
        a = try Workspace.create(at: dir.appendingPathComponent("a"))
        _ = try a.seedSamples(from: data)
        catalog = try CatalogLoader.load(data: data, workspace: a).catalog
        _ = try SyncSetup.initialize(workspace: a, binary: Self.binary.path, remote: hub.path)
        _ = try SyncEngine(workspace: a, catalog: catalog, actor: "職員a", now: Timestamp("2026-11-23T09:00:00+09:00")!, binary: nil).sync()
        b = try SyncSetup.clone(url: hub.path, into: dir.appendingPathComponent("b"), binary: Self.binary.path).1
    }

    func engine(_ ws: Workspace, _ actor: String, at: String = "2026-11-23T09:00:00+09:00") throws -> SyncEngine {
        try SyncEngine(workspace: ws, catalog: catalog, actor: actor, now: Timestamp(at)!, binary: nil)
    }

    func store(_ ws: Workspace) -> CaseStore { CaseStore(workspace: ws, catalog: catalog) }

    /// The workbench on `a` (actor 職員a).
    func program(_ lang: Lang = .ja, width: Int = 120, height: Int = 30) -> Program {
        let env = RuntimeEnvironment(store: store(a), data: data, today: Self.today, actor: "職員a",
                                     now: { Timestamp("2026-11-23T11:00:00+09:00")! })
        let p = Program.open(env, settings: Settings(lang: lang), width: width, height: height)
        p.settle()
        return p
    }

    /// `b` edits and syncs.
    func colleague(_ id: String, _ command: Command, at: String) throws {
        _ = try store(b).apply(id, command, actor: "職員b", now: Timestamp(at)!)
        let r = try engine(b, "職員b", at: at).sync()
        #expect(r.offline == nil)
    }

    /// `renkei sync` on `a` from another process, as a second terminal would run it.
    func syncFromAnotherProcess() throws -> Proc.Result {
        var env = ProcessInfo.processInfo.environment
        env["RENKEI_DATA"] = Repo.data.path
        env["RENKEI_ACTOR"] = "職員a"
        env["RENKEI_LANG"] = "en"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env.removeValue(forKey: "RENKEI_WORKSPACE")
        return try Proc.run([Self.binary.path, "sync", "--workspace", a.root.path], environment: env)
    }
}

@Suite(.serialized) struct SyncProgramTests {
    static let id = "aichi-station-ai-drone"
    static func keys(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }
    static func open(_ id: String) -> [Msg] { [.key(.char("/"))] + keys(id) + [.key(.enter), .key(.enter)] }
    static func line(_ p: Program, containing s: String) -> String {
        p.screen.text.split(separator: "\n").map(String.init).first { $0.contains(s) } ?? ""
    }

    @Test func theSyncKeyBringsAColleaguesChangeMarksItUntilOpenedAndSendsOurs() throws {
        let lab = try SharedLab()
        try lab.colleague(Self.id, .setField(path: "title", value: .string("※ 髙橋さんが変えた件名 ①ｶﾀｶﾅ")), at: "2026-11-23T10:00:00+09:00")
        let program = lab.program()
        #expect(program.state.team.status?.sharing == .shared)
        #expect(program.state.team.status?.lastSync != nil)
        #expect(Self.line(program, containing: "同期").contains("↑0 ↓0"), "\(program.screen.text)")

        program.send(.key(.char("Y")))
        #expect(program.state.team.syncing && program.screen.text.contains("同期中…"))
        program.settle()
        #expect(!program.state.team.syncing)
        #expect(program.state.toasts.contains { $0.kind == .success && $0.text.hasPrefix("↑0 ↓1") }, "\(program.state.toasts)")
        #expect(program.state.summary(Self.id)?.title == "※ 髙橋さんが変えた件名 ①ｶﾀｶﾅ")
        // Marked in the list and counted in the header until opened (local state, not synced).
        #expect(program.state.team.isUnseen(Self.id))
        #expect(program.screen.text.split(separator: "\n")[0].contains("● 他の人の変更 1件"))
        #expect(Self.line(program, containing: "髙橋さんが変えた").hasPrefix("●"))
        #expect(SyncLocalState(workspace: lab.a).unseen() == [Self.id])
        #expect(try String(contentsOf: lab.a.root.appendingPathComponent(".gitignore"), encoding: .utf8).contains("unseen.json"))

        program.send(Self.open(Self.id))
        #expect(program.state.page == .detail && !program.state.team.isUnseen(Self.id))
        #expect(SyncLocalState(workspace: lab.a).unseen().isEmpty)

        // Our own note goes out with the next `Y`.
        program.send(.key(.char("a")))
        program.send("佐藤メモ ① 🚀".map { .key(.char($0)) })
        program.send(.key(.ctrl("s")))
        program.send(.key(.char("Y")))
        program.settle()
        #expect(program.state.toasts.contains { $0.text.hasPrefix("↑1 ↓0") }, "\(program.state.toasts)")
        #expect(program.state.team.status?.up == 0)
        _ = try lab.engine(lab.b, "職員b").sync()
        #expect(try lab.store(lab.b).load(Self.id).value.notes.contains { $0.text == "佐藤メモ ① 🚀" })
        // The marks are each person's own: b now has a's change to look at; the file never travelled.
        #expect(SyncLocalState(workspace: lab.b).unseen() == [Self.id])
        let tracked = try Proc.run(["git", "-C", lab.a.root.path, "ls-files"]).stdout
        #expect(tracked.contains("cases/\(Self.id).json") && !tracked.contains("unseen.json"))
    }

    @Test func aSyncByAnotherProcessShowsUpAndTheOpenFormKeepsItsText() throws {
        let lab = try SharedLab()
        let other = "toyonaka-cureapp-sotsuen"
        let program = lab.program()
        program.send(Self.open(Self.id))
        program.send(.key(.char("a")))
        let typed = "打合せの記録 ㈱ミライ ①"
        program.send(typed.map { .key(.char($0)) })

        try lab.colleague(Self.id, .setField(path: "department", value: .string("企画課 髙橋")), at: "2026-11-23T10:00:00+09:00")
        try lab.colleague(other, .setField(path: "title", value: .string("豊中 卒園支援 ②")), at: "2026-11-23T10:01:00+09:00")
        let r = try lab.syncFromAnotherProcess()
        #expect(r.status == 0, "\(r.output)")
        #expect(r.stdout.contains("↓2"), "\(r.stdout)")

        program.checkForExternalChanges()
        program.settle()
        // The new state is on screen (the list behind the form, the open case, the marks)…
        #expect(program.state.summary(other)?.title == "豊中 卒園支援 ②")
        #expect(program.state.detail?.doc?.department == "企画課 髙橋")
        #expect(program.state.team.isUnseen(other))
        // …and the note being typed is still there, and saves on top of the colleague's change.
        guard case .form(let f) = program.state.modal else { Issue.record("the form was closed"); return }
        #expect(f.fields.first?.value == typed)
        program.send(.key(.ctrl("s")))
        let saved = try lab.store(lab.a).load(Self.id).value
        #expect(saved.notes.contains { $0.text == typed })
        #expect(saved.department == "企画課 髙橋")
    }

    @Test func concurrentEditsAreReviewedInTheWorkbenchWithOneKey() throws {
        let lab = try SharedLab()
        _ = try lab.store(lab.a).apply(Self.id, .setField(path: "title", value: .string("佐藤案 ①")), actor: "職員a",
                                       now: Timestamp("2026-11-23T09:30:00+09:00")!)
        try lab.colleague(Self.id, .setField(path: "title", value: .string("鈴木案 ㈱")), at: "2026-11-23T10:00:00+09:00")
        let program = lab.program(width: 120, height: 40)
        program.send(.key(.char("Y")))
        program.settle()
        #expect(program.state.toasts.contains { $0.text.contains("確認待ちの同時編集 1件") }, "\(program.state.toasts)")

        program.send(.key(.char("C")))
        guard case .conflicts(let rows, _) = program.state.modal else { Issue.record("no review list"); return }
        #expect(rows.count == 1 && rows[0].caseId == Self.id)
        let text = program.screen.text
        #expect(text.contains("採用中「鈴木案 ㈱」 職員b") && text.contains("もう一方「佐藤案 ①」 職員a"), "\(text)")

        program.send(.key(.char("t")))                       // take the other value: one command
        #expect(try lab.store(lab.a).load(Self.id).value.title == "佐藤案 ①")
        guard case .conflicts(let after, _) = program.state.modal else { Issue.record("the list closed"); return }
        #expect(after.isEmpty)
        #expect(program.screen.text.contains(SyncMessage.noConflicts.text(.ja)))
        program.send(.key(.esc))
        program.send(.key(.char("u")))                       // undone like any command
        #expect(try lab.store(lab.a).load(Self.id).value.title == "鈴木案 ㈱")
    }

    @Test func withoutGitTheHeaderSaysNotSharedAndTheKeySaysWhatToDo() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 24)
        program.settle()
        #expect(program.state.team.status == .notShared)
        #expect(program.screen.text.split(separator: "\n")[0].contains("未共有"))
        program.send(.key(.char("Y")))
        program.settle()
        #expect(program.state.toasts.last?.kind == .error)
        #expect(program.state.toasts.last?.text.contains("renkei sync init") == true, "\(program.state.toasts)")
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent(".git").path))
    }

    @Test func anUnreachableRemoteShowsOfflineAndKeepsTheChangesHere() throws {
        let lab = try SharedLab()
        try FileManager.default.moveItem(at: lab.hub, to: lab.dir.appendingPathComponent("moved.git"))
        let program = lab.program(.en)
        program.send(.key(.char("a")))
        program.send("offline note".map { .key(.char($0)) })
        program.send(.key(.ctrl("s")))
        program.send(.key(.char("Y")))
        program.settle()
        #expect(program.state.toasts.last?.kind == .error)
        #expect(program.state.toasts.last?.text.contains("keep working offline") == true, "\(program.state.toasts)")
        #expect(program.state.team.status?.reach == .unreachable)
        let header = String(program.screen.text.split(separator: "\n")[0])
        #expect(header.contains("↑1") && header.contains("offline"), "\(header)")
    }
}
