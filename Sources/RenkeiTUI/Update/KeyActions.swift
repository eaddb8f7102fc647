import Foundation
import RenkeiCore

/// Key → Action → state change, for the pages (modals have their own handlers).
extension AppState {
    // MARK: keys

    var context: KeyContext {
        switch page {
        case .list: return .list
        case .board: return .board
        case .detail: return .detail
        case .dashboard: return .dashboard
        case .joint: return .joint
        case .calendar: return .calendar
        case .municipality: return .municipality
        case .partner: return .partner
        }
    }

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .ctrl("c") { quitting = true; return [.quit] }          // always, everywhere
        if modal != nil { return handleModalKey(key) }
        if filterEditing { return handleFilterKey(key) }
        guard let action = settings.keymap.action(for: key, in: context) else {
            status = Label.unknownKey.text(lang)
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
            return col.indices.contains(i) ? summary(at: col[i])?.id : nil
        case .list: return selectedSummary?.id
        case .joint: return jointMembers.indices.contains(jointSelection) ? jointMembers[jointSelection] : nil
        case .dashboard, .calendar: return nil
        case .municipality, .partner: return orgFocusedCaseId
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
            settings.lang = lang == .en ? .ja : .en   // the other language
            let custom = Array(views.dropFirst(4))
            views = SavedView.builtIn(lang) + custom
            toast(Label.langSwitched.text(lang))
            return []
        case .undo: pending += 1; return [.undo]
        case .redo: pending += 1; return [.redo]
        case .overdue: pending += 1; return [.overdue]
        case .sync, .conflicts, .keepWinner, .takeOther: return performTeam(action)
        case .export:
            guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
            openExportDialog(id)
            return []
        case .newCase: openNewCaseForm(); return []
        case .board:
            page = .board
            if let id = focusedCaseId ?? selectedSummary?.id { focusBoard(on: id) }
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
                    focusBoard(on: id)
                }
                detail = nil
            case .board: page = .list
            case .dashboard, .calendar: page = pageReturn == page ? .list : pageReturn
            case .joint: page = pageReturn == .dashboard ? .dashboard : (pageReturn == .joint ? .list : pageReturn)
            case .list:
                if !filter.isEmpty { filter = TextInput(); rebuildRows(keepId: selectedSummary?.id) }
            case .municipality, .partner:
                return orgBack()
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
            status = "\(Label.sortedBy.text(lang)): \(sort.label.text(lang)) ↑"
            return []
        case .sortReverse:
            descending.toggle()
            rebuildRows(keepId: selectedSummary?.id)
            status = "\(Label.sortedBy.text(lang)): \(sort.label.text(lang)) \(descending ? "↓" : "↑")"
            return []
        case .nextView:
            viewIndex = views.isEmpty ? 0 : (viewIndex + 1) % views.count
            let v = views[viewIndex]
            if let so = v.sort.flatMap(SortColumn.init(rawValue:)) { sort = so; descending = v.descending }
            rebuildRows(keepId: selectedSummary?.id)
            status = "\(Label.view.text(lang)): \(v.name)"
            return []
        case .saveView:
            modal = .prompt(Prompt(purpose: .saveView, title: Label.saveViewTitle.text(lang), label: Label.saveViewPrompt.text(lang)))
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
                if let d = damagedEntry(at: i) { toast("\(d.fileName): \(d.reason.text(lang))", .error) }
                return []
            }
            guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
            if page == .detail { return [] }
            return openDetail(id)
        case .tick:
            return tickSelected()
        case .advance:
            guard let id = focusedCaseId, let st = focusedStage(id) else { status = Label.noCaseSelected.text(lang); return [] }
            if st.isEndState { toast(Label.endStateAdvance.text(lang)); return [] }
            if readOnly.contains(id) { toast(Label.readOnly.text(lang), .error); return [] }
            pending += 1
            return [.save(caseId: id, command: .advance(note: nil, override: nil), expect: ["stage": .string(st.rawValue)])]
        case .moveBack:
            guard let id = focusedCaseId, let st = focusedStage(id) else { status = Label.noCaseSelected.text(lang); return [] }
            if st.isEndState { openMovePicker(id, from: st); return [] }
            guard let prev = st.previous else { toast(Label.atFirstStage.text(lang)); return [] }
            modal = .prompt(Prompt(purpose: .move(caseId: id, from: st, to: prev), title: "\(Label.moveBackTitle.text(lang)): \(st.label(lang)) → \(prev.label(lang))",
                                   label: Label.moveBackPrompt.text(lang)))
            return []
        case .moveTo:
            guard let id = focusedCaseId, let st = focusedStage(id) else { status = Label.noCaseSelected.text(lang); return [] }
            openMovePicker(id, from: st)
            return []
        case .edit:
            guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
            if page == .detail, detail?.doc != nil { openFieldPicker(); return [] }
            var effects = openDetail(id)
            detail?.editWhenLoaded = true
            if detail?.doc != nil { detail?.editWhenLoaded = false; openFieldPicker(); effects = [] }
            return effects
        case .dashboard, .joint, .calendar, .filterMunicipality, .filterExit, .filterYear, .clearFilters, .prevYear, .nextYear,
             .snooze, .setNextAction:
            return performInsight(action)
        case .municipality: return openMunicipalityOfFocus()
        case .partner: return openPartnerOfFocus()
        case .editContacts, .editPartners, .editKPIs, .editFunding, .editBudgetLines, .deleteCase:
            return performRecordAction(action)
        case .loadSamples:
            offerSamples(); return []
        case .importFile:
            return openImportDialog()
        case .exportCSV:
            offerCSVExport(); return []
        case .archiveCase, .unarchiveCase, .toggleArchived:
            return performArchiveAction(action)
        case .addNote:
            guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
            var f = FormField(key: "note", label: Label.tabNotes.text(lang), kind: .multiline, input: TextInput(multiline: true))
            f.required = true
            modal = .form(Form(purpose: .note(caseId: id), title: "\(Label.noteTitle.text(lang)) — \(id)", fields: [f]))
            return []
        }
    }
}
