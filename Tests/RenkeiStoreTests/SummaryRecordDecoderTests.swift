import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiDevSupport

/// The hand-written summary reader must read exactly what the generic decoder reads.
@Suite struct SummaryRecordDecoderTests {
    func roundTrip(_ s: CaseSummary) throws -> (fast: CaseSummary, generic: CaseSummary) {
        var w = ByteWriter()
        try BinaryRecordEncoder.encode(s, into: &w)
        let bytes = w.bytes
        return try bytes.withUnsafeBytes { raw in
            let a = ByteReader(raw.baseAddress!, from: 0, to: bytes.count)
            let fast = try SummaryRecordDecoder.decode(from: a)
            #expect(a.pos == bytes.count)
            let b = ByteReader(raw.baseAddress!, from: 0, to: bytes.count)
            let generic = try BinaryRecordDecoder.decode(CaseSummary.self, from: b)
            return (fast, generic)
        }
    }

    @Test func matchesTheGenericDecoderOnGeneratedAndSampleCases() throws {
        let gen = CaseGenerator(catalog: Catalog(), seed: 42, count: 300)
        var summaries = (0..<300).map { CaseSummary(gen.makeCase($0)) }
        let samples = StoreFixtures.dataDir.samples
        for f in try FileManager.default.contentsOfDirectory(atPath: samples.path) where f.hasSuffix(".json") {
            let doc = try CaseCodec.decode(Data(contentsOf: samples.appendingPathComponent(f)), path: f)
            summaries.append(CaseSummary(doc.value))
        }
        // Every optional present somewhere, and one summary with nothing at all.
        var full = summaries[0]
        full.snoozes = [.init(item: "request", until: Day("2026-12-01")!), .init(item: "stale", until: Day("2027-01-05")!)]
        full.nextActionDue = Day("2026-12-02"); full.nextActionText = "財政課へ下見積もり ※①"; full.exit = .coCreation
        full.municipalityKind = .designatedCity; full.size = .urban; full.fundingWindows = ["uij-2027", "dx-koufukin"]
        full.searchText = "ｶﾀｶﾅ 🏫"
        summaries.append(full)
        summaries.append(CaseSummary(id: "empty"))
        for s in summaries {
            let (fast, generic) = try roundTrip(s)
            #expect(fast == generic, "\(s.id)")
            #expect(fast == s, "\(s.id)")
        }
    }

    @Test func truncatedRecordsThrowInsteadOfMisreading() throws {
        let s = CaseSummary(CaseGenerator(catalog: Catalog(), seed: 1, count: 1).makeCase(0))
        var w = ByteWriter()
        try BinaryRecordEncoder.encode(s, into: &w)
        let bytes = w.bytes
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            bytes.withUnsafeBytes { raw in
                let r = ByteReader(raw.baseAddress!, from: 0, to: cut)
                #expect(throws: (any Error).self) { try SummaryRecordDecoder.decode(from: r) }
            }
        }
    }
}
