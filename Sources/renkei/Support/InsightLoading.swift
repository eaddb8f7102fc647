import Foundation
import RenkeiCore
import RenkeiStore

/// Loads what the insight commands (similar, joint, funnel) need: the compact features of every
/// case. Damaged files are reported as warnings and left out.
///
/// Everything comes from the summary index (`CaseSummary.insight` carries the compact
/// features), so a warm 10,000-case workspace decodes no case file here.
enum InsightLoading {
    struct Loaded {
        var features: [InsightFeatures]
        var summaries: [String: CaseSummary]

        /// The budget-calendar engine over this portfolio (municipal calendars, holidays,
        /// funding windows), as Insight's calendar: request deadlines and the overdue rule of
        /// `renkei overdue`.
        func calendar(_ ctx: AppContext) -> InsightCalendar {
            .engine(ctx.store.calendars(for: Array(summaries.values), data: ctx.data, today: ctx.today).context, summaries: summaries)
        }
    }

    static func load(_ ctx: AppContext) throws -> Loaded {
        let portfolio = try ctx.store.portfolio(PortfolioQuery(includeSearchText: false))
        for d in portfolio.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: true).text(Output.lang)) }
        var features: [InsightFeatures] = []
        var summaries: [String: CaseSummary] = [:]
        for s in portfolio.summaries {
            summaries[s.id] = s
            if let x = s.insight {
                features.append(InsightFeatures(summary: s, index: x))
            } else if case .success(let doc) = ctx.store.loadFile(s.id + ".json") {
                features.append(InsightFeatures(doc.value))   // an index row without features: read the case
            }
        }
        InsightCodes.link(&features, data: ctx.data, workspace: ctx.workspace)
        return Loaded(features: features, summaries: summaries)
    }

    /// Terminal width for charts: $COLUMNS, else 80 (never below 20).
    static var width: Int {
        if let c = ProcessEnvironment.current["COLUMNS"].flatMap(Int.init), c > 0 { return max(20, c) }
        return 80
    }
}
