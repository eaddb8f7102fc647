import ArgumentParser
import RenkeiCore

struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quarantine",
        abstract: "Move a damaged case file to <workspace>/quarantine/ (never deleted).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id or file name in cases/.") var file: String
    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let to = try ctx.store.quarantine(file)
        Output.line(StatusMessage.quarantined(path: to.path).text(Output.lang))
    }
}
