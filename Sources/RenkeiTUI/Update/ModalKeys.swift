import Foundation
import RenkeiCore

/// Keys while a modal (help, palette, gate, prompt, picker, form, overdue review) is open.
extension AppState {
    mutating func openMovePicker(_ id: String, from: Stage) {
        let targets = Stage.allCases.filter { $0 != from }
        modal = .picker(Picker(purpose: .moveTo(caseId: id, from: from), title: "\(Label.moveToTitle.text(lang)) — \(from.label(lang)) →",
                               ids: targets.map(\.rawValue), labels: targets.map { "\($0.progressGlyph) \($0.label(lang))" }))
    }

    // MARK: modal keys

    mutating func handleModalKey(_ key: Key) -> [Effect] {
        guard let m = modal else { return [] }
        switch m {
        case .help(let scroll):
            switch key {
            case .esc, .char("q"), .char("?"), .enter: modal = nil
            // Clamped to the last page, so k after many j moves up at once.
            case .char("j"), .down: modal = .help(scroll: min(helpMaxScroll, scroll + 1))
            case .char("k"), .up: modal = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): modal = .help(scroll: min(helpMaxScroll, scroll + max(1, height - 6)))
            case .pageUp: modal = .help(scroll: max(0, scroll - max(1, height - 6)))
            case .char("g"), .home: modal = .help(scroll: 0)
            case .char("G"), .end: modal = .help(scroll: helpMaxScroll)
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
                var p = Prompt(purpose: .gateOverride(caseId: g.caseId, stage: g.stage), title: Label.gateTitle.text(lang), label: Label.gateReasonPrompt.text(lang))
                p.body = g.problems
                modal = .prompt(p)
            case .char("n"), .char("N"), .esc, .char("q"): modal = nil
            default: break
            }
            return []
        case .prompt(var p):
            switch key {
            case .esc:
                modal = nil
                if p.purpose == .actorName { offerSamplesIfFirstRun() }   // no name given: asked again next time
                return []
            case .enter:
                let text = p.input.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { p.error = (p.purpose == .saveView || p.purpose == .actorName ? Label.requiredField : Label.reasonRequired).text(lang); modal = .prompt(p); return [] }
                modal = nil
                switch p.purpose {
                case .move(let id, let from, let to):
                    pending += 1
                    return [.save(caseId: id, command: .move(to: to, reason: text), expect: ["stage": .string(from.rawValue)])]
                case .gateOverride(let id, let stage):
                    pending += 1
                    return [.save(caseId: id, command: .advance(note: nil, override: text), expect: ["stage": .string(stage.rawValue)])]
                case .actorName:
                    return nameGiven(text)
                case .saveView:
                    let v = SavedView(name: text, filter: filter.text,
                                      stages: views.indices.contains(viewIndex) ? views[viewIndex].stages : [],
                                      sort: sort.rawValue, descending: descending)
                    views.append(v)
                    viewIndex = views.count - 1
                    toast("\(Label.viewSaved.text(lang)): \(text)", .success)
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
            case .char("d"), .delete:
                if case .records = p.purpose { return removeRecord(p) }
            case .enter:
                guard p.ids.indices.contains(p.selection) else { modal = nil; return [] }
                let choice = p.ids[p.selection]
                switch p.purpose {
                case .editField(let id):
                    openEditForm(caseId: id, path: choice)
                case .moveTo(let id, let from):
                    let to = Stage(rawValue: choice)!
                    modal = .prompt(Prompt(purpose: .move(caseId: id, from: from, to: to),
                                           title: "\(Label.moveToTitle.text(lang)): \(from.label(lang)) → \(to.label(lang))",
                                           label: Label.endStateTitle.text(lang)))
                case .partner:
                    modal = nil
                    return [.openPartner(choice)]
                case .records:
                    chooseRecord(p)
                case .confirmDelete:
                    return confirmDelete(p)
                case .samples:
                    return chooseSamples(p)
                case .exportCSV:
                    modal = nil
                    pending += 1
                    return [.transfer(.exportPortfolioCSV(cp932: choice == "cp932"))]
                }
            default: break
            }
            return []
        case .form(var f):
            return handleFormKey(key, &f)
        case .export(let d):
            return handleExportKey(key, d)
        case .importFile(let d):
            return handleImportKey(key, d)
        case .overdue(let review, var sel):
            let items = review.allItems + review.snoozed   // the snoozed section is selectable too
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
        case .conflicts(let rows, let sel):
            return handleConflictsKey(key, rows, sel)
        }
    }
}
