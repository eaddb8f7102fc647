import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei snooze ID ITEM --until DATE --reason TEXT` — hide one deadline item of a case until a
/// day (logged with its reason; undoable). `--clear` removes the snooze.
struct SnoozeCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "snooze",
        abstract: CommandHelp.abstract("Snooze a deadline item of a case until a date (needs a reason; logged).", Output.lang),
        discussion: """
        ITEM is what 'renkei overdue --json' calls milestoneId: a budget milestone (info-provision,
        request, …), follow-up, next-action, stale, or funding:<window id>. A snoozed item is hidden
        from the review until DATE (it reappears on DATE) and is counted as snoozed meanwhile.
        """) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Item to snooze: info-provision, request, follow-up, next-action, stale, funding:<id> ….") var item: String
    @Option(help: "Hide it until this day, YYYY-MM-DD (it shows again on that day).") var until: String?
    @Option(help: "Why (required; kept in the history).") var reason: String?
    @Flag(help: "Remove the snooze instead.") var clear = false

    func run() throws {
        let untilDay: Day?
        if clear {
            untilDay = nil
        } else {
            guard let u = until else { throw CLIError.usage(.missingValue(option: "--until"), "snooze") }
            guard let d = Day(TextNormalizer.nfkc(u.trimmingCharacters(in: .whitespaces))) else {
                throw CLIError.usage(.notADate(option: "--until", value: u), "snooze")
            }
            guard let r = reason, !r.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CLIError.usage(.snoozeNeedsReason(item: item), "snooze")
            }
            _ = r
            untilDay = d
        }
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        let calendars = ctx.store.calendars(for: nil, data: ctx.data, today: ctx.today).loaded
        let known = Set(calendars.calendars.all.flatMap { $0.milestones.map(\.id) } + ["follow-up", "next-action", "stale"])
        guard known.contains(item) || (item.hasPrefix("funding:") && item.count > 8) else {
            throw CLIError.usage(.unknownDeadlineItem(item, known: known.sorted() + ["funding:…"]), "snooze")
        }
        let lang = Output.lang
        let milestone = calendars.calendars.all.lazy.flatMap(\.milestones).first { $0.id == item }
        let name = milestone.map { $0.label(lang) } ?? DeadlineItemName.of(item, lang)
        if let d = untilDay {
            try ctx.apply(id, .snooze(item: item, until: d, reason: reason!))
            Output.line(Message.snoozed(caseId: id, item: name, until: d.description, reason: reason!).text(lang))
        } else {
            try ctx.apply(id, .unsnooze(item: item))
            Output.line(Message.unsnoozed(caseId: id, item: name).text(lang))
        }
    }
}
