import Foundation
import RenkeiCore

/// The budget calendar a municipality's profile chose ("calendar" in
/// `<workspace>/municipalities/<code>.json`), keyed by the municipality names the cases use,
/// for `CaseStore.calendars(for:)` — the one deadline context — so the profile drives every
/// deadline of that municipality's cases.
enum ProfileCalendars {
    /// Name → calendar id for the names that resolve to exactly one body whose profile names a
    /// calendar. The code table is read only when some profile names a calendar, so workspaces
    /// without such profiles pay nothing at start-up. An ambiguous name (府中市 without its
    /// prefecture) gets no choice: never a guess.
    static func chosen(workspace: Workspace, data: DataDirectory, names: Set<String>) -> [String: String] {
        guard !names.isEmpty else { return [:] }
        let profiles = ProfileLoader.load(workspace).profiles.compactMapValues(\.calendar)
        guard !profiles.isEmpty, let table = try? MunicipalityTableLoader.load(data: data) else { return [:] }
        let resolver = MunicipalityResolver(table: table)
        var out: [String: String] = [:]
        for name in names {
            if case .resolved(let e) = resolver.resolve(name), let id = profiles[e.code] { out[name] = id }
        }
        return out
    }
}
