import Foundation
import RenkeiCore

/// Gives the insight features (共同調達, similar cases) their municipality's code, so groups
/// compare bodies, not spellings (「狭山市」 and 「狭山市（埼玉県）」 are one body; 府中市 in 東京都
/// and in 広島県 are two), and a size class where the case has none: the profile's, else the
/// default of the kind of body. A linked case keeps its own code (from the index); only the
/// others are resolved by name, and names that fit no body or several keep no code (never a guess).
public enum InsightCodes {
    public static func link(_ features: inout [InsightFeatures], data: DataDirectory, workspace: Workspace) {
        guard !features.isEmpty else { return }
        // Exact answers for these codes and names only (no typing index): the rows they can need.
        var names: [(name: String, prefecture: String?)] = [], seen = Set<String>()
        for f in features where f.municipalityCode == nil && seen.insert(f.municipality + "\u{1F}" + (f.prefecture ?? "")).inserted {
            names.append((f.municipality, f.prefecture))
        }
        guard let resolver = try? MunicipalityTableLoader.exactLookup(data: data, names: names, codes: Array(Set(features.compactMap(\.municipalityCode))))
        else { return }
        let table = resolver.table
        let profiles = ProfileLoader.load(workspace).profiles
        var memo: [String: MunicipalityEntry?] = [:]
        for i in features.indices {
            let f = features[i]
            let key = f.municipalityCode ?? (f.municipality + "\u{1F}" + (f.prefecture ?? ""))
            let entry: MunicipalityEntry?
            if let m = memo[key] { entry = m } else if let code = f.municipalityCode {
                entry = table.entry(code: code)   // a code the table lacks: validate reports it
                memo[key] = entry
            } else {
                if case .resolved(let e) = resolver.resolve(f.municipality, prefecture: f.prefecture) { entry = e } else { entry = nil }
                memo[key] = entry
            }
            guard let e = entry else { continue }   // a stored code the table lacks stays as it is
            features[i].municipalityCode = e.code
            if features[i].prefecture == nil { features[i].prefecture = table.prefectureName(of: e.code) }
            if features[i].size == nil { features[i].size = MunicipalityProfile.sizeClass(of: e.kind, profile: profiles[e.code]) }
        }
    }
}
