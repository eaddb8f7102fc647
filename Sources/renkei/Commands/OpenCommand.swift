import ArgumentParser
import RenkeiCore
import RenkeiApp

/// `renkei` with no subcommand: the interactive workbench (the default subcommand, so
/// `renkei --search 狭山` opens it filtered).
struct OpenCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "open", abstract: CommandHelp.abstract("Open the interactive workbench (the default).", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Open with this filter applied (e.g. 狭山).") var search: String?

    func run() throws {
        let context = try AppContext.make(global, mutating: true)
        StartupTrace.mark("context")
        try InteractiveApp.run(context: context, search: search)
    }
}
