import Foundation
import RenkeiCore

/// The pure state transition: `(state, msg) → (state, effects)`. No I/O, no clock.
public func update(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
    var s = state
    let effects = s.handle(msg)
    return (s, effects)
}

extension AppState {
    static let toastTicks = 12   // ~3 s at four ticks a second
    /// From this many cases a first load computes the on-screen deadlines first (below it, all
    /// of them take less time than a frame is worth splitting for).
    public static let progressiveDeadlinesFrom = 2048

    mutating func toast(_ text: String, _ kind: ToastKind = .info) {
        toasts.append(Toast(text: text, kind: kind, ticksLeft: kind == .error ? AppState.toastTicks * 2 : AppState.toastTicks))
        if toasts.count > 3 { toasts.removeFirst(toasts.count - 3) }
    }

    mutating func handle(_ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let key):
            status = nil
            return handleKey(key)
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
            clampSelection()
            return []
        case .mouse(let m):
            return handleMouse(m)
        case .tick:
            for i in toasts.indices { toasts[i].ticksLeft -= 1 }
            toasts.removeAll { $0.ticksLeft <= 0 }
            return []
        case .loaded(let data, let external):
            let firstLoad = !loaded
            replacePortfolio(data)
            if external && !firstLoad { toast(Label.externalChange.text(lang)) }
            var effects: [Effect] = []
            if !data.deadlinesIncluded {
                // A large first load: the deadlines of the rows on screen before the first frame
                // (all of them when the order depends on them), the rest after it.
                if sortNeedsAllDeadlines || summaries.count < AppState.progressiveDeadlinesFrom {
                    effects.append(.loadDeadlines(caseIds: nil))
                } else {
                    effects += [.loadDeadlines(caseIds: onScreenCaseIds), .loadDeadlinesInBackground]
                }
            }
            effects += [.loadInsight, .loadSyncStatus]
            if let d = detail, external { effects.append(.loadCase(d.id)) }
            return effects
        case .caseLoaded(let id, let c, let ro):
            guard var d = detail, d.id == id else { return [] }
            d.doc = c; d.readOnly = ro; d.error = nil
            detail = d
            updateSummary(c)
            clampDetail()
            if d.tab == .similar, d.similar == nil { _ = refreshSimilar() }
            if d.editWhenLoaded {
                detail?.editWhenLoaded = false
                openFieldPicker()
            }
            if let list = d.recordsWhenLoaded {
                detail?.recordsWhenLoaded = nil
                openRecordPicker(list)
            }
            return seen(id)
        case .caseLoadFailed(let id, let err):
            if detail?.id == id { detail?.error = err; detail?.doc = nil }
            toast(err, .error)
            return []
        case .saved(let c, let label, let warning):
            pending = max(0, pending - 1)
            updateSummary(c)
            if detail?.id == c.id { detail?.doc = c; clampDetail() }
            toast("\(Label.saved.text(lang)): \(c.id) — \(commandText(label))", .success)
            if let warning { toast(warning, .error) }
            // A review changes the header's count of edits to review too.
            return afterOwnWrite(c.id) + (reviewingConflicts ? [.loadConflicts, .loadSyncStatus] : [])
        case .created(let c, let warning):
            pending = max(0, pending - 1)
            updateSummary(c)
            if let i = rows.firstIndex(of: .summary(indexById[c.id] ?? -1)) { selection = i; scrollToSelection() }
            toast("\(Label.created.text(lang)): \(c.id)", .success)
            if let warning { toast(warning, .error) }
            return afterOwnWrite(c.id)
        case .undoRedone(let redo, let id, let label, let warning):
            pending = max(0, pending - 1)
            toast("\((redo ? Label.redone : Label.undone).text(lang)): \(id) — \(commandText(label))", .success)
            if let warning { toast(warning, .error) }
            return [.reload] + (detail.map { [.loadCase($0.id)] } ?? [])
        case .gateBlocked(let id, let stage, let problems):
            pending = max(0, pending - 1)
            modal = .gate(GateDialog(caseId: id, stage: stage, problems: problems.map { $0.label(lang) }))
            return []
        case .failed(let err):
            pending = max(0, pending - 1)
            toast(err, .error)
            return []
        case .notice(let text):
            toast(text, .info)
            return []
        case .overdueLoaded(let review):
            pending = max(0, pending - 1)
            modal = .overdue(review: review, selection: 0)
            return []
        case .exported(let path):
            pending = max(0, pending - 1)
            toast("\(Label.exported.text(lang)): \(path)", .success)
            return []
        case .deadlinesLoaded(let found):
            deadlines.merge(found) { _, new in new }
            if sort == .deadline { rebuildRows(keepId: selectedSummary?.id) }
            return []
        case .deadlinesOf(let ids, let found):
            for id in ids { deadlines[id] = found[id] }      // a case without a deadline now loses its old one
            if sort == .deadline { rebuildRows(keepId: selectedSummary?.id) }
            return []
        case .insightLoaded(let data):
            insight = data
            if data.grants != grants { grants = data.grants; catalog.programmeItems = data.grants.items; clampDetail() }
            // New readings only when they were built from other records (a partner added since).
            if let r = data.readings, readings == nil || readings?.source != r.source {
                readings = r
                if !filter.isEmpty || !(views.indices.contains(viewIndex) ? views[viewIndex].filter : "").isEmpty {
                    rebuildRows(keepId: selectedSummary?.id, dataChanged: false)
                }
            }
            refreshFunnel()
            if page == .joint { refreshJoint() }
            if var d = detail, d.tab == .similar { d.similar = nil; detail = d; return refreshSimilar() }
            return []
        case .trashed(let id):
            return trashed(id)
        case .firstRun(let name, let samples):
            return startFirstRun(suggestedName: name, offerSamples: samples)
        case .samplesLoaded(let n):
            pending = max(0, pending - 1)
            toast(WorkbenchMessage.samplesLoaded(n).text(lang), .success)
            return [.reload]
        case .similarLoaded(let r):
            if detail?.id == r.caseId { detail?.similar = r }
            return []
        case .transfer(let answer):
            return handleTransfer(answer)
        case .syncStatusLoaded, .syncFinished, .conflictsLoaded, .recordEditResolved:
            return handleTeam(msg)
        case .municipalityLoaded(let o):
            orgPages.municipality = o
            showOrgPage(.municipality)
            return []
        case .partnerLoaded(let o):
            orgPages.partner = o
            showOrgPage(.partner)
            return []
        }
    }


    /// Swaps in a freshly loaded portfolio. The list selection and the board focus are taken
    /// by case id *before* the swap: `rows` and `boardColumns` index the old arrays, and a
    /// reload can shrink them (an undone creation, a deletion elsewhere) — reading the old
    /// selection through the new array was issue 18's crash. A selected case that is gone
    /// leaves the selection on the same row (clamped).
    mutating func replacePortfolio(_ data: PortfolioData) {
        let keepId = selectedSummary?.id
        let boardFocus = page == .board ? focusedCaseId : nil
        summaries = data.summaries
        damaged = data.damaged
        readOnly = data.readOnly
        deadlines = data.deadlines
        loaded = true
        rebuildRows(keepId: keepId, boardFocus: .some(boardFocus))
    }

    mutating func updateSummary(_ c: Case) {
        let keepId = selectedSummary?.id ?? c.id
        let sum = CaseSummary(c)
        if let i = indexById[c.id] { summaries[i] = sum } else { summaries.append(sum) }
        rebuildRows(keepId: keepId)
    }

    /// After our own save or creation: the case's next deadline and the portfolio insight
    /// (dashboard counts, stage counts, 類似事例) follow the new summary now, not at the next
    /// reload (issue 18: the list said 18 while the dashboard still said 17, the deadline `—`).
    func afterOwnWrite(_ id: String) -> [Effect] {
        [.loadDeadlines(caseIds: [id]), .loadInsight]
    }
}

extension AppState {
    /// A command's label (`tick ps-check-1`, from `Command.label` or the undo journal) as the
    /// reader's words, through the one label table.
    func commandText(_ label: String) -> String {
        CommandSummary(label: label).text(lang, names: FieldNames(catalog: catalog))
    }
}
