import Foundation
import RenkeiCore

/// The body of each detail tab (overview, checklist, budget, KPI, history, notes, similar).
extension AppState {
    func detailLines(_ c: Case, _ d: DetailState, width: Int) -> [Line] {
        let kw = min(14, max(4, width / 3))
        var out: [Line] = []
        switch d.tab {
        case .overview:
            if let a = c.archival {
                let when = DisplayFormat.day(a.at.day, wareki: settings.wareki)
                out += wrapText(ArchiveMessage.archivedOn(when: when, by: a.by, note: a.note).text(lang), width: width).map { Line($0, theme.warning) }
            }
            // 狭山市（埼玉県・112151）, or the name marked 未照合 with how to link it (issue 16).
            let caption = MunicipalityCaption(c, resolver: readings?.resolver, lang: lang, surface: .workbench)
            var muni = caption.display
            if let k = c.municipality.kind { muni += " · " + k.label(lang) }
            if let sz = c.municipality.size { muni += " · " + sz.label(lang) }
            out += kv(Label.municipality.text(lang), muni, width: width, keyWidth: kw)
            if let hint = caption.hint {
                out += wrapText(hint, width: max(1, width - kw - 1)).map { Line($0, theme.dim, indent: kw + 1) }
            }
            out += kv(Label.department.text(lang), c.department, width: width, keyWidth: kw)
            out += kv(Label.partners.text(lang), WorkbenchMessage.list(c.partners.map { $0.name + WorkbenchMessage.parenthetical($0.kind.label(lang)).text(lang) }).text(lang), width: width, keyWidth: kw)
            out += kv(Label.domain.text(lang), c.domain.map { id in catalog.domain(id)?.label(lang) ?? id } ?? "", width: width, keyWidth: kw)
            out += kv(Label.exit.text(lang), c.exit.map { e in e.label(lang) + (catalog.exit(e).map { " (\($0.page))" } ?? "") } ?? "", width: width, keyWidth: kw)
            out += kv(Label.method.text(lang), c.method.map { m in catalog.method(m).map { $0.label(lang) + " (\($0.page))" } ?? m } ?? "", width: width, keyWidth: kw)
            var stage = "\(c.stage.progressGlyph) \(c.stage.label(lang))"
            if let entered = c.stageEnteredDay { stage += WorkbenchMessage.inStageFor(DisplayFormat.span(days: entered.days(until: today), lang)).text(lang) }
            out += kv(Label.stage.text(lang), stage, width: width, keyWidth: kw)
            if let r = c.stageReason { out += kv(Label.reason.text(lang), r, width: width, keyWidth: kw) }
            out += kv(Label.targetFY.text(lang), c.budget.fiscalYear.map { DisplayFormat.fiscalYear($0, lang) } ?? "", width: width, keyWidth: kw)
            if let na = c.nextAction {
                var t = na.text
                if let due = na.due { t += " (\(DisplayFormat.day(due, wareki: settings.wareki)) · \(DisplayFormat.due(due, today: today, lang)))" }
                out += kv(Label.nextAction.text(lang), t, width: width, keyWidth: kw)
            }
            out += kv(Label.tags.text(lang), WorkbenchMessage.list(c.tags).text(lang), width: width, keyWidth: kw)
            out.append(.blank)
            out.append(section(Label.issueWhy.text(lang)))
            out += paragraph(c.issue.why, width: width)
            out.append(section(Label.issueHow.text(lang)))
            out += paragraph(c.issue.how, width: width)
            out.append(section(Label.issueWhat.text(lang)))
            out += paragraph(c.issue.what, width: width)

        case .checklist:
            if c.stage.isEndState {
                out.append(Line(Label.endStateNoChecklist.text(lang), theme.dim))
                return out
            }
            // The stage's items (what the gate counts), then any grant's criteria and obligations.
            let stageItems = catalog.items(for: c.stage, exit: c.exit, method: c.method)
            let items = checklistItems(c)
            let done = stageItems.filter { c.checklist[$0.id] != nil }.count
            let problems = Gate.check(c, catalog: catalog)
            out.append(Line([Span("\(c.stage.label(lang)) ", theme.stage(c.stage).withBold),
                             Span(WorkbenchMessage.checklistDone(done: done, total: stageItems.count).text(lang), theme.dim),
                             Span(catalog.stage(c.stage).map { "  (\($0.page))" } ?? "", theme.dim)]))
            if items.isEmpty { out.append(Line(Label.noItems.text(lang), theme.dim)) }
            var group: String?
            let pageW = 10
            for (i, item) in items.enumerated() {
                if item.group != group, let g = item.group { out.append(Line(g, theme.accent)); group = g }
                let ticked = c.checklist[item.id] != nil
                let box = ticked ? "[x] " : "[ ] "
                let req = item.required ? Label.requiredMark.text(lang) : ""
                // A grant item's page is "<programme> <section>"; the group line names the programme.
                let page = item.group.flatMap { g in item.page.hasPrefix(g + " ") ? String(item.page.dropFirst(g.count + 1)) : nil } ?? item.page
                let labelW = max(1, width - 4 - pageW - DisplayWidth.of(req))
                let wrapped = wrapText(item.label(lang), width: labelW)
                let selected = i == d.itemSelection
                for (j, l) in wrapped.enumerated() {
                    if j == 0 {
                        out.append(Line([Span(box, ticked ? theme.success : .plain), Span(DisplayWidth.pad(l, to: labelW)),
                                         Span(req, theme.warning), Span(" " + DisplayWidth.pad(page, to: pageW - 1, alignRight: true), theme.dim)],
                                        selected: selected))
                    } else {
                        out.append(Line([Span("    " + l)], selected: selected))
                    }
                }
                if selected, let t = c.checklist[item.id] {
                    out.append(Line("    ✓ \(DisplayFormat.day(t.at.day, wareki: settings.wareki)) \(t.by) (\(DisplayFormat.relative(t.at.day, today: today, lang)))", theme.dim))
                }
            }
            out.append(.blank)
            if problems.isEmpty {
                out.append(Line("→ " + Label.gateOpen.text(lang), theme.success))
            } else {
                out.append(Line(WorkbenchMessage.unmetBeforeAdvancing(problems.count).text(lang), theme.warning))
                for p in problems { out += paragraph("・" + p.label(lang), width: width, indent: 2, style: theme.dim) }
            }
            out.append(Line(Label.checklistKeysHint.text(lang), theme.dim))

        case .budget:
            let b = c.budget
            out += kv(Label.targetFY.text(lang), b.fiscalYear.map { fy in DisplayFormat.fiscalYear(fy, lang) + WorkbenchMessage.fiscalYearSpan(fy).text(lang) } ?? "", width: width, keyWidth: kw)
            out += kv(Label.budgetTotal.text(lang), b.items.isEmpty ? "" : (b.checkedTotalYen.map(DisplayFormat.yen) ?? Label.amountTooLarge.text(lang)), width: width, keyWidth: kw)
            for it in b.items where b.items.count > 1 { out += kv("", "・\(it.label) \(DisplayFormat.yen(it.yen))", width: width, keyWidth: kw) }
            out += kv(Label.roughQuote.text(lang), b.roughQuoteYen.map(DisplayFormat.yen) ?? "", width: width, keyWidth: kw)
            out += kv(Label.expenditureItem.text(lang), b.expenditureItem ?? "", width: width, keyWidth: kw)
            if let dl = deadlines[c.id] {
                out += kv(Label.nextDeadline.text(lang), "\(dl.label(lang)) \(DisplayFormat.day(dl.day, wareki: settings.wareki)) · \(DisplayFormat.due(dl.day, today: today, lang))", width: width, keyWidth: kw)
            }
            out.append(.blank)
            out.append(section(Label.funding.text(lang)))
            if b.funding.isEmpty { out.append(Line("—", theme.dim, indent: 2)) }
            for f in b.funding {
                var t = "\(f.name)（\(f.kind.label(lang))）"
                if let r = f.ratePercent { t += " \(SafeNumber.plain(r))%" }
                if let y = f.yen { t += " " + DisplayFormat.yen(y) }
                if f.kind == .subsidy || f.kind == .grant, let r = f.ratePercent, r < 100 {
                    t += Label.localShareNeedsBudget.text(lang)
                }
                out += paragraph("・" + t, width: width)
            }
            out.append(.blank)
            out.append(section(Label.referenceItems.text(lang)))
            for r in catalog.referenceItems {
                out.append(Line([Span("■ " + r.label(lang)), Span(" " + r.page, theme.dim)], indent: 1))
                out += paragraph(b.reference[r.id] ?? "", width: width, indent: 4)
            }

        case .kpi:
            if c.kpis.isEmpty { out.append(Line(Label.noKPI.text(lang), theme.dim)) }
            for k in c.kpis {
                out.append(Line([Span("■ " + k.name, .plain.withBold), Span(" (\(k.unit))", theme.dim)]))
                func num(_ v: Double?) -> String {
                    guard let v else { return "—" }
                    return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.2f", v)
                }
                var line = "\(Label.kpiBaseline.text(lang)) \(num(k.baseline)) → \(Label.kpiTarget.text(lang)) \(num(k.target))"
                if let l = k.latest { line += " · \(Label.kpiLatest.text(lang)) \(num(l.value)) (\(l.date))" }
                out += paragraph(line, width: width)
                if let t = k.target, let l = k.latest {
                    let base = k.baseline ?? 0
                    let frac = t == base ? (l.value >= t ? 1 : 0) : (l.value - base) / (t - base)
                    let bw = max(4, min(30, width - 12))
                    out.append(Line("\(progressBar(frac, width: bw)) \(SafeNumber.percent(max(0, frac)))", theme.accent, indent: 2))
                }
            }

        case .history:
            out.append(section(Label.timeInStage.text(lang)))
            for (stage, from, to) in stageSpans(c) {
                let days = from.days(until: to ?? today)
                out.append(Line([Span(DisplayWidth.pad(stage.label(lang), to: stageNameWidth), theme.stage(stage)),
                                 Span(" \(from) → \(to.map(\.description) ?? Label.now.text(lang))", theme.dim),
                                 Span("  " + DisplayFormat.span(days: days, lang))], indent: 1))
            }
            out.append(.blank)
            if c.events.isEmpty { out.append(Line(Label.noHistory.text(lang), theme.dim)) }
            for e in c.events.reversed() {
                let what = e.kind.label(lang)
                out.append(Line([Span("\(e.at.day)", .plain), Span(" \(DisplayFormat.relative(e.at.day, today: today, lang))", theme.dim),
                                 Span("  \(what)", .plain.withBold), Span("  \(e.actor)", theme.dim)]))
                let changes = e.changes.filter { !(e.reason != nil && $0.field == "stageReason") }
                for ch in changes.prefix(4) { out += paragraph(describe(ch), width: width, indent: 4, style: theme.dim) }
                if changes.count > 4 { out.append(Line("…+\(changes.count - 4)", theme.dim, indent: 4)) }
                if let r = e.reason { out += paragraph("\(Label.reason.text(lang)): \(r)", width: width, indent: 4, style: theme.warning) }
            }

        case .similar:
            out = similarLines(d, width: width)

        case .notes:
            if c.notes.isEmpty { out.append(Line(Label.noNotes.text(lang), theme.dim)) }
            // Numbered by position (time order): note ids are random since schemaVersion 2.
            for (number, n) in zip(c.notes.indices.map { $0 + 1 }, c.notes).reversed() {
                out.append(Line([Span("#\(number) ", theme.accent), Span(DisplayFormat.day(n.at.day, wareki: settings.wareki)),
                                 Span(" \(DisplayFormat.relative(n.at.day, today: today, lang))", theme.dim), Span("  \(n.author)", theme.dim)]))
                out += paragraph(n.text, width: width)
                out.append(.blank)
            }
        }
        return out
    }

    /// (stage, entered, left) spans from the event log.
    func stageSpans(_ c: Case) -> [(Stage, Day, Day?)] {
        var out: [(Stage, Day, Day?)] = []
        for e in c.events {
            for ch in e.changes where ch.field == "stage" {
                guard let s = ch.after.stringValue.flatMap(Stage.init(rawValue:)) else { continue }
                if !out.isEmpty { out[out.count - 1].2 = e.at.day }
                out.append((s, e.at.day, nil))
            }
        }
        return out
    }

    /// Width of the history's stage column (the longest name in each language).
    var stageNameWidth: Int {
        switch lang {
        case .ja: return 14
        case .en: return 16
        }
    }

    func describe(_ ch: Change) -> String {
        // Values and field names as a person reads them (手法: 共同調達, not `joint`) — the same
        // table as `renkei history` and the undo toasts.
        let names = FieldNames(catalog: catalog)
        func v(_ j: JSONValue) -> String {
            let s = j.isNull ? "" : names.value(ch.field, j, lang)
            return s.isEmpty ? "—" : DisplayWidth.clip(TerminalText.inline(s), to: 30)
        }
        if ch.field == "stage" {
            let a = ch.before.stringValue.flatMap(Stage.init(rawValue:))?.label(lang) ?? "—"
            let b = ch.after.stringValue.flatMap(Stage.init(rawValue:))?.label(lang) ?? "—"
            return "\(Label.stage.text(lang)): \(a) → \(b)"
        }
        if ch.field.hasPrefix("checklist.") {
            let id = String(ch.field.dropFirst(10))
            let label = catalog.item(id)?.label(lang) ?? id
            return (ch.after.isNull ? "[ ] " : "[x] ") + label
        }
        if ch.field.hasPrefix("note.") {
            let text = ch.after.objectValue?["text"]?.stringValue ?? ch.before.objectValue?["text"]?.stringValue ?? ""
            return WorkbenchMessage.notePreview(DisplayWidth.clip(TerminalText.inline(text), to: 40)).text(lang)
        }
        if ch.field == "stageReason" { return "\(Label.reason.text(lang)): \(v(ch.after))" }
        return "\(names.name(ch.field, lang)): \(v(ch.before)) → \(v(ch.after))"
    }
}
