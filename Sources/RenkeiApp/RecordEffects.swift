import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTUI

/// The municipality and partner views' data (issue 16), built from the summaries the workbench
/// already holds: a municipality's cases by the code the summaries carry (no case file read),
/// a partner's by reading only that partner's case files, so opening a view does not decode the
/// whole portfolio.
extension StoreEffects {
    func municipalityView(name: String, prefecture: String?, code: String?, summaries: [CaseSummary], lang: Lang) -> Msg {
        let resolver: MunicipalityResolver
        do { resolver = MunicipalityResolver(table: try MunicipalityTableLoader.load(data: environment.data)) } catch {
            return .failed(TerminalText.inline(ErrorText.line(error, lang)))
        }
        let table = resolver.table
        let entry: MunicipalityEntry
        if let code, let e = table.entry(code: code) {
            entry = e
        } else {
            switch resolver.resolve(name, prefecture: prefecture) {
            case .resolved(let e): entry = e
            case .ambiguous(let list):
                return .failed(MunicipalityMessage.chooseOne(input: name, candidates: list.map { "\(table.displayName($0)) \($0.code)" }).text(lang))
            case .unresolved:
                return .failed(MunicipalityMessage.notFound(input: name).text(lang))
            }
        }
        // The summaries carry each linked case's code; a case not linked yet counts by its name.
        let codes = MunicipalityMembership.codes(summaries, resolver)
        let members = summaries.filter { codes[$0.id] == entry.code }
        let profiles = ProfileLoader.load(environment.workspace)
        let context = store.calendars(for: members, data: environment.data, today: environment.today).context
        let deadlines = members.flatMap { DeadlineEngine.items(for: $0, context: context) }
        return .municipalityLoaded(MunicipalityOverview(entry: entry, table: table, profile: profiles.profiles[entry.code],
                                                        cases: members, deadlines: deadlines, catalog: environment.catalog))
    }

    func partnerView(name: String, summaries: [CaseSummary], lang: Lang) -> Msg {
        let records = PartnerLoader.load(environment.workspace).records
        let probe = records.first { $0.matches(name) } ?? PartnerRecord(name: name)
        let cases = summaries.filter { $0.partners.contains(where: probe.matches) }.compactMap { try? store.load($0.id).value }
        let resolver = (try? MunicipalityTableLoader.load(data: environment.data)).map(MunicipalityResolver.init(table:))
        var codes: [String: String] = [:]
        if let resolver {
            for c in cases { codes[c.id] = MunicipalityMembership.code(of: c.municipality, resolver) }
        }
        guard let o = PartnerOverview.make(name: name, records: records, cases: cases, codes: codes, table: resolver?.table, lookup: resolver) else {
            return .failed(PartnerMessage.notFound(name).text(lang))
        }
        return .partnerLoaded(o)
    }
}
