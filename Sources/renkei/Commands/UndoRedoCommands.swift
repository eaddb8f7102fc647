import ArgumentParser
import RenkeiCore

struct UndoCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "undo", abstract: CommandHelp.abstract("Undo the last command in this workspace (survives restarts).", Output.lang)) }
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let r = try ctx.store.undoRedo(.undo, actor: ctx.actor, now: ctx.now)
        Output.line(Message.undone(caseId: r.caseId, what: CommandSummary(label: r.label).text(Output.lang, names: ctx.names)).text(Output.lang))
        if let w = r.warning { Output.warn(w.text(Output.lang)) }
    }
}

struct RedoCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "redo", abstract: CommandHelp.abstract("Redo the last undone command.", Output.lang)) }
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let r = try ctx.store.undoRedo(.redo, actor: ctx.actor, now: ctx.now)
        Output.line(Message.redone(caseId: r.caseId, what: CommandSummary(label: r.label).text(Output.lang, names: ctx.names)).text(Output.lang))
        if let w = r.warning { Output.warn(w.text(Output.lang)) }
    }
}
