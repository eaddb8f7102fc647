import ArgumentParser
import RenkeiCore

struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "advance",
        abstract: "Move a case to the next stage if its gate is open (exit 3 with the unmet items if not).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "A note to log with the move.") var note: String?
    @Flag(help: "Advance despite unmet items (needs --reason; logged).") var force = false
    @Option(help: "Why the gate is overridden.") var reason: String?

    func validate() throws {
        if force && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--force needs --reason TEXT (the override is logged)")
        }
    }

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        do {
            let r = try ctx.apply(id, .advance(note: note, override: force ? reason : nil))
            Output.line("\(id): \(r.document.value.stage.rawValue) (\(r.document.value.stage.ja))")
        } catch CommandError.gateBlocked(_, let stage, let problems) {
            Output.errorRaw("renkei: \(id): cannot leave \(stage.rawValue) (\(stage.ja)); \(problems.count) unmet:")
            for p in problems { Output.errorRaw("  - " + TerminalText.inline(p.description)) }
            Output.errorRaw("tick them (renkei tick \(id) ITEM), fill the fields (renkei set), or override: renkei advance \(id) --force --reason TEXT")
            throw ExitCode(ExitStatus.gateBlocked.rawValue)
        }
    }
}
