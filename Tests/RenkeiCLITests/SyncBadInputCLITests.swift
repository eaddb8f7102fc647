import Foundation
import RenkeiTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What gets in a sync's way (issue 12, "bad input"): each gets one line saying what to do, the
/// contract's exit code, nothing lost, the workspace still usable offline.
@Suite(.serialized) struct SyncBadInputCLITests {
    static let id = "aichi-station-ai-drone"

    /// A git host that refuses everyone: every request answers 401 (no prompt can help: renkei
    /// runs git with GIT_TERMINAL_PROMPT=0 and stores no credentials).
    final class RefusingHost {
        let process = Process()
        let port: Int
        init(in dir: URL) throws {
            let portFile = dir.appendingPathComponent("host-port")
            let script = """
            import http.server, sys
            class H(http.server.BaseHTTPRequestHandler):
                def refuse(self):
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="renkei"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                do_GET = do_POST = refuse
                def log_message(self, *args): pass
            s = http.server.HTTPServer(("127.0.0.1", 0), H)
            open(sys.argv[1] + ".tmp", "w").write(str(s.server_address[1]))
            import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
            s.serve_forever()
            """
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, portFile.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The port, written once the server listens (at most ~10 s on a loaded machine).
            var found: Int?
            for _ in 0..<200 where found == nil {
                found = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
                if found == nil { usleep(50_000) }
            }
            guard let found else {
                kill(process.processIdentifier, SIGKILL)
                throw HarnessError("the refusing host did not start")
            }
            port = found
        }
        var url: String { "http://127.0.0.1:\(port)/portfolio.git" }
        func stop() { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }

    @Test func anAuthenticationFailureSaysSoOnOneLineAndKeepsTheChangesHere() throws {
        let lab = try SyncLab()
        let host = try RefusingHost(in: lab.dir)
        defer { host.stop() }
        let ws = lab.ws("solo")
        _ = try CLI.run(["init", ws.path, "--sample"])
        let r = try lab.run("solo", ["sync", "init", "--remote", host.url])
        #expect(r.status == 1, "\(r.status) \(r.stdout + r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("authentication") && lines[0].contains("credential"), "\(r.stderr)")
        #expect(try lab.git("solo", ["status", "--porcelain"]).1.isEmpty)          // committed here
        try lab.run("solo", ["note", Self.id, "認証なしで記録 ①"])
        let again = try lab.run("solo", ["sync"])
        #expect(again.status == 1 && again.stderr.contains("authentication"), "\(again.stdout + again.stderr)")
        #expect(try lab.git("solo", ["log", "-1", "--format=%s"]).1.contains("changed"))
        #expect(try lab.run("solo", ["list"]).status == 0)
        #expect(try lab.run("solo", ["validate"]).status == 0)
        // Joining through the same host fails the same way and leaves no half-made directory.
        let c = try CLI.run(["clone", host.url, lab.ws("joiner").path], env: lab.env("j"))
        #expect(c.status == 1 && c.stderr.contains("authentication"), "\(c.stdout + c.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lab.ws("joiner").path))
    }

    /// A machine without git (PATH holds none): sync, sync init and clone each say so on one
    /// line (exit 1) and change nothing; the workspace keeps working without sync.
    @Test func withoutGitInstalledSyncSaysHowToGetItAndNothingChanges() throws {
        let lab = try SyncLab()
        try lab.setUp(["a"])
        let noGit = ["PATH": lab.dir.appendingPathComponent("bin-without-git").path]
        try FileManager.default.createDirectory(at: lab.dir.appendingPathComponent("bin-without-git"), withIntermediateDirectories: true)
        func oneLine(_ r: CLI.Result, _ what: String) {
            #expect(r.status == 1, "\(what): \(r.status) \(r.stdout + r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("git is not installed") && lines[0].contains("make deps"), "\(what): \(r.stderr)")
        }
        #expect(try lab.run("a", ["note", Self.id, "git なしのメモ ①"]).status == 0)
        let before = lab.files("a")
        oneLine(try CLI.run(["sync", "--workspace", lab.ws("a").path], env: lab.env("a").merging(noGit) { $1 }), "sync")
        #expect(lab.files("a") == before)
        #expect(try lab.git("a", ["status", "--porcelain"]).1.contains("cases/\(Self.id).json"))   // not committed behind git's back
        let solo = lab.ws("solo")
        _ = try CLI.run(["init", solo.path, "--sample"])
        oneLine(try CLI.run(["sync", "init", "--remote", lab.hub.path, "--workspace", solo.path], env: lab.env("solo").merging(noGit) { $1 }), "sync init")
        #expect(!FileManager.default.fileExists(atPath: solo.appendingPathComponent(".git").path))
        oneLine(try CLI.run(["clone", lab.hub.path, lab.ws("joiner").path], env: lab.env("j").merging(noGit) { $1 }), "clone")
        #expect(!FileManager.default.fileExists(atPath: lab.ws("joiner").path))
        // Everything else works as without sync.
        let list = try CLI.run(["list", "--count", "--workspace", lab.ws("a").path], env: lab.env("a").merging(noGit) { $1 })
        #expect(list.status == 0 && list.stdout == "\(before.count)\n", "\(list.stdout + list.stderr)")
        #expect(try CLI.run(["note", Self.id, "まだ書ける ②", "--workspace", lab.ws("a").path], env: lab.env("a").merging(noGit) { $1 }).status == 0)
        // With git back, the next sync sends both notes.
        #expect(try lab.run("a", ["sync"]).stdout.hasPrefix("↑1"))
    }

    @Test func conflictMarkersCommittedByPlainGitNeverReplaceAReadableCase() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        // b's plain git committed conflict markers into a case a has not touched (a fast-forward for a).
        let path = lab.ws("b").appendingPathComponent("cases/\(Self.id).json")
        let good = try String(contentsOf: path, encoding: .utf8)
        try Data(("<<<<<<< HEAD\n" + good + "=======\n" + good + ">>>>>>> theirs\n").utf8).write(to: path)
        try lab.git("b", ["commit", "-qam", "markers"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        let warn = r.stderr.split(separator: "\n")
        #expect(warn.count == 1 && warn[0].contains("cases/\(Self.id).json") && warn[0].contains("quarantine/"), "\(r.stderr)")
        #expect(try String(contentsOf: lab.ws("a").appendingPathComponent("cases/\(Self.id).json"), encoding: .utf8) == good)
        #expect(lab.files("a", "quarantine").keys.contains { $0.hasPrefix(Self.id) })
        #expect(try lab.run("a", ["validate"]).status == 0)
        // The readable version went back out in the same sync: b is repaired by its next sync.
        try lab.run("b", ["sync"])
        #expect(try String(contentsOf: path, encoding: .utf8) == good)
        #expect(try lab.run("b", ["validate"]).status == 0)
        #expect(try lab.run("a", ["sync"]).stdout.contains("up to date"))
    }

    @Test func aWorkTreeEditedByHandIsCommittedAndMerged() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        // A hand edit in an editor (valid JSON, a field changed, no event), a stray new file,
        // and a half-staged `git add` — all of it is this person's work.
        let path = lab.ws("a").appendingPathComponent("cases/\(Self.id).json")
        var c = try lab.caseJSON("a", Self.id)
        c["department"] = "手で直した課 ①"
        try JSONSerialization.data(withJSONObject: c, options: [.prettyPrinted, .sortedKeys]).write(to: path)
        try Data("メモ ｶﾀｶﾅ\n".utf8).write(to: lab.ws("a").appendingPathComponent("templates-memo.txt"))
        try lab.git("a", ["add", "templates-memo.txt"])
        try lab.run("b", ["note", Self.id, "鈴木のメモ 🚀"], at: "2026-12-01T11:00:00+09:00")
        #expect(try lab.run("b", ["sync"]).status == 0)
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stdout + r.stderr)")
        #expect(r.stdout.contains("merged 1 case"), "\(r.stdout)")
        #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty)
        try lab.run("b", ["sync"])
        let merged = try lab.caseJSON("b", Self.id)
        #expect(merged["department"] as? String == "手で直した課 ①")
        #expect((merged["notes"] as? [[String: Any]])?.contains { $0["text"] as? String == "鈴木のメモ 🚀" } == true)
        #expect(FileManager.default.fileExists(atPath: lab.ws("b").appendingPathComponent("templates-memo.txt").path))
        #expect(lab.files("a") == lab.files("b"))
        #expect(try lab.run("b", ["validate"]).status == 0)
    }

    @Test func aPlainGitPullLeftHalfWayIsFinishedBySync() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        // b breaks a case by hand and pushes; a's plain `git pull` stops (the driver refuses the
        // unreadable side) and leaves an unfinished merge in a's repository.
        let bPath = lab.ws("b").appendingPathComponent("cases/\(Self.id).json")
        try Data("{\"id\": \"aichi-station-ai-drone\", \"title\": \"壊れ".utf8).write(to: bPath)
        try lab.git("b", ["commit", "-qam", "broken by hand"]); try lab.git("b", ["push", "-q", "origin", "HEAD:main"])
        try lab.run("a", ["note", Self.id, "こちらの編集 ②"])
        try lab.git("a", ["commit", "-qam", "a"])
        let (rc, _) = try lab.git("a", ["pull", "--no-rebase", "origin", "main"], allowFail: true)
        #expect(rc != 0)
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        // One line: the unreadable side is named and set aside; the readable one stays.
        let warn = r.stderr.split(separator: "\n")
        #expect(warn.count == 1 && warn[0].contains("cases/\(Self.id).json") && warn[0].contains("quarantine/"), "\(r.stderr)")
        let text = try String(contentsOf: lab.ws("a").appendingPathComponent("cases/\(Self.id).json"), encoding: .utf8)
        #expect(!text.contains("<<<<<<<") && text.contains("こちらの編集 ②"), "\(r.stdout + r.stderr)")
        #expect(try lab.run("a", ["validate"]).status == 0)
        #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: lab.ws("a").appendingPathComponent(".git/MERGE_HEAD").path))
    }
}
