import ArgumentParser
import RenkeiCore
import RenkeiStore

/// `renkei archive ID… [--note TEXT]` (issue 14): a finished (連携実現) or set-aside case leaves
/// the daily views — `list`, `overdue`, the calendar feeds, the funnel's open figures — and stays
/// in the portfolio for reports and 横展開 (`list --archived`, `export`). One event per case, one
/// `renkei undo` for the whole command. The workbench's palette (アーカイブ) does the same.
struct ArchiveCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "archive",
        abstract: CommandHelp.abstract("Archive cases: out of list, overdue and calendars, kept for reports (undo with 'renkei undo').", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case ids (or the start of each).") var ids: [String]
    @Option(help: "Why (kept in the history).") var note: String?

    func run() throws { try ArchiveRun(global: global, typed: ids, command: .archive(note: note)).run() }
}

/// `renkei unarchive ID…`: back into the daily views (undo with `renkei undo`).
struct UnarchiveCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "unarchive",
        abstract: CommandHelp.abstract("Bring archived cases back into list, overdue and calendars.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case ids (or the start of each).") var ids: [String]

    func run() throws { try ArchiveRun(global: global, typed: ids, command: .unarchive).run() }
}

/// Both commands: resolve every id first (a bad one stops the command before anything is
/// written), then write the cases that change as one undoable command. A case already in the
/// wanted state is said so and left untouched (exit 0: the state asked for holds).
struct ArchiveRun {
    var global: GlobalOptions
    var typed: [String]
    var command: Command

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        var ids: [String] = []
        for t in typed { let id = try ctx.caseId(t); if !ids.contains(id) { ids.append(id) } }
        let lang = Output.lang
        let (unchanged, result) = try ctx.store.writeBatch(label: command.label, actor: ctx.actor, now: ctx.now) { existing, context in
            var unchanged: [CommandMessage] = []
            var docs: [CaseDocument] = []
            for id in ids {
                guard var doc = existing(id) else { throw CLIError(Message.unknownCase(id).text(lang)) }
                do { doc.value = try CaseCommands.apply(command, to: doc.value, context: context) } catch CommandError.noChange(let m) {
                    unchanged.append(m); continue
                }
                docs.append(doc)
            }
            return (unchanged, docs)
        }
        for m in unchanged { Output.line(m.text(lang)) }
        if let w = result.journalWarning { Output.warn(w.text(lang)) }
        for id in result.updated {
            if case .archive = command { Output.line(ArchiveMessage.archived(caseId: id).text(lang)) }
            else { Output.line(ArchiveMessage.unarchived(caseId: id).text(lang)) }
        }
    }
}
