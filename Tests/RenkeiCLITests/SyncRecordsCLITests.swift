import Foundation
import RenkeiTestSupport
import Testing

/// Municipality profiles and partner records in a shared workspace merge field by field, like
/// cases (issue 16: "merged like cases when the workspace is shared"; issue 12).
@Suite(.serialized) struct SyncRecordsCLITests {
    static let profile = "municipalities/112151.json"

    func edit(_ lab: SyncLab, _ who: String, _ path: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = lab.ws(who).appendingPathComponent(path)
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        change(&obj)
        try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted]).write(to: url)
    }

    func read(_ lab: SyncLab, _ who: String, _ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: lab.ws(who).appendingPathComponent(path))) as! [String: Any]
    }

    @Test func aProfileEditedOnTwoMachinesKeepsBothAndRecordsTheSameField() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        try edit(lab, "a", Self.profile) { $0["notes"] = "佐藤: 議会前に確認 ①" }
        try edit(lab, "b", Self.profile) { o in
            var desk = o["desk"] as! [String: Any]; desk["name"] = "産業振興課 ㈱連携窓口"; o["desk"] = desk
            o["notes"] = "鈴木: ｶﾀｶﾅで記入 🚀"
        }
        #expect(try lab.run("a", ["sync"]).status == 0)
        let b = try lab.run("b", ["sync"])
        #expect(b.status == 0 && b.stderr.isEmpty, "\(b.stdout) \(b.stderr)")
        #expect(b.stdout.contains("1 concurrent edit"), "\(b.stdout)")
        try lab.run("a", ["sync"])
        #expect(lab.files("a", "municipalities") == lab.files("b", "municipalities"))
        let merged = try read(lab, "a", Self.profile)
        #expect((merged["desk"] as? [String: Any])?["name"] as? String == "産業振興課 ㈱連携窓口")
        let edits = merged["concurrentEdits"] as? [[String: Any]] ?? []
        #expect(edits.count == 1 && edits[0]["path"] as? String == "notes")
        let both = Set([edits.first?["kept"] as? String, edits.first?["other"] as? String].compactMap { $0 })
        #expect(both == ["佐藤: 議会前に確認 ①", "鈴木: ｶﾀｶﾅで記入 🚀"])
        #expect(merged["notes"] as? String == edits.first?["kept"] as? String)
        #expect(try lab.run("a", ["municipality", "show", "112151"]).status == 0)
        #expect(lab.files("a", "quarantine").isEmpty)
    }

    @Test func theDriverMergesAPartnerRecordUnderPlainGitPull() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        let path = "partners/cureapp.json"
        try edit(lab, "b", path) { $0["notes"] = "髙橋: 面談済み" }
        try lab.git("b", ["commit", "-qam", "b"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        try edit(lab, "a", path) { o in o["aliases"] = ((o["aliases"] as? [String]) ?? []) + ["ｷｭｱｱｯﾌﾟ"] }
        try lab.git("a", ["commit", "-qam", "a"])
        let (rc, out) = try lab.git("a", ["pull", "-q", "--no-rebase", "origin", "main"], allowFail: true)
        #expect(rc == 0, "\(out)")
        let text = try String(contentsOf: lab.ws("a").appendingPathComponent(path), encoding: .utf8)
        #expect(!text.contains("<<<<<<<"))
        let merged = try read(lab, "a", path)
        #expect(merged["notes"] as? String == "髙橋: 面談済み")
        #expect((merged["aliases"] as? [String])?.contains("ｷｭｱｱｯﾌﾟ") == true)
    }
    /// Issue 12: a profile's or partner record's concurrent edit is listed beside the cases'
    /// (`conflicts`, `--json`), reviewed with one command (keep / take the other), undoable,
    /// and the review travels with the next sync (the other machine no longer lists it).
    @Test func recordEditsAreListedReviewedAndUndoneLikeCases() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        let partner = "partners/cureapp.json"
        try edit(lab, "a", Self.profile) { $0["notes"] = "佐藤: 議会前に確認 ①" }
        try edit(lab, "b", Self.profile) { $0["notes"] = "鈴木: ｶﾀｶﾅで記入 🚀" }
        try edit(lab, "a", partner) { $0["notes"] = "髙橋: 面談済み ㈱" }
        try edit(lab, "b", partner) { $0["notes"] = "令和８年 再訪" }
        try lab.run("a", ["sync"]); try lab.run("b", ["sync"]); try lab.run("a", ["sync"])

        let rows = try CLI.json(try lab.run("a", ["conflicts", "--json"])) as! [[String: Any]]
        let records = rows.filter { $0["record"] != nil }
        #expect(Set(records.compactMap { $0["record"] as? String }) == [Self.profile, partner], "\(rows)")
        let profileRow = try #require(records.first { $0["record"] as? String == Self.profile })
        #expect(profileRow["unit"] as? String == "notes")
        let values = Set([profileRow["kept"] as? String, profileRow["other"] as? String].compactMap { $0 })
        #expect(values == ["佐藤: 議会前に確認 ①", "鈴木: ｶﾀｶﾅで記入 🚀"])
        let text = try lab.run("a", ["conflicts"]).stdout
        #expect(text.contains(Self.profile) && text.contains(partner) && text.contains("2 concurrent edits"), "\(text)")

        // Take the other value: the field changes, the edit is no longer listed; undo brings both back.
        let n = try #require(profileRow["number"] as? Int)
        let other = try #require(profileRow["other"] as? String), kept = try #require(profileRow["kept"] as? String)
        let took = try lab.run("a", ["conflicts", "--take-other", "\(n)"])
        #expect(took.status == 0, "\(took.stderr)")
        #expect(try read(lab, "a", Self.profile)["notes"] as? String == other)
        #expect(!(try lab.run("a", ["conflicts"]).stdout.contains(Self.profile)))
        #expect(try lab.run("a", ["undo"]).status == 0)
        #expect(try read(lab, "a", Self.profile)["notes"] as? String == kept)
        #expect(try lab.run("a", ["conflicts"]).stdout.contains(Self.profile))
        #expect(try lab.run("a", ["redo"]).status == 0)
        #expect(try read(lab, "a", Self.profile)["notes"] as? String == other)

        // Keep the partner's value: nothing changes but the review; both machines agree after syncs.
        let partnerRow = try #require((try CLI.json(try lab.run("a", ["conflicts", "--json"])) as! [[String: Any]]).first { $0["record"] as? String == partner })
        let partnerNotes = try read(lab, "a", partner)["notes"] as? String
        #expect(try lab.run("a", ["conflicts", "--keep", "\(partnerRow["id"] as! String)"]).status == 0)
        #expect(try read(lab, "a", partner)["notes"] as? String == partnerNotes)
        try lab.run("a", ["sync"]); try lab.run("b", ["sync"]); try lab.run("a", ["sync"])
        #expect(lab.files("a", "municipalities") == lab.files("b", "municipalities"))
        #expect(lab.files("a", "partners") == lab.files("b", "partners"))
        #expect(try read(lab, "b", Self.profile)["notes"] as? String == other)
        let left = try CLI.json(try lab.run("b", ["conflicts", "--json"])) as! [[String: Any]]
        #expect(left.filter { $0["record"] != nil }.isEmpty, "\(left)")
        #expect(try lab.run("b", ["municipality", "show", "112151"]).status == 0)
    }
}
