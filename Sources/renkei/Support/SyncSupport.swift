import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiSync

/// What the sync commands share: the running binary (registered as git's merge driver) and
/// failures as one line with the contract's exit code.
enum SyncSupport {
    /// Absolute path of this executable, so plain `git merge` finds the driver from anywhere.
    static var binaryPath: String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        let arg = CommandLine.arguments[0]
        return arg.hasPrefix("/") ? arg : FileManager.default.currentDirectoryPath + "/" + arg
    }

    static func cliError(_ e: SyncError) -> CLIError {
        CLIError(e.message.text(Output.lang), code: ExitStatus(rawValue: e.exitCode) ?? .error)
    }

    /// Runs `body`, turning a sync failure into its one line.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as SyncError { throw cliError(e) }
    }

    static func engine(_ ctx: AppContext) throws -> SyncEngine {
        let store = ctx.store
        return try run { try SyncEngine(workspace: ctx.workspace, loadCatalog: { store.catalog }, actor: ctx.actor, now: ctx.now, binary: binaryPath) }
    }

    /// The report: notices first (one line each), then the one result line; a sync that could
    /// not reach the remote says so and exits 1 (the changes are safe here).
    static func print(_ report: SyncReport) throws {
        for n in report.notices { Output.warn(n.text(Output.lang)) }
        if let offline = report.offline {
            Output.line(report.line.text(Output.lang))
            throw CLIError(SyncMessage.committedOffline(reason: offline.message.text(Output.lang)).text(Output.lang), code: .error)
        }
        Output.line(report.line.text(Output.lang))
    }
}
