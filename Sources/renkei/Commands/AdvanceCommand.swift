import ArgumentParser
import RenkeiCore

struct AdvanceCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "advance",
        abstract: CommandHelp.abstract("Move a case to the next stage if its gate is open (exit 3 with the unmet items if not).", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "A note to log with the move.") var note: String?
    @Flag(help: "Advance despite unmet items (needs --reason; logged).") var force = false
    @Option(help: "Why the gate is overridden.") var reason: String?

    func run() throws {
        // Checked here, not in `validate`: the label table words the line (issue 14).
        if force && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError.usage(.forceNeedsReason, "advance")
        }
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        let lang = Output.lang
        do {
            let r = try ctx.apply(id, .advance(note: note, override: force ? reason : nil))
            Output.line(Message.advancedTo(caseId: id, stage: r.document.value.stage).text(lang))
        } catch CommandError.gateBlocked(_, let stage, let problems) {
            Output.errorRaw("renkei: " + Message.gateBlocked(caseId: id, stage: stage, unmet: problems.count).text(lang))
            for p in problems { Output.errorRaw("  - " + TerminalText.inline(p.label(lang)) + " (\(p.id))") }
            Output.errorRaw(Message.gateHowTo(caseId: id).text(lang))
            throw ExitCode(ExitStatus.gateBlocked.rawValue)
        }
    }
}
