import Foundation
import RenkeiCore

/// The budget calendars municipality profiles chose ("calendar" in
/// `<workspace>/municipalities/<code>.json`), for `CaseStore.calendars(for:)` — the one
/// deadline context — so the profile drives every deadline of that body's cases.
enum ProfileCalendars {
    struct Choice {
        /// Code → calendar id: what a linked case (one with a code) uses, whatever it is called.
        var byCode: [String: String] = [:]
        /// Name → calendar id for cases not linked yet.
        var byName: [String: String] = [:]
    }

    /// `unlinkedNames`: the names written by cases without a code. Each gets a choice only when
    /// it resolves to exactly one body whose profile names a calendar; an ambiguous name (府中市
    /// without its prefecture) gets none — never a guess. The code table is read only when some
    /// profile names a calendar and some case is unlinked, so linked workspaces pay nothing for it.
    static func chosen(workspace: Workspace, data: DataDirectory, unlinkedNames names: Set<String>) -> Choice {
        let profiles = ProfileLoader.load(workspace).profiles.compactMapValues(\.calendar)
        guard !profiles.isEmpty else { return Choice() }
        var out = Choice(byCode: profiles)
        // Exact answers for these names only: `overdue` builds no typing index.
        guard !names.isEmpty, let lookup = try? MunicipalityTableLoader.exactLookup(data: data, names: names.map { ($0, nil) }, codes: []) else { return out }
        for name in names {
            if case .resolved(let e) = lookup.resolve(name), let id = profiles[e.code] { out.byName[name] = id }
        }
        return out
    }
}
