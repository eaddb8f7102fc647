import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "init", abstract: CommandHelp.abstract("Create a workspace (optionally with the sample portfolio).", Output.lang)) }

    @Argument(help: "Directory for the new workspace.") var directory: String
    @Flag(help: "Copy the shipped sample cases from the practice guide into it.") var sample = false

    func run() throws {
        let root = try OptionValue.path(directory, "<directory>", command: "init")
        let ws = try Workspace.create(at: root)
        var n = 0
        if sample { n = try ws.seedSamples(from: try DataDirectory.locate()) }
        Output.line(StatusMessage.initialised(path: ws.root.path, samples: sample ? n : nil).text(Output.lang))
    }
}
