import ArgumentParser
import RenkeiCore

struct QuarantineCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "quarantine",
        abstract: CommandHelp.abstract("Move a damaged case file to <workspace>/quarantine/ (never deleted).", Output.lang)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id or file name in cases/.") var file: String
    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let to = try ctx.store.quarantine(file)
        Output.line(StatusMessage.quarantined(path: to.path).text(Output.lang))
    }
}
