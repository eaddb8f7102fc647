/// The funding programmes in play (`Data/funding/*.json` and the workspace's `programmes/`) with
/// the funding windows their links may go through — what the workbench needs to show a case's
/// grant criteria and obligations as checklist items (issue 16).
public struct GrantRules: Equatable, Sendable {
    public var programmes: [FundingProgramme]
    public var windows: [FundingWindow]

    public init(programmes: [FundingProgramme] = [], windows: [FundingWindow] = []) {
        self.programmes = programmes; self.windows = windows
    }

    /// The programmes `c` relies on: one of its funding sources is the programme (by name, or
    /// through a linked window of that programme). Same rule as `GrantCheck.checks`.
    public func relied(by c: Case) -> [FundingProgramme] {
        programmes.filter { p in c.budget.funding.contains { p.covers($0, windows: windows) } }
    }

    /// What the checklist shows for `c`: its stage's items from the guide, then the criteria and
    /// obligations of each programme it relies on (grouped under the programme's name, with the
    /// deck's section as the page). Gates read only the stage's items.
    public func checklistItems(_ c: Case, catalog: Catalog) -> [CatalogItem] {
        catalog.items(for: c.stage, exit: c.exit, method: c.method) + relied(by: c).flatMap(\.checklistItems)
    }

    /// Every programme's items, for the catalog that labels and validates ticks.
    public var items: [CatalogItem] { programmes.flatMap(\.checklistItems) }

    /// Case id → funding window ids with, for each case relying on a programme (by a funding
    /// source's name), that programme's windows for the case's fiscal year — so its application
    /// deadline is in the overdue review without the case linking the window (issue 16).
    public static func links(_ summaries: [CaseSummary], windows: [FundingWindow], programmes: [FundingProgramme],
                             adding links: [String: [String]]) -> [String: [String]] {
        let used = programmes.filter { p in windows.contains { $0.program == p.id } }
        guard !used.isEmpty else { return links }
        var out = links
        for s in summaries where !s.fundingSources.isEmpty {
            for p in used where s.fundingSources.contains(where: p.matches(sourceName:)) {
                for w in p.windows(in: windows, fiscalYear: s.fiscalYear) where !(out[s.id] ?? []).contains(w.id) {
                    out[s.id, default: []].append(w.id)
                }
            }
        }
        return out
    }
}
