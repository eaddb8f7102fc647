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
}
