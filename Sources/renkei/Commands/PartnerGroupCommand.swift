import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei partner …` — `renkei partner ID NAME --kind …` still edits a case's partner list
/// (the default subcommand `edit`); `renkei partner show NAME` shows a partner as an
/// organisation with every case it takes part in across municipalities (issue 16).
struct PartnerGroupCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "partner",
        abstract: CommandHelp.abstract("Partners: edit a case's partner list (default), show a partner across cases, list partner records.", Output.lang),
        subcommands: [PartnerCommand.self, PartnerShowCommand.self, PartnerListCommand.self],
        defaultSubcommand: PartnerCommand.self) }
}

struct PartnerShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show",
        abstract: CommandHelp.abstract("One partner: its record (kind, 法人番号, people) and every case it is in, across municipalities.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Partner name or alias, as on the cases (株式会社TBM, TBM).") var name: String
    @Flag(help: "Machine-readable output.") var json = false

    struct Out: Encodable {
        struct Row: Encodable { var caseId: String; var title: String; var municipality: String; var municipalityCode: String?; var stage: String; var role: String? }
        var name: String, kind: String, corporateNumber: String?, municipalityCode: String?, record: Bool
        /// A municipal partner's body: recorded / resolved / ambiguous / unresolved / unknown-code
        /// (nil for other partners); `candidates` when ambiguous.
        var municipalityState: String?
        var municipalityCandidates: [String]?
        var people: [Contact]
        var notes: String?
        var cases: [Row]
    }

    func run() throws {
        let ctx = try AppContext.make(global)
        let partners = PartnerLoader.load(ctx.workspace)
        // Exact answers for the cases and this partner's body (its name, its record's code).
        let world = try MunicipalityWorld.loadExact(ctx, names: { [name] + [partners.record(named: name)?.name].compactMap { $0 }
                                                                + MunicipalPartnerLink.names(in: $0, records: partners.records) },
                                                    codes: partners.records.compactMap(\.municipalityCode))
        for p in partners.problems { Output.warn(p.text(Output.lang)) }
        let lang = Output.lang
        guard let o = PartnerOverview.make(name: name, records: partners.records, cases: world.cases, codes: world.codes(), table: world.table,
                                           lookup: world.resolver) else {
            throw CLIError(PartnerMessage.notFound(name).text(lang), code: .usage)
        }
        let record = o.record, involved = o.cases
        if json {
            try Output.json(Out(name: record.name, kind: record.kind.rawValue, corporateNumber: record.corporateNumber,
                                municipalityCode: o.body?.entry?.code ?? record.municipalityCode, record: o.hasRecord,
                                municipalityState: o.body.map(Self.state), municipalityCandidates: o.body.flatMap(Self.candidates),
                                people: record.people, notes: record.notes,
                                cases: involved.map { .init(caseId: $0.caseId, title: $0.title, municipality: $0.municipality,
                                                            municipalityCode: $0.municipalityCode, stage: $0.stage.rawValue, role: $0.role) }))
            return
        }
        var head = "\(record.name)  \(record.kind.label(lang))"
        if let n = record.corporateNumber { head += "  \(PartnerLabel.corporateNumber.text(lang)) \(n)" }
        Output.line(head)
        if let body = o.bodyCaption { Output.line("  \(Label.municipality.text(lang)): " + body.text(lang)) }
        if !record.aliases.isEmpty { Output.line("  \(PartnerLabel.aliases.text(lang)): " + record.aliases.joined(separator: ", ")) }
        for p in record.people { Output.line("  \(PartnerLabel.people.text(lang)): \(p.name)" + (p.role.map { "（\($0)）" } ?? "")) }
        if let n = record.notes, !n.isEmpty { Output.line("  \(ML.notes.text(lang)): \(TerminalText.inline(n))") }
        Output.line("")
        Output.line(PartnerMessage.caseCount(involved.count, municipalities: o.municipalityCount).text(lang))
        Output.table(header: [Label.colId.text(lang), ML.municipalities.text(lang), Label.colStage.text(lang), Label.colTitle.text(lang)],
                     rows: involved.map { [$0.caseId, $0.municipality, $0.stage.label(lang), TerminalText.inline($0.title)] },
                     maxWidths: [34, 24, 14, 50])
    }

    static func state(_ s: MunicipalPartnerLink.Status) -> String {
        switch s {
        case .recorded: return "recorded"
        case .resolved: return "resolved"
        case .ambiguous: return "ambiguous"
        case .unresolved: return "unresolved"
        case .unknownCode: return "unknown-code"
        }
    }
    static func candidates(_ s: MunicipalPartnerLink.Status) -> [String]? {
        if case .ambiguous(let list) = s { return list.map(\.code) } else { return nil }
    }
}

struct PartnerListCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list",
        abstract: CommandHelp.abstract("Partner records (<workspace>/partners) with how many cases and municipalities each is in.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable output.") var json = false

    struct Row: Encodable { var name: String; var kind: String; var corporateNumber: String?; var cases: Int; var municipalities: Int }

    func run() throws {
        let ctx = try AppContext.make(global)
        let world = try MunicipalityWorld.loadExact(ctx)
        let partners = PartnerLoader.load(ctx.workspace)
        for p in partners.problems { Output.warn(p.text(Output.lang)) }
        let codes = world.codes()
        let rows = partners.records.map { r -> Row in
            let inv = PartnerInvolvement.of(r, in: world.cases, codes: codes)
            return Row(name: r.name, kind: r.kind.rawValue, corporateNumber: r.corporateNumber, cases: inv.count,
                       municipalities: Set(inv.map { $0.municipalityCode ?? $0.municipality }).count)
        }
        if json { try Output.json(rows); return }
        let lang = Output.lang
        Output.table(header: [PartnerLabel.partner.text(lang), Label.partnerKind.text(lang), PartnerLabel.corporateNumber.text(lang),
                              ML.cases.text(lang), ML.municipalities.text(lang)],
                     rows: rows.map { [$0.name, PartnerKind(rawValue: $0.kind)!.label(lang), $0.corporateNumber ?? Label.none.text(lang),
                                       String($0.cases), String($0.municipalities)] },
                     maxWidths: [30, 16, 13, 5, 5])
    }
}
