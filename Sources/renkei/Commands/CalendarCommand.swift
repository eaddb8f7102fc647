import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei calendar` — a municipality's budget cycle for one fiscal year as a timeline, with
/// today marked, every date moved to the previous business day where needed.
struct CalendarCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "calendar",
        abstract: CommandHelp.abstract("Show a municipality's budget calendar for a fiscal year, with today marked.", Output.lang),
        discussion: """
        The calendar is the municipality's own (<workspace>/calendars/*.json, by name), else one
        for its prefecture or kind (Data/calendars/), else the default. Without --fiscal-year:
        the year whose budget cycle is under way (from its info-provision until its vote),
        else the current fiscal year.
        """) }

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("fiscal-year"), help: "Fiscal year N (N年度 = N-04-01 … (N+1)-03-31).") var fiscalYear: Int?
    @Option(help: "Municipality name, e.g. 福岡市 (default: the default calendar).") var municipality: String?
    @Flag(help: "Dates in 和暦 (R8.10.30).") var wareki = false
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        try OptionValue.check(fiscalYear, "--fiscal-year", 2000...2100, command: "calendar")
        let ctx = try AppContext.make(global)
        let loaded = try Deadlines.load(ctx)
        let set = loaded.result.calendars
        let resolution: CalendarResolution
        let municipality = try self.municipality.map { typed in
            // さやま / sayama name 狭山市 by its reading (the shipped table, loaded only here).
            let readings = SearchReadings(bodies: try? MunicipalityTableLoader.rows(data: ctx.data))
            return try Self.municipalityName(typed, summaries: loaded.portfolio.summaries, calendars: set, readings: readings)
        }
        if let m = municipality {
            let sample = loaded.portfolio.summaries.first { $0.municipality == m }
            resolution = set.resolve(municipality: m, prefecture: sample?.prefecture ?? (Prefectures.all.contains(m) ? m : nil),
                                     kind: sample?.municipalityKind ?? (Prefectures.all.contains(m) ? .prefecture : nil))
        } else {
            resolution = CalendarResolution(calendar: set.defaultCalendar, fallback: nil)
        }
        let cal = resolution.calendar
        let h = loaded.result.holidays
        let today = ctx.today
        let n = fiscalYear ?? Self.currentCycle(cal, h, today)
        let timeline = FiscalTimeline.build(calendar: cal, holidays: h, fiscalYear: n, today: today)
        // `--json` keeps its English problem lines (and its Japanese fallback note) for scripts.
        let said: Lang = json ? .en : Output.lang
        var problems = loaded.result.problems.map { $0.text(said) }
        if !h.covers(n - 1) || !h.covers(n + 1) {
            problems.append(ReviewMessage.holidayCoverage(from: h.years?.lowerBound, to: h.years?.upperBound).text(said))
        }
        if json {
            try Output.json(CalendarJSON(
                calendar: .init(id: cal.id, ja: cal.ja, en: cal.en, source: cal.source, appliesTo: cal.appliesTo),
                municipality: municipality, fiscalYear: n, today: today.description,
                fallback: resolution.note(.ja),
                rows: timeline.rows.map { .init(kind: $0.kind.rawValue, id: $0.id, ja: $0.ja, en: $0.en, scheduled: $0.scheduled.description,
                                               due: $0.due.description, wareki: $0.due.wareki, shiftReason: $0.shiftReason,
                                               daysFromToday: $0.daysFromToday) },
                calendars: set.all.map { .init(id: $0.id, ja: $0.ja, en: $0.en, source: $0.source, appliesTo: $0.appliesTo) },
                problems: problems))
            return
        }
        let lang = Output.lang
        Output.line(ReviewMessage.calendarHeader(fiscalYear: n, name: cal.label(lang), municipality: municipality).text(lang))
        if let note = resolution.note(lang) { Output.line("! " + note) }
        Output.line("")
        for r in timeline.rows {
            let mark = r.isToday ? "▶" : (r.isPast ? "✓" : "·")
            let dateText = Deadlines.date(r.due, wareki: wareki, lang)
            var line = "\(mark) \(DisplayWidth.pad(dateText, to: wareki ? 10 : 16))  \(r.label(lang))"
            if !r.isToday { line += "  " + r.relativeText(lang) }
            if r.shiftReason != nil, let why = h.closureReason(r.scheduled, lang: lang) {
                line += "  " + ReviewMessage.movedEarlier(month: r.scheduled.month, day: r.scheduled.day, scheduled: r.scheduled.description, reason: why).text(lang)
            }
            Output.line(line)
        }
        if set.all.count > 1 {
            Output.line("")
            Output.line(Label.calendarsHeading.text(lang))
            for c in set.all {
                let who = c.appliesTo.municipalities + c.appliesTo.prefectures + c.appliesTo.kinds.map { $0.label(lang) }
                Output.line("  \(c.id)  \(c.label(lang))\(who.isEmpty ? "" : "  → " + who.joined(separator: ", "))")
            }
        }
        if !problems.isEmpty {
            Output.line("")
            Output.line(Label.problemsHeading.text(lang))
            for p in problems { Output.line("  \(p)") }
        }
    }

    /// The fiscal year whose cycle is under way: next year's from its first milestone on, else this year's.
    /// The municipality the user meant: a case's municipality, one named by a calendar, or a
    /// prefecture — exactly, by width/kana-folded name or by an unambiguous start (狭山 → 狭山市).
    /// Anything else says so (exit 2) instead of silently showing the default calendar.
    static func municipalityName(_ typed: String, summaries: [CaseSummary], calendars: CalendarSet, readings: SearchReadings? = nil) throws -> String {
        var names = Set(summaries.map(\.municipality))
        for a in calendars.all.map(\.appliesTo) + calendars.rejected.map(\.appliesTo) {
            names.formUnion(a.municipalities); names.formUnion(a.prefectures)
        }
        if names.contains(typed) || Prefectures.all.contains(typed) { return typed }
        let choices = names.sorted().map { Choice(code: $0, ja: $0, en: $0) }
        switch Choice.resolve(typed, among: choices) {
        case .found(let c): return c.code
        case .ambiguous(let cs): throw CLIError(Message.unknownMunicipality(typed, known: cs.map(\.code)).text(Output.lang), code: .usage)
        case .unknown:
            let forms = Set(readings?.alternatives(TextNormalizer.fold(typed)) ?? [])
            let byReading = names.filter { forms.contains(TextNormalizer.fold($0)) }.sorted()
            if byReading.count == 1 { return byReading[0] }
            throw CLIError(Message.unknownMunicipality(typed, known: (byReading.isEmpty ? choices.map(\.code) : byReading)).text(Output.lang), code: .usage)
        }
    }

    static func currentCycle(_ cal: BudgetCalendar, _ h: HolidaySet, _ today: Day) -> Int {
        let next = today.fiscalYear + 1
        let first = cal.milestones.compactMap { $0.rawDate(fiscalYear: next) }.min()
        if let first, h.previousBusinessDay(onOrBefore: first) <= today { return next }
        return today.fiscalYear
    }
}


struct CalendarJSON: Encodable {
    struct Cal: Encodable { var id: String, ja: String, en: String, source: String?, appliesTo: BudgetCalendar.AppliesTo }
    struct Row: Encodable {
        var kind: String, id: String, ja: String, en: String, scheduled: String, due: String, wareki: String
        var shiftReason: String?, daysFromToday: Int
    }
    var calendar: Cal
    var municipality: String?
    var fiscalYear: Int
    var today: String
    var fallback: String?
    var rows: [Row]
    var calendars: [Cal]
    var problems: [String]
}
