import Foundation
import Testing
import RenkeiTestSupport
@testable import RenkeiCore
@testable import RenkeiStore

/// `Catalog.init(tree:)` (the start-up fast path) must never give a catalog `JSONDecoder` would
/// not give: over the shipped catalog and thousands of mutations of it (keys removed, values of
/// the wrong type, unknown stages and exits, nulls), whenever the tree path answers, its answer
/// is JSONDecoder's; when it declines, the loader's JSONDecoder fallback decides.
@Suite struct CatalogTreeTests {
    static let shipped = try! Data(contentsOf: Repo.data.appendingPathComponent("catalog/guide.json"))

    @Test func theShippedCatalogTakesTheFastPathAndEqualsJSONDecoder() throws {
        let tree = try JSONDocument.parse(Self.shipped)
        let fast = try #require(Catalog(tree: tree))
        #expect(fast == (try JSONDecoder().decode(Catalog.self, from: Self.shipped)))
        #expect(fast.stages.count == 5 && !fast.readinessItems.isEmpty)
    }

    @Test func mutatedCatalogsNeverDisagree() throws {
        let original = try JSONDocument.parse(Self.shipped)
        var rng = SplitMix64(seed: 1_9)
        var fastAnswers = 0, declined = 0
        for _ in 0..<1_500 {
            var tree = original
            for _ in 0...rng.below(3) { tree = JSONTreeMutation.mutate(tree, &rng) }
            let bytes = try JSONEncoder().encode(tree)
            let decoded = try? JSONDecoder().decode(Catalog.self, from: bytes)
            guard let fast = Catalog(tree: try JSONDocument.parse(bytes)) else { declined += 1; continue }
            fastAnswers += 1
            #expect(fast == decoded, "the tree path accepted what JSONDecoder decodes differently: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
        }
        // Both paths are exercised: some mutations hit optional keys or unread ones that the
        // fast path still takes; most break something and go to JSONDecoder.
        #expect(fastAnswers > 0 && declined > 0, "fast \(fastAnswers), declined \(declined)")
    }
}
