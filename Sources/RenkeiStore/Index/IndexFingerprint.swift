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
///
/// Computing it decodes probe cases and walks their types by reflection — about 21 M
/// instructions, a third of a whole `list --count` (issue 19). So every run uses the stored
/// constant, and `IndexFingerprintTests` recomputes it: a change to `CaseSummary` or its encoding
/// fails that test with the new value to store here.
enum IndexFingerprint {
    static let value: UInt64 = 0xd1a77485a8e1d060

    static func compute() -> UInt64 {
        // /3: the municipality code in the summary and the deadline facts; /4: the funding
        // sources' names (issue 16); /5: a damaged file's reason is a typed `DamageReason`
        // stored as JSON (issue 14), no longer an English sentence; /6: the archived flag, in the
        // summary and in each table row's flags byte, so counts skip archived cases (issue 14).
        var text = "renkei-index/6\n"
        let summaries = probeCases().map(CaseSummary.init)
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

    /// Three hand-written cases (not the synthetic generator, which is dev support and may change
    /// freely) that between them fill every optional and nested field a summary derives from:
    /// history, ticks (incl. the rough-quote item), notes, budget with funding links, KPIs,
    /// next action, snooze; an ended and archived case; a bare one.
    static func probeCases() -> [Case] {
        let at = Timestamp("2026-11-23T09:00:00+09:00")!, later = Timestamp("2026-11-24T10:30:00+09:00")!
        func event(_ seq: Int, _ time: Timestamp, _ kind: EventKind, _ field: String, _ before: JSONValue, _ after: JSONValue,
                   reason: String? = nil) -> Event {
            Event(seq: seq, at: time, actor: "probe", kind: kind, command: "p\(seq)", changes: [Change(field: field, before: before, after: after)],
                  reason: reason)
        }
        var full = Case(id: "c-0001", title: "ＡＩ見守り①【第2期】", municipality: Municipality(name: "狭山市", prefecture: "埼玉県", size: .smallMedium, kind: .city, code: "112151"),
                        department: "髙齢福祉課", contacts: [Contact(name: "佐藤 結衣", organization: "狭山市", role: "主査", email: "sato@example.jp", phone: "04-0000-0000")],
                        partners: [Partner(name: "株式会社ﾐﾗｲ", kind: .startup, role: "提供")], domain: "elderly-care",
                        issue: IssueFrame(why: "見守りの担い手不足", how: "実証実験", what: "センサー設置"), exit: .procurement, method: "proposal",
                        stage: .budgeting, tags: ["実証実験", "AI"], notes: [Note(id: 1, at: later, author: "probe", text: "令和８年度予算")],
                        nextAction: NextAction(text: "下見積もりを依頼", due: Day(year: 2026, month: 12, day: 2)!),
                        snoozes: [Snooze(item: "next-action", until: Day(year: 2026, month: 12, day: 1)!, reason: "probe", at: at, by: "probe")],
                        events: [event(1, at, .created, "stage", .null, .string(Stage.issueDefinition.rawValue)),
                                 event(2, later, .advanced, "stage", .string(Stage.issueDefinition.rawValue), .string(Stage.budgeting.rawValue))],
                        revision: 2)
        full.checklist[CaseSummary.roughQuoteItem] = Tick(at: at, by: "probe")
        full.budget = Budget(fiscalYear: 2027, items: [BudgetItem(label: "委託料", yen: 3_000_000)], expenditureItem: "委託料", roughQuoteYen: 1000)
        full.budget.funding = [FundingSource(name: "デジタル田園都市国家構想交付金", kind: .grant, ratePercent: 50, windowId: "digiden-2027")]
        full.kpis = [KPI(name: "利用者数", unit: "人", baseline: 10, target: 30, actuals: [KPIActual(date: Day(year: 2026, month: 10, day: 1)!, value: 12)])]
        let ended = Case(id: "c-0002", title: "shared bikes", municipality: Municipality(name: "福岡市"), exit: .coCreation,
                         stage: .dropped, stageReason: "予算不足",
                         events: [event(1, at, .created, "stage", .null, .string(Stage.issueDefinition.rawValue)),
                                  event(2, later, .ended, "stage", .string(Stage.issueDefinition.rawValue), .string(Stage.dropped.rawValue), reason: "予算不足"),
                                  event(3, later, .archived, Case.archivedField, .bool(false), .bool(true), reason: "横展開の参考に")])
        let bare = Case(id: "c-0003", title: "", municipality: Municipality(name: ""))
        return [full, ended, bare]
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
