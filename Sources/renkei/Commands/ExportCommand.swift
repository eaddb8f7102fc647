import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiReport
import RenkeiStore

/// `renkei export ID --format md|html|json` — a case report to share (横展開);
/// `renkei export --all --format csv|json|md|html` — the portfolio table for the weekly meeting.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a case report (md, html, json) or, with --all, the portfolio (csv, json, md, html).",
        discussion: """
        A case report has the header and five-step progress line, WHY → HOW → WHAT, each stage \
        passed with dates, time spent, checklist items with the guide's pages and the decisions \
        and who took them, the budget, the guide's six reference items (p.45–47), KPIs, the \
        budget-calendar position, open items and a history summary. HTML is one self-contained \
        file (no external fetches) that prints on A4.

        Without -o the export goes to standard output. A file is written atomically (temp file \
        + rename): an existing file is replaced only with --force, and a failed export leaves \
        nothing behind.

        --anonymize removes contacts' names, e-mail addresses and phone numbers everywhere \
        (also inside notes and history) and replaces the people in the log by 担当者A, B, …

        Layouts come from templates (Mustache) in renkei's Data/templates; copy one into \
        <workspace>/templates/ and edit it to change the layout, or pass --template NAME.

        Examples:
          renkei export saitama-programming --format html -o report.html
          renkei export saitama-programming --format md --lang en --anonymize
          renkei export --all --format csv -o portfolio.csv
          renkei export --all --format md --stage budgeting --overdue
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (omit it with --all).") var id: String?
    @Flag(help: "Export the whole portfolio instead of one case.") var all = false
    @Option(name: .shortAndLong, help: "md, html or json for a case (default md); csv, json, md or html with --all (default csv).")
    var format: String?
    @Option(name: .shortAndLong, help: "Output file (default: standard output; '-' is standard output too).") var output: String?
    @Option(help: "Report language: ja (default) or en.") var lang: String = "ja"
    @Flag(help: "Remove contacts' names, e-mails and phone numbers (for sharing outside the municipality).") var anonymize = false
    @Flag(help: "Overwrite the output file if it exists.") var force = false
    @Option(help: "With --all: only cases at this stage, by name or code (予算化, budgeting …).") var stage: String?
    @Flag(help: "With --all: only cases with a missed deadline.") var overdue = false
    @Option(help: "Template instead of the format's default: \(ExportCommand.shippedTemplates.joined(separator: ", ")) (Data/templates), or a NAME.md/NAME.html of your own in <workspace>/templates/NAME.md.mustache.") var template: String?

    /// The shipped top-level templates (a test holds this list equal to Data/templates).
    static let shippedTemplates = ["case.md", "case.html", "portfolio.md", "portfolio.html"]

    func validate() throws {
        if all && id != nil { throw ValidationError("give a case id or --all, not both") }
        if !all && id == nil { throw ValidationError("give a case id to export, or --all for the portfolio") }
        if !all && (stage != nil || overdue) { throw ValidationError("--stage and --overdue filter the portfolio; use them with --all") }
        if all && anonymize { throw ValidationError("--anonymize applies to a case report; the portfolio has no contact data") }
    }

    func run() throws {
        let language: Lang
        do { language = try Lang.parseReport(lang) } catch { throw CLIError("\(error)", code: .usage) }
        let template = try self.template.map { t -> String in
            guard TemplateStore.isValidName(t) else { throw CLIError("\(ReportError.invalidTemplateName(t))", code: .usage) }
            return t
        }
        let destination = output.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0) }

        if all {
            let fmt: PortfolioFormat
            do { fmt = try PortfolioFormat.parse(format ?? "csv") } catch { throw CLIError("\(error)", code: .usage) }
            let stageFilter = try stage.map { Stage(rawValue: try Choice.cli($0, .stage, Choice.stages))! }
            let ctx = try AppContext.make(global)
            try Self.report {
                if let destination { try ReportExporter.checkTarget(destination, overwrite: force) }
                // Same calendars, holidays and funding links as 'renkei overdue' (warns about damaged files).
                let loaded = try Deadlines.load(ctx)
                let exporter = ReportExporter(store: ctx.store, data: ctx.data, today: ctx.today,
                                              deadlines: CalendarDeadlines(context: loaded.context))
                let report = PortfolioBuilder.build(loaded.portfolio, catalog: ctx.catalog, today: ctx.today, lang: language,
                                                    stage: stageFilter, overdueOnly: overdue, deadlines: exporter.deadlines)
                let data = try exporter.renderer.render(report, format: fmt, template: template)
                if let destination {
                    let url = try ReportExporter.write(data, to: destination, overwrite: force)
                    Output.errorRaw("renkei: wrote \(url.path) (\(report.count) cases)")
                } else {
                    Output.document(data, json: format == "json")
                }
            }
            return
        }

        let fmt: CaseFormat
        do { fmt = try CaseFormat.parse(format ?? "md") } catch { throw CLIError("\(error)", code: .usage) }
        let ctx = try AppContext.make(global)
        let id = try ctx.caseId(self.id!, missingOK: true)
        let exporter = ReportExporter(store: ctx.store, data: ctx.data, today: ctx.today)   // with the budget calendars
        try Self.report {
            if let destination {
                let url = try exporter.export(caseId: id, format: fmt, lang: language, anonymize: anonymize,
                                              to: .file(destination, overwrite: force), template: template)
                Output.errorRaw("renkei: wrote \(url.path)")
            } else {
                Output.document(try exporter.render(caseId: id, format: fmt, lang: language,
                                                    anonymize: anonymize, template: template), json: format == "json")
            }
        }
    }

    /// Export errors become one line with the documented exit status (usage errors are 2).
    static func report(_ body: () throws -> Void) throws {
        do { try body() } catch let e as ReportError {
            switch e {
            case .unknownFormat, .unknownLanguage, .invalidTemplateName: throw CLIError(e.description, code: .usage)
            default: throw CLIError(e.description)
            }
        }
    }
}
