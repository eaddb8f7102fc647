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
            for _ in 0...rng.below(3) { tree = mutate(tree, &rng) }
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

    /// One random change somewhere in the tree: remove a key, null it, change its type, or put
    /// an unknown enum-like value (stage/exit/side ids) or 令和/全角 text in it.
    func mutate(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(var o) where !o.isEmpty:
            let keys = o.keys.sorted()
            let key = keys[rng.below(keys.count)]
            switch rng.below(6) {
            case 0: o.removeValue(forKey: key)
            case 1: o[key] = .null
            case 2: o[key] = swapType(o[key]!, &rng)
            case 3: o[key] = .string(["nope", "予算化", "ｻﾔﾏ", "令和８年", "①"][rng.below(5)])
            default: o[key] = mutate(o[key]!, &rng)   // go deeper
            }
            return .object(o)
        case .array(var a) where !a.isEmpty:
            let i = rng.below(a.count)
            a[i] = rng.below(4) == 0 ? swapType(a[i], &rng) : mutate(a[i], &rng)
            return .array(a)
        default:
            return swapType(value, &rng)
        }
    }

    func swapType(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        let choices: [JSONValue] = [.int(60), .double(1.5), .bool(true), .string("髙"), .array([]), .object([:]), .null]
        var pick = choices[rng.below(choices.count)]
        while pick == value { pick = choices[rng.below(choices.count)] }
        return pick
    }
}
