/// Which cases a funnel covers. All nil = the whole portfolio.
public struct FunnelFilter: Codable, Equatable, Sendable {
    /// Municipality name; compared after NFKC folding (「さいたま市」 = 「さいたま市 」).
    public var municipality: String?
    public var exit: Exit?
    /// Target fiscal year (budget.fiscalYear), as in `renkei list`.
    public var fiscalYear: Int?
    public init(municipality: String? = nil, exit: Exit? = nil, fiscalYear: Int? = nil) {
        self.municipality = municipality; self.exit = exit; self.fiscalYear = fiscalYear
    }
    public var isEmpty: Bool { municipality == nil && exit == nil && fiscalYear == nil }

    public func matches(_ f: InsightFeatures) -> Bool {
        if let m = municipality, InsightTokenizer.key(m) != InsightTokenizer.key(f.municipality) { return false }
        if let e = exit, f.exit != e { return false }
        if let y = fiscalYear, f.fiscalYear != y { return false }
        return true
    }
}

/// The portfolio as a funnel through the guide's five stages, view-ready for the TUI dashboard,
/// `renkei funnel` and the Markdown/HTML export. Build with `FunnelReport.build`; draw with
/// `lines(width:lang:)` (everything) or the `…BarLines(width:lang:)` pieces.
public struct FunnelReport: Codable, Equatable, Sendable {
    public struct StageCount: Codable, Equatable, Sendable {
        public var stage: Stage
        /// Cases currently at this stage.
        public var count: Int
    }
    public struct Conversion: Codable, Equatable, Sendable {
        public var stage: Stage
        public var next: Stage
        /// Cases that ever reached `stage` (from the event log; a case at a later stage, or that
        /// ended after it, counts as having passed it).
        public var reached: Int
        public var reachedNext: Int
        /// reachedNext / reached; nil when no case reached `stage`.
        public var rate: Double?
    }
    public struct Duration: Codable, Equatable, Sendable {
        public var stage: Stage
        /// Cases that have left the stage (time in a stage still running is not counted).
        public var samples: Int
        public var medianDays: Double?
        public var p90Days: Int?
    }
    public struct FiscalYearOutcome: Codable, Equatable, Sendable {
        /// Fiscal year the case reached the end state (from the event log; else its target year);
        /// nil when neither is known.
        public var fiscalYear: Int?
        public var realized: Int
        public var dropped: Int
    }
    public struct Overdue: Codable, Equatable, Sendable {
        public var overdue: Int
        /// Open cases (not realized/dropped/paused, not archived).
        public var open: Int
        public var share: Double?
    }

    public var filter: FunnelFilter
    public var today: Day
    public var total: Int
    public var stages: [StageCount]
    public var conversions: [Conversion]
    public var durations: [Duration]
    public var fiscalYears: [FiscalYearOutcome]
    public var overdue: Overdue
    /// How many cases have no stage history (counted at their current stage only).
    public var withoutHistory: Int
    public var note: SimilarResult.Note?

    /// The funnel over `cases` that pass `filter`. O(N · events); 10,000 cases in milliseconds.
    public static func build(_ all: [InsightFeatures], filter: FunnelFilter = FunnelFilter(), today: Day,
                             calendar: InsightCalendar) -> FunnelReport {
        let cases = filter.isEmpty ? all : all.filter(filter.matches)
        // Counters are arrays indexed by `Stage.index` / `pipelineIndex`, and the per-case scratch
        // is reused, so the loop allocates nothing per case (it runs over 100,000 cases).
        var current = [Int](repeating: 0, count: Stage.allCases.count)
        let flow = Stage.pipeline + [.realized]              // funnel steps
        var reached = [Int](repeating: 0, count: flow.count)
        var days = [[Int]](repeating: [], count: Stage.pipeline.count)
        var spent = [Int](repeating: 0, count: Stage.pipeline.count)
        var outcomes = [Int?: (realized: Int, dropped: Int)]()
        var overdue = 0, open = 0, withoutHistory = 0

        // Fields are read through the buffer, not by copying each `InsightFeatures` (a copy retains
        // its dozen strings and arrays, touching heap all over a 100,000-case portfolio).
        cases.withUnsafeBufferPointer { buf in
            for k in buf.indices {
                let stage = buf[k].stage
                let visits = buf[k].stageVisits
                current[stage.index] += 1
                if visits.isEmpty { withoutHistory += 1 }

                // Furthest step reached: realized is past budgeting; dropped/paused count where they got to.
                var furthest = stage == .realized ? flow.count - 1 : (stage.pipelineIndex ?? -1)
                for v in visits {
                    if v.stage == .realized { furthest = flow.count - 1 }
                    else if let i = v.stage.pipelineIndex { furthest = max(furthest, i) }
                }
                if furthest < 0 { furthest = 0 }   // ended without history: it was at least defined
                for i in 0...furthest { reached[i] += 1 }

                // Days per stage: each visit lasts until the next visit; the running one is not
                // counted, and a stage with no finished visit adds no sample.
                if visits.count >= 2 {
                    for i in spent.indices { spent[i] = -1 }
                    for i in 0..<(visits.count - 1) {
                        guard let p = visits[i].stage.pipelineIndex else { continue }
                        spent[p] = max(spent[p], 0) + max(0, visits[i].day.days(until: visits[i + 1].day))
                    }
                    let running = (visits.last?.stage ?? stage).pipelineIndex
                    for p in spent.indices where spent[p] >= 0 && p != running { days[p].append(spent[p]) }
                }

                if stage == .realized || stage == .dropped {
                    let fy = buf[k].endedDay?.fiscalYear ?? buf[k].fiscalYear
                    var o = outcomes[fy] ?? (0, 0)
                    if stage == .realized { o.realized += 1 } else { o.dropped += 1 }
                    outcomes[fy] = o
                }
                // An archived case was set aside on purpose: not open, never overdue (issue 14).
                if !stage.isEndState && !buf[k].archived {
                    open += 1
                    if calendar.isOverdue(buf[k]) { overdue += 1 }
                }
            }
        }

        let conversions = (0..<(flow.count - 1)).map { i in
            Conversion(stage: flow[i], next: flow[i + 1], reached: reached[i], reachedNext: reached[i + 1],
                       rate: InsightStats.ratio(reached[i + 1], reached[i]))
        }
        let durations = Stage.pipeline.enumerated().map { p, s in
            let v = InsightStats.sortedForStats(days[p])   // one sort for both figures
            return Duration(stage: s, samples: v.count, medianDays: InsightStats.median(sorted: v), p90Days: InsightStats.percentile(sorted: v, 90))
        }
        let fys = outcomes.map { FiscalYearOutcome(fiscalYear: $0.key, realized: $0.value.realized, dropped: $0.value.dropped) }
            .sorted { ($0.fiscalYear ?? Int.max) < ($1.fiscalYear ?? Int.max) }
        var note: SimilarResult.Note?
        if all.isEmpty {
            note = .init(ja: "ワークスペースに案件がありません。`renkei new` で作成できます。", en: "The workspace has no cases yet; create one with `renkei new`.")
        } else if cases.isEmpty {
            note = .init(ja: "条件に合う案件がありません（全\(all.count)件）。", en: "No case matches the filter (of \(all.count)).")
        } else if withoutHistory == cases.count {
            note = .init(ja: "どの案件にも段階の履歴がないため、通過率と日数は現在の段階からの推定です。",
                         en: "No case has stage history; conversion and days are inferred from current stages only.")
        }
        return FunnelReport(filter: filter, today: today, total: cases.count,
                            stages: Stage.allCases.map { StageCount(stage: $0, count: current[$0.index]) },
                            conversions: conversions, durations: durations, fiscalYears: fys,
                            overdue: Overdue(overdue: overdue, open: open, share: InsightStats.ratio(overdue, open)),
                            withoutHistory: withoutHistory, note: note)
    }
}
