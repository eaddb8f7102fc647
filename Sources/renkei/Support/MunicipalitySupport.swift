import Foundation
import RenkeiCore
import RenkeiStore

typealias ML = MunicipalityLabel

/// What the municipality and partner commands load: the table (only these commands pay for
/// it), the profiles, and every case with the code it belongs to.
struct MunicipalityWorld {
    let resolver: MunicipalityResolver
    var table: MunicipalityTable { resolver.table }
    let profiles: [String: MunicipalityProfile]
    let profileProblems: [String]
    /// Every readable case (damaged files are warned about, not fatal).
    let cases: [Case]

    static func load(_ ctx: AppContext, cases wantCases: Bool = true) throws -> MunicipalityWorld {
        let table: MunicipalityTable
        do { table = try MunicipalityTableLoader.load(data: ctx.data) } catch { throw CLIError(ErrorText.line(error, Output.lang)) }
        let p = ProfileLoader.load(ctx.workspace)
        var cases: [Case] = []
        if wantCases {
            for name in ctx.store.caseFileNames() {
                switch ctx.store.loadFile(name) {
                case .success(let doc): cases.append(doc.value)
                case .failure(let d): Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang))
                }
            }
        }
        return MunicipalityWorld(resolver: MunicipalityResolver(table: table), profiles: p.profiles,
                                 profileProblems: p.problems, cases: cases.sorted { $0.id < $1.id })
    }

    /// Every readable case's summary, sorted by id, from the index (damaged files are warned about).
    static func summaries(_ ctx: AppContext) throws -> [CaseSummary] {
        let p = try ctx.store.portfolio(PortfolioQuery(includeSearchText: false))
        for d in p.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang)) }
        return p.summaries.sorted { $0.id < $1.id }
    }

    /// The body a person typed (name, reading, romaji or code), or a usage error listing the
    /// candidates when it fits several.
    func body(_ typed: String) throws -> MunicipalityEntry {
        let t = TextNormalizer.nfkc(typed.trimmingCharacters(in: .whitespaces))
        if MunicipalityCode.isValid(t) {
            guard let e = table.entry(code: t) else { throw CLIError(MunicipalityMessage.notFound(input: typed).text(Output.lang), code: .usage) }
            return e
        }
        switch resolver.resolve(typed) {
        case .resolved(let e): return e
        case .ambiguous(let list):
            throw CLIError(MunicipalityMessage.chooseOne(input: typed, candidates: list.map { "\(table.displayName($0)) \($0.code)" }).text(Output.lang), code: .usage)
        case .unresolved:
            let near = resolver.suggest(typed, limit: 5).map { "\(table.displayName($0)) \($0.code)" }
            var msg = MunicipalityMessage.notFound(input: typed).text(Output.lang)
            if !near.isEmpty { msg += ": " + WorkbenchMessage.list(near).text(Output.lang) }
            throw CLIError(msg, code: .usage)
        }
    }

    /// `--municipality X` of `list` and `ical`: the cases of the body X names (name, reading,
    /// romaji or code), by the code the index carries (or the name of a case not linked yet),
    /// so 「狭山市」「ｻﾔﾏ市」 and 112151 find the same cases. X that fits no body still finds
    /// free-text municipalities written the same way (NFKC); fitting nothing at all, or several
    /// bodies, is a usage error naming the candidates.
    func filter(_ typed: String, _ summaries: [CaseSummary]) throws -> [CaseSummary] {
        let t = TextNormalizer.nfkc(typed.trimmingCharacters(in: .whitespaces))
        if !MunicipalityCode.isValid(t), case .unresolved = resolver.resolve(typed) {
            let folded = TextNormalizer.fold(t)
            let same = summaries.filter { $0.municipalityCode == nil && TextNormalizer.fold($0.municipality) == folded }
            if !same.isEmpty { return same }
        }
        let code = try body(typed).code
        let codes = MunicipalityMembership.codes(summaries, resolver)
        return summaries.filter { codes[$0.id] == code }
    }

    /// Case id → the code of its municipality (stored, or resolved exactly from the name).
    func codes() -> [String: String] {
        var out: [String: String] = [:]
        for c in cases { if let code = MunicipalityMembership.code(of: c.municipality, resolver) { out[c.id] = code } }
        return out
    }
}
