import ArgumentParser
import Foundation
import RenkeiApp
import RenkeiCore
import RenkeiImport
import RenkeiStore

/// `renkei import FILE` — bring a coordinator's Excel or kintone list in. Dry run by default.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import",
        abstract: CommandHelp.abstract("Import cases from a .csv or .xlsx (Excel, kintone, renkei's own export); a dry run unless --apply.", Output.lang),
        discussion: """
        CSV in UTF-8 (with or without BOM) or CP932/Shift_JIS is detected in that order (--encoding \
        overrides); the wave dash 〜 is stored as ～. An .xlsx is read from its first sheet (or --sheet): \
        shared strings, numbers, date cells, merged and two-row headers, formulas as their last value.

        Mapping: --mapping MAP, else STEM.mapping.json next to the file, else \
        <workspace>/import/STEM.mapping.json; with none, one is guessed from the header (Japanese or \
        English names; kintone and renkei exports are recognised) and written to the workspace's \
        import/ folder to adjust. Columns not mapped to a field are kept as a note on the case.

        The key column (kintone レコード番号, ID) makes a re-import update the same cases. --apply \
        refuses a file with any invalid row (nothing partial); the import is one command: \
        'renkei undo' reverses every case it wrote.

        Examples:
          renkei import 案件一覧.xlsx
          renkei import kintone_export.csv --apply
          renkei import list.csv --encoding cp932 --mapping list.mapping.json --apply --json
        """) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The .csv or .xlsx file.") var file: String
    @Option(help: "Mapping file (JSON).") var mapping: String?
    @Flag(help: "Write the cases (default: preview only).") var apply = false
    @Flag(help: "Print the plan as JSON.") var json = false
    @Option(help: "CSV encoding: utf-8, utf-8-bom or cp932 (default: detected).") var encoding: String?
    @Option(help: "Worksheet name in an .xlsx (default: the first sheet).") var sheet: String?
    @Option(help: "Use a shipped mapping: kintone or renkei (default: detected from the header).") var preset: String?

    /// Option combinations, checked first in `run` (not `validate`) so the line is worded by
    /// the label table rather than wrapped by the parser.
    func checkUsage() throws {
        try OptionValue.checkPath(file, "<file>", command: "import")
        try OptionValue.checkPath(mapping, "--mapping", command: "import")
        if let preset, !["kintone", "renkei"].contains(preset) { throw CLIError.usage(.oneOf(option: "--preset", values: ["kintone", "renkei"]), "import") }
        if mapping != nil && preset != nil { throw CLIError.usage(.notBoth("--mapping", "--preset"), "import") }
    }

    func run() throws {
        try checkUsage()
        let forced: SourceEncoding?
        let lang = Output.lang
        do { forced = try encoding.map(SourceEncoding.parse) } catch let e as ImportError { throw CLIError(e.text(lang), code: .usage) }
        let ctx = try AppContext.make(global, mutating: apply)
        let session: ImportSession
        do {
            session = try ImportSession.open(file, mapping: mapping, preset: preset, encoding: forced, sheet: sheet, workspace: ctx.workspace, catalog: ctx.catalog)
        } catch let e as ImportError { throw CLIError(e.text(lang)) }
        for w in session.warnings { Output.warn(w.text(lang)) }
        let (plan, result) = try session.run(store: ctx.store, actor: ctx.actor, now: ctx.now, apply: apply)
        if let w = result.journalWarning { Output.warn(w.text(Output.lang)) }
        if json {
            try Output.json(ImportReport(plan: plan, origin: session.origin, applied: apply && plan.isApplicable, result: result))
        } else {
            ImportPreview.print(plan, origin: session.origin, header: session.table.header, apply: apply, result: result, lang: lang)
        }
        if !plan.isApplicable {
            throw CLIError(ImportMessage.refused(file: plan.file, invalid: plan.count(.invalid), mappingProblems: !plan.fileProblems.isEmpty, applying: apply).text(lang))
        }
    }
}
