import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

struct ShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: CommandHelp.abstract("Show one case: issue, checklist with guide pages, gate, budget, KPIs, notes.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Flag(help: "The case file as JSON (including fields this renkei does not know).") var json = false

    func run() throws { try ShowRun(global: global.values, id: id, json: json).run() }
}

/// `show` with its options as plain values (see `ListRun`).
struct ShowRun {
    var global: GlobalValues
    var id: String
    var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        let id = try ctx.caseId(self.id)
        var doc = try ctx.load(id)
        let lang = Output.lang
        // The body with prefecture and code, or 未照合 and how to link it (issue 16). Without a
        // readable table the case still shows, from what it stores. Only the rows this one case
        // can need are decoded: no typing index at start-up.
        let caption = MunicipalityCaption(doc.value, resolver: try? MunicipalityTableLoader.exactLookup(data: ctx.data, for: [doc.value.municipality]),
                                          lang: lang)
        if json {
            // Derived, not stored: one key beside the file's own, so scripts need not load the table.
            let link = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(caption))
            var derived: [String: JSONValue] = ["municipalityLink": link]
            // Archived is a fact of the event log (issue 14); said here so scripts need not replay it.
            if let a = doc.value.archival {
                derived["archived"] = .object(["at": .string(a.at.text), "by": .string(a.by), "note": a.note.map(JSONValue.string) ?? .null])
            }
            doc.unknown = (doc.unknown ?? .object([:])).merging(unknown: .object(derived))
            Output.document(try CaseCodec.encode(doc), json: true)
            return
        }
        let c = doc.value
        func field(_ p: Label, _ v: String) -> String { "\(p.text(lang)): \(v)" }
        let none = Label.none.text(lang)
        Output.line("\(c.id)  \(c.title)" + (doc.readOnly ? "  [\(Label.readOnly.text(lang))]" : ""))
        if let a = c.archival {
            Output.line("  " + ArchiveMessage.archivedOn(when: LocalTime.text(a.at, wareki: false, lang), by: a.by, note: a.note).text(lang))
        }
        Output.line("  " + field(.municipality, caption.display) + "  " + field(.department, c.department.isEmpty ? none : c.department))
        if let hint = caption.hint { Output.line("    → " + hint) }
        Output.line("  " + field(.partners, c.partners.isEmpty ? none : WorkbenchMessage.list(c.partners.map { $0.name + WorkbenchMessage.parenthetical($0.kind.label(lang)).text(lang) }).text(lang)))
        Output.line("  " + field(.stage, "\(c.stage.progressGlyph) \(c.stage.label(lang))") + (c.stageReason.map { " — \($0)" } ?? ""))
        Output.line("  " + field(.exit, c.exit.map { $0.label(lang) } ?? none) + "  "
                    + field(.method, c.method.map { Choice.label(of: $0, in: Choice.methods(ctx.catalog), lang) } ?? none))
        if let d = c.domain { Output.line("  " + field(.domain, Choice.label(of: d, in: Choice.domains(ctx.catalog), lang))) }
        Output.line("  " + field(.targetFY, c.budget.fiscalYear.map { Message.fiscalYearValue($0).text(lang) } ?? none) + "  "
                    + field(.budgetTotal, c.budget.checkedTotalYen.map(Yen.format) ?? Label.amountTooLarge.text(lang)) + "  " + field(.roughQuote, c.budget.roughQuoteYen.map(Yen.format) ?? none))
        if let na = c.nextAction {
            Output.line("  " + field(.nextAction, "\(na.text) \(na.due.map { "(\($0))" } ?? "")"))
        }
        Output.line("")
        Output.line(Label.issueWhy.text(lang) + "  " + (c.issue.why.isEmpty ? none : c.issue.why))
        Output.line(Label.issueHow.text(lang) + "  " + (c.issue.how.isEmpty ? none : c.issue.how))
        Output.line(Label.issueWhat.text(lang) + "  " + (c.issue.what.isEmpty ? none : c.issue.what))
        if !c.stage.isEndState {
            Output.line("")
            Output.line(Message.checklistOf(c.stage).text(lang))
            // Item ids stay: they are what `renkei tick ID ITEM` takes.
            for item in ctx.catalog.items(for: c.stage, exit: c.exit, method: c.method) {
                let mark = c.checklist[item.id] != nil ? "[x]" : "[ ]"
                Output.line("  \(mark) \(item.id)  \(item.label(lang))\(item.required ? " *" : "")  \(item.page)")
            }
            let problems = Gate.check(c, catalog: ctx.catalog)
            Output.line(problems.isEmpty ? "  → " + Message.gateOpen(caseId: c.id).text(lang)
                                         : "  → " + Message.unmetCount(problems.count).text(lang) + ": " + problems.map(\.id).joined(separator: ", "))
        }
        if !c.notes.isEmpty {
            Output.line("")
            Output.line(Label.tabNotes.text(lang))
            for (i, n) in c.notes.enumerated() { Output.line("  #\(i + 1) \(n.at.day) \(n.author): \(n.text)") }  // position: ids are random
        }
    }
}
