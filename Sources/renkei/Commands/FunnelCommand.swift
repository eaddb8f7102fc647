import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei funnel` — the portfolio as a funnel: cases per stage, conversion to the next stage,
/// median/p90 days per stage (from the event logs), realized/dropped per fiscal year, overdue share.
struct FunnelCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "funnel",
        abstract: CommandHelp.abstract("Stage counts, conversion, days per stage, outcomes per fiscal year, overdue share.", Output.lang),
        discussion: "Conversion and days per stage come from the event logs; \"overdue\" is a missed, unsnoozed item of `renkei overdue`. Bars are drawn to $COLUMNS (default 80) with block characters.") }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only cases of this municipality (e.g. 狭山市).") var municipality: String?
    @Option(help: "Only this exit, by name or code (調達/procurement, 普及/promotion, 共創/co-creation).") var exit: String?
    @Option(name: .customLong("fiscal-year"), help: "Only cases targeting this fiscal year (N年度).") var fiscalYear: Int?
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let exitFilter = try exit.map { Exit(rawValue: try Choice.cli($0, .exit, Choice.exits))! }
        try OptionValue.check(fiscalYear, "--fiscal-year", 1900...9999, command: "funnel")
        let ctx = try AppContext.make(global)
        let loaded = try InsightLoading.load(ctx)
        let filter = FunnelFilter(municipality: municipality.flatMap { $0.isEmpty ? nil : $0 }, exit: exitFilter, fiscalYear: fiscalYear)
        let report = FunnelReport.build(loaded.features, filter: filter, today: ctx.today, calendar: loaded.calendar(ctx))
        if json { try Output.json(report); return }
        for l in report.lines(width: InsightLoading.width, lang: Output.lang) { Output.line(l) }
    }
}
