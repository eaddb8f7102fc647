import ArgumentParser
import RenkeiCore

struct MoveCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "move",
        abstract: CommandHelp.abstract("Move a case to any stage or end state (realized, dropped, paused) with a reason; moving back is logged.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "Target stage by name or code: \(Stage.allCases.map { "\($0.ja) (\($0.rawValue))" }.joined(separator: ", ")).") var to: String
    @Option(help: "Why (required).") var reason: String

    func run() throws {
        let target = Stage(rawValue: try Choice.cli(to, .stage, Choice.stages))!
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        let r = try ctx.apply(id, .move(to: target, reason: reason))
        Output.line(Message.movedCase(caseId: id, stage: r.document.value.stage).text(Output.lang))
    }
}
