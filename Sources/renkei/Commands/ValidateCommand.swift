import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

struct ValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "validate",
        abstract: CommandHelp.abstract("Check the whole workspace and the guide catalog; one line per problem, non-zero exit if any.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        // `--json` keeps the English lines it always had for the catalog and the calendars (scripts
        // read them); the other problems were in the reader's language there already.
        var problems = ctx.catalogProblems(json ? .en : Output.lang)
        let p = try ctx.store.portfolio()
        problems += p.damaged.map { StoreMessage.damaged(path: $0.path, $0.reason).text(Output.lang) }
        // The workspace's calendars and funding windows are files renkei reads too: a bad one
        // is a problem here, not only a line under `overdue`.
        problems += ctx.store.calendars(for: p.summaries, data: ctx.data, today: ctx.today).loaded.problems.map { $0.text(json ? .en : Output.lang) }
        for id in p.readOnly.sorted() { problems.append(StoreMessage.caseReadOnly(caseId: id, version: nil, nothingImported: false).text(Output.lang)) }
        for s in p.summaries {
            var found: [RecordProblem] = []
            if s.stage.isEndState, ((try? ctx.store.load(s.id))?.value.stageReason ?? "").isEmpty {
                found.append(.endStateWithoutReason(caseId: s.id, stage: s.stage))
            }
            if let m = s.method, ctx.catalog.method(m) == nil { found.append(.unknownMethod(caseId: s.id, method: m)) }
            if let d = s.domain, !ctx.catalog.domains.isEmpty, ctx.catalog.domain(d) == nil { found.append(.unknownDomain(caseId: s.id, domain: d)) }
            problems += found.map { $0.text(Output.lang) }
        }
        // Municipalities (issue 16): a wrong code or a broken profile is a problem; a name
        // without a code is a notice (free text is allowed), listed so someone can link it.
        // Exact answers for these cases and profiles only: no typing index (the table's every row
        // is still checked for damage).
        let cases = MunicipalityWorld.readableCases(ctx)
        let profileFiles = ProfileLoader.load(ctx.workspace)
        let partnerFiles = PartnerLoader.load(ctx.workspace)
        let partnerNames = MunicipalPartnerLink.names(in: cases, records: partnerFiles.records).map { (name: $0, prefecture: String?.none) }
        let lookup = try MunicipalityWorld.exactLookup(ctx, names: cases.filter { $0.municipality.code == nil }.map { ($0.municipality.name, $0.municipality.prefecture) } + partnerNames,
                                                       codes: cases.compactMap(\.municipality.code) + profileFiles.profiles.flatMap { [$0.key, $0.value.code] }
                                                           + partnerFiles.records.compactMap(\.municipalityCode))
        let table = lookup.table
        // The shipped adjacency: insight reads it quietly (without it nothing is "neighbouring").
        do { _ = try MunicipalityTableLoader.adjacency(data: ctx.data) } catch { problems.append(ErrorText.line(error, Output.lang)) }
        problems += (profileFiles.problems + partnerFiles.problems).map { $0.text(Output.lang) }
        // Funding programmes (Data/funding, <workspace>/programmes): read by `grant` and the workbench.
        problems += ProgrammeLoader.load(data: ctx.data, workspace: ctx.workspace).problems.map { $0.text(Output.lang) }
        for (code, profile) in profileFiles.profiles.sorted(by: { $0.key < $1.key }) {
            problems += profile.problems(file: ctx.workspace.municipalitiesDir.appendingPathComponent("\(code).json").path,
                                         table: table, catalog: ctx.catalog).map { $0.text(Output.lang) }
        }
        var notices: [String] = [], partnerNotices: [String] = []
        for c in cases {
            switch MunicipalityLink.status(of: c.municipality, lookup) {
            case .linked: break
            case .resolvable(let e, _):
                notices.append(MunicipalityMessage.wouldLink(caseId: c.id, name: c.municipality.name, body: table.displayName(e), code: e.code).text(Output.lang))
            case .ambiguous(let list):
                notices.append(MunicipalityMessage.ambiguous(caseId: c.id, name: c.municipality.name,
                                                             candidates: list.map { "\(table.displayName($0)) \($0.code)" }).text(Output.lang))
            case .unresolved: notices.append(MunicipalityMessage.unresolved(caseId: c.id, name: c.municipality.name).text(Output.lang))
            case .unknownCode(let code): problems.append(MunicipalityMessage.unknownCode(caseId: c.id, code: code).text(Output.lang))
            }
            // Each municipal partner resolves the same way (its record's code, else its name);
            // one that does not is a notice of its own (a partner record settles it, not `resolve`).
            for partner in c.partners {
                switch MunicipalPartnerLink.status(of: partner, records: partnerFiles.records, lookup) {
                case nil, .recorded?, .resolved?: break
                case .ambiguous(let list)?:
                    partnerNotices.append(MunicipalityMessage.partnerAmbiguous(caseId: c.id, name: partner.name,
                                                                        candidates: list.map { "\(table.displayName($0)) \($0.code)" }).text(Output.lang))
                case .unresolved?: partnerNotices.append(MunicipalityMessage.partnerUnresolved(caseId: c.id, name: partner.name).text(Output.lang))
                case .unknownCode(let code)?: problems.append(MunicipalityMessage.partnerUnknownCode(caseId: c.id, name: partner.name, code: code).text(Output.lang))
                }
            }
        }
        if json {
            try Output.json(ValidateJSON(problems: problems, cases: p.summaries.count, unresolvedMunicipalities: notices,
                                         unresolvedMunicipalPartners: partnerNotices))
        }
        else {
            for line in problems { Output.line(line) }
            if !notices.isEmpty {
                Output.line("\(ML.unresolvedSection.text(Output.lang)) (\(notices.count)) — renkei municipality resolve:")
                for n in notices { Output.line("  " + n) }
            }
            if !partnerNotices.isEmpty {
                Output.line("\(ML.unresolvedPartnerSection.text(Output.lang)) (\(partnerNotices.count)):")
                for n in partnerNotices { Output.line("  " + n) }
            }
            if problems.isEmpty { Output.line(StatusMessage.validated(cases: p.summaries.count).text(Output.lang)) }
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.error.rawValue) }
    }
}

struct ValidateJSON: Encodable {
    var problems: [String]
    var cases: Int
    /// Cases whose municipality has no code yet (a notice, not a problem).
    var unresolvedMunicipalities: [String] = []
    /// Municipal partners (kind 自治体) that fit several bodies or none (a notice too).
    var unresolvedMunicipalPartners: [String] = []
}
