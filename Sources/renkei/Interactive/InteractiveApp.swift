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

        StartupTrace.mark("config")
        let term = try Terminal(.init(colors: settings.colors, mouse: settings.mouse))
        Terminal.installSignalHandlers()
        StartupTrace.mark("terminal")
        defer { term.stop() }
        let first = loadWithProgress(runtime, term: term, lang: settings.lang)
        let (w, h) = term.size
        var state = AppState(settings: settings, catalog: context.catalog, today: context.today, width: w, height: h, search: search)
        runtime.process(&state, first)
        StartupTrace.mark("update")
        runtime.firstDeadlines(&state)
        StartupTrace.mark("deadlines")
        for p in problems + context.catalogProblems { runtime.process(&state, .failed(p)) }

        var ticks = 0
        var lastDrawn: Screen?
        while !state.quitting {
            let screen = view(state)
            if screen != lastDrawn { term.draw(screen); lastDrawn = screen; StartupTrace.firstFrameDrawn() }
            // Background work waits until the screen is drawn: on two cores it would otherwise
            // compete with the frame the user is waiting for.
            runtime.startDeferredWork()
            // Results computed on workers since the last load: hand them over between keys.
            if let found = runtime.allDeadlines.take() {
                runtime.process(&state, .deadlinesLoaded(found))
                StartupTrace.note("deadlines_complete")
                continue
            }
            if let data = runtime.insight.take() { runtime.process(&state, .insightLoaded(data)); continue }
            let msgs = term.read(timeoutMs: runtime.insight.pending || runtime.allDeadlines.pending ? 40 : 250)
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
    /// should not look like a hung terminal. A warm index finishes before the first redraw;
    /// the worker signals when done, so the first frame never waits out a polling interval.
    static func loadWithProgress(_ runtime: Runtime, term: Terminal, lang: Lang) -> Msg {
        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            let finished = DispatchSemaphore(value: 0)
            var done = 0, total = 0
            var result: Msg?
            func get<T>(_ f: (Shared) -> T) -> T { lock.lock(); defer { lock.unlock() }; return f(self) }
        }
        let shared = Shared()
        nonisolated(unsafe) let worker = runtime
        Thread.detachNewThread {
            let msg = Msg.loaded(worker.portfolioData(deadlines: false) { done, total in shared.get { $0.done = done; $0.total = total } }, external: false)
            shared.get { $0.result = msg }
            shared.finished.signal()
        }
        // Quiet for the first 150 ms (a warm start is done by then), then a progress frame every 50 ms.
        var timeout = DispatchTime.now() + .milliseconds(150)
        while shared.finished.wait(timeout: timeout) == .timedOut {
            let (w, h) = term.size
            let (d, t) = shared.get { ($0.done, $0.total) }
            term.draw(loadingView(done: d, total: t, width: w, height: h, lang: lang))
            timeout = DispatchTime.now() + .milliseconds(50)
        }
        return shared.get { $0.result }!
    }
}

/// Performs effects against the store and answers with messages.
struct Runtime {
    let context: AppContext
    let configViews: Int
    /// Portfolio insight (dashboard, 類似事例, 共同調達, calendar) is built on a worker after each
    /// load, so the list's first frame does not wait for it (at 10,000 cases it takes longer
    /// than the load itself). Views show 「分析データを読み込み中…」 until it arrives.
    let insight = BackgroundResult<InsightData>()
    /// Every case's next deadline after a first load whose screen got only its own rows'.
    let allDeadlines = BackgroundResult<[String: Deadline]>()
    /// Workers to start once the next frame is drawn.
    private var deferred: [() -> Void] = []
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

    /// - Parameter deadlines: false on a first load: `firstDeadlines` then computes the rows on
    ///   screen before the first frame and the rest on a worker.
    func portfolioData(deadlines withDeadlines: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil) -> PortfolioData {
        do {
            let p = try store.portfolio(PortfolioQuery(progress: progress))
            StartupTrace.mark("portfolio")
            let d = withDeadlines ? deadlines(p.summaries) : [:]
            return PortfolioData(summaries: p.summaries,
                                 damaged: p.damaged.map { DamagedEntry(fileName: $0.fileName, reason: $0.reason) },
                                 readOnly: p.readOnly, deadlines: d)
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
    /// On all cores for a large portfolio (it is a third of the first frame at 10,000 cases);
    /// each thread gets its own memo so they never wait on one lock.
    func deadlines(_ summaries: [CaseSummary]) -> [String: Deadline] {
        let ctx = deadlineContext(summaries)
        let n = summaries.count
        let threads = n >= 2048 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let found = UnsafeMutableBufferPointer<Deadline?>.allocate(capacity: n)
        found.initialize(repeating: nil)
        defer { found.deinitialize(); found.deallocate() }
        nonisolated(unsafe) let slots = found
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var local = ctx
            if threads > 1 { local.memo = DeadlineMemo() }
            for i in stride(from: t * n / threads, to: (t + 1) * n / threads, by: 1) where !summaries[i].stage.isEndState {
                if let item = DeadlineEngine.nextDeadline(for: summaries[i], context: local) {
                    slots[i] = Deadline(day: item.due, labelJa: item.ja, labelEn: item.en)
                }
            }
        }
        var out = [String: Deadline](minimumCapacity: n)
        for i in 0..<n { if let d = found[i] { out[summaries[i].id] = d } }
        return out
    }

    /// After a first load without deadlines: the deadlines of the cases on screen now (all of
    /// them when the list is sorted by deadline), the rest on a worker. At 10,000 cases that
    /// is 40 rows instead of 10,000 before the first frame.
    mutating func firstDeadlines(_ state: inout AppState) {
        let summaries = state.summaries
        if state.sortNeedsAllDeadlines || summaries.count < 2048 {
            process(&state, .deadlinesLoaded(deadlines(summaries)))
            return
        }
        let wanted = Set(state.onScreenCaseIds)
        process(&state, .deadlinesLoaded(deadlines(summaries.filter { wanted.contains($0.id) })))
        nonisolated(unsafe) let me = self
        deferred.insert({ me.allDeadlines.start { me.deadlines(summaries) } }, at: 0)
    }

    /// Starts the workers queued since the last draw (deadlines first: the visible column).
    mutating func startDeferredWork() {
        guard !deferred.isEmpty else { return }
        let work = deferred
        deferred = []
        for w in work { w() }
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
            if case .loaded = m {
                let summaries = state.summaries
                nonisolated(unsafe) let me = self
                deferred.append { me.insight.start { me.insightData(summaries) } }
            }
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
            } catch { return .failed("\(Label.exportFailed.text(lang)): \(error)") }
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

/// A value computed on a worker thread for the main loop to pick up between keys. Only the
/// latest `start` counts: a reload while one is running makes the older result stale, and it
/// is dropped.
final class BackgroundResult<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var running = 0
    private var ready: Value?

    /// Whether a result is still to come (the main loop then polls keys more often).
    var pending: Bool { lock.withLock { running > 0 || ready != nil } }

    func start(_ compute: @escaping @Sendable () -> Value) {
        let g: Int = lock.withLock { generation += 1; running += 1; ready = nil; return generation }
        Thread.detachNewThread { [self] in
            let value = compute()
            lock.withLock {
                running -= 1
                if g == generation { ready = value }
            }
        }
    }

    /// The latest result, once.
    func take() -> Value? {
        lock.withLock { defer { ready = nil }; return ready }
    }
}
