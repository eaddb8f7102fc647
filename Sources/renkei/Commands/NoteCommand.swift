import ArgumentParser
import RenkeiCore

struct NoteCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "note", abstract: CommandHelp.abstract("Add a note (メモ) to a case.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "The note text.") var text: String

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        try ctx.apply(id, .addNote(text: text))
        Output.line(Message.noteAdded(caseId: id).text(Output.lang))
    }
}
