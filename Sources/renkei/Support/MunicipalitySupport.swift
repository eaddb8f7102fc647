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

    /// The table's raw rows: candidates for what was typed (`find`, the "did you mean" of a name
    /// that fits no body) come from them (`MunicipalityRows.typingLookup`), not from the typing
    /// index over the whole table (≈ 6 ms, issue 16's start-up budget is 5); a damaged table is
    /// the one line the loader gives.
    static func rows(_ ctx: AppContext) throws -> MunicipalityRows {
        do { return try MunicipalityTableLoader.rows(data: ctx.data) } catch { throw CLIError(ErrorText.line(error, Output.lang)) }
    }

    /// What the municipality and partner commands that answer about the cases load (`grant`,
    /// `partner show/list`, `municipality resolve`): every readable case, the profiles, and the
    /// table rows their municipalities (and `names`, `codes`) can be, resolved by a resolver over
    /// those rows — the same answers as the whole table's (the rows kept are a superset,
    /// `MunicipalityExactLookupTests`) without the ≈ 6 ms typing index. Never for `suggest`: it
    /// only knows those rows (candidates come from `rows`).
    static func loadExact(_ ctx: AppContext, names: (([Case]) -> [String])? = nil, codes extra: [String] = []) throws -> MunicipalityWorld {
        let cases = readableCases(ctx)
        let p = ProfileLoader.load(ctx.workspace)
        let lookup = try exactLookup(ctx, names: cases.filter { $0.municipality.code == nil }.map { ($0.municipality.name, $0.municipality.prefecture) }
                                         + (names?(cases) ?? []).map { ($0, String?.none) },
                                     codes: cases.compactMap(\.municipality.code) + Array(p.profiles.keys) + extra)
        return MunicipalityWorld(resolver: MunicipalityResolver(table: lookup.table), profiles: p.profiles,
                                 profileProblems: p.problems.map { $0.text(Output.lang) }, cases: cases)
    }

    /// `municipality show/list`: exact answers for the summaries' municipalities, the profiles'
    /// codes and `typed`, without the typing index (`show`'s error path that offers the nearest
    /// bodies builds the full one then). No cases are decoded.
    static func loadExact(_ ctx: AppContext, summaries: [CaseSummary], typed: String? = nil) throws -> MunicipalityWorld {
        let p = ProfileLoader.load(ctx.workspace)
        var names = summaries.filter { $0.municipalityCode == nil }.map { (name: $0.municipality, prefecture: $0.prefecture) }
        var codes = summaries.compactMap(\.municipalityCode) + Array(p.profiles.keys)
        if let typed {
            names.append((typed, nil))
            let t = TextNormalizer.nfkc(typed.trimmingCharacters(in: .whitespaces))
            if MunicipalityCode.isValid(t) { codes.append(t) }
        }
        let lookup = try exactLookup(ctx, names: names, codes: codes)
        return MunicipalityWorld(resolver: MunicipalityResolver(table: lookup.table), profiles: p.profiles,
                                 profileProblems: p.problems.map { $0.text(Output.lang) }, cases: [])
    }

    /// Every readable case, sorted by id (damaged files are warned about, not fatal).
    static func readableCases(_ ctx: AppContext) -> [Case] {
        var cases: [Case] = []
        for name in ctx.store.caseFileNames() {
            switch ctx.store.loadFile(name) {
            case .success(let doc): cases.append(doc.value)
            case .failure(let d): Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang))
            }
        }
        return cases.sorted { $0.id < $1.id }
    }

    /// Exact answers for these names and codes, without the typing index (`validate`, the
    /// `--municipality` filters); a damaged table is the one line `load` gives.
    static func exactLookup(_ ctx: AppContext, names: [(name: String, prefecture: String?)], codes: [String]) throws -> MunicipalityExactLookup {
        do { return try MunicipalityTableLoader.exactLookup(data: ctx.data, names: names, codes: codes) } catch { throw CLIError(ErrorText.line(error, Output.lang)) }
    }

    /// Every readable case's summary, sorted by id, from the index (damaged files are warned about).
    static func summaries(_ ctx: AppContext) throws -> [CaseSummary] {
        let p = try ctx.store.portfolio(PortfolioQuery(includeSearchText: false))
        for d in p.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang)) }
        return p.summaries.sorted { $0.id < $1.id }
    }

    /// 「狭山市（埼玉県） 112151」 for the bodies nearest to what was typed.
    static func offered(_ typed: String, _ rows: MunicipalityRows) -> [String] {
        let r = rows.typingLookup(for: [typed])
        return r.suggest(typed, limit: 5).map { "\(r.table.displayName($0)) \($0.code)" }
    }

    /// `near`: the bodies to offer when `typed` fits none — the only answer that needs the typing
    /// index, so a lookup made for `typed` builds it only on that error path.
    static func body(_ typed: String, _ lookup: some MunicipalityLookup, near: () throws -> [String]) throws -> MunicipalityEntry {
        let table = lookup.table
        let t = TextNormalizer.nfkc(typed.trimmingCharacters(in: .whitespaces))
        if MunicipalityCode.isValid(t) {
            guard let e = table.entry(code: t) else { throw CLIError(MunicipalityMessage.notFound(input: typed).text(Output.lang), code: .usage) }
            return e
        }
        switch lookup.resolve(typed, prefecture: nil) {
        case .resolved(let e): return e
        case .ambiguous(let list):
            throw CLIError(MunicipalityMessage.chooseOne(input: typed, candidates: list.map { "\(table.displayName($0)) \($0.code)" }).text(Output.lang), code: .usage)
        case .unresolved:
            let near = try near()
            var msg = MunicipalityMessage.notFound(input: typed).text(Output.lang)
            if !near.isEmpty { msg += ": " + WorkbenchMessage.list(near).text(Output.lang) }
            throw CLIError(msg, code: .usage)
        }
    }

    /// `--municipality X` of `list` and `ical`: the cases of the body X names (name, reading,
    /// romaji or code), by the code the index carries (or the name of a case not linked yet),
    /// so 「狭山市」「ｻﾔﾏ市」 and 112151 find the same cases. X that fits no body still finds
    /// free-text municipalities written the same way (NFKC); fitting nothing at all, or several
    /// bodies, is a usage error naming the candidates. Resolves exactly (X and the unlinked
    /// cases' names) without the typing index, which only the "not found, did you mean" line builds.
    static func filter(_ ctx: AppContext, _ typed: String, _ summaries: [CaseSummary]) throws -> [CaseSummary] {
        let t = TextNormalizer.nfkc(typed.trimmingCharacters(in: .whitespaces))
        var names: [(name: String, prefecture: String?)] = [(typed, nil)]
        var seen = Set<String>()
        for s in summaries where s.municipalityCode == nil && seen.insert(s.municipality + "\u{1F}" + (s.prefecture ?? "")).inserted {
            names.append((s.municipality, s.prefecture))
        }
        let lookup = try exactLookup(ctx, names: names, codes: MunicipalityCode.isValid(t) ? [t] : [])
        return try filter(typed, summaries, lookup) { offered(typed, try rows(ctx)) }
    }

    /// The cases of the body with this code (`municipality show`, once the body is known).
    func cases(code: String, _ summaries: [CaseSummary]) -> [CaseSummary] {
        let codes = MunicipalityMembership.codes(summaries, resolver)
        return summaries.filter { codes[$0.id] == code }
    }

    static func filter(_ typed: String, _ summaries: [CaseSummary], _ lookup: some MunicipalityLookup,
                       near: () throws -> [String]) throws -> [CaseSummary] {
        let t = TextNormalizer.nfkc(typed.trimmingCharacters(in: .whitespaces))
        if !MunicipalityCode.isValid(t), case .unresolved = lookup.resolve(typed, prefecture: nil) {
            let folded = TextNormalizer.fold(t)
            let same = summaries.filter { $0.municipalityCode == nil && TextNormalizer.fold($0.municipality) == folded }
            if !same.isEmpty { return same }
        }
        let code = try body(typed, lookup, near: near).code
        let codes = MunicipalityMembership.codes(summaries, lookup)
        return summaries.filter { codes[$0.id] == code }
    }

    /// Case id → the code of its municipality (stored, or resolved exactly from the name).
    func codes() -> [String: String] {
        var out: [String: String] = [:]
        for c in cases { if let code = MunicipalityMembership.code(of: c.municipality, resolver) { out[c.id] = code } }
        return out
    }
}
