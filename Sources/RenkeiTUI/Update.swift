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
            summaries = data.summaries
            damaged = data.damaged
            readOnly = data.readOnly
            deadlines = data.deadlines
            loaded = true
            rebuildRows(keepId: selectedSummary?.id)
            if external && !firstLoad { toast(L.externalChange.text(lang)) }
            if let d = detail, external { return [.loadCase(d.id)] }
            return []
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
            return []
        case .caseLoadFailed(let id, let err):
            if detail?.id == id { detail?.error = err; detail?.doc = nil }
            toast(err, .error)
            return []
        case .saved(let c, let label):
            pending = max(0, pending - 1)
            updateSummary(c)
            if detail?.id == c.id { detail?.doc = c; clampDetail() }
            toast("\(L.saved.text(lang)): \(c.id) — \(label)", .success)
            return []
        case .created(let c):
            pending = max(0, pending - 1)
            updateSummary(c)
            if let i = rows.firstIndex(of: .summary(indexById[c.id] ?? -1)) { selection = i; scrollToSelection() }
            toast("\(L.created.text(lang)): \(c.id)", .success)
            return []
        case .undoRedone(let redo, let id, let label):
            pending = max(0, pending - 1)
            toast("\((redo ? L.redone : L.undone).text(lang)): \(id) — \(label)", .success)
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
            toast("\(L.exported.text(lang)): \(path)", .success)
            return []
        case .deadlinesLoaded(let found):
            deadlines.merge(found) { _, new in new }
            if sort == .deadline { rebuildRows(keepId: selectedSummary?.id) }
            return []
        case .insightLoaded(let data):
            insight = data
            refreshFunnel()
            if page == .joint { refreshJoint() }
            if var d = detail, d.tab == .similar { d.similar = nil; detail = d; return refreshSimilar() }
            return []
        case .similarLoaded(let r):
            if detail?.id == r.caseId { detail?.similar = r }
            return []
        }
    }

    // MARK: data

    mutating func updateSummary(_ c: Case) {
        let sum = CaseSummary(c)
        if let i = indexById[c.id] { summaries[i] = sum } else { summaries.append(sum) }
        rebuildRows(keepId: selectedSummary?.id ?? c.id)
    }

    /// Folded search terms (NFKC, lowercase), computed once per rebuild rather than per case.
    static func terms(_ q: String) -> [[UInt8]] {
        TextNormalizer.fold(q).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map { Array($0.utf8) }
    }

    static func matches(_ s: CaseSummary, _ terms: [[UInt8]]) -> Bool {
        terms.allSatisfy { t in ByteSearch.contains(s.searchText, t) }
    }

    /// The current sort order of `summaries` (indices), ties broken by ascending id. Keys are
    /// computed once per case — not per comparison: at 10,000 cases a comparator that looked up
    /// deadlines by id or copied summaries cost a sizeable share of the first frame.
    func sortedIndices() -> [Int] {
        let ids = summaries.map(\.id)
        let desc = descending
        func order<K: Comparable>(_ keys: [K]) -> [Int] {
            keys.withUnsafeBufferPointer { k in
                ids.withUnsafeBufferPointer { id in
                    summaries.indices.sorted { i, j in
                        if k[i] != k[j] { return desc ? k[j] < k[i] : k[i] < k[j] }
                        return id[i] < id[j]
                    }
                }
            }
        }
        switch sort {
        case .id: return order(ids)
        case .title: return order(summaries.map(\.title))
        case .municipality: return order(summaries.map(\.municipality))
        case .partners: return order(summaries.map { $0.partners.joined(separator: ",") })
        case .stage: return order(summaries.map(\.stage))
        case .exit: return order(summaries.map { ($0.exit?.rawValue ?? "~") + ($0.method ?? "") })
        case .deadline: return order(summaries.map { deadlines[$0.id]?.day.ordinal ?? Int.max })
        case .days: return order(summaries.map { $0.daysInStage(today: today) ?? -1 })
        }
    }

    /// Ids of the cases the current page shows (list viewport, or the visible cards of each
    /// board column) — what must have its deadline before the first frame.
    public var onScreenCaseIds: [String] {
        var out: [String] = []
        if page == .board {
            for col in boardColumns { for i in col.prefix(max(1, boardBodyHeight)) { out.append(summaries[i].id) } }
            return out
        }
        let end = min(rows.count, scroll + max(1, listBodyHeight))
        guard scroll < end else { return [] }
        for r in rows[scroll..<end] { if case .summary(let i) = r { out.append(summaries[i].id) } }
        return out
    }

    /// Whether the row order depends on every case's deadline.
    public var sortNeedsAllDeadlines: Bool { sort == .deadline }

    /// Recomputes the filtered, sorted rows and the board columns. O(n log n); runs on load,
    /// save, filter, sort and view changes — never on plain navigation.
    /// - Parameter dataChanged: false when only the filter text changed (the summaries, the
    ///   deadlines and the sort are the same), so the cached sort order can be reused.
    mutating func rebuildRows(keepId: String?, dataChanged: Bool = true) {
        let boardFocus = page == .board && boardColumns.indices.contains(boardColumn) ? focusedCaseId : nil
        let sortKey = "\(sort.rawValue)|\(descending)|\(summaries.count)"
        if dataChanged || sortedAllKey != sortKey {
            indexById = Dictionary(summaries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            sortedAll = sortedIndices()
            sortedAllKey = sortKey
        }
        let view = views.indices.contains(viewIndex) ? views[viewIndex] : SavedView(name: "")
        let stages = Set(view.stages)
        let viewTerms = AppState.terms(view.filter), terms = AppState.terms(filter.text)
        let idx = stages.isEmpty && viewTerms.isEmpty && terms.isEmpty ? sortedAll : sortedAll.filter { i in
            (stages.isEmpty || stages.contains(summaries[i].stage.rawValue)) && AppState.matches(summaries[i], viewTerms) && AppState.matches(summaries[i], terms)
        }
        rows = idx.map { .summary($0) }
        // Damaged files are always listed (marked), unless the filter excludes their name.
        let q = TextNormalizer.fold(filter.text)
        for (i, d) in damaged.enumerated() where q.isEmpty || TextNormalizer.fold(d.fileName + " " + d.reason).contains(q) {
            if view.stages.isEmpty { rows.append(.damaged(i)) }
        }
        var cols = Array(repeating: [Int](), count: 6)
        for i in idx {
            let st = summaries[i].stage
            cols[st.pipelineIndex ?? 5].append(i)
        }
        boardColumns = cols
        if let keepId, let si = indexById[keepId], let r = rows.firstIndex(of: .summary(si)) {
            selection = r
        }
        if let id = boardFocus, let si = indexById[id] {
            let col = summaries[si].stage.pipelineIndex ?? 5
            if let ci = cols[col].firstIndex(of: si) { boardColumn = col; boardSelection[col] = ci }
        }
        clampSelection()
    }

    // MARK: geometry shared with the view

    /// Rows of the list body (between the column header and the status bar).
    var listBodyHeight: Int { max(0, height - 3) }
    var listBodyTop: Int { 2 }
    var detailBodyTop: Int { 3 }
    var detailBodyHeight: Int { max(0, height - 4) }
    var boardCardLines: Int { height >= 16 ? 2 : 1 }
    var boardBodyHeight: Int { max(0, height - 3) }

    mutating func clampSelection() {
        selection = rows.isEmpty ? 0 : min(max(0, selection), rows.count - 1)
        scrollToSelection()
        for c in 0..<6 {
            let n = boardColumns[c].count
            boardSelection[c] = n == 0 ? 0 : min(max(0, boardSelection[c]), n - 1)
        }
        boardColumn = min(max(0, boardColumn), 5)
    }

    mutating func scrollToSelection() {
        let h = max(1, listBodyHeight)
        if selection < scroll { scroll = selection }
        if selection >= scroll + h { scroll = selection - h + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - h)))
    }

    // MARK: keys

    var context: KeyContext {
        switch page {
        case .list: return .list
        case .board: return .board
        case .detail: return .detail
        case .dashboard: return .dashboard
        case .joint: return .joint
        case .calendar: return .calendar
        }
    }

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .ctrl("c") { quitting = true; return [.quit] }          // always, everywhere
        if modal != nil { return handleModalKey(key) }
        if filterEditing { return handleFilterKey(key) }
        guard let action = settings.keymap.action(for: key, in: context) else {
            status = L.unknownKey.text(lang)
            return []
        }
        return perform(action)
    }

    mutating func handleFilterKey(_ key: Key) -> [Effect] {
        switch key {
        case .enter: filterEditing = false
        case .esc:
            filterEditing = false
            filter = TextInput()
            rebuildRows(keepId: selectedSummary?.id, dataChanged: false)
        case .up, .down, .pageUp, .pageDown:
            if let a = settings.keymap.action(for: key, in: .list) { return perform(a) }
        default:
            let before = filter.text
            if filter.handle(key), filter.text != before {
                rebuildRows(keepId: selectedSummary?.id, dataChanged: false)
                if page == .list { selection = 0; scroll = 0; clampSelection() }
            }
        }
        return []
    }

    /// The case the current screen is about: the detail's case, the board's card or the list row.
    var focusedCaseId: String? {
        switch page {
        case .detail: return detail?.id
        case .board:
            let col = boardColumns[boardColumn]
            let i = boardSelection[boardColumn]
            return col.indices.contains(i) ? summaries[col[i]].id : nil
        case .list: return selectedSummary?.id
        case .joint: return jointMembers.indices.contains(jointSelection) ? jointMembers[jointSelection] : nil
        case .dashboard, .calendar: return nil
        }
    }

    func focusedStage(_ id: String) -> Stage? {
        if let d = detail, d.id == id, let doc = d.doc { return doc.stage }
        return summary(id)?.stage
    }

    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .forceQuit: quitting = true; return [.quit]
        case .quit:
            if page == .list { quitting = true; return [.quit] }
            return perform(.back)
        case .help: modal = .help(scroll: 0); return []
        case .palette: modal = .palette(input: TextInput(), selection: 0); return []
        case .reload: return [.reload] + (detail.map { [.loadCase($0.id)] } ?? [])
        case .toggleLang:
            settings.lang = lang == .ja ? .en : .ja
            let custom = Array(views.dropFirst(4))
            views = SavedView.builtIn(lang) + custom
            toast(L.langSwitched.text(lang))
            return []
        case .undo: pending += 1; return [.undo]
        case .redo: pending += 1; return [.redo]
        case .overdue: pending += 1; return [.overdue]
        case .export:
            guard let id = focusedCaseId else { status = L.noCaseSelected.text(lang); return [] }
            let ja = lang == .ja
            modal = .picker(Picker(purpose: .export(caseId: id), title: "\(L.exportTitle.text(lang)) — \(id)", ids: ["md", "html", "json"],
                                   labels: [ja ? "Markdown（.md）— 共有・横展開向け" : "Markdown (.md) — to share",
                                            ja ? "HTML（.html）— 画面表示・A4印刷向け" : "HTML (.html) — screen and A4 print",
                                            ja ? "JSON（.json）— ツール連携向け" : "JSON (.json) — for tools"]))
            return []
        case .newCase: openNewCaseForm(); return []
        case .board:
            page = .board
            if let id = focusedCaseId ?? selectedSummary?.id, let si = indexById[id] {
                let col = summaries[si].stage.pipelineIndex ?? 5
                if let ci = boardColumns[col].firstIndex(of: si) { boardColumn = col; boardSelection[col] = ci }
            }
            return []
        case .list:
            if let id = focusedCaseId, let si = indexById[id], let r = rows.firstIndex(of: .summary(si)) { selection = r }
            page = .list; clampSelection(); return []
        case .back:
            switch page {
            case .detail:
                page = detail?.returnTo ?? .list
                if let id = detail?.id, let si = indexById[id] {
                    if let r = rows.firstIndex(of: .summary(si)) { selection = r; clampSelection() }
                    let col = summaries[si].stage.pipelineIndex ?? 5
                    if let ci = boardColumns[col].firstIndex(of: si) { boardColumn = col; boardSelection[col] = ci }
                }
                detail = nil
            case .board: page = .list
            case .dashboard, .calendar: page = pageReturn == page ? .list : pageReturn
            case .joint: page = pageReturn == .dashboard ? .dashboard : (pageReturn == .joint ? .list : pageReturn)
            case .list:
                if !filter.isEmpty { filter = TextInput(); rebuildRows(keepId: selectedSummary?.id) }
            }
            return []
        case .filter:
            filterEditing = true
            if page == .board { page = .list }
            return []
        case .sort:
            let all = SortColumn.allCases
            sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
            descending = false
            rebuildRows(keepId: selectedSummary?.id)
            status = "\(L.sortedBy.text(lang)): \(sort.label.text(lang)) ↑"
            return []
        case .sortReverse:
            descending.toggle()
            rebuildRows(keepId: selectedSummary?.id)
            status = "\(L.sortedBy.text(lang)): \(sort.label.text(lang)) \(descending ? "↓" : "↑")"
            return []
        case .nextView:
            viewIndex = views.isEmpty ? 0 : (viewIndex + 1) % views.count
            let v = views[viewIndex]
            if let so = v.sort.flatMap(SortColumn.init(rawValue:)) { sort = so; descending = v.descending }
            rebuildRows(keepId: selectedSummary?.id)
            status = "\(L.view.text(lang)): \(v.name)"
            return []
        case .saveView:
            modal = .prompt(Prompt(purpose: .saveView, title: L.saveViewTitle.text(lang), label: L.saveViewPrompt.text(lang)))
            return []
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            navigate(action); return []
        case .left, .right:
            if page == .board {
                boardColumn = min(5, max(0, boardColumn + (action == .left ? -1 : 1)))
            }
            return []
        case .nextTab, .prevTab, .tab1, .tab2, .tab3, .tab4, .tab5, .tab6, .tab7:
            guard var d = detail else { return [] }
            let n = DetailTab.allCases.count
            switch action {
            case .nextTab: d.tab = DetailTab(rawValue: (d.tab.rawValue + 1) % n)!
            case .prevTab: d.tab = DetailTab(rawValue: (d.tab.rawValue + n - 1) % n)!
            default: d.tab = DetailTab(rawValue: ["tab1", "tab2", "tab3", "tab4", "tab5", "tab6", "tab7"].firstIndex(of: action.rawValue)!)!
            }
            d.scroll = 0
            detail = d
            return refreshSimilar()
        case .open:
            if page == .list, rows.indices.contains(selection), case .damaged(let i) = rows[selection] {
                toast("\(damaged[i].fileName): \(damaged[i].reason)", .error)
                return []
            }
            guard let id = focusedCaseId else { status = L.noCaseSelected.text(lang); return [] }
            if page == .detail { return [] }
            return openDetail(id)
        case .tick:
            return tickSelected()
        case .advance:
            guard let id = focusedCaseId, let st = focusedStage(id) else { status = L.noCaseSelected.text(lang); return [] }
            if st.isEndState { toast(L.endStateAdvance.text(lang)); return [] }
            if readOnly.contains(id) { toast(L.readOnly.text(lang), .error); return [] }
            pending += 1
            return [.save(caseId: id, command: .advance(note: nil, override: nil), expect: ["stage": .string(st.rawValue)])]
        case .moveBack:
            guard let id = focusedCaseId, let st = focusedStage(id) else { status = L.noCaseSelected.text(lang); return [] }
            if st.isEndState { openMovePicker(id, from: st); return [] }
            guard let prev = st.previous else { toast(L.atFirstStage.text(lang)); return [] }
            modal = .prompt(Prompt(purpose: .move(caseId: id, from: st, to: prev), title: "\(L.moveBackTitle.text(lang)): \(st.label(lang)) → \(prev.label(lang))",
                                   label: L.moveBackPrompt.text(lang)))
            return []
        case .moveTo:
            guard let id = focusedCaseId, let st = focusedStage(id) else { status = L.noCaseSelected.text(lang); return [] }
            openMovePicker(id, from: st)
            return []
        case .edit:
            guard let id = focusedCaseId else { status = L.noCaseSelected.text(lang); return [] }
            if page == .detail, detail?.doc != nil { openFieldPicker(); return [] }
            var effects = openDetail(id)
            detail?.editWhenLoaded = true
            if detail?.doc != nil { detail?.editWhenLoaded = false; openFieldPicker(); effects = [] }
            return effects
        case .dashboard, .joint, .calendar, .filterMunicipality, .filterExit, .filterYear, .clearFilters, .prevYear, .nextYear,
             .snooze, .setNextAction:
            return performInsight(action)
        case .addNote:
            guard let id = focusedCaseId else { status = L.noCaseSelected.text(lang); return [] }
            var f = FormField(key: "note", label: L.tabNotes.text(lang), kind: .multiline, input: TextInput(multiline: true))
            f.required = true
            modal = .form(Form(purpose: .note(caseId: id), title: "\(L.noteTitle.text(lang)) — \(id)", fields: [f]))
            return []
        }
    }

    mutating func openDetail(_ id: String) -> [Effect] {
        let back = page == .detail ? (detail?.returnTo ?? .list) : page
        detail = DetailState(id: id, returnTo: back)
        page = .detail
        return [.loadCase(id)]
    }

    mutating func navigate(_ action: Action) {
        switch page {
        case .list:
            let page = max(1, listBodyHeight - 1)
            switch action {
            case .down: selection += 1
            case .up: selection -= 1
            case .top: selection = 0
            case .bottom: selection = rows.count - 1
            case .pageDown: selection += page; scroll += page
            case .pageUp: selection -= page; scroll -= page
            default: break
            }
            clampSelection()
        case .board:
            let n = boardColumns[boardColumn].count
            var i = boardSelection[boardColumn]
            let pageN = max(1, boardBodyHeight / max(1, boardCardLines))
            switch action {
            case .down: i += 1
            case .up: i -= 1
            case .top: i = 0
            case .bottom: i = n - 1
            case .pageDown: i += pageN
            case .pageUp: i -= pageN
            default: break
            }
            boardSelection[boardColumn] = n == 0 ? 0 : min(max(0, i), n - 1)
        case .detail:
            guard var d = detail else { return }
            if d.tab == .similar {
                let n = d.similar?.matches.count ?? 0
                switch action {
                case .down: d.similarSelection += 1
                case .up: d.similarSelection -= 1
                case .top: d.similarSelection = 0
                case .bottom, .pageDown: d.similarSelection = n - 1
                case .pageUp: d.similarSelection = 0
                default: break
                }
                d.similarSelection = n == 0 ? 0 : min(max(0, d.similarSelection), n - 1)
            } else if d.tab == .checklist, let doc = d.doc {
                let n = catalog.items(for: doc.stage, exit: doc.exit, method: doc.method).count
                switch action {
                case .down: d.itemSelection += 1
                case .up: d.itemSelection -= 1
                case .top: d.itemSelection = 0
                case .bottom: d.itemSelection = n - 1
                case .pageDown: d.itemSelection += max(1, detailBodyHeight / 2)
                case .pageUp: d.itemSelection -= max(1, detailBodyHeight / 2)
                default: break
                }
                d.itemSelection = n == 0 ? 0 : min(max(0, d.itemSelection), n - 1)
            } else {
                switch action {
                case .down: d.scroll += 1
                case .up: d.scroll -= 1
                case .top: d.scroll = 0
                case .bottom: d.scroll = Int.max / 2
                case .pageDown: d.scroll += max(1, detailBodyHeight - 1)
                case .pageUp: d.scroll -= max(1, detailBodyHeight - 1)
                default: break
                }
                d.scroll = max(0, d.scroll)   // the view clamps the bottom
            }
            detail = d
        case .dashboard, .joint, .calendar:
            navigateInsight(action)
        }
    }

    mutating func clampDetail() {
        guard var d = detail, let doc = d.doc else { return }
        let n = catalog.items(for: doc.stage, exit: doc.exit, method: doc.method).count
        d.itemSelection = n == 0 ? 0 : min(max(0, d.itemSelection), n - 1)
        detail = d
    }

    mutating func tickSelected() -> [Effect] {
        guard let d = detail, let doc = d.doc else { return [] }
        if d.tab == .similar { return openSimilarSelection() }
        if d.tab != .checklist { detail?.tab = .checklist; return [] }
        let items = catalog.items(for: doc.stage, exit: doc.exit, method: doc.method)
        guard items.indices.contains(d.itemSelection) else { return [] }
        if d.readOnly { toast(L.readOnly.text(lang), .error); return [] }
        let item = items[d.itemSelection]
        let ticked = doc.checklist[item.id] != nil
        pending += 1
        return [.save(caseId: doc.id, command: ticked ? .untick(item: item.id) : .tick(item: item.id),
                      expect: ["checklist.\(item.id)": CaseFields.get(doc, "checklist.\(item.id)")])]
    }

    mutating func openMovePicker(_ id: String, from: Stage) {
        let targets = Stage.allCases.filter { $0 != from }
        modal = .picker(Picker(purpose: .moveTo(caseId: id, from: from), title: "\(L.moveToTitle.text(lang)) — \(from.label(lang)) →",
                               ids: targets.map(\.rawValue), labels: targets.map { "\($0.progressGlyph) \($0.label(lang))" }))
    }

    /// Editable fields, then the six budget reference items.
    func editableFields() -> [(path: String, label: String)] {
        var out = CaseFields.specs.map { ($0.path, $0.label(lang)) }
        for r in catalog.referenceItems { out.append(("reference.\(r.id)", "\(L.referenceItems.text(lang).prefix(lang == .ja ? 4 : 9))… \(r.label(lang))")) }
        return out
    }

    mutating func openFieldPicker() {
        guard let d = detail, let doc = d.doc else { return }
        if d.readOnly { toast(L.readOnly.text(lang), .error); return }
        let fields = editableFields()
        let labels = fields.map { f -> String in
            let v = AppState.displayValue(CaseFields.get(doc, f.path))
            return v.isEmpty ? f.label : "\(f.label): \(v)"
        }
        modal = .picker(Picker(purpose: .editField(caseId: doc.id), title: "\(L.fieldPicker.text(lang)) — \(doc.id)", ids: fields.map(\.path), labels: labels))
    }

    static func displayValue(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .array(let a): return a.compactMap(\.stringValue).joined(separator: "、")
        default:
            if let n = v.intValue { return String(n) }
            return v.description
        }
    }

    func choices(for path: String) -> (ids: [String], labels: [String])? {
        let none = lang == .ja ? "（未設定）" : "(none)"
        switch path {
        case "exit": return ([""] + Exit.allCases.map(\.rawValue), [none] + Exit.allCases.map { $0.label(lang) })
        case "method":
            let exit = detail?.doc?.exit
            let ms = catalog.methods.filter { exit == nil || $0.exit == exit }
            return ([""] + ms.map(\.id), [none] + ms.map { "\(lang == .ja ? $0.ja : $0.en) (\($0.page))" })
        case "domain": return ([""] + catalog.domains.map(\.id), [none] + catalog.domains.map { lang == .ja ? $0.ja : $0.en })
        case "municipality.size": return ([""] + SizeClass.allCases.map(\.rawValue), [none] + SizeClass.allCases.map { lang == .ja ? $0.ja : $0.en })
        case "municipality.kind": return ([""] + MunicipalityKind.allCases.map(\.rawValue), [none] + MunicipalityKind.allCases.map { lang == .ja ? $0.ja : $0.rawValue })
        default: return nil
        }
    }

    mutating func openEditForm(caseId: String, path: String) {
        guard let doc = detail?.doc, doc.id == caseId else { return }
        let before = CaseFields.get(doc, path)
        let label = editableFields().first { $0.path == path }?.label ?? path
        var field: FormField
        if let ch = choices(for: path) {
            field = FormField(key: path, label: label, kind: .choice(ids: ch.ids, labels: ch.labels), input: TextInput())
            field.choice = ch.ids.firstIndex(of: before.stringValue ?? "") ?? 0
            field.hint = L.choiceHint.text(lang)
        } else {
            let multi = CaseFields.spec(path)?.kind == .multiline
            field = FormField(key: path, label: label, kind: multi ? .multiline : .text,
                              input: TextInput(AppState.displayValue(before), multiline: multi))
            if CaseFields.spec(path)?.kind == .tags { field.hint = L.partnersHint.text(lang) }
            if CaseFields.spec(path)?.kind == .day { field.hint = "YYYY-MM-DD" }
            if CaseFields.spec(path)?.kind == .yen { field.hint = lang == .ja ? "例: 4,800,000" : "e.g. 4,800,000" }
            field.required = path == "title" || path == "municipality.name"
        }
        modal = .form(Form(purpose: .edit(caseId: caseId, path: path, before: before), title: "\(L.editTitle.text(lang)) — \(caseId)", fields: [field]))
    }

    mutating func openNewCaseForm() {
        func f(_ key: String, _ label: String, required: Bool = false, hint: String? = nil) -> FormField {
            var x = FormField(key: key, label: label, kind: .text, input: TextInput())
            x.required = required; x.hint = hint
            return x
        }
        let ja = lang == .ja
        var exitField = FormField(key: "exit", label: L.exit.text(lang),
                                  kind: .choice(ids: [""] + Exit.allCases.map(\.rawValue), labels: [ja ? "（未定）" : "(undecided)"] + Exit.allCases.map { $0.label(lang) }),
                                  input: TextInput())
        exitField.hint = L.choiceHint.text(lang)
        modal = .form(Form(purpose: .newCase, title: L.newCaseTitle.text(lang), fields: [
            f("title", L.colTitle.text(lang), required: true),
            f("municipality", L.municipality.text(lang), required: true),
            f("prefecture", ja ? "都道府県" : "Prefecture"),
            f("partners", L.partners.text(lang), hint: L.partnersHint.text(lang)),
            f("fiscalYear", L.targetFY.text(lang), hint: ja ? "例: 2027" : "e.g. 2027"),
            exitField,
            f("id", "ID", hint: L.idHint.text(lang)),
        ]))
    }

    // MARK: modal keys

    mutating func handleModalKey(_ key: Key) -> [Effect] {
        guard let m = modal else { return [] }
        switch m {
        case .help(let scroll):
            switch key {
            case .esc, .char("q"), .char("?"), .enter: modal = nil
            case .char("j"), .down: modal = .help(scroll: scroll + 1)
            case .char("k"), .up: modal = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): modal = .help(scroll: scroll + max(1, height - 6))
            case .pageUp: modal = .help(scroll: max(0, scroll - max(1, height - 6)))
            case .char("g"), .home: modal = .help(scroll: 0)
            default: break
            }
            return []
        case .palette(var input, var sel):
            let matches = paletteMatches(input.text)
            switch key {
            case .esc: modal = nil; return []
            case .enter:
                modal = nil
                guard matches.indices.contains(sel) else { return [] }
                return perform(matches[sel])
            case .down, .ctrl("n"), .tab: sel = min(sel + 1, max(0, matches.count - 1))
            case .up, .ctrl("p"), .backTab: sel = max(0, sel - 1)
            default:
                if input.handle(key) { sel = 0 }
            }
            modal = .palette(input: input, selection: sel)
            return []
        case .gate(let g):
            switch key {
            case .char("y"), .char("Y"):
                var p = Prompt(purpose: .gateOverride(caseId: g.caseId, stage: g.stage), title: L.gateTitle.text(lang), label: L.gateReasonPrompt.text(lang))
                p.body = g.problems
                modal = .prompt(p)
            case .char("n"), .char("N"), .esc, .char("q"): modal = nil
            default: break
            }
            return []
        case .prompt(var p):
            switch key {
            case .esc: modal = nil; return []
            case .enter:
                let text = p.input.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { p.error = (p.purpose == .saveView ? L.requiredField : L.reasonRequired).text(lang); modal = .prompt(p); return [] }
                modal = nil
                switch p.purpose {
                case .move(let id, let from, let to):
                    pending += 1
                    return [.save(caseId: id, command: .move(to: to, reason: text), expect: ["stage": .string(from.rawValue)])]
                case .gateOverride(let id, let stage):
                    pending += 1
                    return [.save(caseId: id, command: .advance(note: nil, override: text), expect: ["stage": .string(stage.rawValue)])]
                case .saveView:
                    let v = SavedView(name: text, filter: filter.text,
                                      stages: views.indices.contains(viewIndex) ? views[viewIndex].stages : [],
                                      sort: sort.rawValue, descending: descending)
                    views.append(v)
                    viewIndex = views.count - 1
                    toast("\(L.viewSaved.text(lang)): \(text)", .success)
                    return [.saveViews(Array(views.dropFirst(SavedView.builtIn(lang).count)))]
                }
            default:
                if p.input.handle(key) { p.error = nil }
                modal = .prompt(p)
                return []
            }
        case .picker(var p):
            switch key {
            case .esc, .char("q"): modal = nil
            case .down, .char("j"), .tab: p.selection = min(p.selection + 1, max(0, p.ids.count - 1)); modal = .picker(p)
            case .up, .char("k"), .backTab: p.selection = max(0, p.selection - 1); modal = .picker(p)
            case .pageDown: p.selection = min(p.selection + 8, max(0, p.ids.count - 1)); modal = .picker(p)
            case .pageUp: p.selection = max(0, p.selection - 8); modal = .picker(p)
            case .char("g"), .home: p.selection = 0; modal = .picker(p)
            case .char("G"), .end: p.selection = max(0, p.ids.count - 1); modal = .picker(p)
            case .enter:
                guard p.ids.indices.contains(p.selection) else { modal = nil; return [] }
                let choice = p.ids[p.selection]
                switch p.purpose {
                case .editField(let id):
                    openEditForm(caseId: id, path: choice)
                case .moveTo(let id, let from):
                    let to = Stage(rawValue: choice)!
                    modal = .prompt(Prompt(purpose: .move(caseId: id, from: from, to: to),
                                           title: "\(L.moveToTitle.text(lang)): \(from.label(lang)) → \(to.label(lang))",
                                           label: L.endStateTitle.text(lang)))
                case .export(let id):
                    modal = nil
                    pending += 1
                    return [.export(caseId: id, format: choice)]
                }
            default: break
            }
            return []
        case .form(var f):
            return handleFormKey(key, &f)
        case .overdue(let review, var sel):
            let items = review.allItems
            if let a = settings.keymap.action(for: key, in: .overdue), [.snooze, .setNextAction, .calendar].contains(a) {
                guard items.indices.contains(sel) else { return [] }
                return overdueAction(a, items[sel], review: review, selection: sel)
            }
            switch key {
            case .esc, .char("q"), .char("o"): modal = nil; return []
            case .down, .char("j"): sel += 1
            case .up, .char("k"): sel -= 1
            case .pageDown: sel += max(1, height / 3)
            case .pageUp: sel -= max(1, height / 3)
            case .char("g"), .home: sel = 0
            case .char("G"), .end: sel = items.count - 1
            case .enter:
                guard items.indices.contains(sel) else { return [] }
                modal = nil
                return openDetail(items[sel].caseId)
            default: break
            }
            sel = items.isEmpty ? 0 : min(max(0, sel), items.count - 1)
            modal = .overdue(review: review, selection: sel)
            return []
        }
    }

    mutating func handleFormKey(_ key: Key, _ f: inout Form) -> [Effect] {
        let fieldCount = f.fields.count
        var field = f.fields[f.focus]
        let innerWidth = max(4, min(width - 2, 72) - 4)
        switch key {
        case .esc: modal = modalBehind; modalBehind = nil; return []
        case .ctrl("s"):
            return submit(&f)
        // Tab always moves between fields; ↑/↓ move only when the field is one line (inside a
        // multi-line field they move the cursor).
        case .tab:
            f.focus = (f.focus + 1) % fieldCount
        case .down where !isMultiline(field):
            f.focus = (f.focus + 1) % fieldCount
        case .backTab:
            f.focus = (f.focus + fieldCount - 1) % fieldCount
        case .up where !isMultiline(field):
            f.focus = (f.focus + fieldCount - 1) % fieldCount
        case .enter where !isMultiline(field):
            if f.focus == fieldCount - 1 { return submit(&f) }
            f.focus += 1
        default:
            if case .choice(let ids, _) = field.kind {
                switch key {
                case .left, .char("h"): field.choice = (field.choice + ids.count - 1) % max(1, ids.count)
                case .right, .char("l"), .char(" "): field.choice = (field.choice + 1) % max(1, ids.count)
                default: break
                }
            } else if field.input.handle(key, wrapWidth: innerWidth) {
                field.error = nil
            }
            f.fields[f.focus] = field
        }
        f.error = nil
        modal = .form(f)
        return []
    }

    func isMultiline(_ f: FormField) -> Bool { f.kind == .multiline }

    func fieldErrorText(_ error: Error) -> String {
        if case .invalid(_, _, let expected)? = error as? FieldError {
            guard lang == .ja else { return "expected " + expected }
            switch expected {
            case "a whole number": return "整数で入力してください"
            case "a fiscal year between 2000 and 2100": return "2000〜2100 の年度を入力してください"
            case "a date YYYY-MM-DD": return "日付を YYYY-MM-DD で入力してください"
            case let e where e.hasPrefix("an amount in yen"): return "金額（円）を入力してください（例: 4,800,000）"
            default: return "入力形式: " + expected
            }
        }
        return "\(error)"
    }

    /// Validates inline; on success closes the form and returns the effect.
    mutating func submit(_ f: inout Form) -> [Effect] {
        var ok = true
        for i in f.fields.indices {
            f.fields[i].error = nil
            let v = f.fields[i].value.trimmingCharacters(in: .whitespacesAndNewlines)
            if f.fields[i].required && v.isEmpty { f.fields[i].error = L.requiredField.text(lang); ok = false }
        }
        var effect: Effect?
        switch f.purpose {
        case .newCase:
            func val(_ k: String) -> String { f.fields.first { $0.key == k }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            func setError(_ k: String, _ e: String) { if let i = f.fields.firstIndex(where: { $0.key == k }) { f.fields[i].error = e; ok = false } }
            var fy: Int?
            if !val("fiscalYear").isEmpty {
                do { fy = try CaseFields.parse("budget.fiscalYear", val("fiscalYear")).intValue } catch { setError("fiscalYear", fieldErrorText(error)) }
            }
            let id = val("id")
            if !id.isEmpty && !CaseID.isValid(id) { setError("id", CaseID.validationMessage(id)) }
            if !id.isEmpty, indexById[id] != nil { setError("id", lang == .ja ? "この ID は既に使われています" : "this id is already taken") }
            // The same list parsing as `renkei set ID partners …` (commas, 、 or ，).
            let partners = ((try? CaseFields.parse("partners", val("partners")))?.arrayValue ?? []).compactMap(\.stringValue)
            let pref = val("prefecture")
            effect = .create(NewCaseInput(id: id, title: val("title"), municipality: val("municipality"), prefecture: pref.isEmpty ? nil : pref,
                                     partners: partners, fiscalYear: fy, exit: Exit(rawValue: val("exit"))))
        case .edit(let id, let path, let before):
            let fld = f.fields[0]
            var value: JSONValue = .null
            if case .choice = fld.kind {
                value = fld.value.isEmpty ? .null : .string(fld.value)
            } else {
                do { value = try CaseFields.parse(path, fld.input.text) } catch {
                    f.fields[0].error = fieldErrorText(error)
                    ok = false
                }
            }
            if ok && value == before { modal = nil; status = lang == .ja ? "変更はありません" : "Nothing changed"; return [] }
            effect = .save(caseId: id, command: .setField(path: path, value: value), expect: [path: before])
        case .note(let id):
            effect = .save(caseId: id, command: .addNote(text: f.fields[0].input.text), expect: [:])
        case .snooze(let id, let item):
            let until = f.fields[0].value.trimmingCharacters(in: .whitespaces)
            let reason = f.fields[1].value.trimmingCharacters(in: .whitespacesAndNewlines)
            if let d = Day(until) {
                if d <= today { f.fields[0].error = L.dateNotAhead.text(lang); ok = false }
                else if ok { effect = .save(caseId: id, command: .snooze(item: item, until: d, reason: reason), expect: [:]) }
            } else if !until.isEmpty { f.fields[0].error = L.dateInvalid.text(lang); ok = false }
        case .nextAction(let id):
            let text = f.fields[0].value.trimmingCharacters(in: .whitespacesAndNewlines)
            let due = f.fields[1].value.trimmingCharacters(in: .whitespaces)
            if let d = Day(due) {
                if ok { effect = .save(caseId: id, command: .setFields([FieldAssignment("nextAction.due", .string(d.description)),
                                                                        FieldAssignment("nextAction.text", .string(text))]), expect: [:]) }
            } else if !due.isEmpty { f.fields[1].error = L.dateInvalid.text(lang); ok = false }
        }
        if !ok {
            if let first = f.fields.firstIndex(where: { $0.error != nil }) { f.focus = first }
            modal = .form(f)
            return []
        }
        modal = nil
        modalBehind = nil
        pending += 1
        switch f.purpose {
        case .snooze, .nextAction:
            // Refresh the review so the row reflects the change.
            pending += 1
            return (effect.map { [$0] } ?? []) + [.overdue]
        default:
            return effect.map { [$0] } ?? []
        }
    }

    // MARK: palette

    /// Palette entries matching `query` (fuzzy, over both languages' labels and the action id).
    static let paletteActions = Action.allCases.filter(\.inPalette)
    /// Folded names per action: [ja label, en label, id] — folded once.
    static let paletteNames: [[String]] = paletteActions.map { a in
        [a.label(.ja), a.label(.en), a.rawValue].map(TextNormalizer.fold)
    }

    public func paletteMatches(_ query: String) -> [Action] {
        let actions = AppState.paletteActions
        let q = TextNormalizer.fold(query).filter { $0 != " " }
        if q.isEmpty { return actions }
        var scored: [(Action, Int)] = []
        for (i, a) in actions.enumerated() {
            let names = AppState.paletteNames[i]
            let best = (lang == .ja ? names : [names[1], names[0], names[2]])
                .compactMap { Fuzzy.score(q, in: $0) }.max()
            if let best { scored.append((a, best)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }.map(\.0)
    }

    // MARK: mouse

    mutating func handleMouse(_ m: MouseEvent) -> [Effect] {
        if modal != nil {
            if case .help(let s) = modal!, m.kind != .click { modal = .help(scroll: max(0, s + (m.kind == .wheelDown ? 3 : -3))) }
            return []
        }
        switch m.kind {
        case .wheelDown, .wheelUp:
            let a: Action = m.kind == .wheelDown ? .down : .up
            for _ in 0..<3 { navigate(a) }
        case .click:
            switch page {
            case .list:
                let r = scroll + (m.y - listBodyTop)
                if m.y >= listBodyTop, m.y < listBodyTop + listBodyHeight, rows.indices.contains(r) { selection = r; clampSelection() }
            case .board:
                let layout = BoardLayout(width: width, selected: boardColumn)
                if let c = layout.column(at: m.x) {
                    boardColumn = c
                    let i = boardScroll(c) + (m.y - 2) / max(1, boardCardLines)
                    if m.y >= 2, boardColumns[c].indices.contains(i) { boardSelection[c] = i }
                }
            case .dashboard, .joint, .calendar:
                break
            case .detail:
                if m.y == 2, var d = detail {
                    let tabs = TabLayout(lang: lang, width: width, selected: d.tab)
                    if let t = tabs.tab(at: m.x) { d.tab = t; d.scroll = 0; detail = d }
                }
            }
        }
        return []
    }

    /// First visible card of a board column (keeps the selected card visible).
    func boardScroll(_ c: Int) -> Int {
        let visible = max(1, boardBodyHeight / max(1, boardCardLines))
        let sel = boardSelection[c]
        return max(0, min(sel - visible / 2, boardColumns[c].count - visible))
    }
}

/// Subsequence fuzzy matching: every query character in order; contiguous runs and matches at
/// the start score higher. Nil when it does not match.
public enum Fuzzy {
    public static func score(_ query: String, in text: String) -> Int? {
        if query.isEmpty { return 0 }
        let t = Array(text), q = Array(query)
        var qi = 0, score = 0, run = 0, last = -2
        for (i, ch) in t.enumerated() where qi < q.count {
            if ch == q[qi] {
                run = (i == last + 1) ? run + 1 : 1
                score += 1 + run * 2 + (i == 0 ? 5 : 0)
                last = i; qi += 1
            }
        }
        guard qi == q.count else { return nil }
        if text.contains(query) { score += 20 }
        return score - t.count / 10
    }
}


/// Substring search over UTF-8 bytes (both sides already folded): far cheaper per case than
/// Foundation's locale-aware `contains`, which matters when filtering 10,000 cases per keystroke.
enum ByteSearch {
    static func contains(_ hay: String, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        var h = hay
        return h.withUTF8 { buf -> Bool in
            let n = needle.count
            guard buf.count >= n else { return false }
            let first = needle[0]
            var i = 0
            let last = buf.count - n
            while i <= last {
                if buf[i] == first {
                    var j = 1
                    while j < n && buf[i + j] == needle[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
