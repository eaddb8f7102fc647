import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiReport
import RenkeiTUI

/// Performs the workbench's effects against the store and answers with messages: saves,
/// creates, undo/redo, loads, the overdue review, exports, saved views, and — in the
/// background — the off-screen deadlines and portfolio insight. Also notices changes made on
/// disk by anyone else (`externalChange`).
public final class StoreEffects: EffectPerformer, @unchecked Sendable {
    /// Changes only on the first run, when the person gives their name (`.setActor`).
    public private(set) var environment: RuntimeEnvironment
    var store: CaseStore { environment.store }
    /// Change detection; touched only by the thread that owns the `Program`.
    var disk: DiskWatch
    /// `searchReadings()`'s tables: the shipped municipality table read once, the partner
    /// records again whenever their files change; the lock because insight workers may overlap.
    let readingsLock = NSLock()
    var readingsCache: SearchReadings?
    var municipalityResolver: MunicipalityResolver??
    /// The shipped adjacency, read once like the table (nil inside: missing or damaged).
    var municipalityAdjacency: MunicipalityAdjacency??

    /// Lines the store reported on the side (a discarded summary index), shown as notices.
    let notices = NoticeQueue()

    public init(_ environment: RuntimeEnvironment) {
        self.environment = environment
        disk = DiskWatch(workspace: environment.workspace)
        let notices = notices
        environment.store.index?.onNotice = { notices.push($0) }
    }

    /// The first load of `renkei open`: without deadlines (the update asks for those on screen
    /// first), reporting index-building progress as `(done, total)` from the loading thread.
    public func firstLoad(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Msg {
        .loaded(portfolioData(deadlines: false, progress: progress), external: false)
    }

    public func perform(_ effect: Effect, state: AppState) -> Msg? {
        let lang = state.lang
        switch effect {
        case .quit, .loadDeadlinesInBackground, .loadInsight, .sync, .loadSyncStatus:
            return nil
        case .loadConflicts, .markSeen, .resolveRecordEdit:
            return performTeam(effect, lang: lang)
        case .save(let id, let command, let expect):
            do {
                let r = try store.apply(id, command, actor: environment.actor, now: environment.now(), expect: expect,
                                        programmeItems: state.catalog.programmeItems)
                return .saved(r.document.value, label: command.label, warning: r.journalWarning.map { TerminalText.inline($0.text(lang)) })
            } catch CommandError.gateBlocked(let cid, let stage, let problems) {
                return .gateBlocked(caseId: cid, stage: stage, problems: problems)
            } catch {
                return .failed(TerminalText.inline(ErrorText.line(error, lang)))
            }
        case .create(let n):
            do {
                let r = try store.createCase(n, actor: environment.actor, now: environment.now())
                return .created(r.document.value, warning: r.journalWarning.map { TerminalText.inline($0.text(lang)) })
            } catch { return .failed(TerminalText.inline(ErrorText.line(error, lang))) }
        case .trash(let id):
            do {
                if let warning = try store.trash(id, actor: environment.actor, now: environment.now()) { return .failed(TerminalText.inline(warning.text(lang))) }
                return .trashed(caseId: id)
            } catch { return .failed(TerminalText.inline(ErrorText.line(error, lang))) }
        case .setActor(let name):
            environment.actor = name
            do { try environment.saveActor(name); return nil } catch { return .failed("config.json: " + ErrorText.line(error, lang)) }
        case .loadSamples:
            do {
                // Only into an empty workspace: samples never mix silently into real work.
                guard try store.portfolio().summaries.isEmpty else { return .failed(Label.samplesOnlyEmpty.text(lang)) }
                let n = try environment.workspace.seedSamples(from: environment.data)
                store.index?.invalidate()
                return .samplesLoaded(n)
            } catch { return .failed(TerminalText.inline(ErrorText.line(error, lang))) }
        case .undo, .redo:
            do {
                let r = try store.undoRedo(effect == .undo ? .undo : .redo, actor: environment.actor, now: environment.now())
                return .undoRedone(redo: effect == .redo, caseId: r.caseId, label: r.label, warning: r.warning.map { TerminalText.inline($0.text(lang)) })
            } catch { return .failed(TerminalText.inline(ErrorText.line(error, lang))) }
        case .reload:
            return .loaded(portfolioData(), external: false)
        case .loadCase(let id):
            do {
                let doc = try store.load(id)
                return .caseLoaded(id: id, doc.value, readOnly: doc.readOnly)
            } catch { return .caseLoadFailed(id: id, ErrorText.line(error, lang)) }
        case .overdue:
            let p = (try? store.portfolio()) ?? Portfolio(summaries: [], damaged: [])
            let context = store.calendars(for: p.summaries, data: environment.data, today: environment.today).context
            return .overdueLoaded(OverdueReview.build(summaries: p.summaries, context: context))
        case .transfer(let t):
            return performTransfer(t, lang: lang)
        case .openMunicipality(let name, let prefecture, let code):
            return municipalityView(name: name, prefecture: prefecture, code: code, summaries: state.summaries, lang: lang)
        case .openPartner(let name):
            return partnerView(name: name, summaries: state.summaries, lang: lang)
        case .attachLessons(let r):
            let store = store
            return .similarLoaded(SimilarCaseFinder.attachLessons(r, catalog: environment.catalog, load: { try? store.load($0).value }))
        case .saveViews(let views):
            do { try environment.saveViews(views); return nil } catch {
                return .failed("views.json: " + ErrorText.line(error, lang))
            }
        case .loadDeadlines(let ids):
            StartupTrace.mark("update")
            let wanted = ids.map(Set.init)
            let summaries = wanted.map { w in state.summaries.filter { w.contains($0.id) } } ?? state.summaries
            defer { StartupTrace.mark("deadlines") }
            guard let ids else { return .deadlinesLoaded(deadlines(summaries)) }
            return .deadlinesOf(caseIds: ids, deadlines(summaries))
        }
    }

    public func background(_ effect: Effect, state: AppState) -> (@Sendable () -> Msg?)? {
        let summaries = state.summaries
        switch effect {
        case .loadDeadlinesInBackground:
            return { [self] in
                let found = deadlines(summaries)
                StartupTrace.note("deadlines_complete")
                return .deadlinesLoaded(found)
            }
        case .loadInsight:
            return { [self] in .insightLoaded(insightData(summaries)) }
        case .sync, .loadSyncStatus:
            return backgroundTeam(effect)
        case .transfer(let t):
            return backgroundImport(t)
        default:
            return nil
        }
    }

    /// After our own writes: remember the new stamps so they do not count as external changes.
    public func didPerform(state: AppState) {
        disk.resync(openCase: state.detail?.id)
    }

    public func externalChange(state: AppState) -> Msg? {
        // Polled about once a second: the cheapest place to hand the store's notices over.
        if let notice = notices.pop() { return .notice(TerminalText.inline(notice.text(state.lang))) }
        guard disk.changed(openCase: state.detail?.id) else { return nil }
        return .loaded(portfolioData(), external: true)
    }
}

/// Store notices waiting to be shown (pushed from whichever thread loaded the index), typed:
/// worded in the workbench's language when shown.
final class NoticeQueue: @unchecked Sendable {
    enum Notice: Sendable {
        case store(StoreWarning)
        /// Already worded in the workbench's language by the one who pushed it.
        case worded(String)
        func text(_ lang: Lang) -> String {
            switch self {
            case .store(let w): return w.text(lang)
            case .worded(let s): return s
            }
        }
    }
    private let lock = NSLock()
    private var notices: [Notice] = []
    func push(_ notice: StoreWarning) { push(.store(notice)) }
    func push(_ line: String) { push(.worded(line)) }
    func push(_ notice: Notice) { lock.lock(); notices.append(notice); lock.unlock() }
    func pop() -> Notice? { lock.lock(); defer { lock.unlock() }; return notices.isEmpty ? nil : notices.removeFirst() }
}
