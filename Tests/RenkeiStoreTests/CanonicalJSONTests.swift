import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiDevSupport

/// The merge's short cut around `JSONEncoder` (issue 12, driver speed) must write exactly what
/// the store's encoder writes — or the merged file would differ from what the next save writes,
/// and replicas on different paths would not converge. Held to the real encoder of this
/// toolchain, so a Foundation that changes its format fails here, not in a shared workspace.
@Suite struct CanonicalJSONTests {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Every optional set, Japanese text, the characters JSON escapes, numbers of every shape.
    static func fullCase() -> Case {
        let at = Timestamp("2026-11-23T09:30:00+09:00")!, day = Day(year: 2027, month: 3, day: 31)!
        var c = Case(id: "c-7kq4mz", title: "廃校跡地の実証 ※① \"引用\" \\ / タブ\tと改行\n ﾊﾝｶｸ 🎌",
                     municipality: Municipality(name: "髙山市", prefecture: "岐阜県", size: .smallMedium, kind: .city, code: "212032"),
                     department: "企画課", contacts: [Contact(name: "髙橋 一郎", organization: "㈱連携", role: "課長", email: "a@example.lg.jp", phone: "03-1234-5678"),
                                                     Contact(name: "ｻﾄｳ")],
                     partners: [Partner(name: "株式会社ｶﾀｶﾅ", kind: .startup, role: "実証"), Partner(name: "信金", kind: .financialInstitution)],
                     domain: "education", issue: IssueFrame(why: "令和９年度", how: "", what: "\u{01}\u{1F}\u{7F}\u{08}\u{0C}\r"),
                     exit: .procurement, method: "proposal", stage: .budgeting, stageReason: "①",
                     checklist: ["ps-10": Tick(at: at, by: "髙橋"), "ps-9": Tick(at: at, by: "b"), "PS-1": Tick(at: at, by: "c"), "é": Tick(at: at, by: "d")],
                     budget: Budget(fiscalYear: 2027, items: [BudgetItem(label: "機器", yen: 3_930_000)], expenditureItem: "委託料", roughQuoteYen: 0,
                                    funding: [FundingSource(name: "交付金", kind: .grant, ratePercent: 66.7, yen: 1, windowId: "w-1"),
                                              FundingSource(name: "一般財源", kind: .general, ratePercent: 50),
                                              FundingSource(name: "零", kind: .other, ratePercent: 0)],
                                    reference: ["z": "ｚ", "a10": "1", "a9": "2", "B": "3", "": "空"]),
                     kpis: [KPI(name: "利用者数", unit: "人", baseline: 0.1, target: 123456789.5,
                                actuals: [KPIActual(date: day, value: 1e-7), KPIActual(date: day, value: 42)]),
                            KPI(name: "率", unit: "%")],
                     tags: ["共同調達", "", "🎌"], notes: [Note(id: 8_500_000_000_123, at: at, author: "髙橋", text: "ﾒﾓ\n二行目")],
                     nextAction: NextAction(text: "見積", due: day), snoozes: [Snooze(item: "stale", until: day, reason: "年度末", at: at, by: "b")],
                     fundingWindows: ["w-1", "w-2"], revision: 7)
        c.events = [Event(seq: 1, at: at, actor: "髙橋", kind: .created, command: "c1", changes: []),
                    Event(seq: 2, at: at, actor: "b", kind: .fieldSet, command: "c2",
                          changes: [Change(field: "budget.roughQuoteYen", before: .double(50), after: .object(["x": .array([.double(2.5), .null, .bool(true), .int(-3)])])),
                                    Change(field: "title", before: .string("旧"), after: .string("新"))],
                          reason: "理由", target: "c1", id: "1nh36rq-f92n492v9s7zs")]
        c.concurrentEdits = [
            ConcurrentEdit(id: "ce-1", unit: "title", field: "title", kept: .string("鈴木案"), other: .double(3),
                           keptSide: .init(by: "鈴木", at: at, event: "e1"), otherSide: .init(by: nil, at: nil, event: nil), cause: .bothChanged,
                           resolution: .init(choice: .other, by: "髙橋", at: at)),
            ConcurrentEdit(id: "ce-2", unit: "partners[㈱髙橋]", field: nil, kept: .null, other: .object([:]),
                           keptSide: .init(by: "a", at: nil, event: nil), otherSide: .init(by: nil, at: at, event: "e2"), cause: .gateKept),
        ]
        return c
    }

    static func documents() throws -> [CaseDocument] {
        var docs = [CaseDocument(value: fullCase())]
        var old = fullCase()
        old.schemaVersion = 1
        docs.append(CaseDocument(value: old))
        docs.append(CaseDocument(value: fullCase(), unknown: .object(["futureKey": .object(["ｶﾅ": .double(1), "n": .double(0.5)]),
                                                                       "municipality": .object(["population": .int(12_345)])])))
        docs.append(CaseDocument(value: Case(id: "c-0001", title: "", municipality: Municipality(name: ""))))
        let g = CaseGenerator(catalog: Catalog(), seed: 12, count: 60)
        for i in 0..<60 { docs.append(try CaseCodec.decode(g.bytes(i), path: "x")) }
        return docs
    }

    @Test func mergeEncodingIsTheStoreEncodingByteForByte() throws {
        for doc in try Self.documents() {
            let expected = try CaseCodec.encode(doc)
            #expect(try CaseFileMerge.encode(doc) == expected, "case \(doc.value.id)")
            // The tree the merge works on is the file it stands for, read back.
            let tree = try #require(CaseFileMerge.canonicalTree(doc))
            #expect(tree == (try JSONDocument.parse(expected)))
        }
    }

    @Test func concurrentEditRecordsAreWhatTheEncoderWrites() throws {
        for e in Self.fullCase().concurrentEdits! {
            let viaEncoder = try JSONDocument.parse(Self.encoder.encode(e))
            #expect(CaseTree.concurrentEdit(e) == viaEncoder)
            #expect(e.json == viaEncoder)
        }
    }

    /// Numbers the encoder writes with an exponent are not guessed: the encoder's route is
    /// taken, so the bytes are still the store's.
    @Test func numbersOnlyTheEncoderKnowsTakeItsRoute() throws {
        for v in [1e15, -2e20, 1e300, -0.0] {
            var c = Self.fullCase()
            c.kpis[0].target = v
            let doc = CaseDocument(value: c)
            #expect(CaseFileMerge.canonicalTree(doc) == nil)
            #expect(try CaseFileMerge.encode(doc) == CaseCodec.encode(doc))
        }
        #expect(CanonicalJSON.pretty(.double(.nan)) == nil)
        #expect(CanonicalJSON.pretty(.array([.double(.infinity)])) == nil)
    }

    /// Arbitrary trees (unknown keys can hold anything): keys in byte order, not by locale or
    /// case; empty containers, escapes and every number shape as the encoder writes them.
    @Test func anyTreeIsWrittenAsTheEncoderWritesIt() throws {
        var rng = SplitMix64(seed: 20261203)
        let keys = ["a", "B", "a10", "a9", "", "é", "e\u{301}", "髙", "ｶ", "🎌", "\u{0}", "\"", "\\", "/", "Z", "z"]
        let strings = ["", "令和", "ﾊﾝｶｸ", "\t\n\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}", "\"\\/", "㈱①※", "e\u{301}"]
        let numbers: [Double] = [0, -0.0, 1, -1, 0.5, 66.7, 1e-7, 123456.789, 4e14, 1.0e-300, 5e-324, -33.3]
        func make(_ depth: Int) -> JSONValue {
            switch rng.next() % (depth > 4 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(rng.next() % 2 == 0)
            case 2: return .int(Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64))
            case 3: return .double(numbers[Int(rng.next() % UInt64(numbers.count))])
            case 4: return .string(strings[Int(rng.next() % UInt64(strings.count))])
            case 5: return .array((0..<Int(rng.next() % 4)).map { _ in make(depth + 1) })
            default:
                var o: [String: JSONValue] = [:]
                for _ in 0..<Int(rng.next() % 5) { o[keys[Int(rng.next() % UInt64(keys.count))]] = make(depth + 1) }
                return .object(o)
            }
        }
        for _ in 0..<400 {
            let tree = JSONValue.object(["root": make(0), "a9": make(2), "a10": make(2)])
            #expect(CanonicalJSON.pretty(tree) == (try Self.encoder.encode(tree)))
        }
    }
}
