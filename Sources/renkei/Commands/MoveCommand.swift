import ArgumentParser
import RenkeiCore

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move",
        abstract: "Move a case to any stage or end state (realized, dropped, paused) with a reason; moving back is logged.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Option(help: "Target: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).") var to: String
    @Option(help: "Why (required).") var reason: String

    func run() throws {
        guard let target = Stage(rawValue: to) else {
            throw CLIError("unknown stage '\(to)'; use one of \(Stage.allCases.map(\.rawValue).joined(separator: ", "))", code: .usage)
        }
        let ctx = try AppContext.make(global, mutating: true)
        let r = try ctx.apply(id, .move(to: target, reason: reason))
        Output.line("\(id): \(r.document.value.stage.rawValue) (\(r.document.value.stage.ja))")
    }
}
