import Foundation
import Testing
@testable import RenkeiCore

/// Seeded random edits on two machines from one base: the merge is the same whichever side is
/// "ours", holds every event exactly once, reads back as a case, and its stage is explained by
/// its own history. A failing seed is printed in the expectation and replays exactly.
struct CaseMergePropertyTests {
    typealias F = MergeFixtures

    static let items = ["idef-a", "idef-b", "ps-1", "bud-rough-quote"]
    static let names = ["株式会社ｶﾀｶﾅ", "㈱髙橋製作所", "信用金庫", "大学①"]

    /// One side's edits: commands by `actor` at increasing times starting at `hour`.
    static func edit(_ start: Case, seed: UInt64, actor: String, hour: Int, count: Int) -> Case {
        var r = SplitMix64(seed: seed)
        var c = start
        var done: [String] = []
        for n in 0..<count {
            let minute = n * 3 + r.below(3)
            let at = String(format: "2026-11-24T%02d:%02d:%02d+09:00", hour + minute / 60, minute % 60, r.below(60))
            let id = "\(actor)-\(seed)-\(n)"
            let cmd: Command
            switch r.below(11) {
            case 0: cmd = .setField(path: "title", value: .string(r.pick(["件名Ａ", "件名Ｂ ※", "件名 🎌", "令和８年度 実証"])))
            case 1: cmd = .setField(path: "department", value: r.chance(20) ? .null : .string(r.pick(["企画課", "教育委員会", "ﾃﾞｼﾞﾀﾙ推進課"])))
            case 2: cmd = r.chance(60) ? .tick(item: r.pick(items)) : .untick(item: r.pick(items))
            case 3: cmd = .addNote(text: r.pick(["打合せ①", "見積依頼", "議会報告 ㈱"]))
            case 4: cmd = .setField(path: "tags", value: .array(names.indices.filter { _ in r.chance(40) }.map { .string(["教育", "ＤＸ", "令和7年度", "防災"][$0]) }))
            case 5:
                var list = CaseFields.get(c, "partnerList").arrayValue ?? []
                if r.chance(50) || list.isEmpty {
                    list.append(.object(["name": .string(r.pick(names)), "kind": .string(r.pick(["startup", "company", "university"]))]))
                } else { list.remove(at: r.below(list.count)) }
                cmd = .setField(path: "partnerList", value: .array(list))
            case 6: cmd = .advance(note: r.chance(30) ? "進めます" : nil, override: r.chance(30) ? "急ぎ" : nil)
            case 7: cmd = .move(to: r.pick(Stage.allCases), reason: "理由 \(n)")
            case 8: cmd = r.chance(70) ? .snooze(item: r.pick(["stale", "next-action"]), until: Day("2027-02-01")!, reason: "待ち")
                                       : .unsnooze(item: "stale")
            case 9: cmd = .setField(path: "issue.why", value: .string(r.pick(["課題Ａ", "課題Ｂ", "課題 ①②"])))
            default:
                if let target = done.isEmpty ? nil : r.pick(done),
                   let undone = try? CaseCommands.undo(target, in: c, context: F.ctx(actor, at, id, random: r.next())) {
                    c = undone
                }
                continue
            }
            if let next = try? CaseCommands.apply(cmd, to: c, context: F.ctx(actor, at, id, random: r.next())) {
                c = next
                done.append(id)
            }
        }
        return c
    }

    @Test(arguments: 0..<40) func mergeIsSymmetricCompleteAndExplained(batch: Int) throws {
        for k in 0..<10 {
            let seed = UInt64(batch * 10 + k)
            let base = Self.edit(try F.base(), seed: seed &* 7919, actor: "髙橋", hour: 8, count: 3)
            // Different people, overlapping hours: the interleaving decides which edit is later.
            let a = Self.edit(base, seed: seed &* 31 &+ 1, actor: "佐藤", hour: 10, count: 1 + Int(seed % 12))
            let b = Self.edit(base, seed: seed &* 37 &+ 2, actor: "鈴木", hour: 10, count: 1 + Int((seed / 3) % 12))
            let ab = try CaseMerge.merge(base: F.tree(base), ours: F.tree(a), theirs: F.tree(b), catalog: Fixtures.catalog)
            let ba = try CaseMerge.merge(base: F.tree(base), ours: F.tree(b), theirs: F.tree(a), catalog: Fixtures.catalog)
            #expect(ab.tree == ba.tree, "seed \(seed): merge(a,b) != merge(b,a)")
            let m = F.decode(ab.tree)
            let ids = m.events.map(\.id)
            #expect(ids.count == Set(ids).count, "seed \(seed): an event twice")
            #expect(Set(ids) == Set(a.events.map(\.id)).union(b.events.map(\.id)), "seed \(seed): an event lost or invented")
            #expect(m.events == m.events.sorted(by: Event.mergeOrder), "seed \(seed): log out of order")
            let stageSet = m.events.flatMap(\.changes).filter { $0.field == "stage" }.map(\.after)
            #expect(m.stage == base.stage || stageSet.contains(.string(m.stage.rawValue)), "seed \(seed): stage \(m.stage) unexplained")
            // A field only one side changed takes that side's value.
            for path in ["title", "department", "issue.why"] {
                let (bv, av, cv, mv) = (CaseFields.get(base, path), CaseFields.get(a, path), CaseFields.get(b, path), CaseFields.get(m, path))
                if av == bv { #expect(mv == cv, "seed \(seed): \(path)") }
                if cv == bv { #expect(mv == av, "seed \(seed): \(path)") }
                if av != bv && cv != bv && av != cv {
                    #expect(m.concurrentEdits?.contains { $0.unit == path } == true, "seed \(seed): \(path) disagreement not recorded")
                }
            }
            // Merging the result again with either side changes nothing more.
            let again = try CaseMerge.merge(base: F.tree(a), ours: ab.tree, theirs: F.tree(a), catalog: Fixtures.catalog)
            #expect(again.tree == ab.tree, "seed \(seed): not stable")
        }
    }
}
