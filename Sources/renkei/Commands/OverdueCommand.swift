import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei overdue` — the weekly overdue review: missed budget milestones (with the earliest
/// funding route), items due within N days, then (with --all) everything upcoming; grouped by
/// municipality. Always exits 0 (an overdue case is a finding, not an error).
struct OverdueCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "overdue",
        abstract: CommandHelp.abstract("The overdue review: missed budget deadlines, items due soon, earliest funding routes.", Output.lang),
        discussion: """
        Budget rules (target fiscal year N, on the case's municipality calendar; dates on weekends,
        holidays and 年末年始 move to the previous business day):
          info-provision ((N-1)-10-01): at least at method
          request ((N-1)-10-31): at budgeting with bud-rough-quote ticked
          after the vote of N (N-03-25) and not realized: follow-up
        Also: next actions with a due date, stale-in-stage warnings, linked funding windows.
        Snoozed items are hidden (counted); see 'renkei snooze'. --count prints the number of
        missed (overdue), unsnoozed items. Exit status is 0 whether or not anything is overdue.
        """) }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Show items due within DAYS days as 'due soon' (default 14).") var within: Int = 14
    @Flag(help: "Also list upcoming items beyond --within.") var all = false
    @Flag(help: "Print only the number of missed items.") var count = false
    @Flag(help: "Dates in 和暦 (R8.10.30).") var wareki = false
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        try OverdueRun(global: global.values, within: within, all: all, count: count, wareki: wareki, json: json).run()
    }
}

/// `overdue` with its options as plain values (see `ListRun`).
struct OverdueRun {
    var global: GlobalValues
    var within = 14
    var all = false
    var count = false
    var wareki = false
    var json = false

    func run() throws {
        try OptionValue.check(within, "--within", 0...Int.max, command: "overdue")
        let ctx = try AppContext.make(global)
        if count {
            let lean = try Deadlines.loadFacts(ctx)
            let n = OverdueReview.missedCount(facts: lean.facts, context: lean.context)
            if json { try Output.json(["count": n]) } else { Output.line(String(n)) }
            return
        }
        let loaded = try Deadlines.load(ctx)
        let summaries = loaded.portfolio.summaries
        let review = OverdueReview.build(summaries: summaries, context: loaded.context, within: within)
        let shown: [OverdueReview.Group] = all ? review.groups : review.groups.filter { $0.kind != .upcoming }
        if json {
            try Output.json(OverdueJSON(
                today: ctx.today.description, within: review.within,
                counts: .init(missed: review.missedCount, dueSoon: review.dueSoonCount, upcoming: review.upcomingCount, snoozed: review.snoozed.count),
                items: shown.flatMap { g in g.items.map { DeadlineItemJSON($0, group: g.kind) } },
                snoozed: review.snoozed.map { DeadlineItemJSON($0, group: nil) },
                unscheduled: review.unscheduled,
                calendarFallbacks: review.calendarFallbacks.map { .init(caseId: $0.caseId, municipality: $0.municipality, file: $0.file,
                                                                         problems: $0.problems.map(\.description)) },
                problems: loaded.result.problems.map(\.description)))
            return
        }
        let lang = Output.lang
        Output.line(ReviewMessage.overdueHeader(today: ctx.today.description, wareki: ctx.today.wareki, missed: review.missedCount,
                                                within: review.within, dueSoon: review.dueSoonCount, snoozed: review.snoozed.count).text(lang))
        for g in shown {
            Output.line("")
            Output.line("■ \(g.title(lang)) (\(g.count))")
            if g.count == 0 { Output.line("  " + Label.noneItems.text(lang)) }
            for m in g.municipalities {
                Output.line("  \(m.municipality)\(m.prefecture.map { $0 == m.municipality ? "" : "（\($0)）" } ?? "")")
                var lastCase = ""
                for i in m.items {
                    if i.caseId != lastCase { Output.line("    \(i.caseId)  \(i.caseTitle)"); lastCase = i.caseId }
                    var line = "      \(i.label(lang))  \(Deadlines.date(i.due, wareki: wareki, lang))  \(i.statusText(lang))  \(i.stageText(lang))"
                    if i.shiftReason != nil, let r = loaded.context.holidays.closureReason(i.scheduled, lang: lang) {
                        line += "  " + ReviewMessage.movedEarlier(month: i.scheduled.month, day: i.scheduled.day, scheduled: i.scheduled.description, reason: r).text(lang)
                    }
                    Output.line(line)
                    if i.kind == .fundingWindow, let req = i.requirement(lang) { Output.line("      → " + req) }
                    if let route = i.earliestRoute {
                        Output.line("      → " + ReviewMessage.earliestRoute(route.label(lang), closed: route.closed(lang)).text(lang))
                        Output.line("      → " + ReviewMessage.alternativeRoute(route.alternative(lang)).text(lang))
                    }
                    if let note = i.calendarNote(lang) { Output.line("      ! " + note) }
                }
            }
        }
        if !review.snoozed.isEmpty {
            Output.line("")
            Output.line(ReviewMessage.snoozedHeader(review.snoozed.count).text(lang))
            for i in review.snoozed {
                Output.line("  \(i.caseId)  \(i.milestoneId)  \(ReviewMessage.snoozedUntil(i.snoozedUntil?.description ?? "").text(lang))  \(i.statusText(lang))")
            }
        }
        if !review.unscheduled.isEmpty {
            // A long portfolio can have hundreds: name the first few, count the rest (--json lists all).
            let shown = review.unscheduled.prefix(12).joined(separator: ", ")
            let rest = review.unscheduled.count - min(12, review.unscheduled.count)
            let more = rest > 0 ? ReviewMessage.andMore(rest).text(lang) : ""
            Output.line("")
            Output.line(ReviewMessage.noTargetFiscalYear(shown + more).text(lang))
        }
        if !review.calendarFallbacks.isEmpty {
            Output.line("")
            Output.line(Label.calendarFallbackHeading.text(lang))
            for f in review.calendarFallbacks { Output.line("  \(f.caseId) \(f.municipality): \(f.file)") }
        }
        if !loaded.result.problems.isEmpty {
            Output.line("")
            Output.line(Label.calendarProblemsHeading.text(lang))
            for p in loaded.result.problems { Output.line("  " + p.text(lang)) }
        }
    }
}

struct OverdueJSON: Encodable {
    struct Counts: Encodable { var missed: Int, dueSoon: Int, upcoming: Int, snoozed: Int }
    struct Fallback: Encodable { var caseId: String, municipality: String, file: String, problems: [String] }
    var today: String
    var within: Int
    var counts: Counts
    var items: [DeadlineItemJSON]
    var snoozed: [DeadlineItemJSON]
    var unscheduled: [String]
    var calendarFallbacks: [Fallback]
    var problems: [String]
}
