import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI
import RenkeiApp

enum TUIFixtures {
    static let repo = Repo.root
    static let today = Day("2026-11-23")!

    static let catalog: Catalog = {
        let data = try! Data(contentsOf: repo.appendingPathComponent("Data/catalog/guide.json"))
        return try! JSONDecoder().decode(Catalog.self, from: data)
    }()

    /// The 17 shipped sample cases plus hostile and edge-case ones built here.
    static let cases: [Case] = {
        let dir = repo.appendingPathComponent("Data/samples/cases")
        let names = (try! FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".json") }.sorted()
        var out = names.map { try! JSONDecoder().decode(Case.self, from: Data(contentsOf: dir.appendingPathComponent($0))) }
        out += extra
        return out
    }()

    static func ts(_ s: String) -> Timestamp { Timestamp(s + "T09:00:00+09:00")! }

    static let extra: [Case] = {
        let created = Event(seq: 1, at: ts("2026-09-01"), actor: "tester", kind: .created, command: "c1",
                            changes: [Change(field: "stage", before: .null, after: .string("issue-definition"))])
        var a = Case(id: "x-symbols", title: "※①─ 記号だらけの件名 ｶﾀｶﾅ半角 と 絵文字👨‍👩‍👧🚀 の確認",
                     municipality: Municipality(name: "ｻﾝﾌﾟﾙ町", prefecture: "テスト県"),
                     partners: [Partner(name: "株式会社🚀ロケット"), Partner(name: "ｶﾌﾞｼｷｶﾞｲｼｬ")],
                     stage: .partnerSearch, events: [created])
        a.notes = [Note(id: 1, at: ts("2026-11-20"), author: "tester", text: "逆プロポの説明会に参加。①〜⑥の確認ポイントを整理した。")]
        var b = Case(id: "x-hostile", title: "攻撃的な\u{1B}[31m赤字\u{1B}[0mと\u{07}ベル\u{202E}逆順",
                     municipality: Municipality(name: "悪意市\u{1B}]0;title\u{07}"), stage: .method, events: [created])
        b.issue = IssueFrame(why: "制御文字\u{1B}[2Jが画面を消さないこと", how: "", what: "")
        let long = String(repeating: "とても長い件名が続きます。", count: 20)
        let c = Case(id: "x-overlong-id-that-keeps-going-and-going-0001", title: long,
                     municipality: Municipality(name: String(repeating: "長野", count: 30)),
                     partners: (1...12).map { Partner(name: "連携先\($0)") }, stage: .budgeting,
                     nextAction: NextAction(text: "見積取得", due: Day("2026-11-30")), events: [created])
        return [a, b, c]
    }()

    static let damaged = [DamagedEntry(fileName: "broken.json", reason: .syntax(line: 3, column: 7, path: "", detail: "expected ',' or '}'"))]

    static func data() -> PortfolioData {
        let sums = cases.map(CaseSummary.init)
        var deadlines: [String: Deadline] = [:]
        for s in sums where !s.stage.isEndState {
            if let d = s.nextActionDue { deadlines[s.id] = Deadline(day: d, labelJa: "次のアクション", labelEn: "next action") }
        }
        return PortfolioData(summaries: sums, damaged: damaged, readOnly: [], deadlines: deadlines)
    }

    static func state(_ lang: Lang = .ja, width: Int = 80, height: Int = 24, search: String? = nil) -> AppState {
        var s = AppState(settings: Settings(lang: lang), catalog: catalog, today: today, width: width, height: height, search: search)
        s = update(s, .loaded(data(), external: false)).0
        s = update(s, .insightLoaded(insightData)).0
        return s
    }

    /// Insight over the fixture cases with the typical calendar (the runtime uses the engine).
    static let insightData: InsightData = {
        let features = cases.map { InsightFeatures($0) }
        return InsightData(insight: PortfolioInsight(features, catalog: catalog, calendar: .typical(today: today), today: today))
    }()

    static func keys(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }
}

/// The TUI tests drive the real loop (`Program`, RenkeiApp) with effects performed against
/// in-memory cases instead of a store, so scenarios replay whole interactions (load a case,
/// save, gate) without disk. `Harness` only adapts the tests' spelling to `Program`.
struct Harness {
    let program: Program
    let memory: InMemoryEffects

    init(_ state: AppState) {
        memory = InMemoryEffects()
        program = Program(state: state, performer: memory)
    }

    var state: AppState { get { program.state } nonmutating set { program.state = newValue } }
    var effects: [Effect] { get { program.effects } nonmutating set { program.effects = newValue } }
    var cases: [String: Case] { memory.cases }

    mutating func send(_ msgs: [Msg]) { program.send(msgs) }
    mutating func send(_ m: Msg) { program.send(m) }
    func screen() -> Screen { program.screen }
}

/// Effects against the fixture cases, in memory (background work: none).
final class InMemoryEffects: EffectPerformer {
    var cases = Dictionary(TUIFixtures.cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    private var commands = 0

    func background(_ effect: Effect, state: AppState) -> (@Sendable () -> Msg?)? { nil }

    func perform(_ e: Effect, state: AppState) -> Msg? {
        commands += 1
        let ctx = CommandContext(actor: "tester", now: TUIFixtures.ts("2026-11-23"), commandId: "cmd\(commands)", catalog: TUIFixtures.catalog)
        switch e {
        case .loadCase(let id):
            guard let c = cases[id] else { return .caseLoadFailed(id: id, "no case '\(id)'") }
            return .caseLoaded(id: id, c, readOnly: false)
        case .save(let id, let cmd, _):
            guard let c = cases[id] else { return .failed("no case") }
            do {
                let n = try CaseCommands.apply(cmd, to: c, context: ctx)
                cases[id] = n
                return .saved(n, label: cmd.label)
            } catch CommandError.gateBlocked(let cid, let st, let p) {
                return .gateBlocked(caseId: cid, stage: st, problems: p)
            } catch { return .failed("\(error)") }
        case .overdue:
            let sums = cases.values.map(CaseSummary.init).sorted { $0.id < $1.id }
            return .overdueLoaded(OverdueReview.build(summaries: sums, context: DeadlineContext(today: TUIFixtures.today)))
        case .attachLessons(let r):
            let cs = cases
            return .similarLoaded(SimilarCaseFinder.attachLessons(r, catalog: TUIFixtures.catalog, load: { cs[$0] }))
        default: return nil
        }
    }
}

enum Golden {
    static let dir = Repo.url("Tests/RenkeiTUITests/Goldens")
    static var recording: Bool { ProcessInfo.processInfo.environment["RENKEI_RECORD_GOLDENS"] == "1" }

    /// Compares the screen text with Goldens/<name>.txt (RENKEI_RECORD_GOLDENS=1 re-records).
    static func check(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(screen.isWellFormed, "\(name): malformed screen", sourceLocation: sourceLocation)
        let url = dir.appendingPathComponent(name + ".txt")
        let text = screen.text + "\n"
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try! text.write(to: url, atomically: true, encoding: .utf8)
            if !recording { Issue.record("\(name): golden was missing; recorded it — review and re-run", sourceLocation: sourceLocation) }
            return
        }
        let expected = try! String(contentsOf: url, encoding: .utf8)
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("\(name): screen differs from golden at line \(first + 1)\nexpected: \(first < e.count ? String(e[first]) : "")\nactual:   \(first < a.count ? String(a[first]) : "")\n--- actual screen ---\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
