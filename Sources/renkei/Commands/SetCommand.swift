import ArgumentParser
import RenkeiCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a field of a case (logged; undoable).",
        discussion: "Fields:\n" + CaseFields.specs.map { "  \($0.path)  \($0.ja) / \($0.en)" }.joined(separator: "\n")
            + "\n  reference.<item>  予算の参考項目 (budget-scale, evaluation, request-difficulties, execution-difficulties, outcomes, kpi)"
            + "\nAn empty VALUE clears the field; tags and partners take a comma-separated list.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Field path, e.g. budget.fiscalYear.") var field: String
    @Argument(help: "New value.") var value: String

    func run() throws {
        let parsed: JSONValue
        do { parsed = try CaseFields.parse(field, value) } catch { throw CLIError("\(id): \(error)", code: .usage) }
        let ctx = try AppContext.make(global, mutating: true)
        try ctx.apply(id, .setField(path: field, value: parsed))
        Output.line("\(id): \(field) = \(parsed.description)")
    }
}
