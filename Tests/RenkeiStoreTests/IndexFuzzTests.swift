import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 18, finding 7: the index is input too. A record with valid checksums but an
/// out-of-range day (a 10-byte varint) trapped `list --json`, `overdue` and the workbench on
/// every run until `.index` was deleted; the fuzz target never got past the checksums. Here a
/// seeded in-suite fuzzer mutates the sections of a real index and re-seals the checksums
/// (`SummaryIndex.resealed`), so every mutation reaches the decoders: the portfolio and the
/// deadline facts must still equal what the case files say (a trap fails the whole run).
/// The long run is `Scripts/fuzz/run.sh 300 fuzz-index`.
@Suite struct IndexFuzzTests {

    /// Offset and length of section `k` from the header.
    static func section(_ b: [UInt8], _ k: Int) -> (Int, Int) {
        b.withUnsafeBytes { ( Int($0.loadUnaligned(fromByteOffset: 32 + 24 * k, as: UInt64.self)), Int($0.loadUnaligned(fromByteOffset: 40 + 24 * k, as: UInt64.self)) ) }
    }

    @Test func mutatedIndexesWithValidChecksumsAreRebuiltNeverTrusted() throws {
        let ws = try StoreFixtures.workspace()
        _ = try ws.seedSamples(from: StoreFixtures.dataDir)
        let catalog = try CatalogLoader.load(data: StoreFixtures.dataDir, workspace: ws).catalog
        let truth = try CaseStore(workspace: ws, catalog: catalog, useIndex: false).portfolio().summaries.sorted { $0.id < $1.id }
        let truthFacts = truth.map(DeadlineFacts.init)
        _ = try CaseStore(workspace: ws, catalog: catalog).portfolio()
        let url = ws.indexDir.appendingPathComponent(SummaryIndex.fileName)
        let valid = [UInt8](try Data(contentsOf: url))
        #expect(valid.count > SummaryIndex.headerSize)
        #expect(SummaryIndex.resealed(valid) == valid, "resealing an intact index changes nothing")
        var rng = SplitMix64(seed: 0x18_0007)   // Core's, the one generator
        // Bytes a hostile or torn record is made of: the longest varints, presence bytes, huge counts.
        let patterns: [[UInt8]] = [[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
                                   [0x02], [0x01], [0x00], [0xFF, 0xFF, 0xFF, 0x7F], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]]
        var rebuilt = 0
        for round in 0..<300 {
            var b = valid
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                // Mostly inside the records or the deadline facts (where the days are), sometimes anywhere.
                let section = [1, 3, 1, 3, 0, 2][Int(rng.next() % 6)]
                let (start, length) = Self.section(valid, section)
                let at = length > 0 ? start + Int(rng.next() % UInt64(length)) : SummaryIndex.headerSize
                if rng.next() % 3 == 0 { b[at] = UInt8(truncatingIfNeeded: rng.next()) } else {
                    let p = patterns[Int(rng.next() % UInt64(patterns.count))]
                    for (k, v) in p.enumerated() where at + k < b.count { b[at + k] = v }
                }
            }
            try Data(SummaryIndex.resealed(b)).write(to: url)
            let store = CaseStore(workspace: ws, catalog: catalog)
            let p = try store.portfolio()
            #expect(p.summaries.sorted { $0.id < $1.id } == truth, "round \(round): a sealed damaged index changed what renkei shows")
            #expect(p.damaged.isEmpty, "round \(round): a good case looked damaged")
            if store.index?.lastReport.problem != nil { rebuilt += 1 }
            try Data(SummaryIndex.resealed(b)).write(to: url)
            let f = try CaseStore(workspace: ws, catalog: catalog).deadlineFacts()
            #expect(f.facts == truthFacts, "round \(round): the deadline facts changed")
        }
        #expect(rebuilt > 0, "some mutations were detected and the index rebuilt")

    }

    /// The issue's exact input: `nextActionDue` as a 10-byte varint in a well-formed record.
    /// Both record readers throw (the index is then rebuilt) instead of trapping in Day(ordinal:).
    @Test func aTenByteVarintDayThrows() throws {
        var s = CaseSummary(id: "day-1")
        s.title = "①期日"; s.municipality = "狭山市"
        func record(_ day: Day) throws -> [UInt8] {
            s.nextActionDue = day
            var w = ByteWriter()
            try BinaryRecordEncoder.encode(s, into: &w)
            return w.bytes
        }
        let a = try record(Day("2026-12-04")!), b = try record(Day("2026-12-05")!)
        let at = try #require(a.indices.first { a[$0] != b[$0] })
        var end = at; while a[end] & 0x80 != 0 { end += 1 }
        var bad = a
        bad.replaceSubrange(at...end, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        func decodeBoth(_ bytes: [UInt8]) -> (fast: Result<CaseSummary, Error>, generic: Result<CaseSummary, Error>) {
            bytes.withUnsafeBytes { raw in
                (Result { try SummaryRecordDecoder.decode(from: ByteReader(raw.baseAddress!, from: 0, to: raw.count)) },
                 Result { try BinaryRecordDecoder.decode(CaseSummary.self, from: ByteReader(raw.baseAddress!, from: 0, to: raw.count)) })
            }
        }
        let good = decodeBoth(a)
        #expect((try? good.fast.get())?.nextActionDue == Day("2026-12-04"))
        #expect((try? good.generic.get())?.nextActionDue == Day("2026-12-04"))
        let broken = decodeBoth(bad)
        for r in [broken.fast, broken.generic] {
            if case .failure(let e) = r { #expect("\(e)".contains("day out of range"), "\(e)") } else { Issue.record("a 10-byte varint day was accepted") }
        }
    }
}
