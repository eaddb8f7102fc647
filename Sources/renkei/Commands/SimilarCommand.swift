import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei similar ID` — 他都市の類似事例 (実践ガイド p.36–40): the most similar other cases, why
/// they match, and what they learned (budget reference items, KPIs, outcome).
struct SimilarCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "similar",
        abstract: CommandHelp.abstract("Similar cases in the workspace: why they match and what they learned (p.36–40).", Output.lang),
        discussion: "Compares issue domain, tags, exit and method, partners, size class and the WHY/HOW/WHAT text (NFKC, kanji/katakana bigrams). Each match lists its reasons and the other case's budget reference items, KPIs and outcome.") }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "Show at most N similar cases (1–50).") var limit: Int = 5
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        try OptionValue.check(limit, "--limit", 1...50, command: "similar")
        let ctx = try AppContext.make(global)
        let id = try ctx.caseId(self.id)
        let query = try ctx.load(id).value
        let loaded = try InsightLoading.load(ctx)
        var features = loaded.features
        if !features.contains(where: { $0.id == query.id }) { features.append(InsightFeatures(query)) }
        let finder = SimilarCaseFinder(features, catalog: ctx.catalog, adjacency: try? MunicipalityTableLoader.adjacency(data: ctx.data))
        var result = finder.similar(to: InsightFeatures(query), limit: limit,
                                    queryText: [query.title, query.issue.why, query.issue.how, query.issue.what])
        // Only the few matches shown are read in full, for what they learned.
        result = SimilarCaseFinder.attachLessons(result, catalog: ctx.catalog) { try? ctx.store.load($0).value }
        if json { try Output.json(result); return }

        let lang = Output.lang
        Output.line(ReviewMessage.similarHeader(id: query.id, title: query.title, compared: result.compared).text(lang))
        Output.line("")
        for l in result.lines(lang: lang) { Output.line(l.isEmpty ? "" : "  " + l) }
    }
}
