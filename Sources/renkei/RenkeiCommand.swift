import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiApp

/// `renkei` — with no subcommand it opens the interactive workbench; every subcommand is
/// scriptable (`--json` on listings, documented exit codes).
@main
struct Renkei: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "renkei",
        abstract: CommandHelp.abstract("連携 — a terminal workbench for public–private collaboration cases (官民連携).", Output.lang),
        discussion: CommandHelp.rootDiscussion(Output.lang),
        version: versionLine,
        subcommands: [
            OpenCommand.self,
            InitCommand.self,
            ListCommand.self,
            ShowCommand.self,
            HistoryCommand.self,
            NewCommand.self,
            AdvanceCommand.self,
            MoveCommand.self,
            TickCommand.self,
            SetCommand.self,
            PartnerGroupCommand.self,
            ContactCommand.self,
            MunicipalityCommand.self,
            GrantCommand.self,
            KPICommand.self,
            FundingCommand.self,
            BudgetLineCommand.self,
            NoteCommand.self,
            DeleteCommand.self,
            ArchiveCommand.self,
            UnarchiveCommand.self,
            UndoCommand.self,
            RedoCommand.self,
            ValidateCommand.self,
            QuarantineCommand.self,
            OverdueCommand.self,
            CalendarCommand.self,
            SnoozeCommand.self,
            NextActionCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            ICalCommand.self,
            SimilarCommand.self,
            JointCommand.self,
            FunnelCommand.self,
            SyncCommand.self,
            CloneCommand.self,
            ConflictsCommand.self,
            MergeDriverCommand.self,
            DevCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    ) }

    static let versionLine = "renkei \(BuildInfo.version) (commit \(BuildInfo.commit))"

    /// Custom entry point so exit codes follow the documented contract (usage errors are 2,
    /// not ArgumentParser's 64) and every failure is one readable line on stderr.
    static func main() {
        StartupTrace.markEntry()
        var arguments: [String] = []
        do {
            // The common read commands and --version skip ArgumentParser (start-up, issue 19).
            if let quick = QuickCommand.parse(Array(CommandLine.arguments.dropFirst())) {
                try FileDescriptorBudget.prepare()   // as below: before any file is opened
                try quick()
                // As below: `sync` may have changed cases.
                if let changed = AppContext.mutatingContext { CalendarFeed.refreshIfConfigured(changed) }
                return
            }
            switch CommandLineShape.reshape(Array(CommandLine.arguments.dropFirst()), root: Renkei.self) {
            case .arguments(let shaped): arguments = shaped
            case .unknownCommand(let word, let suggestion):
                throw CLIError(Message.unknownCommand(word, suggestion: suggestion).text(Output.lang), code: .usage)
            }
            var command = try parseAsRoot(arguments)
            // Before any file is opened (issue 18, finding 9: `ulimit -n 6` crashed `list`).
            try FileDescriptorBudget.prepare()
            try command.run()
            // A command that may have changed cases rewrites the subscribed calendar feed.
            if let changed = AppContext.mutatingContext { CalendarFeed.refreshIfConfigured(changed) }
        } catch let e as CLIError {
            Output.error(e.message)
            Foundation.exit(e.code.rawValue)
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                // One line in the reader's language, not the parser's English block (issue 14).
                let command = UsageError.command(in: arguments, root: Renkei.self)
                Output.error(UsageError.message(message(for: error)).line(Output.lang, command: command))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            let status = ExitStatus.of(error)
            // ErrorText: Foundation's coding errors would print the whole case (issue 18, finding 5).
            Output.error(ErrorText.line(error, Output.lang))
            Foundation.exit(status.rawValue)
        }
    }
}
