import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei next-action ID TEXT --due DATE` — set the case's next action and its due date
/// (overdue in the review once past). An empty TEXT with no --due clears it.
struct NextActionCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "next-action",
        abstract: CommandHelp.abstract("Set a case's next action and its due date (shown as overdue once past).", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "What to do next, e.g. 「財政課へ下見積もりを共有」.") var text: String
    @Option(help: "Due day, YYYY-MM-DD.") var due: String?

    func run() throws {
        let dueValue: JSONValue
        do {
            dueValue = try due.map { try CaseFields.parse("nextAction.due", $0) } ?? .null
            _ = try CaseFields.parse("nextAction.text", text)
        } catch { throw CLIError("\(id): " + ErrorText.line(error, Output.lang), code: .usage) }
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        let lang = Output.lang
        let current = try ctx.load(id).value
        let textValue = try CaseFields.parse("nextAction.text", text)
        // One command (one event, one undo). Due first, so that clearing both leaves no empty
        // next action behind; without --due an existing due day is kept.
        var assignments: [FieldAssignment] = []
        if CaseFields.get(current, "nextAction.due") != dueValue && !(due == nil && !text.isEmpty) {
            assignments.append(FieldAssignment("nextAction.due", dueValue))
        }
        if CaseFields.get(current, "nextAction.text") != textValue || !assignments.isEmpty {
            assignments.append(FieldAssignment("nextAction.text", textValue))
        }
        var changed = false
        if !assignments.isEmpty {
            do {
                try ctx.apply(id, .setFields(assignments))
                changed = true
            } catch CommandError.noChange { changed = false }
        }
        if !changed { Output.line(Message.nextActionUnchanged(caseId: id).text(lang)); return }
        let c = try ctx.load(id).value
        if let na = c.nextAction {
            let status = na.due.map { d in "  \(d) " + DeadlineText.status(daysOverdue: d.days(until: ctx.today), lang) } ?? ""
            Output.line(Message.nextActionSet(caseId: id, text: na.text + status).text(lang))
        } else {
            Output.line(Message.nextActionCleared(caseId: id).text(lang))
        }
    }
}
