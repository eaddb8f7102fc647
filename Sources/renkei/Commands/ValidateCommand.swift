import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate",
        abstract: "Check the whole workspace and the guide catalog; one line per problem, non-zero exit if any.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        var problems = ctx.catalogProblems
        let p = try ctx.store.portfolio()
        problems += p.damaged.map { "\($0.path): \($0.reason)" }
        // The workspace's calendars and funding windows are files renkei reads too: a bad one
        // is a problem here, not only a line under `overdue`.
        problems += ctx.store.calendars(for: p.summaries, data: ctx.data, today: ctx.today).loaded.problems.map(\.description)
        for id in p.readOnly.sorted() { problems.append("\(id): written by a newer renkei; read-only here") }
        for s in p.summaries {
            if s.stage.isEndState, ((try? ctx.store.load(s.id))?.value.stageReason ?? "").isEmpty {
                problems.append("\(s.id): end state \(s.stage.rawValue) has no reason (stageReason)")
            }
            if let m = s.method, ctx.catalog.method(m) == nil { problems.append("\(s.id): unknown method '\(m)'") }
            if let d = s.domain, !ctx.catalog.domains.isEmpty, ctx.catalog.domain(d) == nil { problems.append("\(s.id): unknown domain '\(d)'") }
        }
        if json { try Output.json(ValidateJSON(problems: problems, cases: p.summaries.count)) }
        else {
            for line in problems { Output.line(line) }
            if problems.isEmpty { Output.line("ok: \(p.summaries.count) cases, catalog valid") }
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.error.rawValue) }
    }
}

struct ValidateJSON: Encodable {
    var problems: [String]
    var cases: Int
}
