import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore

/// precision@3 of similar cases on the sample portfolio against Benchmarks/similar-labels.json.
/// Prints the per-query table (copied into Benchmarks/insight.md) and guards against regressions.
@Suite struct InsightQualityTests {
    static let root = Repo.root

    static func samplesDir() -> URL {
        if let d = ProcessInfo.processInfo.environment["RENKEI_SAMPLES_DIR"], !d.isEmpty { return URL(fileURLWithPath: d) }
        return root.appendingPathComponent("Data/samples/cases")
    }

    static func loadSamples() -> [Case] {
        let dir = samplesDir()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { try? JSONDecoder().decode(Case.self, from: Data(contentsOf: dir.appendingPathComponent($0))) }
    }

    static func loadCatalog() -> Catalog? {
        let url = samplesDir().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("catalog/guide.json")
        return try? JSONDecoder().decode(Catalog.self, from: Data(contentsOf: url))
    }

    @Test func precisionAtThreeOnSamples() throws {
        let cases = Self.loadSamples()
        guard !cases.isEmpty else { return }   // samples not present in this checkout
        let labels = try JSONDecoder().decode(InsightEvaluation.Labels.self,
                                              from: Data(contentsOf: Self.root.appendingPathComponent("Benchmarks/similar-labels.json")))
        let finder = SimilarCaseFinder(cases.map(InsightFeatures.init), catalog: Self.loadCatalog())
        let report = InsightEvaluation.precisionAtK(finder, labels: labels, k: 3)
        var lines = ["| query | labelled similar | top 3 | hits |", "|---|---|---|---|"]
        for q in report.queries {
            lines.append("| \(q.id) | \(q.relevant.joined(separator: ", ")) | \(q.top.joined(separator: ", ")) | \(q.hits) |")
        }
        lines.append(String(format: "precision@3 = %.3f, capped precision@3 = %.3f over %d queries", report.precision, report.cappedPrecision, report.queries.count))
        print(lines.joined(separator: "\n"))
        #expect(report.unknownIds.isEmpty, "labels name cases not in the samples: \(report.unknownIds)")
        #expect(report.queries.count == 17)
        // Measured 0.471 (capped 0.686) with the default weights; a drop means a regression.
        #expect(report.precision >= 0.45)
    }
}
