import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiReport
import RenkeiStore

/// `renkei export ID --format md|html|pdf|json [--for share|internal]` — the 事例シート to share
/// (横展開) or the team's full report;
/// `renkei export --all --format csv|json|md|html` — the portfolio table for the weekly meeting.
struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export",
        abstract: CommandHelp.abstract("Export a case (share sheet or internal report: md, html, pdf, json) or, with --all, the portfolio (csv, json, md, html).", Output.lang),
        discussion: """
        Two audiences. --for share (the default for md, html and pdf) is the 事例シート for other \
        municipalities, two A4 pages: header, WHY → HOW → WHAT, the path through the stages with \
        durations and the decisions that mattered, budget and funding, the guide's six reference \
        items (p.45–47), KPIs, lessons and the desk as contact point. It never contains memos, the \
        change log, checklists or personal data: names, e-mail addresses, phone numbers and postal \
        addresses are replaced in every text (担当者A, ［電話番号削除］ …) with or without \
        --anonymize, and a summary of what was replaced is printed. --contact-person names the \
        municipal contact instead of only the desk.

        --for internal (the default for json) is the full report for the team: the header and \
        progress line, each stage with dates, checklist items, decisions and who took them, the \
        budget, reference items, KPIs, the budget-calendar position, open items, contacts, notes \
        and a history summary. HTML is one self-contained file (no external fetches) that prints on A4.

        --format pdf prints the HTML with headless Chromium (with fonts-noto-cjk for Japanese); \
        without it the export says so and exits 1.

        Without -o the export goes to standard output. A file is written atomically (temp file \
        + rename): an existing file is replaced only with --force, and a failed export leaves \
        nothing behind.

        --anonymize (internal report) replaces people's names, e-mail addresses, phone numbers and \
        postal addresses everywhere (also inside notes and history): known contacts and the \
        people in the log, and names written before a title (山本課長, 佐藤さん, Mr. Sato) become \
        担当者A, B, … consistently. --anonymize-partners also replaces partners' names (連携先A, …).

        Layouts come from templates (Mustache) in renkei's Data/templates; copy one into \
        <workspace>/templates/ and edit it to change the layout, or pass --template NAME.

        Examples:
          renkei export saitama-lifeistech-programming --format pdf -o sheet.pdf
          renkei export saitama-lifeistech-programming --format html --for internal -o report.html
          renkei export saitama-lifeistech-programming --format md --lang en --for internal --anonymize
          renkei export --all --format csv -o portfolio.csv
          renkei export --all --format md --stage budgeting --overdue
        """) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (omit it with --all).") var id: String?
    @Flag(help: "Export the whole portfolio instead of one case.") var all = false
    @Option(name: .shortAndLong, help: "md, html, pdf or json for a case (default md); csv, json, md or html with --all (default csv).")
    var format: String?
    @Option(name: .customLong("for"), help: "Audience of a case export: share (the 事例シート; default for md, html, pdf) or internal (the full report; default for json).")
    var audience: String?
    @Option(name: .shortAndLong, help: "Output file (default: standard output; '-' is standard output too).") var output: String?
    @Option(help: "Report language: ja (default) or en.") var lang: String = "ja"
    @Flag(help: "Internal report: replace names, e-mails, phone numbers and addresses everywhere (the share sheet always does).") var anonymize = false
    @Flag(help: "Also replace the partners' names (startups, other bodies) by 連携先A, B, ….") var anonymizePartners = false
    @Flag(help: "Share sheet: name the municipal contact person (name, role, e-mail, phone) instead of only the desk.") var contactPerson = false
    @Flag(help: "Overwrite the output file if it exists.") var force = false
    @Option(help: "With --all: only cases at this stage, by name or code (予算化, budgeting …).") var stage: String?
    @Flag(help: "With --all: only cases with a missed deadline.") var overdue = false
    @Option(help: "Template instead of the format's default: \(ExportCommand.shippedTemplates.joined(separator: ", ")) (Data/templates), or a NAME.md/NAME.html of your own in <workspace>/templates/NAME.md.mustache.") var template: String?

    /// The shipped top-level templates (a test holds this list equal to Data/templates).
    static let shippedTemplates = ["case.md", "case.html", "share.md", "share.html", "portfolio.md", "portfolio.html"]
    @Option(help: "With --all --format csv: utf-8 (default, with BOM) or cp932 (Shift_JIS for Excel/in-house systems that need it).")
    var encoding: String?

    /// Option combinations, checked first in `run` (not `validate`) so the line is worded by
    /// the label table rather than wrapped by the parser.
    func checkUsage() throws {
        func no(_ m: UsageMessage) -> CLIError { CLIError.usage(m, "export") }
        if all && id != nil { throw no(.notBoth("ID", "--all")) }
        if !all && id == nil { throw no(.exportNeedsTarget) }
        if !all && stage != nil { throw no(.needs(option: "--stage", other: "--all")) }
        if !all && overdue { throw no(.needs(option: "--overdue", other: "--all")) }
        if all && (anonymize || anonymizePartners) { throw no(.anonymizeIsPerCase) }
        if let encoding, !["utf-8", "utf8", "cp932", "shift_jis", "sjis"].contains(encoding.lowercased()) {
            throw no(.oneOf(option: "--encoding", values: ["utf-8", "cp932"]))
        }
        if encoding != nil && !(all && (format ?? "csv") == "csv") { throw no(.needs(option: "--encoding", other: "--all --format csv")) }
        if all && audience != nil { throw no(.notBoth("--for", "--all")) }
        if all && contactPerson { throw no(.notBoth("--contact-person", "--all")) }
    }

    func run() throws {
        try checkUsage()
        let language: Lang
        do { language = try Lang.parseReport(lang) } catch { throw CLIError(ErrorText.line(error, Output.lang), code: .usage) }
        let template = try self.template.map { t -> String in
            guard TemplateStore.isValidName(t) else { throw CLIError(ReportError.invalidTemplateName(t).text(Output.lang), code: .usage) }
            return t
        }
        let destination = try output.flatMap { $0 == "-" ? nil : try OptionValue.path($0, "--output", command: "export") }

        if all {
            let fmt: PortfolioFormat
            do { fmt = try PortfolioFormat.parse(format ?? "csv") } catch { throw CLIError(ErrorText.line(error, Output.lang), code: .usage) }
            let stageFilter = try stage.map { Stage(rawValue: try Choice.cli($0, .stage, Choice.stages))! }
            let ctx = try AppContext.make(global)
            try Self.report {
                if let destination { try ReportExporter.checkTarget(destination, overwrite: force) }
                // Same calendars, holidays and funding links as 'renkei overdue' (warns about damaged files).
                let loaded = try Deadlines.load(ctx)
                let exporter = ReportExporter(store: ctx.store, data: ctx.data, today: ctx.today,
                                              deadlines: CalendarDeadlines(context: loaded.context))
                var report = PortfolioBuilder.build(loaded.portfolio, catalog: ctx.catalog, today: ctx.today, lang: language,
                                                    stage: stageFilter, overdueOnly: overdue, deadlines: exporter.deadlines)
                let data: Data
                if fmt == .csv && template == nil {
                    data = Self.portfolioCSV(&report, store: ctx.store, cp932: ["cp932", "shift_jis", "sjis"].contains(encoding?.lowercased() ?? ""))
                } else {
                    data = try exporter.renderer.render(report, format: fmt, template: template)
                }
                if let destination {
                    let url = try ReportExporter.write(data, to: destination, overwrite: force)
                    Output.errorRaw("renkei: " + StatusMessage.wrote(path: url.path, cases: report.count).text(Output.lang))
                } else {
                    Output.document(data, json: format == "json")
                }
            }
            return
        }

        let output: CaseOutput
        let who: Audience
        do {
            output = try CaseOutput.parse(format ?? "md")
            who = try audience.map(Audience.parse) ?? Audience.defaultFor(output)
        } catch { throw CLIError(ErrorText.line(error, Output.lang), code: .usage) }
        if contactPerson && who != .share { throw CLIError(ReportError.shareOnlyOption("--contact-person").text(Output.lang), code: .usage) }
        if output == .pdf && destination == nil && isatty(STDOUT_FILENO) == 1 {
            throw CLIError.usage(.pdfToTerminal, "export")
        }
        let ctx = try AppContext.make(global)
        let id = try ctx.caseId(self.id!, missingOK: true)
        let exporter = ReportExporter(store: ctx.store, data: ctx.data, today: ctx.today)   // with the budget calendars
        let request = DocumentRequest(audience: who, output: output, lang: language, anonymize: anonymize,
                                      anonymizePartners: anonymizePartners, contactPerson: contactPerson, template: template)
        try Self.report {
            let anonymizer: Anonymizer?
            if let destination {
                let written = try exporter.exportDocument(caseId: id, request, to: .file(destination, overwrite: force))
                anonymizer = written.anonymizer
                Output.errorRaw("renkei: " + StatusMessage.wrote(path: written.url.path, cases: nil).text(Output.lang))
            } else {
                if output == .pdf, PDFPrinter.engine() == nil { throw ReportError.noPDFEngine }
                let doc = try exporter.renderDocument(caseId: id, request)
                anonymizer = doc.anonymizer
                if output == .pdf { FileHandle.standardOutput.write(doc.data) } else { Output.document(doc.data, json: output == .json) }
            }
            // What was replaced, so the user knows what the file no longer holds (counts only, never the values).
            if let anonymizer { Output.errorRaw("renkei: " + anonymizer.summary(Output.lang)) }
        }
    }

    /// The portfolio CSV with WHY/HOW/WHAT from the case files; in CP932 every character it
    /// cannot hold is reported on stderr (row, column, character) and written as 〓.
    static func portfolioCSV(_ report: inout PortfolioReport, store: CaseStore, cp932: Bool) -> Data {
        let out = ReportExporter.portfolioCSV(&report, store: store, cp932: cp932)
        for r in out.replacements.prefix(50) {
            Output.warn(TransferMessage.cp932Row(row: r.row, column: r.column, character: String(r.character),
                                                 codePoints: CP932Text.codePoints(r.character)).text(Output.lang))
        }
        if out.replacements.count > 50 { Output.warn(TransferMessage.cp932More(out.replacements.count - 50).text(Output.lang)) }
        return out.data
    }

    /// Export errors become one line with the documented exit status (usage errors are 2).
    static func report(_ body: () throws -> Void) throws {
        do { try body() } catch let e as ReportError {
            switch e {
            case .unknownFormat, .unknownLanguage, .invalidTemplateName, .unknownAudience, .shareOnlyOption:
                throw CLIError(e.text(Output.lang), code: .usage)
            default: throw CLIError(e.text(Output.lang))
            }
        }
    }
}
