import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei grant ID [--json]` — for a case relying on a national grant (第2世代交付金 …, rules in
/// Data/funding): state and local shares, the cap for its body, the municipality's applications
/// that fiscal year against the limit, the criteria and obligations with their source.
struct GrantCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "grant",
        abstract: CommandHelp.abstract("A case's national grant: shares, cap for its body, applications this year vs the limit, criteria.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Flag(help: "Machine-readable output.") var json = false
    @Option(name: .customLong("tick"), help: "Tick a criterion or obligation (its id, e.g. dai2-kpi); repeatable.") var tick: [String] = []
    @Option(name: .customLong("untick"), help: "Untick a criterion or obligation; repeatable.") var untick: [String] = []

    struct Out: Encodable {
        var programme: String, source: String, fundingSource: String, totalYen: Int
        var nationalYen: Int?, localYen: Int?, arithmeticProblem: String?
        var bodyClass: String, track: String?, capYen: Int?, overCap: Bool
        var applicationsThisYear: Int, applicationLimit: Int?, windowCloses: String?
        var criteria: [String], obligations: [String]
        /// Criteria and obligations ticked on the case.
        var ticked: [String]
    }

    func run() throws {
        let ctx = try AppContext.make(global, mutating: !(tick.isEmpty && untick.isEmpty))
        let id = try ctx.caseId(self.id)
        let (programmes, problems) = ProgrammeLoader.load(data: ctx.data, workspace: ctx.workspace)
        for p in problems { Output.warn(p.text(Output.lang)) }
        if !(tick.isEmpty && untick.isEmpty) { try tickItems(id, programmes: programmes, ctx) }
        let world = try MunicipalityWorld.loadExact(ctx)
        let windows = CalendarLoader.load(data: ctx.data, workspace: ctx.workspace, knownMunicipalities: nil).fundingWindows
        let codes = world.codes()
        guard let c = world.cases.first(where: { $0.id == id }) else { throw CLIError(Message.unknownCase(id).text(Output.lang)) }
        let code = codes[id]
        let checks = GrantCheck.checks(for: c, code: code, kind: code.flatMap(world.table.entry(code:))?.kind,
                                       centralCoreCity: code.flatMap { world.profiles[$0]?.centralCoreCity } ?? false,
                                       programmes: programmes, windows: windows,
                                       portfolio: world.cases.map { ($0, codes[$0.id]) })
        let lang = Output.lang
        if json {
            try Output.json(checks.map { g in
                Out(programme: g.programme.id, source: g.programme.source, fundingSource: g.sourceName, totalYen: g.totalYen,
                    nationalYen: g.nationalYen, localYen: g.localYen, arithmeticProblem: g.arithmeticProblem?.text(.en),   // --json keeps its English line
                    bodyClass: g.bodyClass.rawValue, track: g.track?.id, capYen: g.capYen, overCap: g.overCap,
                    applicationsThisYear: g.applicationsThisYear, applicationLimit: g.applicationLimit,
                    windowCloses: g.window?.closes.description,
                    criteria: g.programme.criteria.map(\.id), obligations: g.programme.obligations.map(\.id),
                    ticked: g.programme.checklistItems.map(\.id).filter { c.checklist[$0] != nil })
            })
            return
        }
        if checks.isEmpty { Output.line(GrantLabel.noGrant.text(lang)); return }
        for g in checks {
            let p = g.programme
            Output.line("\(c.id)  \(p.title(lang))  (\(GrantLabel.source.text(lang)): \(p.source))")
            Output.line("  \(Label.budgetTotal.text(lang)): \(Yen.format(g.totalYen))")
            if let problem = g.arithmeticProblem { Output.line("  " + problem.text(Output.lang)) }
            if let n = g.nationalYen, let l = g.localYen {
                Output.line("  \(GrantLabel.national.text(lang)) \(p.ratePercent)%: \(Yen.format(n))")
                Output.line("  \(GrantLabel.local.text(lang)): \(Yen.format(l))")
            }
            if let t = g.track, let cap = g.capYen {
                Output.line("  \(GrantLabel.cap.text(lang)): \(Yen.format(cap)) — "
                            + GrantMessage.capBasis(track: t.label(lang), perYear: t.capBasis == "per-year", bodyClass: g.bodyClass.label(lang)).text(lang))
                if g.overCap, let n = g.nationalYen { Output.line("  " + GrantMessage.overCap(national: Yen.format(n), cap: Yen.format(cap)).text(lang)) }
            }
            if let limit = g.applicationLimit, let fy = c.budget.fiscalYear {
                Output.line("  \(GrantLabel.applications.text(lang)): "
                            + GrantMessage.applicationCount(count: g.applicationsThisYear, limit: limit, fiscalYear: DeadlineText.fiscalYear(fy, lang)).text(lang))
            }
            if let w = g.window { Output.line("  \(GrantLabel.window.text(lang)): \(Deadlines.date(w.closes, wareki: false, lang)) (\(w.label(lang)))") }
            Output.line("  \(GrantLabel.criteria.text(lang)):")
            let box: (FundingProgramme.Reference) -> String = { c.checklist[$0.id] != nil ? "☑" : "□" }
            for r in p.criteria { Output.line("    \(box(r)) \(r.label(lang)) (\(r.page))  [\(r.id)]") }
            Output.line("  \(GrantLabel.obligations.text(lang)):")
            for r in p.obligations { Output.line("    \(box(r)) \(r.label(lang)) (\(r.page))  [\(r.id)]") }
            Output.line("  " + GrantMessage.tickHint(caseId: c.id).text(lang))
            if !p.related.isEmpty {
                Output.line("  \(GrantLabel.related.text(lang)): " + p.related.map { ($0.ja) + ($0.note.map { "（\($0)）" } ?? "") }.joined(separator: "、"))
            }
        }
    }

    /// Ticks through the store (one undoable event each), with the programmes' items known to it
    /// (the workbench ticks the same way, from its checklist).
    func tickItems(_ id: String, programmes: [FundingProgramme], _ ctx: AppContext) throws {
        let items = GrantRules(programmes: programmes).items
        let known = Set(items.map(\.id))
        for item in tick + untick where !known.contains(item) {
            throw CLIError(GrantMessage.unknownItem(item, known: known.sorted()).text(Output.lang), code: .usage)
        }
        for (item, on) in tick.map({ ($0, true) }) + untick.map({ ($0, false) }) {
            let r = try ctx.store.apply(id, on ? .tick(item: item) : .untick(item: item), actor: ctx.actor, now: ctx.now,
                                        programmeItems: items)
            if let w = r.journalWarning { Output.warn(w.text(Output.lang)) }
        }
    }
}
