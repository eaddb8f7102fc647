import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTUI

extension StoreEffects {
    /// The portfolio as the list shows it: summaries (with search text), damaged files,
    /// read-only cases and — unless `deadlines` is false — every open case's next deadline.
    public func portfolioData(deadlines withDeadlines: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil) -> PortfolioData {
        do {
            let p = try store.portfolio(PortfolioQuery(progress: progress))
            StartupTrace.mark("portfolio")
            return PortfolioData(summaries: p.summaries,
                                 damaged: p.damaged.map { DamagedEntry(fileName: $0.fileName, reason: $0.reason) },
                                 readOnly: p.readOnly, deadlines: withDeadlines ? deadlines(p.summaries) : [:],
                                 deadlinesIncluded: withDeadlines)
        } catch {
            let reason = (error as? StoreError)?.damageReason ?? .text(ErrorText.line(error))
            return PortfolioData(summaries: [], damaged: [DamagedEntry(fileName: environment.workspace.casesDir.path, reason: reason)])
        }
    }

    /// Next deadline per case from the calendar engine (budget milestones, next actions,
    /// funding windows) — the same engine as `renkei overdue` and the 予算 tab.
    /// On all cores for a large portfolio (it is a third of the first frame at 10,000 cases);
    /// each thread gets its own memo so they never wait on one lock.
    public func deadlines(_ summaries: [CaseSummary]) -> [String: Deadline] {
        let ctx = store.calendars(for: summaries, data: environment.data, today: environment.today).context
        let n = summaries.count
        let threads = n >= 2048 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let found = UnsafeMutableBufferPointer<Deadline?>.allocate(capacity: n)
        found.initialize(repeating: nil)
        defer { found.deinitialize(); found.deallocate() }
        nonisolated(unsafe) let slots = found
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var local = ctx
            if threads > 1 { local.memo = DeadlineMemo() }
            for i in stride(from: t * n / threads, to: (t + 1) * n / threads, by: 1) where !summaries[i].stage.isEndState {
                if let item = DeadlineEngine.nextDeadline(for: summaries[i], context: local) {
                    slots[i] = Deadline(day: item.due, labelJa: item.ja, labelEn: item.en)
                }
            }
        }
        var out = [String: Deadline](minimumCapacity: n)
        for i in 0..<n { if let d = found[i] { out[summaries[i].id] = d } }
        return out
    }

    /// Portfolio insight over the loaded summaries (features from the summary index; no case
    /// file is decoded) and the budget calendars, for the dashboard, 類似事例, 共同調達 and calendar views.
    public func insightData(_ summaries: [CaseSummary]) -> InsightData {
        let calendars = store.calendars(for: summaries, data: environment.data, today: environment.today)
        var byId: [String: CaseSummary] = [:]
        var features: [InsightFeatures] = []
        features.reserveCapacity(summaries.count)
        for s in summaries {
            byId[s.id] = s
            if let x = s.insight { features.append(InsightFeatures(summary: s, index: x)) }
        }
        InsightCodes.link(&features, data: environment.data, workspace: environment.workspace)
        let insight = PortfolioInsight(features, catalog: environment.catalog, calendar: .engine(calendars.context, summaries: byId),
                                       today: environment.today, adjacency: adjacency())
        // A programme file that cannot be read is reported by `renkei validate`; the rest still load.
        let grants = GrantRules(programmes: ProgrammeLoader.load(data: environment.data, workspace: environment.workspace).programmes,
                                windows: calendars.loaded.fundingWindows)
        return InsightData(insight: insight, calendars: calendars.loaded.calendars, holidays: calendars.loaded.holidays,
                           readings: searchReadings(), grants: grants)
    }
}

extension StoreEffects {
    /// The list filter's readings (on the insight worker): the shipped municipality table is
    /// read once (it does not change while the workbench runs), the partner records whenever
    /// `partners/` changed since the last build — a record added during the session (by hand, a
    /// sync, the samples) is found by its reading at the next reload, not after a restart.
    /// Which bodies share a boundary, for 類似事例 and 共同調達: read once (shipped data does not
    /// change while the workbench runs); without it nothing is called neighbouring.
    func adjacency() -> MunicipalityAdjacency? {
        readingsLock.lock(); defer { readingsLock.unlock() }
        if municipalityAdjacency == nil { municipalityAdjacency = .some(try? MunicipalityTableLoader.adjacency(data: environment.data)) }
        return municipalityAdjacency ?? nil
    }

    /// Without the table (a damaged data directory) the filter matches as typed.
    func searchReadings() -> SearchReadings {
        readingsLock.lock(); defer { readingsLock.unlock() }
        let stamp = environment.workspace.partnersFingerprint() ?? 0
        if let r = readingsCache, r.source == stamp { return r }
        if municipalityResolver == nil {
            municipalityResolver = .some((try? MunicipalityTableLoader.load(data: environment.data)).map(MunicipalityResolver.init(table:)))
        }
        let r = SearchReadings(resolver: municipalityResolver ?? nil, partners: PartnerLoader.load(environment.workspace).records, source: stamp)
        readingsCache = r
        return r
    }
}
