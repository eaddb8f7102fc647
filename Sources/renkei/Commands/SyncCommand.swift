import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiSync

/// `renkei sync` (commit, fetch, merge case by case, push) and `renkei sync init`.
struct SyncCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "sync",
        abstract: CommandHelp.abstract("Share the workspace over git: commit, fetch, merge case by case, push (one line of result).", Output.lang),
        discussion: "Exit codes: 0 ok · 1 error or offline (changes kept here) · 4 blocked by someone else's change (a newer renkei's file, pushes that never settle).",
        subcommands: [SyncRunCommand.self, SyncInitCommand.self],
        defaultSubcommand: SyncRunCommand.self) }
}

struct SyncRunCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "run", abstract: CommandHelp.abstract("Sync now (the default).", Output.lang)) }
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try SyncRun(global: global.values).run()
    }
}

/// `sync` with its options as plain values (built by ArgumentParser's `SyncRunCommand` or, without
/// its start-up cost, by `QuickCommand`: ≈ a quarter of a no-op sync's instructions, callgrind).
struct SyncRun {
    var global: GlobalValues

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let report = try SyncSupport.run { try SyncSupport.engine(ctx).sync() }
        try SyncSupport.print(report)
    }
}

struct SyncInitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "init",
        abstract: CommandHelp.abstract("Make this workspace a git repository (or adopt one), register the case merge, first commit.", Output.lang)) }
    @OptionGroup var global: GlobalOptions
    @Option(help: "The shared repository: a bare repository on a file server, ssh://…, https://….") var remote: String?

    func run() throws {
        try OptionValue.checkPath(remote, "--remote", command: "sync init")
        let ctx = try AppContext.make(global, mutating: true)
        _ = try SyncSupport.run {
            try SyncSetup.initialize(workspace: ctx.workspace, binary: SyncSupport.binaryPath, remote: remote)
        }
        let report = try SyncSupport.run { try SyncSupport.engine(ctx).sync() }
        Output.line(SyncMessage.initialized(path: ctx.workspace.root.path, remote: remote).text(Output.lang))
        // Without a remote, the first commit is all there is to do.
        if report.offline == .noRemote, remote == nil { return }
        try SyncSupport.print(report)
    }
}

struct CloneCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "clone",
        abstract: CommandHelp.abstract("Clone a shared workspace, register the case merge and build the index; ready to use.", Output.lang)) }
    @Argument(help: "The shared repository (path of a bare repository, ssh://…, https://…).") var url: String
    @Argument(help: "A new or empty directory.") var dir: String

    func run() throws {
        try OptionValue.checkPath(url, "<url>", command: "clone")
        let target = try OptionValue.path(dir, "<dir>", command: "clone").standardizedFileURL
        let (_, ws) = try SyncSupport.run { try SyncSetup.clone(url: url, into: target, binary: SyncSupport.binaryPath) }
        let data: DataDirectory
        do { data = try DataDirectory.locate() } catch { throw CLIError(ErrorText.line(error, Output.lang)) }
        let catalog = (try? CatalogLoader.load(data: data, workspace: ws).catalog) ?? Catalog()
        let store = CaseStore(workspace: ws, catalog: catalog)
        let n = (try? store.portfolio().summaries.count) ?? 0
        Output.line(SyncMessage.cloned(path: target.path, cases: n).text(Output.lang))
    }
}
