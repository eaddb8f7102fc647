import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiReport
import RenkeiTUI
import RenkeiTerminal
#if canImport(Glibc)
import Glibc
#endif

/// The runtime loop: read keys → `update` → perform effects through the store → `view` → draw.
/// Polls the workspace about once a second and reloads when files changed on disk.
enum InteractiveApp {
    static func run(context: AppContext, search: String?) throws {
        if let why = Terminal.unusableReason() { throw CLIError(why) }
        let (settings, problems) = Config.load()
        var runtime = Runtime(context: context, configViews: settings.views.count)

        let term = try Terminal(.init(colors: settings.colors, mouse: settings.mouse))
        Terminal.installSignalHandlers()
        defer { term.stop() }
        let first = loadWithProgress(runtime, term: term, lang: settings.lang)
        let (w, h) = term.size
        var state = AppState(settings: settings, catalog: context.catalog, today: context.today, width: w, height: h, search: search)
        runtime.process(&state, first)
        for p in problems + context.catalogProblems { runtime.process(&state, .failed(p)) }

        var ticks = 0
        var lastDrawn: Screen?
        while !state.quitting {
            let screen = view(state)
            if screen != lastDrawn { term.draw(screen); lastDrawn = screen }
            let msgs = term.read(timeoutMs: 250)
            if msgs.isEmpty {
                ticks += 1
                runtime.process(&state, .tick)
                if let r = term.pollResize() { lastDrawn = nil; runtime.process(&state, r) }
                if ticks % 4 == 0, runtime.changedOnDisk(openCase: state.detail?.id) {
                    runtime.process(&state, .loaded(runtime.portfolioData(), external: true))
                }
                continue
            }
            for m in msgs {
                if case .key(.ctrl("l")) = m { term.invalidate() }
                if case .resize = m { lastDrawn = nil }
                runtime.process(&state, m)
                if state.quitting { break }
            }
        }
    }
}

extension InteractiveApp {
    /// The first load runs on a worker thread while this one draws `loadingView` from the
    /// index builder's progress counter: a cold 10,000-case start takes about a second and
    /// should not look like a hung terminal. A warm index finishes before the first redraw.
    static func loadWithProgress(_ runtime: Runtime, term: Terminal, lang: Lang) -> Msg {
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var done = 0, total = 0
            var result: Msg?
            func get<T>(_ f: (Shared) -> T) -> T { lock.lock(); defer { lock.unlock() }; return f(self) }
        }
        let shared = Shared()
        nonisolated(unsafe) let worker = runtime
        Thread.detachNewThread {
            let msg = worker.portfolio { done, total in shared.get { $0.done = done; $0.total = total } }
            shared.get { $0.result = msg }
        }
        var waited = 0
        while true {
            if let m = shared.get({ $0.result }) { return m }
            if waited >= 150 {   // only once it takes long enough to notice
                let (w, h) = term.size
                let (d, t) = shared.get { ($0.done, $0.total) }
                term.draw(loadingView(done: d, total: t, width: w, height: h, lang: lang))
            }
            usleep(50_000)
            waited += 50
        }
    }
}

/// Performs effects against the store and answers with messages.
struct Runtime {
    let context: AppContext
    let configViews: Int
    var store: CaseStore { context.store }
    private var signature: [Int] = []
    private var openSignature: (String, [Int])?

    init(context: AppContext, configViews: Int) {
        self.context = context
        self.configViews = configViews
        signature = Runtime.stamp(context.workspace.casesDir.path)
    }

    var now: Timestamp {
        let env = ProcessInfo.processInfo.environment
        return (try? AppContext.clock(context.today.description, nowOverride: env["RENKEI_NOW"]).1) ?? context.now
    }

    func portfolio(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Msg {
        .loaded(portfolioData(progress: progress), external: false)
    }

    func portfolioData(progress: (@Sendable (Int, Int) -> Void)? = nil) -> PortfolioData {
        do {
            let p = try store.portfolio(PortfolioQuery(progress: progress))
            return PortfolioData(summaries: p.summaries,
                                 damaged: p.damaged.map { DamagedEntry(fileName: $0.fileName, reason: $0.reason) },
                                 readOnly: p.readOnly,
                                 deadlines: deadlines(p.summaries))
        } catch {
            return PortfolioData(summaries: [], damaged: [DamagedEntry(fileName: context.workspace.casesDir.path, reason: "\(error)")])
        }
    }

    /// The budget-calendar context (calendars, holidays, funding windows) for these cases.
    /// Problems are not printed here (stderr would tear the screen); the review lists them.
    func deadlineContext(_ summaries: [CaseSummary]) -> DeadlineContext {
        let known = Set(summaries.map(\.municipality))
        let result = CalendarLoader.load(data: context.data, workspace: context.workspace, knownMunicipalities: known)
        var links: [String: [String]] = [:]
        for s in summaries where !s.fundingWindows.isEmpty { links[s.id] = s.fundingWindows }
        return result.context(today: context.today, catalog: context.catalog, fundingLinks: links)
    }

    /// Next deadline per case from the calendar engine (budget milestones, next actions,
    /// funding windows) — the same engine as `renkei overdue` and the 予算 tab.
    func deadlines(_ summaries: [CaseSummary]) -> [String: Deadline] {
        let ctx = deadlineContext(summaries)
        var out: [String: Deadline] = [:]
        for s in summaries where !s.stage.isEndState {
            if let item = DeadlineEngine.nextDeadline(for: s, context: ctx) {
                out[s.id] = Deadline(day: item.due, labelJa: item.ja, labelEn: item.en)
            }
        }
        return out
    }

    /// Portfolio insight over the loaded summaries (features from the summary index; no case
    /// file is decoded) and the budget calendars, for the dashboard, 類似事例, 共同調達 and calendar views.
    func insightData(_ summaries: [CaseSummary]) -> InsightData {
        let known = Set(summaries.map(\.municipality))
        let result = CalendarLoader.load(data: context.data, workspace: context.workspace, knownMunicipalities: known)
        var links: [String: [String]] = [:]
        var byId: [String: CaseSummary] = [:]
        var features: [InsightFeatures] = []
        features.reserveCapacity(summaries.count)
        for s in summaries {
            byId[s.id] = s
            if !s.fundingWindows.isEmpty { links[s.id] = s.fundingWindows }
            if let x = s.insight { features.append(InsightFeatures(summary: s, index: x)) }
        }
        let dctx = result.context(today: context.today, catalog: context.catalog, fundingLinks: links)
        let insight = PortfolioInsight(features, catalog: context.catalog, calendar: .engine(dctx, summaries: byId), today: context.today)
        return InsightData(insight: insight, calendars: result.calendars, holidays: result.holidays)
    }

    // MARK: change detection

    static func stamp(_ path: String) -> [Int] {
        var st = stat()
        guard stat(path, &st) == 0 else { return [] }
        return [Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec), Int(st.st_size), Int(st.st_ino), Int(st.st_ctim.tv_nsec)]
    }

    /// Whether the cases directory (creations, renames, every durable save) or the open case's
    /// file (an in-place edit) changed since we last looked.
    mutating func changedOnDisk(openCase: String?) -> Bool {
        let s = Runtime.stamp(context.workspace.casesDir.path)
        var changed = s != signature
        signature = s
        if let id = openCase, let url = try? context.workspace.caseURL(id) {
            let o = Runtime.stamp(url.path)
            if let prev = openSignature, prev.0 == id, prev.1 != o { changed = true }
            openSignature = (id, o)
        }
        return changed
    }

    /// After our own writes: remember the new stamps so they do not count as external changes.
    mutating func resync(openCase: String?) {
        signature = Runtime.stamp(context.workspace.casesDir.path)
        if let id = openCase, let url = try? context.workspace.caseURL(id) { openSignature = (id, Runtime.stamp(url.path)) }
    }

    // MARK: effects

    mutating func process(_ state: inout AppState, _ msg: Msg) {
        var queue: [Msg] = [msg]
        while !queue.isEmpty {
            let m = queue.removeFirst()
            let (next, effects) = update(state, m)
            state = next
            if case .loaded = m { queue.append(.insightLoaded(insightData(state.summaries))) }
            for e in effects {
                if let reply = perform(e, lang: state.lang) { queue.append(reply) }
            }
            if !effects.isEmpty { resync(openCase: state.detail?.id) }
        }
    }

    func perform(_ effect: Effect, lang: Lang) -> Msg? {
        switch effect {
        case .quit:
            return nil
        case .save(let id, let command, let expect):
            do {
                let r = try store.apply(id, command, actor: context.actor, now: now, expect: expect)
                return .saved(r.document.value, label: Runtime.label(command, lang))
            } catch CommandError.gateBlocked(let cid, let stage, let problems) {
                return .gateBlocked(caseId: cid, stage: stage, problems: problems)
            } catch {
                return .failed(TerminalText.inline("\(error)"))
            }
        case .create(let n):
            do {
                let doc = try store.create(n, actor: context.actor, now: now)
                return .created(doc.value)
            } catch { return .failed("\(error)") }
        case .undo, .redo:
            do {
                let r = try store.undoRedo(effect == .undo ? .undo : .redo, actor: context.actor, now: now)
                return .undoRedone(redo: effect == .redo, caseId: r.caseId, label: r.label)
            } catch { return .failed("\(error)") }
        case .reload:
            return .loaded(portfolioData(), external: false)
        case .loadCase(let id):
            do {
                let doc = try store.load(id)
                return .caseLoaded(id: id, doc.value, readOnly: doc.readOnly)
            } catch { return .caseLoadFailed(id: id, "\(error)") }
        case .overdue:
            let p = (try? store.portfolio()) ?? Portfolio(summaries: [], damaged: [])
            return .overdueLoaded(OverdueReview.build(summaries: p.summaries, context: deadlineContext(p.summaries)))
        case .export(let id, let format):
            do {
                let fmt = try CaseFormat.parse(format)
                let exporter = ReportExporter(store: store, data: context.data, today: context.today)
                let url = try exporter.export(caseId: id, format: fmt, lang: lang, anonymize: false,
                                              to: .directory(exporter.defaultDirectory))
                return .exported(url.path)
            } catch { return .failed("\(L.exportFailed.text(lang)): \(error)") }
        case .attachLessons(let r):
            return .similarLoaded(SimilarCaseFinder.attachLessons(r, catalog: context.catalog, load: { try? store.load($0).value }))
        case .saveViews(let views):
            do { try Config.saveViews(views, configViews: configViews); return nil } catch {
                return .failed("views.json: \(error)")
            }
        }
    }

    static func label(_ c: Command, _ lang: Lang) -> String {
        guard lang == .ja else { return c.label }
        switch c {
        case .setFields: return "項目を変更"
        case .setField(let p, _): return "「\(CaseFields.spec(p)?.ja ?? p)」を変更"
        case .tick: return "チェック"
        case .untick: return "チェック解除"
        case .addNote: return "メモ追加"
        case .advance(_, let o): return o == nil ? "次の段階へ" : "未了のまま次の段階へ"
        case .move(let s, _): return "\(s.ja)へ移動"
        case .snooze: return "スヌーズ"
        case .unsnooze: return "スヌーズ解除"
        }
    }
}
