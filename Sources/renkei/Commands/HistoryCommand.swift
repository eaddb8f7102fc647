import ArgumentParser
import Foundation
import RenkeiStore
import RenkeiCore

struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "history", abstract: CommandHelp.abstract("A case's event log: every change with time, actor, before/after.", Output.lang),
        discussion: "Times are shown in the local time zone (TZ); --wareki adds the 和暦 date and the 年度. --json keeps the stored ISO times and codes.") }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Flag(help: "Also show the 和暦 date and the fiscal year (年度) of each event.") var wareki = false
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        let id = try ctx.caseId(self.id)
        let c = try ctx.load(id).value
        if json { try Output.json(c.events); return }
        let lang = Output.lang, names = ctx.names
        let wareki = self.wareki || AppContext.configuredFlag("wareki", ProcessEnvironment.current) == true
        if let a = c.archival {
            Output.line(ArchiveMessage.archivedOn(when: LocalTime.text(a.at, wareki: wareki, lang), by: a.by, note: a.note).text(lang))
        }
        for e in c.events {
            let line = "\(e.seq). \(LocalTime.text(e.at, wareki: wareki, lang))  \(e.actor)  \(e.kind.label(lang))"
            // `target` (the undone command's id) is for scripts: --json has it.
            Output.line(line)
            for ch in e.changes {
                Output.line("     \(names.name(ch.field, lang)): \(TerminalText.inline(names.value(ch.field, ch.before, lang))) → \(TerminalText.inline(names.value(ch.field, ch.after, lang)))")
            }
            if let r = e.reason { Output.line("     " + Message.reasonLine(r).text(lang)) }
        }
    }
}

/// An event time as a person reads it: in the local time zone (the file keeps the writer's
/// offset), `2026/11/23 09:32`, with `（R8.11.23・2026年度）` when 和暦 is asked for.
enum LocalTime {
    static func text(_ t: Timestamp, wareki: Bool, _ lang: Lang, timeZone: TimeZone = .current) -> String {
        let local = Timestamp(t.date, timeZone: timeZone)
        let day = local.day
        let hm = String(local.text.dropFirst(11).prefix(5))
        let base = "\(day.description.replacingOccurrences(of: "-", with: "/")) \(hm)"
        guard wareki else { return base }
        return ReviewMessage.timeWithEra(base: base, wareki: day.wareki, fiscalYear: Message.fiscalYearValue(day.fiscalYear).text(lang)).text(lang)
    }
}
