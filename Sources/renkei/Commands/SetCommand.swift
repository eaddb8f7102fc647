import ArgumentParser
import RenkeiCore
import RenkeiStore

struct SetCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "set", abstract: CommandHelp.abstract("Set a field of a case (logged; undoable).", Output.lang),
        discussion: "Fields:\n" + CaseFields.specs.map { "  \($0.path)  \($0.ja) / \($0.en)" }.joined(separator: "\n")
            + "\n  reference.<item>  予算の参考項目 (budget-scale, evaluation, request-difficulties, execution-difficulties, outcomes, kpi)"
            + "\nAn empty VALUE clears the field; tags and partners take a comma-separated list."
            + "\nexit, method, domain, municipality.size and municipality.kind take the code or the Japanese or English name (調達, 随意契約, 子育て …).") }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Field path, e.g. budget.fiscalYear.") var field: String
    @Argument(help: "New value.") var value: String

    func run() throws {
        if CaseFields.spec(field) == nil { throw CLIError("\(id): " + FieldError.unknownField(field).sentence(Output.lang), code: .usage) }
        let ctx = try AppContext.make(global, mutating: true)
        let lang = Output.lang
        let parsed: JSONValue
        do { parsed = try CaseFields.parse(field, value, catalog: ctx.catalog) }
        catch let e as ChoiceError { throw CLIError(e.text(lang), code: .usage) }
        catch let e as FieldError { throw CLIError("\(id): " + e.sentence(lang), code: .usage) }
        catch { throw CLIError("\(id): " + ErrorText.line(error, Output.lang), code: .usage) }
        let id = try ctx.caseId(self.id)
        try ctx.apply(id, .setField(path: field, value: parsed))
        Output.line(Message.fieldChanged(caseId: id, field: ctx.names.name(field, lang), value: ctx.names.value(field, parsed, lang)).text(lang))
    }
}
