import Foundation
import Testing
@testable import RenkeiCore

/// The three-way merge of one case (issue 12): union of events, one-sided changes taken,
/// both-sided changes decided by the later event and recorded, lists merged element by element.
struct CaseMergeTests {
    typealias F = MergeFixtures

    @Test func changesOnDifferentFieldsAreBothKeptAndEventsAppearOnce() throws {
        let base = try F.base()
        let ours = try F.run(base, .setField(path: "title", value: .string("新しい件名 ㈱")), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .addNote(text: "ﾊﾝｶｸ のメモ 🎌"), "鈴木", "2026-11-24T09:00:00+09:00", "t1")
        let (m, r) = try F.merge(base, ours, theirs)
        #expect(m.title == "新しい件名 ㈱")
        #expect(m.notes.map(\.text) == ["ﾊﾝｶｸ のメモ 🎌"])
        #expect(Set(m.events.map(\.id)).count == m.events.count)
        #expect(Set(m.events.map(\.id)) == Set(ours.events.map(\.id)).union(theirs.events.map(\.id)))
        #expect(r.recorded.isEmpty && m.concurrentEdits == nil)
        #expect(m.revision > max(ours.revision, theirs.revision) || m.revision == max(ours.revision, theirs.revision) + 1)
    }

    @Test func bothChangingAFieldKeepsTheLaterAndRecordsTheOther() throws {
        let base = try F.base()
        let ours = try F.run(base, .setField(path: "title", value: .string("佐藤案")), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .setField(path: "title", value: .string("鈴木案")), "鈴木", "2026-11-24T11:00:00+09:00", "t1")
        let (m, r) = try F.merge(base, ours, theirs)
        let (m2, _) = try F.merge(base, theirs, ours)
        #expect(F.tree(m) == F.tree(m2))
        #expect(m.title == "鈴木案")
        let e = try #require(m.concurrentEdits?.first)
        #expect(r.recorded == [e])
        #expect(e.unit == "title" && e.field == "title" && e.cause == .bothChanged && e.isOpen)
        #expect(e.kept == .string("鈴木案") && e.other == .string("佐藤案"))
        #expect(e.keptSide.by == "鈴木" && e.otherSide.by == "佐藤")
        #expect(e.keptSide.at?.text == "2026-11-24T11:00:00+09:00" && e.otherSide.event == ours.events.last?.id)
    }

    @Test func sameTimeIsDecidedByActorThenTheSameEverywhere() throws {
        let base = try F.base()
        let ours = try F.run(base, .setField(path: "department", value: .string("企画課")), "Ａさん", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .setField(path: "department", value: .string("教育委員会")), "Ｂさん", "2026-11-24T10:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        let (m2, _) = try F.merge(base, theirs, ours)
        #expect(m.department == "教育委員会")   // "Ｂさん" sorts after "Ａさん"
        #expect(F.tree(m) == F.tree(m2))
    }

    @Test func ticksTagsPartnersAndSnoozesMergeAsSets() throws {
        var base = try F.base()
        base = try F.run(base, .setField(path: "tags", value: .array([.string("教育"), .string("令和7年度")])), "髙橋", "2026-11-23T09:20:00+09:00", "b5")
        var ours = try F.run(base, .tick(item: "idef-b"), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        ours = try F.run(ours, .setField(path: "tags", value: .array([.string("教育"), .string("令和7年度"), .string("ＤＸ")])), "佐藤", "2026-11-24T10:01:00+09:00", "o2")
        ours = try F.run(ours, .setField(path: "partnerList", value: .array(F.tree(base).objectValue!["partners"]!.arrayValue! + [
            .object(["name": .string("信用金庫"), "kind": .string("financial-institution")])])), "佐藤", "2026-11-24T10:02:00+09:00", "o3")
        var theirs = try F.run(base, .untick(item: "ps-1"), "鈴木", "2026-11-24T09:00:00+09:00", "t1")
        theirs = try F.run(theirs, .setField(path: "tags", value: .array([.string("教育")])), "鈴木", "2026-11-24T09:01:00+09:00", "t2")
        theirs = try F.run(theirs, .setField(path: "partnerList", value: .array(F.tree(base).objectValue!["partners"]!.arrayValue! + [
            .object(["name": .string("髙専"), "kind": .string("university")])])), "鈴木", "2026-11-24T09:02:00+09:00", "t3")
        theirs = try F.run(theirs, .snooze(item: "stale", until: Day("2027-01-10")!, reason: "議会待ち"), "鈴木", "2026-11-24T09:03:00+09:00", "t4")
        let (m, r) = try F.merge(base, ours, theirs)
        #expect(Set(m.checklist.keys) == ["idef-a", "idef-b"])
        #expect(m.tags == ["教育", "ＤＸ"])
        #expect(m.partners.map(\.name) == ["株式会社ｶﾀｶﾅ", "信用金庫", "髙専"])
        #expect(m.snoozes.map(\.item) == ["stale"])
        #expect(r.recorded.isEmpty)
    }

    /// KPIs and contacts are sets keyed by name (issue 12 names KPIs): each side's additions are
    /// kept, a KPI changed on one side takes that change, and one KPI changed on both sides keeps
    /// one version (the later) and records the other — never a whole-list overwrite.
    @Test func kpisAndContactsMergeByName() throws {
        func kpi(_ name: String, _ unit: String, target: Int, actuals: [(String, Int)] = []) -> JSONValue {
            .object(["name": .string(name), "unit": .string(unit), "target": .int(target),
                     "actuals": .array(actuals.map { .object(["date": .string($0.0), "value": .int($0.1)]) })])
        }
        func contact(_ name: String, _ org: String) -> JSONValue { .object(["name": .string(name), "organization": .string(org)]) }
        var base = try F.base()
        base = try F.run(base, .setField(path: "kpiList", value: .array([kpi("参加者数", "人", target: 100), kpi("満足度", "％", target: 80)])),
                         "髙橋", "2026-11-23T09:20:00+09:00", "b5")
        var ours = try F.run(base, .setField(path: "kpiList", value: .array([kpi("参加者数", "人", target: 120), kpi("満足度", "％", target: 80),
                                                                           kpi("CO₂削減量", "t", target: 5)])), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        ours = try F.run(ours, .setField(path: "contactList", value: .array([contact("髙橋 一郎", "㈱ミライ")])), "佐藤", "2026-11-24T10:01:00+09:00", "o2")
        var theirs = try F.run(base, .setField(path: "kpiList", value: .array([kpi("参加者数", "人", target: 100),
                                                                             kpi("満足度", "％", target: 80, actuals: [("2026-11-20", 76)]),
                                                                             kpi("来場者数 ①", "人", target: 300)])), "鈴木", "2026-11-24T09:00:00+09:00", "t1")
        theirs = try F.run(theirs, .setField(path: "contactList", value: .array([contact("佐藤 ﾊﾅｺ", "狭山市 企画課")])), "鈴木", "2026-11-24T09:01:00+09:00", "t2")
        let (m, r) = try F.merge(base, ours, theirs)
        #expect(Set(m.kpis.map(\.name)) == ["参加者数", "満足度", "CO₂削減量", "来場者数 ①"])
        #expect(m.kpis.first { $0.name == "参加者数" }?.target == 120)                 // ours alone changed it
        #expect(m.kpis.first { $0.name == "満足度" }?.actuals.map(\.value) == [76])   // theirs alone changed it
        #expect(Set(m.contacts.map(\.name)) == ["髙橋 一郎", "佐藤 ﾊﾅｺ"])
        #expect(r.recorded.isEmpty, "\(r.recorded)")
        #expect(F.tree(m) == F.tree(try F.merge(base, theirs, ours).0))

        // The same KPI changed on both sides: the later change wins, the other is recorded.
        let later = try F.run(base, .setField(path: "kpiList", value: .array([kpi("参加者数", "人", target: 150), kpi("満足度", "％", target: 80)])),
                              "鈴木", "2026-11-24T11:00:00+09:00", "t3")
        let (both, r2) = try F.merge(base, ours, later)
        #expect(both.kpis.first { $0.name == "参加者数" }?.target == 150)
        #expect(both.kpis.contains { $0.name == "CO₂削減量" })
        #expect(r2.recorded.count == 1 && r2.recorded[0].unit.hasPrefix("kpis["), "\(r2.recorded.map(\.unit))")
    }

    @Test func notesFromBothSidesAreKeptInTimeOrder() throws {
        let base = try F.base()
        let ours = try F.run(base, .addNote(text: "後"), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .addNote(text: "先"), "鈴木", "2026-11-24T09:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        #expect(m.notes.map(\.text) == ["先", "後"])
    }

    @Test func stageMovesOnBothSidesTakeTheLaterMoveWithItsReason() throws {
        let base = try F.base()
        let ours = try F.run(base, .move(to: .issueDefinition, reason: "課題の再設定"), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .move(to: .dropped, reason: "見送り（予算なし）"), "鈴木", "2026-11-24T11:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        #expect(m.stage == .dropped && m.stageReason == "見送り（予算なし）")
        let e = try #require(m.concurrentEdits?.first)
        #expect(e.unit == "stage" && e.other.objectValue?["stage"] == .string("issue-definition"))
        // The merged stage is what one of the log's stage changes set.
        #expect(m.events.contains { $0.changes.contains { $0.field == "stage" && $0.after == .string(m.stage.rawValue) } })
    }

    @Test func anAdvanceKeepsWhatItsGateNeededAgainstAnUntickElsewhere() throws {
        let base = try F.base()
        let ours = try F.run(base, .advance(note: nil, override: nil), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .untick(item: "ps-1"), "鈴木", "2026-11-24T11:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        let (m2, _) = try F.merge(base, theirs, ours)
        #expect(F.tree(m) == F.tree(m2))
        #expect(m.stage == .coordination)
        #expect(m.checklist["ps-1"] != nil)
        let e = try #require(m.concurrentEdits?.first)
        #expect(e.cause == .gateKept && e.unit == "checklist.ps-1" && e.other == .null && e.otherSide.by == "鈴木")
    }

    @Test func unknownKeysFromANewerRenkeiAreKeptAndMerged() throws {
        let base = try F.base()
        var o = F.tree(try F.run(base, .setField(path: "title", value: .string("件名①")), "佐藤", "2026-11-24T10:00:00+09:00", "o1")).objectValue!
        o["futureOurs"] = .object(["a": .int(1)])
        var t = F.tree(base).objectValue!
        t["futureTheirs"] = .array([.string("ｶﾅ")])
        let r = try CaseMerge.merge(base: F.tree(base), ours: .object(o), theirs: .object(t))
        #expect(r.tree.objectValue?["futureOurs"] == .object(["a": .int(1)]))
        #expect(r.tree.objectValue?["futureTheirs"] == .array([.string("ｶﾅ")]))
        #expect(r.tree.objectValue?["title"] == .string("件名①"))
    }

    @Test func aNewerSchemaVersionIsNotMerged() throws {
        let base = try F.base()
        var t = F.tree(base).objectValue!
        t["schemaVersion"] = .int(Case.schemaVersion + 1)
        #expect(throws: CaseMergeError.newerSchema(side: .theirs, version: Case.schemaVersion + 1)) {
            try CaseMerge.merge(base: F.tree(base), ours: F.tree(base), theirs: .object(t))
        }
        #expect(throws: CaseMergeError.notACase(side: .ours)) {
            try CaseMerge.merge(base: nil, ours: .array([]), theirs: F.tree(base))
        }
    }

    @Test func takingTheOtherValueIsOneUndoableCommand() throws {
        let base = try F.base()
        let ours = try F.run(base, .setField(path: "title", value: .string("佐藤案")), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .setField(path: "title", value: .string("鈴木案")), "鈴木", "2026-11-24T11:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        let id = try #require(m.concurrentEdits?.first?.id)
        let taken = try F.run(m, .resolveConcurrentEdit(id: id, takeOther: true), "佐藤", "2026-11-24T12:00:00+09:00", "r1")
        #expect(taken.title == "佐藤案")
        #expect(taken.concurrentEdits?.first?.resolution?.choice == .other)
        let undone = try CaseCommands.undo("r1", in: taken, context: F.ctx("佐藤", "2026-11-24T12:01:00+09:00", "u1"))
        #expect(undone.title == "鈴木案" && undone.concurrentEdits?.first?.isOpen == true)
        let kept = try F.run(m, .resolveConcurrentEdit(id: id, takeOther: false), "鈴木", "2026-11-24T12:00:00+09:00", "r2")
        #expect(kept.title == "鈴木案" && kept.concurrentEdits?.first?.resolution?.choice == .kept)
        // Merging a reviewed record with the unreviewed one keeps the review.
        let (again, _) = try F.merge(m, kept, m)
        #expect(again.concurrentEdits?.first?.resolution?.choice == .kept)
    }

    @Test func takingTheOtherPartnerChangesOnlyThatPartner() throws {
        let base = try F.base()
        func partners(_ kind: String, role: String) -> JSONValue {
            .array([.object(["name": .string("株式会社ｶﾀｶﾅ"), "kind": .string(kind), "role": .string(role)])])
        }
        let ours = try F.run(base, .setField(path: "partnerList", value: partners("startup", role: "実証")), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        let theirs = try F.run(base, .setField(path: "partnerList", value: partners("company", role: "運用")), "鈴木", "2026-11-24T11:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        let e = try #require(m.concurrentEdits?.first)
        #expect(e.unit == "partners[株式会社ｶﾀｶﾅ]" && e.field == "partnerList")
        let taken = try F.run(m, .resolveConcurrentEdit(id: e.id, takeOther: true), "鈴木", "2026-11-24T12:00:00+09:00", "r1")
        #expect(taken.partners.first?.role == "実証")
    }

    @Test func restoredCaseSaysSoInItsHistory() throws {
        let c = CaseRestore.restored(try F.base(), context: F.ctx("同期", "2026-11-25T09:00:00+09:00", "restore"))
        #expect(c.events.last?.kind == .restored)
        #expect(EventKind.restored.label(.ja).contains("復元"))
    }
}
