import Foundation
import RenkeiCore
import RenkeiStore

/// Loads what the insight commands (similar, joint, funnel) need: the compact features of every
/// case. Damaged files are reported as warnings and left out.
///
/// Today this decodes every case file, because `CaseSummary` has neither the WHY/HOW/WHAT text
/// nor the stage history. Once the summary index carries `InsightFeatures` (proposed field
/// `CaseSummary.insight`), this becomes `portfolio().summaries.compactMap(\.insight)`.
enum InsightLoading {
    struct Loaded {
        var features: [InsightFeatures]
        var summaries: [String: CaseSummary]
        var fundingLinks: [String: [String]]

        /// The budget-calendar engine over this portfolio (municipal calendars, holidays,
        /// funding windows), as Insight's calendar: request deadlines and the overdue rule of
        /// `renkei overdue`.
        func calendar(_ ctx: AppContext) -> InsightCalendar {
            let result = CalendarLoader.load(data: ctx.data, workspace: ctx.workspace,
                                             knownMunicipalities: Set(summaries.values.map(\.municipality)))
            let dctx = result.context(today: ctx.today, catalog: ctx.catalog, fundingLinks: fundingLinks)
            return .engine(dctx, summaries: summaries)
        }
    }

    static func load(_ ctx: AppContext) -> Loaded {
        var features: [InsightFeatures] = []
        var summaries: [String: CaseSummary] = [:]
        var links: [String: [String]] = [:]
        for name in ctx.store.caseFileNames() {
            switch ctx.store.loadFile(name) {
            case .success(let doc):
                features.append(InsightFeatures(doc.value))
                summaries[doc.value.id] = CaseSummary(doc.value)
                if !doc.value.linkedFundingWindowIds.isEmpty { links[doc.value.id] = doc.value.linkedFundingWindowIds }
            case .failure(let d):
                Output.warn("damaged case file \(d.path): \(d.reason) (left out)")
            }
        }
        return Loaded(features: features, summaries: summaries, fundingLinks: links)
    }

    /// Terminal width for charts: $COLUMNS, else 80 (never below 20).
    static var width: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return max(20, c) }
        return 80
    }
}
