import RenkeiCore

/// What a share sheet is built for, beyond the report options.
public struct ShareOptions: Sendable, Equatable {
    public var lang: Lang
    public var today: Day
    /// Replace the partners' names too (連携先A, B, …).
    public var anonymizePartners: Bool
    /// Name the case's municipal contact (name, role, e-mail, phone) instead of only the desk.
    public var contactPerson: Bool

    public init(lang: Lang = .ja, today: Day, anonymizePartners: Bool = false, contactPerson: Bool = false) {
        self.lang = lang; self.today = today; self.anonymizePartners = anonymizePartners; self.contactPerson = contactPerson
    }
}

/// Builds the 事例シート from a case. Pure: no I/O, no clock.
///
/// Personal data is removed whether or not `--anonymize` was given: a sheet meant for other
/// municipalities must be safe to send unread, so every free text passes the `Anonymizer`.
public enum ShareSheetBuilder {
    public static func build(_ c: Case, catalog: Catalog, options o: ShareOptions) -> (sheet: ShareSheet, anonymizer: Anonymizer) {
        let lang = o.lang
        let anon = Anonymizer(case: c, lang: lang, partners: o.anonymizePartners)
        func text(_ s: String) -> String { anon.scrub(s) }
        func opt(_ s: String?) -> String? {
            guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return text(s)
        }
        let methodSpec = c.method.flatMap { catalog.method($0) }
        let timeline = StageTimeline(c, today: o.today)
        let first = c.events.first?.at.day, last = c.events.last?.at.day
        let endDay = c.stage.isEndState ? last : o.today
        let header = ShareSheet.Header(
            title: text(c.title), municipality: c.municipality.name, prefecture: opt(c.municipality.prefecture),
            municipalityKind: c.municipality.kind.map { ReportLabels.municipalityKind($0, lang) },
            partners: c.partners.map { .init(name: anon.partner($0.name), kind: ReportLabels.partnerKind($0.kind, lang), role: opt($0.role)) },
            exit: c.exit.map { .init(id: $0.rawValue, label: $0.label(lang), page: catalog.exit($0)?.page) },
            method: c.method.map { m in .init(id: m, label: methodSpec.map { lang == .ja ? $0.ja : $0.en } ?? m, page: methodSpec?.page) },
            stage: .init(id: c.stage.rawValue, label: c.stage.label(lang), page: catalog.stage(c.stage)?.page),
            endReason: c.stage.isEndState ? opt(c.stageReason) : nil,
            fiscalYearText: c.budget.fiscalYear.map { ReportFormat.fiscalYear($0, lang) },
            domain: c.domain.map { d in catalog.domain(d).map { lang == .ja ? $0.ja : $0.en } ?? d },
            started: first, updated: last,
            durationText: first.flatMap { f in endDay.map { ReportFormat.days(max(0, f.days(until: $0)), lang) } })

        let path = timeline.visits.map { v -> ShareSheet.PathStep in
            let d = StageTimeline.days(v, today: o.today)
            let state = v.stage.isEndState ? "end" : v.to == nil ? "current" : "passed"
            return .init(stage: v.stage.rawValue, label: v.stage.label(lang), page: catalog.stage(v.stage)?.page,
                         from: v.from, to: v.to, days: d, daysText: ReportFormat.days(d, lang), state: state)
        }

        var decisions: [ShareSheet.Decision] = []
        for (i, e) in c.events.enumerated() where mattered(e) {
            guard let d = CaseReportBuilder.decision(e, stageBefore: timeline.stageBefore[i], catalog: catalog, lang: lang,
                                                     text: text, who: { _ in "" }) else { continue }
            decisions.append(.init(date: d.decision.date, stage: d.stage.label(lang), label: d.decision.label,
                                   detail: d.decision.detail, reason: d.decision.reason.flatMap(opt)))
        }

        var budget = CaseReportBuilder.budgetSection(c, lang: lang, text: text, opt: opt)
        if c.budget.items.isEmpty { budget.totalText = ReportLabels.table(lang)["undecided"] ?? "—" }

        let contact = contactPoint(c, anon: anon, options: o)
        let sheet = ShareSheet(
            generatedOn: o.today, lang: lang, partnersAnonymized: o.anonymizePartners, header: header,
            issue: .init(why: text(c.issue.why), how: text(c.issue.how), what: text(c.issue.what)),
            path: path, decisions: decisions, budget: budget,
            reference: CaseReportBuilder.referenceRows(c, catalog: catalog, lang: lang, opt: opt),
            kpis: c.kpis.map { var k = CaseReportBuilder.kpiRow($0, text: text); k.history = []; return k },
            lessons: opt(c.budget.reference["lessons"]), contact: contact)
        return (sheet, anon)
    }

    /// Overrides, moves back, ends, reopenings and exit/method choices always matter; a plain
    /// advance only when someone wrote why.
    static func mattered(_ e: Event) -> Bool {
        switch e.kind {
        case .gateOverridden, .movedBack, .ended, .reopened: return true
        case .advanced: return !(e.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .fieldSet, .imported: return e.changes.contains { $0.field == "exit" || $0.field == "method" }
        default: return false
        }
    }

    /// The desk (原課) of the municipality; a named person only when asked, the municipal
    /// contact first (the one other municipalities would call).
    static func contactPoint(_ c: Case, anon: Anonymizer, options o: ShareOptions) -> ShareSheet.Contact {
        let dept = c.department.trimmingCharacters(in: .whitespacesAndNewlines)
        let desk = dept.isEmpty ? c.municipality.name : "\(c.municipality.name) \(anon.scrub(dept))"
        guard o.contactPerson else { return .init(desk: desk) }
        let municipal = c.contacts.first { ($0.organization ?? "").contains(c.municipality.name) } ?? c.contacts.first
        guard let p = municipal else { return .init(desk: desk) }
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        return .init(desk: desk, person: nonEmpty(p.name), role: nonEmpty(p.role), email: nonEmpty(p.email), phone: nonEmpty(p.phone))
    }
}
