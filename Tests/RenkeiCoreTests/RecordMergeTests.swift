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
}
