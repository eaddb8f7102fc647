import Foundation
import Testing

/// `renkei sync`, `clone`, `conflicts` and the merge driver on real temp repositories: a bare
/// repository as the shared folder, several workspaces (issue 12).
@Suite(.serialized) struct SyncCLITests {
    static let id = "aichi-station-ai-drone"

    @Test func roundTripBothSidesEditTheSameFieldAndReview() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        #expect(lab.files("a") == lab.files("b") && lab.files("a").count > 10)
        try lab.run("a", ["set", Self.id, "title", "佐藤案 ①"], at: "2026-12-01T10:00:00+09:00")
        try lab.run("b", ["set", Self.id, "title", "鈴木案 ㈱"], at: "2026-12-01T11:00:00+09:00")
        try lab.run("b", ["note", Self.id, "ﾊﾝｶｸのメモ 🎌"], at: "2026-12-01T11:01:00+09:00")
        #expect(try lab.run("a", ["sync"]).stdout.contains("↑1 ↓0"))
        let b = try lab.run("b", ["sync"])
        #expect(b.status == 0)
        #expect(b.stdout.contains("↑1 ↓1 merged 1 case, 1 concurrent edit to review"), "\(b.stdout)")
        let a = try lab.run("a", ["sync"])
        #expect(a.status == 0 && a.stdout.contains("↓1"), "\(a.stdout) \(a.stderr)")
        #expect(lab.files("a") == lab.files("b"), "replicas differ after syncs")

        let list = try lab.run("a", ["conflicts"])
        #expect(list.stdout.contains("鈴木案 ㈱") && list.stdout.contains("佐藤案 ①") && list.stdout.contains("職員b"), "\(list.stdout)")
        let rows = try CLI.json(try lab.run("a", ["conflicts", "--json"])) as! [[String: Any]]
        #expect(rows.count == 1 && rows[0]["field"] as? String == "title" && rows[0]["keptBy"] as? String == "職員b")
        let ja = try CLI.run(["conflicts"], workspace: lab.ws("a"), env: ["RENKEI_LANG": "ja"])
        #expect(ja.stdout.contains("件名") && ja.stdout.contains("採用"))

        #expect(try lab.run("a", ["conflicts", "--take-other", "1"]).status == 0)
        #expect(try lab.caseJSON("a", Self.id)["title"] as? String == "佐藤案 ①")
        #expect(try lab.run("a", ["conflicts"]).stdout.contains("no concurrent edits"))
        // Undo takes the review back like any command.
        #expect(try lab.run("a", ["undo"]).status == 0)
        #expect(try lab.caseJSON("a", Self.id)["title"] as? String == "鈴木案 ㈱")
        #expect(try lab.run("a", ["conflicts", "--keep", "1"]).status == 0)
        try lab.run("a", ["sync"]); try lab.run("b", ["sync"])
        #expect(lab.files("a") == lab.files("b"))
        #expect(try lab.run("b", ["conflicts"]).stdout.contains("no concurrent edits"))
        #expect(try lab.run("b", ["validate"]).status == 0)
        #expect(try lab.run("b", ["sync"]).stdout.contains("up to date"))
    }

    @Test func theDriverMergesUnderPlainGitPull() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        try lab.run("b", ["set", Self.id, "department", "企画課"], at: "2026-12-02T10:00:00+09:00")
        try lab.git("b", ["add", "-A"]); try lab.git("b", ["commit", "-qm", "b"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        try lab.run("a", ["note", Self.id, "佐藤メモ"], at: "2026-12-02T11:00:00+09:00")
        try lab.git("a", ["add", "-A"]); try lab.git("a", ["commit", "-qm", "a"])
        let (rc, out) = try lab.git("a", ["pull", "-q", "--no-rebase", "origin", "main"], allowFail: true)
        #expect(rc == 0, "\(out)")
        let text = try String(contentsOf: lab.ws("a").appendingPathComponent("cases/\(Self.id).json"), encoding: .utf8)
        #expect(!text.contains("<<<<<<<"))
        let c = try lab.caseJSON("a", Self.id)
        #expect(c["department"] as? String == "企画課")
        #expect((c["notes"] as? [[String: Any]])?.contains { $0["text"] as? String == "佐藤メモ" } == true)
        #expect(try lab.run("a", ["validate"]).status == 0)
    }

    @Test func theDriverRefusesADamagedSideWithoutMarkers() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        let path = lab.ws("b").appendingPathComponent("cases/\(Self.id).json")
        try Data("{\"id\": \"aichi-station-ai-drone\", \"title\": \"壊れ".utf8).write(to: path)
        try lab.git("b", ["commit", "-qam", "broken by hand"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        try lab.run("a", ["note", Self.id, "こちらの編集"])
        try lab.git("a", ["commit", "-qam", "a"])
        let (rc, out) = try lab.git("a", ["pull", "--no-rebase", "origin", "main"], allowFail: true)
        #expect(rc != 0)
        #expect(out.contains("cases/\(Self.id).json") && out.contains("other machine"), "\(out)")
        let text = try String(contentsOf: lab.ws("a").appendingPathComponent("cases/\(Self.id).json"), encoding: .utf8)
        #expect(!text.contains("<<<<<<<") && text.contains("こちらの編集"))
        // Both versions stay recoverable from git.
        #expect(try lab.git("a", ["show", ":3:cases/\(Self.id).json"]).1.contains("壊れ"))
        #expect(try lab.git("a", ["show", ":2:cases/\(Self.id).json"]).1.contains("こちらの編集"))
    }

    @Test func aDamagedIncomingCaseIsSetAsideAndTheRestSyncs() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        // Someone's plain git committed conflict markers into a case.
        let path = lab.ws("b").appendingPathComponent("cases/\(Self.id).json")
        let good = try String(contentsOf: path, encoding: .utf8)
        try Data(("<<<<<<< HEAD\n" + good + "=======\n" + good + ">>>>>>> other\n").utf8).write(to: path)
        try lab.git("b", ["commit", "-qam", "markers"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        try lab.run("a", ["note", Self.id, "こちらの編集"])
        try lab.run("a", ["set", "sapporo-snow-power", "department", "環境局"])
        try lab.run("b", ["sync"])  // b's own damaged file is not re-sent
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("cases/\(Self.id).json") && r.stderr.contains("quarantine/"), "\(r.stderr)")
        #expect(try lab.caseJSON("a", Self.id)["notes"] != nil)
        #expect(lab.files("a", "quarantine").keys.contains { $0.hasPrefix(Self.id) })
        #expect(try lab.run("a", ["validate"]).status == 0)
        // b gets the readable version back and the other edit.
        try lab.run("b", ["sync"])
        #expect(try lab.caseJSON("b", "sapporo-snow-power")["department"] as? String == "環境局")
        #expect(try lab.run("b", ["validate"]).status == 0)
    }

    @Test func aLocallyDamagedCaseIsNotSent() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        try Data("{ broken".utf8).write(to: lab.ws("a").appendingPathComponent("cases/\(Self.id).json"))
        let r = try lab.run("a", ["sync"])
        #expect(r.stderr.contains("cases/\(Self.id).json") && r.stderr.contains("not sent"), "\(r.stderr)")
        try lab.run("b", ["sync"])
        #expect(try lab.caseJSON("b", Self.id)["title"] != nil)
    }

    @Test func aNewerSchemaStopsTheSyncAndChangesNothing() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        var c = try lab.caseJSON("b", Self.id)
        c["schemaVersion"] = 99
        c["title"] = "未来の renkei"
        try JSONSerialization.data(withJSONObject: c).write(to: lab.ws("b").appendingPathComponent("cases/\(Self.id).json"))
        try lab.git("b", ["commit", "-qam", "newer"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        try lab.run("a", ["note", Self.id, "こちら"])
        let before = lab.files("a")
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 4, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("cases/\(Self.id).json") && r.stderr.contains("newer renkei"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(lab.files("a") == before)
    }

    @Test func trashedHereEditedThereComesBack() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"], sample: false)
        let made = try lab.run("a", ["new", "--title", "ごみ箱テスト ①", "--municipality", "狭山市"])
        let id = try #require(made.stdout.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) })
        try lab.run("a", ["sync"]); try lab.run("b", ["sync"])
        #expect(try lab.run("a", ["undo"]).status == 0)
        #expect(lab.files("a", "trash").keys.contains(id + ".json"))
        try lab.run("b", ["note", id, "まだ使う"])
        try lab.run("a", ["sync"])
        let r = try lab.run("b", ["sync"])
        // b edited, a trashed: the line speaks of both machines, whichever one merges.
        #expect(r.stderr.contains(id) && r.stderr.contains("trashed on one machine and edited on another"), "\(r.stderr)")
        try lab.run("a", ["sync"])
        for who in ["a", "b"] {
            #expect(lab.files(who).keys.contains(id + ".json") && !lab.files(who, "trash").keys.contains(id + ".json"))
            let events = try lab.caseJSON(who, id)["events"] as! [[String: Any]]
            #expect(events.last?["kind"] as? String == "restored")
        }
        #expect(lab.files("a") == lab.files("b"))
    }

    /// Edited and then trashed on one machine, edited on the other: the case comes back with
    /// both machines' edits — including the note written just before the trash, which lived
    /// only in the trashed copy (SyncConvergencePropertyTests, seed 20261218, lost it).
    @Test func editedThenTrashedThereEditedHereKeepsBothSidesEdits() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        #expect(try lab.run("a", ["note", Self.id, "消す前のメモ ①"], at: "2026-12-01T10:00:00+09:00").status == 0)
        #expect(try lab.run("a", ["delete", Self.id]).status == 0)
        #expect(try lab.run("b", ["set", Self.id, "department", "企画課 ㈱"], at: "2026-12-01T10:30:00+09:00").status == 0)
        #expect(try lab.run("a", ["sync"]).status == 0)
        let r = try lab.run("b", ["sync"])
        #expect(r.status == 0 && r.stderr.contains(Self.id), "\(r.stdout + r.stderr)")
        try lab.run("a", ["sync"])
        for who in ["a", "b"] {
            let c = try lab.caseJSON(who, Self.id)
            #expect((c["notes"] as? [[String: Any]])?.contains { $0["text"] as? String == "消す前のメモ ①" } == true, "\(who) lost a's note")
            #expect(c["department"] as? String == "企画課 ㈱", "\(who) lost b's edit")
            #expect(!lab.files(who, "trash").keys.contains(Self.id + ".json"))
        }
        #expect(lab.files("a") == lab.files("b"))
        #expect(try lab.run("a", ["validate"]).status == 0)
    }

    /// Renamed by hand on one machine (`git mv`: to git a delete and an add), edited on the other:
    /// the edit is not lost — the case comes back under its id with the edit — and the renamed
    /// copy, which now claims the same id, is named by `validate` with what to do.
    @Test func renamedByHandThereEditedHereKeepsTheEdit() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        try lab.git("b", ["mv", "cases/\(Self.id).json", "cases/愛知-改名.json"])
        try lab.git("b", ["commit", "-qm", "改名"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        #expect(try lab.run("a", ["note", Self.id, "こちらのメモ ①"]).status == 0)
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        #expect(r.stderr.contains(Self.id) && r.stderr.contains("brought back"), "\(r.stderr)")
        let back = try lab.caseJSON("a", Self.id)
        #expect((back["notes"] as? [[String: Any]])?.contains { $0["text"] as? String == "こちらのメモ ①" } == true)
        #expect((back["events"] as? [[String: Any]])?.last?["kind"] as? String == "restored")
        let v = try lab.run("a", ["validate"])
        let problems = v.stdout.split(separator: "\n").filter { $0.contains("愛知-改名.json") }
        #expect(v.status == 1 && problems.count == 1 && problems[0].contains("rename the file or fix the id"), "\(v.stdout)")
        try lab.run("b", ["sync"])
        #expect(lab.files("a") == lab.files("b"))
        #expect(try lab.caseJSON("b", Self.id)["notes"] != nil)
    }

    @Test func withoutARemoteOrAReachableOneTheChangesStayHere() throws {
        let lab = try SyncLab()
        let ws = lab.ws("solo")
        _ = try CLI.run(["init", ws.path])
        let notShared = try lab.run("solo", ["sync"])
        #expect(notShared.status == 1 && notShared.stderr.contains("sync init"))
        #expect(try lab.run("solo", ["sync", "init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".git").path))
        try lab.run("solo", ["new", "--title", "オフライン", "--municipality", "狭山市"])
        let noRemote = try lab.run("solo", ["sync"])
        #expect(noRemote.status == 1 && noRemote.stderr.contains("--remote"), "\(noRemote.stderr)")
        #expect(try lab.git("solo", ["status", "--porcelain"]).1.isEmpty)   // committed here
        try lab.git("solo", ["remote", "add", "origin", lab.dir.appendingPathComponent("nowhere.git").path])
        let offline = try lab.run("solo", ["sync"])
        #expect(offline.status == 1 && offline.stderr.contains("cannot reach"), "\(offline.stderr)")
        #expect(offline.stderr.split(separator: "\n").count == 1)
        #expect(try lab.run("solo", ["list"]).status == 0)
    }

    @Test func unrelatedHistoryAndCloneIntoAFullDirectoryAreRefused() throws {
        let lab = try SyncLab()
        try lab.setUp(["a"])
        let other = lab.ws("other")
        _ = try CLI.run(["init", other.path, "--sample"])
        let r = try lab.run("other", ["sync", "init", "--remote", lab.hub.path])
        #expect(r.status == 4 && r.stderr.contains("renkei clone"), "\(r.status) \(r.stderr)")
        let c = try CLI.run(["clone", lab.hub.path, other.path])
        #expect(c.status == 1 && c.stderr.contains("not empty"))
    }
}
