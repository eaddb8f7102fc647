import ArgumentParser
import RenkeiCore

struct TickCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "tick", abstract: CommandHelp.abstract("Tick (or with --off untick) a guide checklist item.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Checklist item id (see 'renkei show ID').") var item: String
    @Flag(help: "Untick instead.") var off = false

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        try ctx.apply(id, off ? .untick(item: item) : .tick(item: item))
        let name = ctx.names.itemName(item, Output.lang)
        Output.line((off ? Message.unticked(caseId: id, item: name) : Message.ticked(caseId: id, item: name)).text(Output.lang))
    }
}
