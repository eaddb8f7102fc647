import RenkeiCore

/// Builds a `CaseReport` from a case, the guide catalog and (optionally) its budget-calendar
/// position. Pure: no I/O, no clock. Anonymisation happens here, once, so no renderer can
/// leak what the model no longer holds.
public enum CaseReportBuilder {
    public static func build(_ c: Case, catalog: Catalog, options o: ReportOptions,
                             deadlines: DeadlineInfo? = nil) -> CaseReport {
        buildCounting(c, catalog: catalog, options: o, deadlines: deadlines).report
    }

    /// The report and, when anonymised, the anonymiser that made it (its `summary` says what was replaced).
    public static func buildCounting(_ c: Case, catalog: Catalog, options o: ReportOptions,
                                     deadlines: DeadlineInfo? = nil) -> (report: CaseReport, anonymizer: Anonymizer?) {
        let lang = o.lang
        let anon = o.anonymize || o.anonymizePartners ? Anonymizer(case: c, lang: lang, partners: o.anonymizePartners) : nil
        func text(_ s: String) -> String { anon?.scrub(s) ?? s }
        func opt(_ s: String?) -> String? {
            guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return text(s)
        }
        func who(_ actor: String) -> String { anon?.person(actor) ?? actor }
        func itemLabel(_ i: CatalogItem) -> String { i.label(lang) }

        // Header
        let methodSpec = c.method.flatMap { catalog.method($0) }
        let progress: [CaseReport.ProgressStep] = Stage.pipeline.map { s in
            let state: String
            switch c.stage {
            case .realized: state = "done"
            case .dropped, .paused: state = "ended"
            default:
                let ci = c.stage.pipelineIndex ?? 0, si = s.pipelineIndex ?? 0
                state = si < ci ? "done" : si == ci ? "current" : "todo"
            }
            return .init(stage: s.rawValue, label: s.label(lang), state: state, done: state == "done", current: state == "current")
        }
        let header = CaseReport.Header(
            id: c.id, title: text(c.title), municipality: c.municipality.name,
            prefecture: opt(c.municipality.prefecture),
            municipalityKind: c.municipality.kind.map { ReportLabels.municipalityKind($0, lang) },
            department: opt(c.department),
            partners: c.partners.map { .init(name: anon?.partner($0.name) ?? $0.name, kind: ReportLabels.partnerKind($0.kind, lang), role: opt($0.role)) },
            exit: c.exit.map { .init(id: $0.rawValue, label: $0.label(lang), page: catalog.exit($0)?.page) },
            method: c.method.map { m in .init(id: m, label: methodSpec.map { lang == .ja ? $0.ja : $0.en } ?? m, page: methodSpec?.page) },
            stage: .init(id: c.stage.rawValue, label: c.stage.label(lang), page: catalog.stage(c.stage)?.page),
            stageReason: opt(c.stageReason), isEndState: c.stage.isEndState,
            progressGlyph: c.stage.progressGlyph, progress: progress,
            fiscalYear: c.budget.fiscalYear, fiscalYearText: c.budget.fiscalYear.map { ReportFormat.fiscalYear($0, lang) },
            domain: c.domain.map { d in catalog.domain(d).map { lang == .ja ? $0.ja : $0.en } ?? d },
            tags: c.tags.map(text), nextAction: opt(c.nextAction?.text), nextActionDue: c.nextAction?.due)

        // Stages passed, with their items and decisions
        let timeline = StageTimeline(c, today: o.today)
        var decisionsByStage: [Stage: [CaseReport.Decision]] = [:]
        for (i, e) in c.events.enumerated() {
            guard let d = decision(e, stageBefore: timeline.stageBefore[i], catalog: catalog, lang: lang, text: text, who: who) else { continue }
            decisionsByStage[d.stage, default: []].append(d.decision)
        }
        var stages: [CaseReport.StageSection] = []
        for s in Stage.pipeline {
            let visits = timeline.visits(of: s)
            guard !visits.isEmpty || s == c.stage else { continue }
            let spec = catalog.stage(s)
            let items = catalog.items(for: s, exit: c.exit, method: c.method).map { i -> CaseReport.ItemRow in
                let t = c.checklist[i.id]
                return .init(id: i.id, label: itemLabel(i), page: i.page, group: i.group, required: i.required,
                             done: t != nil, doneOn: t?.at.day, by: t.map { who($0.by) })
            }
            let vs = visits.map { v in
                let d = StageTimeline.days(v, today: o.today)
                return CaseReport.Visit(from: v.from, to: v.to, days: d, daysText: ReportFormat.days(d, lang))
            }
            let total = vs.reduce(0) { $0 + $1.days }
            let ahead = !c.stage.isEndState && (s.pipelineIndex ?? 0) > (c.stage.pipelineIndex ?? 0)
            let status = s == c.stage ? "current" : ahead ? "left" : "passed"
            let statusLabel: String
            switch (status, lang) {
            case ("current", .ja): statusLabel = "現在の段階"
            case ("current", _): statusLabel = "current stage"
            case ("left", .ja): statusLabel = "到達後に差し戻し"
            case ("left", _): statusLabel = "reached, then moved back"
            case (_, .ja): statusLabel = "完了"
            default: statusLabel = "passed"
            }
            stages.append(.init(stage: s.rawValue, label: s.label(lang), page: spec?.page, summary: spec?.summary,
                                status: status, statusLabel: statusLabel, current: s == c.stage, visits: vs,
                                days: total, daysText: ReportFormat.days(total, lang), items: items,
                                itemsDone: items.filter(\.done).count, itemsTotal: items.count,
                                decisions: decisionsByStage[s] ?? []))
        }

        let budget = budgetSection(c, lang: lang, text: text, opt: opt)
        let reference = referenceRows(c, catalog: catalog, lang: lang, opt: opt)

        // KPIs
        let kpis = c.kpis.map { k in kpiRow(k, text: text) }

        // Open items: the unmet gate of the current stage
        let openItems = Gate.check(c, catalog: catalog).map { p -> CaseReport.OpenItem in
            switch p.kind {
            case .item(let i): return .init(id: i.id, label: i.label(lang), page: i.page, kind: "item")
            case .field: return .init(id: p.id, label: p.label(lang), page: nil, kind: "field")
            }
        }

        let contacts = c.contacts.map { ct -> CaseReport.ContactRow in
            if let anon {
                return .init(name: anon.removedContact(ct), organization: opt(ct.organization), role: opt(ct.role), email: nil, phone: nil)
            }
            return .init(name: ct.name, organization: opt(ct.organization), role: opt(ct.role), email: opt(ct.email), phone: opt(ct.phone))
        }
        let notes = c.notes.sorted { ($0.at.day, $0.id) < ($1.at.day, $1.id) }   // Day, not Timestamp: no date parsing
            .map { CaseReport.NoteRow(id: $0.id, date: $0.at.day, author: who($0.author), text: text($0.text)) }

        let history = historySummary(c, catalog: catalog, options: o, text: text, who: who)

        let calendar = deadlines.map { calendarSection($0, lang: lang, text: text) }

        let report = CaseReport(generatedOn: o.today, lang: lang, anonymized: anon != nil, header: header,
                                issue: .init(why: text(c.issue.why), how: text(c.issue.how), what: text(c.issue.what)),
                                stages: stages, budget: budget, reference: reference, kpis: kpis, calendar: calendar,
                                openItems: openItems, contacts: contacts, notes: notes, history: history)
        return (report, anon)
    }

    static func calendarSection(_ d: DeadlineInfo, lang: Lang, text: (String) -> String) -> CaseReport.CalendarSection {
        func row(_ m: DeadlineInfo.Milestone) -> CaseReport.MilestoneRow {
            .init(id: m.id, label: text(m.label), due: m.due, status: m.status.rawValue, statusLabel: m.status.label(lang),
                  source: m.source, missed: m.status == .missed)
        }
        let overdue = (d.daysOverdue ?? 0) > 0 ? d.daysOverdue : nil
        return .init(position: d.position.map(text), milestones: d.milestones.map(row), earliestRoute: d.earliestRoute.map(text),
                     nextMilestone: d.nextMilestone.map(row), daysOverdue: overdue,
                     daysOverdueText: overdue.map { ReportFormat.days($0, lang) })
    }

    // MARK: budget and the six reference items of p.45–47 (shared with the share sheet)

    static func budgetSection(_ c: Case, lang: Lang, text: (String) -> String, opt: (String?) -> String?) -> CaseReport.BudgetSection {
        let total = c.budget.totalYen
        return CaseReport.BudgetSection(
            fiscalYear: c.budget.fiscalYear, fiscalYearText: c.budget.fiscalYear.map { ReportFormat.fiscalYear($0, lang) },
            totalYen: total, totalText: c.budget.checkedTotalYen.map(ReportFormat.yen) ?? Label.amountTooLarge.text(lang),
            lines: c.budget.items.map { l in
                .init(label: text(l.label), yen: l.yen, yenText: ReportFormat.yen(l.yen),
                      shareText: total > 0 && c.budget.items.count > 1 ? ReportFormat.percent(Double(l.yen) * 100 / Double(total)) : nil)
            },
            expenditureItem: opt(c.budget.expenditureItem),
            roughQuoteYen: c.budget.roughQuoteYen, roughQuoteText: c.budget.roughQuoteYen.map(ReportFormat.yen),
            funding: c.budget.funding.map { f in
                .init(name: text(f.name), kind: ReportLabels.fundingKind(f.kind, lang), ratePercent: f.ratePercent,
                      rateText: f.ratePercent.map(ReportFormat.percent), yen: f.yen, yenText: f.yen.map(ReportFormat.yen))
            },
            hasAny: !c.budget.items.isEmpty || c.budget.roughQuoteYen != nil || c.budget.expenditureItem != nil || !c.budget.funding.isEmpty)
    }

    static func referenceRows(_ c: Case, catalog: Catalog, lang: Lang, opt: (String?) -> String?) -> [CaseReport.ReferenceRow] {
        catalog.referenceItems.enumerated().map { (i, item) -> CaseReport.ReferenceRow in
            let t = opt(c.budget.reference[item.id])
            return .init(number: i + 1, id: item.id, label: item.label(lang), page: item.page, text: t, recorded: t != nil)
        }
    }

    // MARK: decisions

    /// Stage moves (with their reasons) and the choice of exit, method and target year are the
    /// decisions a reader wants to see, with who took them. They belong to the stage the case
    /// was in when they were taken.
    static func decision(_ e: Event, stageBefore: Stage, catalog: Catalog, lang: Lang,
                         text: (String) -> String, who: (String) -> String) -> (stage: Stage, decision: CaseReport.Decision)? {
        let ja = lang == .ja
        switch e.kind {
        case .advanced, .gateOverridden, .movedBack, .ended, .reopened:
            guard let ch = e.changes.first(where: { $0.field == "stage" }),
                  let to = ch.after.stringValue.flatMap(Stage.init(rawValue:)) else { return nil }
            let from = ch.before.stringValue.flatMap(Stage.init(rawValue:)) ?? stageBefore
            let detail = "\(from.label(lang)) → \(to.label(lang))"
            let owner = from.isEndState ? to : from
            return (owner, .init(date: e.at.day, actor: who(e.actor), kind: e.kind.rawValue,
                                 label: ReportLabels.eventKind(e.kind, lang), detail: detail, reason: e.reason.map(text)))
        case .fieldSet, .imported:
            var parts: [String] = []
            for ch in e.changes {
                switch ch.field {
                case "exit":
                    let v = ch.after.stringValue.flatMap(Exit.init(rawValue:))
                    parts.append((ja ? "出口: " : "Exit: ") + (v.map { $0.label(lang) } ?? "—"))
                case "method":
                    let v = ch.after.stringValue
                    let label = v.flatMap { catalog.method($0) }.map { ja ? $0.ja : $0.en } ?? v ?? "—"
                    parts.append((ja ? "手法: " : "Method: ") + label)
                case "budget.fiscalYear":
                    parts.append((ja ? "目標年度: " : "Target FY: ") + (ch.after.intValue.map { ReportFormat.fiscalYear($0, lang) } ?? "—"))
                default: break
                }
            }
            guard !parts.isEmpty else { return nil }
            return (stageBefore.isEndState ? (Stage.pipeline.last!) : stageBefore,
                    .init(date: e.at.day, actor: who(e.actor), kind: "decision", label: ja ? "決定" : "decided",
                          detail: parts.joined(separator: ja ? "、" : "; "), reason: e.reason.map(text)))
        default:
            return nil
        }
    }

    // MARK: KPIs

    static func kpiRow(_ k: KPI, text: (String) -> String) -> CaseReport.KPIRow {
        let latest = k.latest
        let values = [k.baseline, k.target, latest?.value].compactMap { $0 }.filter(\.isFinite)
        let top = max(values.map { abs($0) }.max() ?? 0, 0)
        func pct(_ v: Double?) -> Int {
            guard let v, v.isFinite, top > 0 else { return 0 }
            return Int((max(0, v) / top * 100).rounded())
        }
        var achievement: Double? = nil
        if let b = k.baseline, let t = k.target, let a = latest?.value, t != b, b.isFinite, t.isFinite, a.isFinite {
            achievement = ((a - b) / (t - b) * 1000).rounded() / 10
            // Extreme but valid values (1.7e308 over a 1e-300 span) overflow to ±inf or NaN,
            // which JSON cannot carry: `export -f json` failed (reliability corpus). No figure then.
            if achievement?.isFinite != true { achievement = nil }
        }
        let filled = achievement.map { Int((min(max($0, 0), 100) / 10).rounded()) } ?? 0
        let bar = achievement == nil ? "" : String(repeating: "▰", count: filled) + String(repeating: "▱", count: 10 - filled)
        func t(_ v: Double?) -> String { v.map(ReportFormat.number) ?? "—" }
        return .init(name: text(k.name), unit: text(k.unit), baseline: k.baseline, target: k.target, actual: latest?.value,
                     actualDate: latest?.date, baselineText: t(k.baseline), targetText: t(k.target), actualText: t(latest?.value),
                     achievementPercent: achievement, achievementText: achievement.map(ReportFormat.percent),
                     chart: .init(baselinePct: pct(k.baseline), targetPct: pct(k.target), actualPct: pct(latest?.value),
                                  hasBaseline: k.baseline != nil, hasTarget: k.target != nil, hasActual: latest != nil, textBar: bar),
                     history: k.actuals.sorted { $0.date < $1.date }.map { .init(date: $0.date, value: $0.value, valueText: ReportFormat.number($0.value)) })
    }

    // MARK: history

    static func historySummary(_ c: Case, catalog: Catalog, options o: ReportOptions,
                               text: (String) -> String, who: (String) -> String) -> CaseReport.History {
        var counts: [EventKind: Int] = [:]
        var actors = Set<String>()
        for e in c.events { counts[e.kind, default: 0] += 1; actors.insert(e.actor) }
        let byKind = EventKind.allCases.compactMap { k in
            counts[k].map { CaseReport.KindCount(kind: k.rawValue, label: ReportLabels.eventKind(k, o.lang), count: $0) }
        }
        let recent = c.events.suffix(max(0, o.recentEvents)).map { e in
            CaseReport.HistoryLine(seq: e.seq, date: e.at.day, actor: who(e.actor), kind: e.kind.rawValue,
                                   label: ReportLabels.eventKind(e.kind, o.lang),
                                   detail: describe(e.changes, catalog: catalog, lang: o.lang, text: text), reason: e.reason.map(text))
        }
        return .init(eventCount: c.events.count, firstDay: c.events.first?.at.day, lastDay: c.events.last?.at.day,
                     actorCount: actors.count, byKind: byKind, recent: recent)
    }

    /// One line for the changes of an event: "段階: 連携先の探索 → 調整・意思決定", "チェック: …".
    /// Values are anonymised (`text`) before they are clipped, so a cut can never leave half a name.
    static func describe(_ changes: [Change], catalog: Catalog, lang: Lang, text: (String) -> String = { $0 }) -> String {
        let ja = lang == .ja
        let sep = ja ? "、" : "; "
        var parts: [String] = []
        var ticks: [String] = []
        for ch in changes {
            let f = ch.field
            if f.hasPrefix("checklist.") {
                let id = String(f.dropFirst("checklist.".count))
                let label = catalog.item(id).map { "\($0.label(lang)) (\($0.page))" } ?? id
                ticks.append((ch.after.isNull ? (ja ? "解除 " : "unticked ") : "") + label)
                continue
            }
            if f.hasPrefix("note.") {
                let body = ch.after.objectValue?["text"]?.stringValue ?? ch.after.description
                parts.append((ja ? "メモ: " : "Note: ") + clip(text(body), 80))
                continue
            }
            if f.hasPrefix("snooze.") {
                parts.append((ja ? "スヌーズ: " : "Snooze: ") + text(String(f.dropFirst("snooze.".count))))
                continue
            }
            if f == "stage" {
                let a = ch.before.stringValue.flatMap(Stage.init(rawValue:))?.label(lang) ?? "—"
                let b = ch.after.stringValue.flatMap(Stage.init(rawValue:))?.label(lang) ?? "—"
                parts.append((ja ? "段階: " : "Stage: ") + "\(a) → \(b)")
                continue
            }
            if f == "stageReason" { continue }   // shown as the event's reason
            let label = CaseFields.spec(f)?.label(lang) ?? f
            parts.append("\(label): " + clip(text(value(ch.after, field: f, catalog: catalog, lang: lang)), 80))
        }
        if !ticks.isEmpty {
            parts.insert((ja ? "チェック: " : "Ticked: ") + ticks.joined(separator: sep), at: 0)
        }
        return parts.joined(separator: sep)
    }

    static func value(_ v: JSONValue, field: String, catalog: Catalog, lang: Lang) -> String {
        if field.hasSuffix("Yen"), let n = v.intValue { return ReportFormat.yen(n) }
        if field == "exit", let e = v.stringValue.flatMap(Exit.init(rawValue:)) { return e.label(lang) }
        if field == "method", let id = v.stringValue, let m = catalog.method(id) { return lang == .ja ? m.ja : m.en }
        if field == "budget.fiscalYear", let fy = v.intValue { return ReportFormat.fiscalYear(fy, lang) }
        return v.description
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count > n ? String(flat.prefix(n)) + "…" : flat
    }
}
