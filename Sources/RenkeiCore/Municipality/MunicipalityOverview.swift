/// One municipality as `renkei municipality show` and the TUI present it: the body from the
/// table, its profile, its cases by stage, its next deadlines, its readiness. Pure: built from
/// what the caller loaded.
public struct MunicipalityOverview: Equatable, Sendable {
    public var entry: MunicipalityEntry
    public var displayName: String
    public var prefecture: String
    public var profile: MunicipalityProfile?
    /// The profile's size class, else the default of the kind of body.
    public var size: SizeClass
    public var sizeFromProfile: Bool
    public var casesByStage: [(stage: Stage, cases: [CaseSummary])]
    /// Not snoozed, soonest first (missed ones first of all).
    public var deadlines: [DeadlineItem]
    public var readiness: ReadinessSummary

    public static func == (a: Self, b: Self) -> Bool {
        a.entry == b.entry && a.profile == b.profile && a.size == b.size && a.deadlines == b.deadlines
            && a.readiness == b.readiness && a.casesByStage.map(\.stage) == b.casesByStage.map(\.stage)
            && a.casesByStage.map { $0.cases.map(\.id) } == b.casesByStage.map { $0.cases.map(\.id) }
    }

    /// - Parameters:
    ///   - cases: the municipality's cases (the caller matched them by code).
    ///   - deadlines: every deadline item of those cases (`DeadlineEngine.items`).
    public init(entry: MunicipalityEntry, table: MunicipalityTable, profile: MunicipalityProfile?, cases: [CaseSummary],
                deadlines: [DeadlineItem], catalog: Catalog, deadlineLimit: Int = 5) {
        self.entry = entry
        displayName = table.displayName(entry)
        prefecture = table.prefectureName(of: entry.code) ?? ""
        self.profile = profile
        size = MunicipalityProfile.sizeClass(of: entry.kind, profile: profile)
        sizeFromProfile = profile?.size != nil
        var groups: [(stage: Stage, cases: [CaseSummary])] = []
        for st in Stage.allCases {
            let list = cases.filter { $0.stage == st }.sorted { $0.id < $1.id }
            if !list.isEmpty { groups.append((st, list)) }
        }
        casesByStage = groups
        self.deadlines = Array(deadlines.filter { !$0.snoozed }
            .sorted { ($0.due, $0.caseId, $0.milestoneId) < ($1.due, $1.caseId, $1.milestoneId) }.prefix(deadlineLimit))
        readiness = ReadinessSummary(profile: profile, items: catalog.readinessItems)
    }
}

/// Which cases belong to a municipality: by the stored code, and — for a case without one —
/// by its name resolving to exactly that body (so an unmigrated workspace still shows them).
public enum MunicipalityMembership {
    public static func code(of m: Municipality, _ r: some MunicipalityLookup) -> String? {
        if let c = m.code { return c }
        if case .resolved(let e) = r.resolve(m.name, prefecture: m.prefecture) { return e.code }
        return nil
    }

    /// Case id → code for summaries (the index carries a linked case's code, so no case file is
    /// read); a summary without one is resolved from its name, once per distinct name.
    public static func codes(_ summaries: [CaseSummary], _ r: some MunicipalityLookup) -> [String: String] {
        var out: [String: String] = [:]
        var byName: [String: String?] = [:]
        for s in summaries {
            if let c = s.municipalityCode { out[s.id] = c; continue }
            let key = s.municipality + "\u{1F}" + (s.prefecture ?? "")
            let code: String?
            if let known = byName[key] { code = known } else {
                if case .resolved(let e) = r.resolve(s.municipality, prefecture: s.prefecture) { code = e.code } else { code = nil }
                byName[key] = code
            }
            if let code { out[s.id] = code }
        }
        return out
    }
}
