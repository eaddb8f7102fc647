import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

struct ListCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: CommandHelp.abstract("List cases (filter by stage, exit or text).", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this stage, by name or code (予算化, budgeting …): \(Stage.allCases.map(\.ja).joined(separator: ", ")).") var stage: String?
    @Option(help: "Only this exit, by name or code (調達/procurement, 普及/promotion, 共創/co-creation).") var exit: String?
    @Option(help: "Text to find in title, municipality, partners, tags and notes (NFKC: 全角/半角 and カナ width fold; a municipality also by its reading: さやま, ｻﾔﾏ, sayama).") var search: String?
    @Option(help: "Only the cases of this municipality: name, reading, romaji or 6-digit code (狭山市, さやま, sayama, 112151), matched by code.") var municipality: String?
    @Option(help: "Show at most N rows.") var limit: Int?
    @Flag(help: "Print only the number of matching cases.") var count = false
    @Flag(help: "Only archived cases (renkei archive); without it they are left out.") var archived = false
    @Flag(help: "Archived cases too.") var all = false
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        try ListRun(global: global.values, stage: stage, exit: exit, search: search, municipality: municipality, limit: limit,
                    count: count, archived: archived, all: all, json: json).run()
    }
}

/// `list` with its options as plain values (built by ArgumentParser's `ListCommand` or, without
/// its start-up cost, by `QuickCommand`).
struct ListRun {
    var global: GlobalValues
    var stage: String?
    var exit: String?
    var search: String?
    var municipality: String?
    var limit: Int?
    var count = false
    /// Only archived cases; `all`: archived ones too. Neither: the daily view, without them.
    var archived = false
    var all = false
    var json = false

    func run() throws {
        try OptionValue.check(limit, "--limit", 1...Int.max, command: "list")
        if archived && all { throw CLIError.usage(.notBoth("--archived", "--all"), "list") }
        let stageFilter = try stage.map { Stage(rawValue: try Choice.cli($0, .stage, Choice.stages))! }
        let exitFilter = try exit.map { Exit(rawValue: try Choice.cli($0, .exit, Choice.exits))! }
        let ctx = try AppContext.make(global)
        if count && stageFilter == nil && exitFilter == nil && search == nil && municipality == nil {
            // Fast path: validate the index against the directory, decode no summary.
            let counted = try ctx.store.caseCount()
            let n = archived ? counted.archived : all ? counted.count + counted.archived : counted.count
            for d in counted.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang)) }
            if json { try Output.json(["count": n]) } else { Output.line(String(n)) }
            return
        }
        // The index pre-filters the search on bytes and decodes only candidate rows.
        // Kana and romaji also find the names they read, from the shipped table (loaded only for a search).
        let readings = search.flatMap { SearchReadings.needed(for: $0) ? $0 : nil }.map { _ in
            SearchReadings(bodies: try? MunicipalityTableLoader.rows(data: ctx.data), partners: PartnerLoader.load(ctx.workspace).records)
        }
        let portfolio = try ctx.store.portfolio(PortfolioQuery(search: search, includeSearchText: false, readings: readings))
        var rows = portfolio.summaries.filter { s in
            (all || s.archived == archived) && (stageFilter == nil || s.stage == stageFilter) && (exitFilter == nil || s.exit == exitFilter)
        }
        // The table is read only for this filter; codes come from the index, not the case files.
        if let municipality { rows = try MunicipalityWorld.filter(ctx, municipality, rows) }
        rows.sort { ($0.stage.index, $0.id) < ($1.stage.index, $1.id) }
        for d in portfolio.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang)) }
        if count {
            if json { try Output.json(["count": rows.count]) } else { Output.line(String(rows.count)) }
            return
        }
        if let limit { rows = Array(rows.prefix(max(0, limit))) }
        if json {
            try Output.json(ListJSON(cases: rows.map(ListJSON.Row.init), damaged: portfolio.damaged))
            return
        }
        let lang = Output.lang
        // The catalog only names methods: a page without one does not read it (start-up, issue 19).
        let methods = rows.contains { $0.method != nil } ? Choice.methods(ctx.catalog) : []
        let header: [Label] = [.colId, .colTitle, .municipality, .partners, .stage, .colExit, .fiscalYear]
        let none = Label.none.text(lang)
        let table = rows.map { s in
            // An unset value is "—" in every column, as in `show` and the workbench — a blank
            // cell reads as a misaligned table (issue 14: 出口/手法 were blank).
            [s.id, s.title, s.municipality, s.partners.joined(separator: "・"),
             s.stage.progressGlyph + " " + s.stage.label(lang),
             [s.exit.map { $0.shortLabel(lang) }, s.method.map { Choice.label(of: $0, in: methods, lang) }]
                .compactMap { $0 }.joined(separator: "/"),
             s.fiscalYear.map(String.init) ?? none].map { $0.isEmpty ? none : $0 }
        }
        Output.table(header: header.map { $0.text(lang) }, rows: table, maxWidths: Self.widths(table, columns: Output.columns))
    }

    /// The id column is never cut (people copy ids from here); the title gives way first so the
    /// table fits `columns`, down to 12 columns of title.
    static func widths(_ rows: [[String]], columns: Int?) -> [Int] {
        // A pipe or a file has no width to fit, so real values are not cut (scripts and `grep` see
        // whole titles); the generous caps only stop a hostile 100,000-character value from
        // becoming a megabyte line.
        guard let columns else { return [Int.max, 160, 40, 40, 40, 40, 12] }
        var maxima = [Int.max, 36, 12, 20, 22, 24, 6]
        var natural = maxima.indices.map { i in rows.map { DisplayWidth.of(TerminalText.inline($0[i])) }.max() ?? 0 }
        natural[0] = max(natural[0], 2)
        let used = zip(natural, maxima).map { min($0, $1) }
        let total = used.reduce(0, +) + 2 * (used.count - 1)
        if total > columns { maxima[1] = max(12, used[1] - (total - columns)) }
        return maxima
    }
}

struct ListJSON: Encodable {
    struct Row: Encodable {
        var id: String, title: String, municipality: String, municipalityCode: String?, prefecture: String?, partners: [String]
        var stage: String, exit: String?, method: String?, fiscalYear: Int?, totalYen: Int, tags: [String]
        var nextActionDue: String?, daysInStageFrom: String?
        var archived: Bool
        init(_ s: CaseSummary) {
            id = s.id; title = s.title; municipality = s.municipality; municipalityCode = s.municipalityCode; prefecture = s.prefecture; partners = s.partners
            stage = s.stage.rawValue; exit = s.exit?.rawValue; method = s.method; fiscalYear = s.fiscalYear
            totalYen = s.totalYen; tags = s.tags; nextActionDue = s.nextActionDue?.description
            daysInStageFrom = s.stageEnteredDay?.description
            archived = s.archived
        }
    }
    var cases: [Row]
    var damaged: [DamagedFile]
}
