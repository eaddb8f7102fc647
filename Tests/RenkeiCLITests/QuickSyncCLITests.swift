import Foundation
import Testing
import RenkeiCore
import RenkeiTestSupport

/// `sync` through the start-up shortcut (`QuickCommand`) must be invisible: the same stdout,
/// stderr and exit status as through ArgumentParser (RENKEI_NO_QUICK=1) for ordinary, odd and
/// wrong argument lists, on a shared workspace, one that is not a repository and one that does
/// not exist; and a sync that brings a colleague's change does the same on both paths —
/// including rewriting the subscribed calendar feed, which ArgumentParser's path does after
/// every command that may change cases.
@Suite(.serialized) struct QuickSyncCLITests {
    static func bothPaths(_ args: [String], env: [String: String], _ what: String) throws {
        let quick = try CLI.run(args, env: env)
        let parsed = try CLI.run(args, env: env.merging(["RENKEI_NO_QUICK": "1"]) { $1 })
        #expect(quick.status == parsed.status, "\(what) \(args): \(quick.status) vs \(parsed.status) \(quick.stderr) | \(parsed.stderr)")
        #expect(quick.stdout == parsed.stdout, "\(what) \(args)")
        #expect(quick.stderr == parsed.stderr, "\(what) \(args)")
    }

    @Test func theShortcutAndArgumentParserAgreeOnSync() throws {
        let lab = try SyncLab()
        try lab.setUp(["a"], sample: false)
        let plain = try CLI.tempWorkspace(sample: false)   // not a git repository: sync says what to do
        let missing = lab.dir.appendingPathComponent("存在しない①")
        var rng = SplitMix64(seed: 12)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let words: [[String]] = [
            [], ["run"], ["run", "run"], ["--today", "2027-03-01"], ["--today=令和8年"], ["--today", "bad"], ["--today"],
            ["--workspace"], ["--json"], ["--help"], ["-h"], ["--remote", "x"], ["extra"], ["--"], ["-"], ["init", "--help"],
            ["run", "--help"], ["--today", "2027-03-01", "--today", "2027-03-02"], ["--count"], ["ｓｙｎｃ"], ["--today=2027-03-01"],
        ]
        var lists: [[String]] = words.map { ["sync"] + $0 }
        for _ in 0..<30 {
            var args = ["sync"]
            for _ in 0..<Int(rng.next() % 3) { args += pick(words) }
            lists.append(args)
        }
        lists += [["sync", "--today", "2027-03-01", "run"], ["sync", "--workspace"]]
        for (n, args) in lists.enumerated() {
            for (what, ws) in [("shared", lab.ws("a")), ("plain", plain), ("missing", missing)] {
                // The workspace after the command and, every other list, before it (the git way).
                let full = n % 2 == 0 ? args + ["--workspace", ws.path] : ["--workspace", ws.path] + args
                try Self.bothPaths(full, env: lab.env("a"), what)
            }
        }
        // The environment's workspace, no option at all.
        try Self.bothPaths(["sync"], env: lab.env("a").merging(["RENKEI_WORKSPACE": lab.ws("a").path]) { $1 }, "env")
        // A shared workspace under either path is not a repository's mess afterwards.
        #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty)
    }

    @Test func aSyncThatBringsAChangeDoesTheSameOnBothPaths() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        let id = "sayama-ntt-eco-action"
        // Two identical copies of a's workspace and clone: one syncs by the shortcut, one by ArgumentParser.
        try FileManager.default.copyItem(at: lab.ws("a"), to: lab.ws("a2"))
        for who in ["a", "a2"] {
            let feed = lab.dir.appendingPathComponent("共有-\(who)/renkei.ics")
            try FileManager.default.createDirectory(at: feed.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(try lab.run(who, ["ical", "--feed", feed.path]).status == 0)
        }
        #expect(try lab.run("b", ["next-action", id, "課題整理の打合せ ※", "--due", "2026-12-24"]).status == 0)
        #expect(try lab.run("b", ["sync"]).status == 0)
        let quick = try CLI.run(["sync", "--workspace", lab.ws("a").path], env: lab.env("a"))
        let parsed = try CLI.run(["sync", "--workspace", lab.ws("a2").path], env: lab.env("a").merging(["RENKEI_NO_QUICK": "1"]) { $1 })
        #expect(quick.status == 0 && quick.stdout.hasPrefix("↑0 ↓1"), "\(quick.stdout) \(quick.stderr)")
        #expect(quick.status == parsed.status && quick.stdout == parsed.stdout && quick.stderr == parsed.stderr,
                "\(quick.stdout)\(quick.stderr) | \(parsed.stdout)\(parsed.stderr)")
        #expect(lab.files("a") == lab.files("a2"))
        // The colleague's next action reached each machine's subscribed calendar.
        for who in ["a", "a2"] {
            let text = try String(contentsOf: lab.dir.appendingPathComponent("共有-\(who)/renkei.ics"), encoding: .utf8)
            #expect(text.contains("DTSTART;VALUE=DATE:20261224"), "\(who): the feed was not rewritten after the sync")
        }
    }
}
