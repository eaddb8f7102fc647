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
        var cases: [String: Case]
    }

    static func load(_ ctx: AppContext, keepCases: Bool = false) -> Loaded {
        var features: [InsightFeatures] = []
        var cases: [String: Case] = [:]
        for name in ctx.store.caseFileNames() {
            switch ctx.store.loadFile(name) {
            case .success(let doc):
                features.append(InsightFeatures(doc.value))
                if keepCases { cases[doc.value.id] = doc.value }
            case .failure(let d):
                Output.warn("damaged case file \(d.path): \(d.reason) (left out)")
            }
        }
        return Loaded(features: features, cases: cases)
    }

    /// Terminal width for charts: $COLUMNS, else 80 (never below 20).
    static var width: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return max(20, c) }
        return 80
    }
}
