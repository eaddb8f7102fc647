import ArgumentParser
import Foundation
import RenkeiCore

/// `renkei funding ID NAME --kind 交付金 [--rate 50] [--yen 2,400,000] [--remove]` — add or
/// change a funding source of a case, or remove it; one undoable event (the list is `fundingList`).
struct FundingCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "funding",
        abstract: CommandHelp.abstract("Add or change a funding source of a case (kind, rate, amount), or remove it.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Argument(help: "The source's name, e.g. デジタル田園都市国家構想交付金.") var name: String
    @Option(help: "Kind by name or code: \(FundingKind.allCases.map(\.ja).joined(separator: ", ")).") var kind: String?
    @Option(help: "Share of the cost in percent (補助率1/2 → 50).") var rate: String?
    @Option(help: "Amount in yen (4,800,000 or ４８０万 written out).") var yen: String?
    @Flag(help: "Remove the source instead.") var remove = false

    func run() throws {
        let kindCode = try kind.map { try Choice.cli($0, .fundingKind, Choice.fundingKinds) }
        let ratePercent = try KPICommand.number(rate, "rate")
        try OptionValue.check(ratePercent, "--rate", above: 0, atMost: 100, shown: "0 < rate ≤ 100", command: "funding")
        let amount = try yen.map { try BudgetLineCommand.yen($0, "yen") }
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        var c = try ctx.load(id).value
        let name = self.name.trimmingCharacters(in: .whitespaces)
        if remove { c.budget.funding.removeAll { $0.name == name } } else {
            CaseRecords.upsertFunding(&c.budget.funding, name: name, kind: kindCode.flatMap(FundingKind.init(rawValue:)), ratePercent: ratePercent, yen: amount)
        }
        try ctx.apply(id, RecordList.funding.command(c))
        Output.line(Message.listChanged(caseId: id, field: Label.funding.text(Output.lang),
                                        value: ctx.names.value(RecordList.funding.path, CaseFields.get(c, RecordList.funding.path), Output.lang)).text(Output.lang))
    }
}

/// `renkei budget-line ID 委託料 --yen 4,800,000 [--remove]` — a line of the case's budget
/// (the total is their sum); one undoable event (the list is `budgetItemList`).
struct BudgetLineCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "budget-line",
        abstract: CommandHelp.abstract("Add or change a budget line of a case (label and amount), or remove it.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Argument(help: "The line's label, e.g. 委託料.") var label: String
    @Option(help: "Amount in yen.") var yen: String?
    @Flag(help: "Remove the line instead.") var remove = false

    /// Yen as the set command reads it (full-width digits, commas, 円 and ¥ allowed).
    static func yen(_ text: String, _ option: String) throws -> Int {
        do {
            guard let n = try CaseFields.parse("budget.roughQuoteYen", text).intValue else { throw CLIError("--\(option): \(FieldExpectation.yen.text(Output.lang))", code: .usage) }
            return n
        } catch let e as FieldError { throw CLIError("--\(option) '\(text)': \(e.text(Output.lang))", code: .usage) }
    }

    func run() throws {
        if !remove && yen == nil { throw CLIError("--yen: \(FieldExpectation.yen.text(Output.lang))", code: .usage) }
        let amount = try yen.map { try Self.yen($0, "yen") }
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        var c = try ctx.load(id).value
        let label = self.label.trimmingCharacters(in: .whitespaces)
        if remove { c.budget.items.removeAll { $0.label == label } } else if let amount {
            CaseRecords.upsertBudgetLine(&c.budget.items, label: label, yen: amount)
        }
        try ctx.apply(id, RecordList.budgetLines.command(c))
        Output.line(Message.listChanged(caseId: id, field: Label.budgetLines.text(Output.lang),
                                        value: ctx.names.value(RecordList.budgetLines.path, CaseFields.get(c, RecordList.budgetLines.path), Output.lang)).text(Output.lang))
    }
}
