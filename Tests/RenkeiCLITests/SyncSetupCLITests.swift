import Foundation
import Testing

/// `renkei sync init` and `renkei clone` as issue 12 words them: init writes `.gitattributes`
/// (case files merged by renkei) and `.gitignore` (everything machine-local), registers the
/// driver, makes the first commit — or adopts an existing repository, keeping its history and
/// its own lines; clone leaves a workspace ready to use (driver registered, index built).
@Suite(.serialized) struct SyncSetupCLITests {
    static let attributes = ["cases/*.json merge=renkei", "trash/*.json merge=renkei",
                             "municipalities/*.json merge=renkei", "partners/*.json merge=renkei"]
    static let ignored = [".index/", "undo.json", ".lock", ".renkei-tmp-*", "quarantine/", "exports/", "ical/", "unseen.json"]

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func initWritesAttributesIgnoresDriverAndTheFirstCommit() throws {
        let lab = try SyncLab()
        try lab.setUp(["a"])
        let ws = lab.ws("a")
        #expect(Set(Self.attributes).isSubset(of: try Self.lines(ws.appendingPathComponent(".gitattributes"))))
        #expect(Set(Self.ignored).isSubset(of: try Self.lines(ws.appendingPathComponent(".gitignore"))))
        // git itself sees case files as merged by renkei, with this binary.
        #expect(try lab.git("a", ["check-attr", "merge", "cases/aichi-station-ai-drone.json"]).1.hasSuffix("merge: renkei\n"))
        let driver = try lab.git("a", ["config", "merge.renkei.driver"]).1
        #expect(driver.contains(CLI.binary.path) && driver.contains("merge-driver %O %A %B %P"), "\(driver)")
        // One commit holding the cases and the two files, nothing machine-local; the hub has it.
        #expect(try lab.git("a", ["rev-list", "--count", "HEAD"]).1 == "1\n")
        let tracked = try lab.git("a", ["ls-files"]).1.split(separator: "\n").map(String.init)
        #expect(tracked.filter { $0.hasPrefix("cases/") }.count == lab.files("a").count && lab.files("a").count > 10)
        #expect(tracked.contains(".gitattributes") && tracked.contains(".gitignore"))
        #expect(!tracked.contains { $0.hasPrefix(".index/") || $0 == "undo.json" || $0 == "unseen.json" || $0.hasPrefix("quarantine/") }, "\(tracked)")
        #expect(try lab.git("a", ["rev-parse", "HEAD"]).1 == (try SyncLab.git(["rev-parse", "main"], in: lab.hub).1))
        #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty)
    }

    @Test func initAdoptsAnExistingRepositoryKeepingItsHistoryAndLines() throws {
        let lab = try SyncLab()
        let ws = lab.ws("own")
        #expect(try CLI.run(["init", ws.path, "--sample"]).status == 0)
        // Someone already kept the workspace in git, with their own ignore and attribute lines.
        try SyncLab.git(["init", "-q", "-b", "main"], in: ws)
        try Data("私のメモ.txt\n".utf8).write(to: ws.appendingPathComponent(".gitignore"))
        try Data("*.md text\n".utf8).write(to: ws.appendingPathComponent(".gitattributes"))
        try SyncLab.git(["add", "cases", ".gitignore", ".gitattributes"], in: ws)
        try SyncLab.git(["commit", "-qm", "自分の履歴 ①"], in: ws)
        let first = try SyncLab.git(["rev-parse", "HEAD"], in: ws).1
        let r = try lab.run("own", ["sync", "init", "--remote", lab.hub.path])
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        // The old history is the new one's past; their lines are kept, ours added once.
        #expect(try lab.git("own", ["merge-base", "--is-ancestor", first.trimmingCharacters(in: .whitespacesAndNewlines), "HEAD"], allowFail: true).0 == 0)
        #expect(try lab.git("own", ["log", "--format=%s"]).1.contains("自分の履歴 ①"))
        let ignore = try Self.lines(ws.appendingPathComponent(".gitignore"))
        #expect(ignore.contains("私のメモ.txt") && Set(Self.ignored).isSubset(of: ignore))
        let attrs = try Self.lines(ws.appendingPathComponent(".gitattributes"))
        #expect(attrs.contains("*.md text") && Set(Self.attributes).isSubset(of: attrs))
        // Running it again changes nothing: no line twice, no new commit.
        let head = try lab.git("own", ["rev-parse", "HEAD"]).1
        #expect(try lab.run("own", ["sync", "init", "--remote", lab.hub.path]).status == 0)
        let again = try Self.lines(ws.appendingPathComponent(".gitignore"))
        #expect(again.count == Set(again).count && again == ignore)
        #expect(try lab.git("own", ["rev-parse", "HEAD"]).1 == head)
        #expect(try lab.git("own", ["status", "--porcelain"]).1.isEmpty)
    }

    @Test func cloneLeavesAWorkspaceReadyToUse() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        let b = lab.ws("b")
        // The driver is registered in the clone's own config (it does not travel with the repository).
        #expect(try lab.git("b", ["config", "merge.renkei.driver"]).1.contains("merge-driver %O %A %B %P"))
        // The index was built by clone: the next command finds it on disk, whole. (Its entries
        // are re-read once while the checked-out files are younger than the index's racy-clean
        // margin — git's own rule — so "reused" is not asserted.)
        #expect(FileManager.default.fileExists(atPath: b.appendingPathComponent(".index/summaries.v1").path))
        let index = try lab.run("b", ["dev", "index"])
        let n = lab.files("b").count
        #expect(index.stdout.hasPrefix("cases \(n) · entries \(n) · source disk · "), "\(index.stdout)")
        #expect(lab.files("a") == lab.files("b"))
        #expect(try lab.run("b", ["validate"]).status == 0)
        // The full layout, though git keeps no empty directories.
        for sub in ["trash", "cases"] { #expect(FileManager.default.fileExists(atPath: b.appendingPathComponent(sub).path), "\(sub)") }
        #expect(try lab.git("b", ["status", "--porcelain"]).1.isEmpty)
    }
}
