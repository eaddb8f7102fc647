import ArgumentParser
import Foundation
import RenkeiCore

/// `renkei kpi ID NAME [--unit U] [--baseline N] [--target N] [--actual N [--on DATE]] [--remove]`
/// — add a KPI, change it, record an actual for a day, or remove it; one undoable event each.
struct KPICommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "kpi",
        abstract: CommandHelp.abstract("Add or change a KPI of a case, record an actual for a date, or remove the KPI.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Argument(help: "The indicator's name, e.g. 参加者数.") var name: String
    @Option(help: "Unit, e.g. 人 or %.") var unit: String?
    @Option(help: "Baseline value.") var baseline: String?
    @Option(help: "Target value.") var target: String?
    @Option(help: "An actual value to record (with --on, default today).") var actual: String?
    @Option(help: "Day of the actual, YYYY-MM-DD.") var on: String?
    @Flag(help: "Remove the KPI instead.") var remove = false

    static func number(_ s: String?, _ option: String) throws -> Double? {
        guard let s else { return nil }
        let t = TextNormalizer.nfkc(s).replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard let d = Double(t), d.isFinite else {
            throw CLIError("--\(option) '\(s)': \(FieldExpectation.number.text(Output.lang))", code: .usage)
        }
        return d
    }

    func run() throws {
        let (b, t, a) = (try Self.number(baseline, "baseline"), try Self.number(target, "target"), try Self.number(actual, "actual"))
        let ctx = try AppContext.make(global, mutating: true)
        let day: Day
        if let on {
            guard let d = Day(TextNormalizer.nfkc(on)) else { throw CLIError("--on '\(on)': \(FieldExpectation.date.text(Output.lang))", code: .usage) }
            day = d
        } else { day = ctx.today }
        let id = try ctx.caseId(self.id)
        var c = try ctx.load(id).value
        let name = self.name.trimmingCharacters(in: .whitespaces)
        if remove {
            c.kpis.removeAll { $0.name == name }
        } else {
            // One actual per day: a new one replaces that day's.
            CaseRecords.upsertKPI(&c.kpis, name: name, unit: unit, baseline: b, target: t, actual: a.map { (day, $0) })
        }
        let value = CaseFields.get(c, RecordList.kpis.path)
        try ctx.apply(id, RecordList.kpis.command(c))
        Output.line(Message.listChanged(caseId: id, field: Label.tabKPI.text(Output.lang),
                                        value: ctx.names.value("kpiList", value, Output.lang)).text(Output.lang))
    }
}
