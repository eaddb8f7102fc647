import Foundation
import Testing
@testable import RenkeiCore

/// Municipality profiles and partner records merged field by field (issues 12 and 16).
@Suite struct RecordMergeTests {
    static func json(_ s: String) -> JSONValue {
        JSONValue(jsonObject: try! JSONSerialization.jsonObject(with: Data(s.utf8)))!
    }

    static let base = json("""
    {"code": "112151", "name": "狭山市", "desk": {"name": "企画課", "contacts": [{"name": "髙橋", "phone": "04-2953-1111"}]},
     "readiness": {"procurement": "partial"}, "notes": "①メモ"}
    """)

    @Test func fieldsChangedOnDifferentSidesBothStay() {
        var o = Self.base.objectValue!, t = Self.base.objectValue!
        o["notes"] = .string("①メモ ㈱ミライと面談")
        var desk = t["desk"]!.objectValue!
        desk["name"] = .string("政策企画課")
        t["desk"] = .object(desk)
        let r = RecordMerge.merge(base: Self.base, ours: .object(o), theirs: .object(t))
        #expect(r.tree.objectValue?["notes"]?.stringValue == "①メモ ㈱ミライと面談")
        #expect(r.tree.objectValue?["desk"]?.objectValue?["name"]?.stringValue == "政策企画課")
        #expect(r.recorded == 0 && r.tree.objectValue?[RecordMerge.editsKey] == nil)
    }

    @Test func theSameFieldOnBothSidesHasOneWinnerAndTheOtherIsKeptForReview() {
        var o = Self.base.objectValue!, t = Self.base.objectValue!
        o["notes"] = .string("佐藤: 議会前に確認")
        t["notes"] = .string("鈴木: ｶﾀｶﾅで記入 🚀")
        let r1 = RecordMerge.merge(base: Self.base, ours: .object(o), theirs: .object(t))
        let r2 = RecordMerge.merge(base: Self.base, ours: .object(t), theirs: .object(o))
        #expect(r1.tree == r2.tree)                                   // whichever side is "ours"
        #expect(r1.recorded == 1)
        let edit = r1.tree.objectValue?[RecordMerge.editsKey]?.arrayValue?.first?.objectValue
        #expect(edit?["path"]?.stringValue == "notes")
        let kept = r1.tree.objectValue?["notes"]
        #expect(edit?["kept"] == kept && edit?["other"] != kept)
        #expect(Set([edit?["kept"], edit?["other"]].compactMap { $0?.stringValue }) == ["佐藤: 議会前に確認", "鈴木: ｶﾀｶﾅで記入 🚀"])
        // Merging the merged record again with either side records nothing new.
        let again = RecordMerge.merge(base: .object(o), ours: r1.tree, theirs: r2.tree)
        #expect(again.recorded == 0 && again.tree == r1.tree)
    }

    @Test func peopleAndAliasesMergeElementByElement() {
        let b = Self.json(#"{"name": "㈱ミライ", "aliases": ["ミライ"], "people": [{"name": "髙橋", "role": "営業"}]}"#)
        let o = Self.json(#"{"name": "㈱ミライ", "aliases": ["ミライ", "MIRAI"], "people": [{"name": "髙橋", "role": "営業部長"}]}"#)
        let t = Self.json(#"{"name": "㈱ミライ", "aliases": [], "people": [{"name": "髙橋", "role": "営業"}, {"name": "佐藤", "role": "技術"}]}"#)
        let r = RecordMerge.merge(base: b, ours: o, theirs: t)
        #expect(r.tree.objectValue?["aliases"] == .array([.string("MIRAI")]))      // removed there, added here
        let people = r.tree.objectValue?["people"]?.arrayValue ?? []
        #expect(people.compactMap { $0.objectValue?["name"]?.stringValue } == ["髙橋", "佐藤"])
        #expect(people.first?.objectValue?["role"]?.stringValue == "営業部長")
        #expect(r.recorded == 0)
        #expect(RecordMerge.merge(base: b, ours: t, theirs: o).tree == r.tree)
    }

    @Test func deletedOnOneSideEditedOnTheOtherKeepsTheEdit() {
        var o = Self.base.objectValue!, t = Self.base.objectValue!
        o["readiness"] = nil
        t["readiness"] = .object(["procurement": .string("ready")])
        let r = RecordMerge.merge(base: Self.base, ours: .object(o), theirs: .object(t))
        #expect(r.tree.objectValue?["readiness"]?.objectValue?["procurement"]?.stringValue == "ready")
    }
    // MARK: - Reviewing a record's concurrent edit (RecordEdits)

    static func conflicted() -> JSONValue {
        var o = base.objectValue!, t = base.objectValue!
        var od = o["desk"]!.objectValue!, td = t["desk"]!.objectValue!
        od["contacts"] = .array([.object(["name": .string("髙橋"), "phone": .string("04-2953-2222")])])
        td["contacts"] = .array([.object(["name": .string("髙橋"), "phone": .string("０４-２９５３-３３３３")])])
        o["desk"] = .object(od); t["desk"] = .object(td)
        o["notes"] = .string("佐藤: 議会前に確認 ①"); t["notes"] = .string("鈴木: ｶﾀｶﾅ 🚀")
        return RecordMerge.merge(base: base, ours: .object(o), theirs: .object(t)).tree
    }

    @Test func recordEditsAreListedWithStableIdsAndPathsThatLeadToTheValue() throws {
        let tree = Self.conflicted()
        let edits = RecordEdits.all(in: tree)
        #expect(Set(edits.map(\.unit)) == ["notes", "desk.contacts[髙橋].phone"])
        #expect(edits.allSatisfy { $0.isOpen && $0.id.hasPrefix("r") && RecordEdits.value(at: $0.unit, in: tree) == $0.kept })
        // The same disagreement gives the same id on every machine.
        #expect(RecordEdits.all(in: Self.conflicted()).map(\.id) == edits.map(\.id))
    }

    @Test func takingTheOtherValueAndUndoingItRoundTrips() throws {
        let tree = Self.conflicted()
        let at = Timestamp("2026-12-03T10:00:00+09:00")!
        for e in RecordEdits.all(in: tree) {
            let r = try RecordEdits.resolve(tree, id: e.id, takeOther: true, by: "髙橋", at: at)
            #expect(RecordEdits.value(at: e.unit, in: r.tree) == e.other && r.before == e.kept && r.after == e.other)
            let reviewed = try #require(RecordEdits.all(in: r.tree).first { $0.id == e.id })
            #expect(reviewed.resolution == ConcurrentEdit.Resolution(choice: .other, by: "髙橋", at: at))
            #expect(RecordEdits.unresolve(r.tree, id: e.id, path: r.path, before: r.before, after: r.after) == tree)
            // Changed since (by a sync or by hand): undo refuses rather than overwrite.
            let changed = try #require(RecordEdits.setting(e.unit, to: .string("別の値"), in: r.tree))
            #expect(RecordEdits.unresolve(changed, id: e.id, path: r.path, before: r.before, after: r.after) == nil)
            // Keeping changes no field, only the review.
            let kept = try RecordEdits.resolve(tree, id: e.id, takeOther: false, by: "髙橋", at: at)
            #expect(RecordEdits.value(at: e.unit, in: kept.tree) == e.kept && kept.before == kept.after)
        }
        #expect(throws: RecordEdits.Failure.unknown(id: "r-none")) { try RecordEdits.resolve(tree, id: "r-none", takeOther: true, by: "a", at: at) }
    }

    /// A review made on one machine wins over the same record still open on the other, in
    /// either merge direction, so every replica stops listing it.
    @Test func aReviewTravelsThroughTheMergeWhicheverSideIsOurs() throws {
        let tree = Self.conflicted()
        let e = try #require(RecordEdits.all(in: tree).first { $0.unit == "notes" })
        let reviewed = try RecordEdits.resolve(tree, id: e.id, takeOther: true, by: "佐藤", at: Timestamp("2026-12-03T10:00:00+09:00")!).tree
        let m1 = RecordMerge.merge(base: tree, ours: reviewed, theirs: tree)
        let m2 = RecordMerge.merge(base: tree, ours: tree, theirs: reviewed)
        #expect(m1.tree == m2.tree && m1.tree == reviewed && m1.recorded == 0)
        #expect(RecordEdits.all(in: m1.tree).filter(\.isOpen).map(\.unit) == ["desk.contacts[髙橋].phone"])
    }
}
