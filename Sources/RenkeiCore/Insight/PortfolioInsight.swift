/// Everything Insight offers over one portfolio, built once (e.g. when the TUI loads or
/// reloads the workspace) and then queried per screen:
///
/// ```swift
/// let insight = PortfolioInsight(features, catalog: catalog, calendar: .engine(deadlineContext, summaries: byId), today: today)
/// insight.similar(to: caseId, limit: 5)            // 類似事例 pane → SimilarResult (lines(lang:width:))
/// insight.joint()                                  // 共同調達 view → JointProcurementReport (lines(lang:width:))
/// insight.funnel(FunnelFilter(exit: .procurement)) // dashboard → FunnelReport (lines(width:lang:), …BarLines)
/// ```
///
/// All three are pure and fast over 10,000 cases (Benchmarks/insight.md): a lookup ~5 ms, the
/// funnel ~11 ms, joint groups ~7 ms (CPU time, release). Lessons ("what the other case learned")
/// need the full case files of the few matches shown: `SimilarCaseFinder.attachLessons`.
public struct PortfolioInsight: Sendable {
    public let features: [InsightFeatures]
    public let finder: SimilarCaseFinder
    public let calendar: InsightCalendar
    public let catalog: Catalog?
    public let today: Day
    /// Which bodies share a boundary (similar cases and joint groups say "neighbouring").
    public let adjacency: MunicipalityAdjacency?

    public init(_ features: [InsightFeatures], catalog: Catalog?, calendar: InsightCalendar, today: Day,
                weights: SimilarityWeights = .default, adjacency: MunicipalityAdjacency? = nil) {
        self.features = features
        self.adjacency = adjacency
        self.finder = SimilarCaseFinder(features, catalog: catalog, weights: weights, adjacency: adjacency)
        self.calendar = calendar
        self.catalog = catalog
        self.today = today
    }

    /// nil when `id` is not in the portfolio.
    public func similar(to id: String, limit: Int = 5, queryText: [String]? = nil) -> SimilarResult? {
        finder.similar(to: id, limit: limit, queryText: queryText)
    }

    public func joint() -> JointProcurementReport {
        JointProcurementFinder.find(features, today: today, calendar: calendar, catalog: catalog, adjacency: adjacency)
    }

    public func funnel(_ filter: FunnelFilter = FunnelFilter()) -> FunnelReport {
        FunnelReport.build(features, filter: filter, today: today, calendar: calendar)
    }

    /// Distinct values for the dashboard's filter pickers.
    public var municipalities: [String] { Array(Set(features.map(\.municipality))).sorted() }
    public var fiscalYears: [Int] { Array(Set(features.compactMap(\.fiscalYear))).sorted() }
}
