import ArgumentParser
import RenkeiCore

/// `renkei delete ID` — moves a case to trash/ (never removes it); `renkei undo` brings it back.
/// The workbench's 削除 does the same through `CaseStore.trash`.
struct DeleteCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "delete",
        abstract: CommandHelp.abstract("Move a case to trash/ (undo with 'renkei undo').", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        if let warning = try ctx.store.trash(id, actor: ctx.actor, now: ctx.now) { Output.warn(warning.text(Output.lang)) }
        Output.line(StatusMessage.trashed(caseId: id).text(Output.lang))
    }
}
