import ArgumentParser
import Foundation
import RenkeiCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "A case's event log: every change with time, actor, before/after.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        let c = try ctx.load(id).value
        if json { try Output.json(c.events); return }
        for e in c.events {
            var line = "\(e.seq). \(e.at.text)  \(e.actor)  \(e.kind.rawValue)"
            if let t = e.target { line += " (\(t))" }
            Output.line(line)
            for ch in e.changes { Output.line("     \(ch.field): \(TerminalText.inline(ch.before.description)) → \(TerminalText.inline(ch.after.description))") }
            if let r = e.reason { Output.line("     reason: \(r)") }
        }
    }
}
