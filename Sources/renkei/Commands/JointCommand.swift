import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei joint` — 共同調達の候補 (実践ガイド p.36–40, p.83–99): open procurement cases in
/// different municipalities with the same issue domain and a fiscal year they can all still
/// budget for, with the latest common request deadline and the combined budget.
struct JointCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "joint",
        abstract: CommandHelp.abstract("Joint-procurement (共同調達) candidates: same domain, different municipalities, one fiscal year.", Output.lang),
        discussion: "A case whose target year's budget request deadline has passed joins the next fiscal year (marked \"slid\"). Request deadlines come from each municipality's budget calendar (Data/calendars, workspace calendars/), moved to the previous business day.") }

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        let loaded = try InsightLoading.load(ctx)
        let report = JointProcurementFinder.find(loaded.features, today: ctx.today,
                                                 calendar: loaded.calendar(ctx), catalog: ctx.catalog,
                                                 adjacency: try? MunicipalityTableLoader.adjacency(data: ctx.data))
        if json { try Output.json(report); return }
        for l in report.lines(lang: Output.lang) { Output.line(l) }
    }
}
