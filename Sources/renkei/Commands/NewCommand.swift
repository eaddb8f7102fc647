import ArgumentParser
import RenkeiCore
import RenkeiStore

struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "new", abstract: CommandHelp.abstract("Create a case at 課題特定・企画; prints its id.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Title (件名).") var title: String
    @Option(help: "Municipality (自治体), e.g. 狭山市.") var municipality: String
    @Option(help: "Prefecture (都道府県).") var prefecture: String?
    @Option(help: "A partner (startup, intermediary…); repeat for several.") var partner: [String] = []
    @Option(name: .customLong("fiscal-year"), help: "Target fiscal year N (N年度).") var fiscalYear: Int?
    @Option(help: "Department (原課).") var department: String?
    @Option(help: "Case id ([A-Za-z0-9-]); default: the municipality's 6-digit code (or ASCII words of the title) and a random suffix, e.g. 112151-x2b7n1.") var id: String?

    func run() throws {
        if let id, !CaseID.isValid(id) { throw CLIError(CaseID.validationMessage(id, Output.lang), code: .usage) }
        // The range the case file's budget.fiscalYear takes (as `calendar --fiscal-year`).
        try OptionValue.check(fiscalYear, "--fiscal-year", 2000...2100, command: "new")
        let ctx = try AppContext.make(global, mutating: true)
        var input = NewCaseInput(id: id ?? "", title: title, municipality: municipality, prefecture: prefecture,
                                 partners: partner, fiscalYear: fiscalYear, department: department)
        // Linked to its 団体コード when the name fits one body (issue 16); several: asked below, never guessed.
        // An exact lookup of this one name (or code), not the typing index: start-up stays within
        // issue 16's 5 ms (BENCHMARKS, municipality.exact_lookup_one_name_ms).
        let typed = TextNormalizer.nfkc(municipality.trimmingCharacters(in: .whitespacesAndNewlines))
        let lookup = try? MunicipalityTableLoader.exactLookup(data: ctx.data, names: [(municipality, prefecture)], codes: MunicipalityCode.isValid(typed) ? [typed] : [])
        let table = lookup?.table
        let outcome = lookup.map { MunicipalityOnEntry.link(&input, $0) }
        let r = try ctx.store.createCase(input, actor: ctx.actor, now: ctx.now)
        if let w = r.journalWarning { Output.warn(w.text(Output.lang)) }
        let doc = r.document
        Output.line(doc.value.id)
        if let table, let outcome {
            let name = doc.value.municipality.name
            switch outcome {
            case .linked: break
            case .ambiguous(let list):
                Output.warn(MunicipalityMessage.ambiguous(caseId: doc.value.id, name: name,
                                                          candidates: list.map { "\(table.displayName($0)) \($0.code)" }).text(Output.lang))
            case .freeText: Output.warn(MunicipalityMessage.unresolved(caseId: doc.value.id, name: name).text(Output.lang))
            }
        }
        if let n = fiscalYear {
            let loaded = ctx.store.calendars(municipalities: [municipality], fundingLinks: [:], data: ctx.data, today: ctx.today).loaded
            let c = doc.value
            let cal = loaded.calendars.resolve(municipality: c.municipality.name, prefecture: c.municipality.prefecture,
                                               kind: c.municipality.kind, code: c.municipality.code).calendar
            if let late = TargetYearCheck.check(fiscalYear: n, calendar: cal, holidays: loaded.holidays, today: ctx.today) {
                Output.warn(late.text(Output.lang))
            }
        }
    }
}
