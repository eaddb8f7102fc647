import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei municipality …` — municipalities as records (issue 16): look a body up in the table
/// of 全国地方公共団体コード, link cases to codes, show one municipality, list them.
struct MunicipalityCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "municipality",
        abstract: CommandHelp.abstract("Municipalities as records: find a code, link cases to codes, show one, list them.", Output.lang),
        subcommands: [MunicipalityShowCommand.self, MunicipalityListCommand.self, MunicipalityFindCommand.self,
                      MunicipalityResolveCommand.self]) }
}

/// `renkei municipality find 狭山` — the candidates as they would be offered while typing.
struct MunicipalityFindCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "find",
        abstract: CommandHelp.abstract("Candidates for a name, reading or romaji (狭山, さやま, ｻﾔﾏ, sayama), best first.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What you would type.") var text: String
    @Option(help: "At most this many candidates.") var limit = 10
    @Flag(help: "Machine-readable output.") var json = false

    struct Row: Encodable { var code: String; var name: String; var prefecture: String; var kind: String; var kana: String; var romaji: String }

    func run() throws {
        try OptionValue.check(limit, "--limit", 1...Int.max, command: "municipality find")
        let ctx = try AppContext.make(global)
        // The rows `text` can offer, not the typing index over the whole table (start-up, issue 16).
        let lookup = try MunicipalityWorld.rows(ctx).typingLookup(for: [text])
        let table = lookup.table
        let lang = Output.lang
        let found = lookup.suggest(text, limit: limit)
        let rows = found.map { Row(code: $0.code, name: table.fullName($0), prefecture: table.prefectureName(of: $0.code) ?? "",
                                   kind: $0.kind.rawValue, kana: $0.kana, romaji: $0.romaji) }
        if json { try Output.json(rows); return }
        if rows.isEmpty { throw CLIError(MunicipalityMessage.notFound(input: text).text(lang)) }
        Output.table(header: [ML.code.text(lang), ML.municipalities.text(lang), ML.kind.text(lang), ML.reading.text(lang), ML.romaji.text(lang)],
                     rows: zip(found, rows).map { e, r in [r.code, table.displayName(e), e.kind.label(lang), r.kana, r.romaji] },
                     maxWidths: [6, 30, 14, 20, 20])
    }
}

/// `renkei municipality resolve [--dry-run]` — the migration of existing workspaces: every case
/// whose municipality name fits exactly one body gets its code (one undoable event each);
/// names that fit several bodies are listed with the candidates and never guessed.
struct MunicipalityResolveCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "resolve",
        abstract: CommandHelp.abstract("Link every case's municipality to its code where the name fits exactly one body; list the rest.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Show what would be linked; change nothing.") var dryRun = false
    @Flag(help: "Machine-readable output.") var json = false

    struct Out: Encodable {
        struct Row: Encodable { var caseId: String; var name: String; var status: String; var code: String?; var candidates: [String] }
        var rows: [Row]
        var linked: Int, ambiguous: Int, unresolved: Int, already: Int
    }

    func run() throws {
        let ctx = try AppContext.make(global, mutating: !dryRun)
        // Exact answers only (a name that fits several bodies is listed, never guessed): the rows
        // the cases' names and codes can be, not the typing index (start-up, issue 16).
        let world = try MunicipalityWorld.loadExact(ctx)
        let lang = Output.lang
        var rows: [Out.Row] = []
        var linked = 0, ambiguous = 0, unresolved = 0, already = 0
        var lines: [String] = []
        for c in world.cases {
            let name = c.municipality.name
            switch MunicipalityLink.status(of: c.municipality, world.resolver) {
            case .linked:
                already += 1
            case .resolvable(let e, let assignments):
                let body = world.table.displayName(e)
                if !dryRun { try ctx.apply(c.id, .setFields(assignments)) }
                linked += 1
                rows.append(.init(caseId: c.id, name: name, status: "linked", code: e.code, candidates: []))
                lines.append((dryRun ? MunicipalityMessage.wouldLink(caseId: c.id, name: name, body: body, code: e.code)
                                     : .linked(caseId: c.id, name: name, body: body, code: e.code)).text(lang))
            case .ambiguous(let list):
                ambiguous += 1
                let cs = list.map { "\(world.table.displayName($0)) \($0.code)" }
                rows.append(.init(caseId: c.id, name: name, status: "ambiguous", code: nil, candidates: list.map(\.code)))
                lines.append(MunicipalityMessage.ambiguous(caseId: c.id, name: name, candidates: cs).text(lang))
            case .unresolved:
                unresolved += 1
                rows.append(.init(caseId: c.id, name: name, status: "unresolved", code: nil, candidates: []))
                lines.append(MunicipalityMessage.unresolved(caseId: c.id, name: name).text(lang))
            case .unknownCode(let code):
                unresolved += 1
                rows.append(.init(caseId: c.id, name: name, status: "unknown-code", code: code, candidates: []))
                lines.append(MunicipalityMessage.unknownCode(caseId: c.id, code: code).text(lang))
            }
        }
        if json {
            try Output.json(Out(rows: rows, linked: linked, ambiguous: ambiguous, unresolved: unresolved, already: already))
        } else {
            for l in lines { Output.line(l) }
            Output.line(MunicipalityMessage.summary(linked: linked, ambiguous: ambiguous, unresolved: unresolved, already: already).text(lang))
        }
    }
}
