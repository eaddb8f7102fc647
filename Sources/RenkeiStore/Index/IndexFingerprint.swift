import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

// MARK: - fingerprint

/// Identifies the record layout and the derivation of summaries, so an index written by a
/// renkei with a different `CaseSummary` (new field, changed enum, changed folding, changed
/// `CaseSummary.init(Case)`) is rebuilt instead of misread: it hashes the field names and
/// types, the enums' raw values, a folding sample, and the encoded summaries of probe cases.
enum IndexFingerprint {
    static let value: UInt64 = compute()

    static func compute() -> UInt64 {
        var text = "renkei-index/2\n"
        let probe = CaseGenerator(catalog: Catalog(), seed: 0x5EED, count: 3)
        var cases = (0..<3).map { probe.makeCase($0) }
        // Make sure every optional and nested field is present in at least one probe.
        let at = Timestamp("2026-11-23T09:00:00+09:00")!
        cases[0].snoozes = [Snooze(item: "next-action", until: Day(year: 2026, month: 12, day: 1)!, reason: "probe", at: at, by: "probe")]
        cases[0].nextAction = NextAction(text: "probe", due: Day(year: 2026, month: 12, day: 2)!)
        cases[0].exit = .procurement; cases[0].method = "proposal"; cases[0].budget.fiscalYear = 2027
        cases[0].budget.roughQuoteYen = 1000; cases[0].checklist[CaseSummary.roughQuoteItem] = Tick(at: at, by: "probe")
        cases[0].tags = ["probe"]; cases[0].partners = [Partner(name: "probe")]
        let summaries = cases.map(CaseSummary.init)
        for s in summaries { describeType(s, into: &text) }
        text += Stage.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += Exit.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += MunicipalityKind.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += SizeClass.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += TextNormalizer.fold("ｻﾔﾏ ＡＩ① Straße ｶﾞ") + "\n"
        var w = ByteWriter()
        for s in summaries { try? BinaryRecordEncoder.encode(s, into: &w) }
        var bytes = Array(text.utf8)
        bytes += w.bytes
        bytes += DeadlineFactsSection.encode(summaries.map(DeadlineFacts.init) + [nil])
        return Checksum.of(bytes)
    }

    static func describeType(_ value: Any, into text: inout String, depth: Int = 0) {
        guard depth < 4 else { return }
        let m = Mirror(reflecting: value)
        text += "\(type(of: value)){"
        for child in m.children {
            text += (child.label ?? "_") + ":"
            describeType(child.value, into: &text, depth: depth + 1)
            text += ";"
            if m.displayStyle == .collection { break }   // one element describes the type
        }
        text += "}\n"
    }
}
