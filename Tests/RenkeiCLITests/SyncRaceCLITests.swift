import Foundation
import Testing

/// "Retries when someone pushed in between" (issue 12), made deterministic: a `pre-push` hook in
/// a's repository lets a colleague push right between a's fetch and a's push — once (the sync
/// fetches, merges and pushes again: both changes arrive) or every time (the sync gives up after
/// its tries with exit 4, someone else's change blocking, and keeps everything committed here).
@Suite(.serialized) struct SyncRaceCLITests {
    static let id = "aichi-station-ai-drone"
    static let other = "sapporo-snow-power"

    /// A pre-push hook that runs `body` (sh) the first `times` pushes, with git's own variables
    /// unset so the commands inside work on other repositories.
    static func hook(_ lab: SyncLab, times: Int, _ body: String) throws {
        let url = lab.ws("a").appendingPathComponent(".git/hooks/pre-push")
        let count = lab.dir.appendingPathComponent("hook-count")
        let script = """
        #!/bin/sh
        n=$(cat '\(count.path)' 2>/dev/null || echo 0)
        [ "$n" -ge \(times) ] && exit 0
        echo $((n + 1)) > '\(count.path)'
        unset $(git rev-parse --local-env-vars)
        \(body)
        exit 0
        """
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    static func pushes(_ lab: SyncLab) -> Int {
        Int((try? String(contentsOf: lab.dir.appendingPathComponent("hook-count"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
    }

    @Test func aPushInBetweenIsFetchedMergedAndSentAgain() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        // b's note and sync happen inside a's push, after a fetched.
        let env = lab.env("b").map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try Self.hook(lab, times: 1, """
        env \(env) '\(CLI.binary.path)' note \(Self.other) '割り込みのメモ ①' --workspace '\(lab.ws("b").path)' >/dev/null 2>&1
        env \(env) '\(CLI.binary.path)' sync --workspace '\(lab.ws("b").path)' >/dev/null 2>&1
        """)
        #expect(try lab.run("a", ["note", Self.id, "こちらのメモ ②"]).status == 0)
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        #expect(r.stdout.hasPrefix("↑1 ↓1"), "\(r.stdout)")
        #expect(Self.pushes(lab) == 1, "the hook did not run: the race was not exercised")
        // The hub has both: b receives a's note, a has b's.
        try lab.run("b", ["sync"])
        #expect(lab.files("a") == lab.files("b"))
        let notes = { (who: String, id: String) in ((try lab.caseJSON(who, id)["notes"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String } }
        #expect(try notes("b", Self.id).contains("こちらのメモ ②"))
        #expect(try notes("a", Self.other).contains("割り込みのメモ ①"))
        #expect(try lab.git("a", ["rev-parse", "HEAD"]).1 == (try SyncLab.git(["rev-parse", "main"], in: lab.hub).1))
        #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty)
    }

    @Test func pushesThatNeverSettleStopWithExit4AndKeepEverythingHere() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        // Before every push of a's, b has pushed something new (plain git, an empty commit).
        try Self.hook(lab, times: 100, """
        git -C '\(lab.ws("b").path)' -c user.name=b -c user.email=b@example.jp commit -q --allow-empty -m 割り込み
        git -C '\(lab.ws("b").path)' push -q origin HEAD:main
        """)
        #expect(try lab.run("a", ["note", Self.id, "送れないメモ ③"]).status == 0)
        let r = try lab.run("a", ["sync"])
        #expect(r.status == 4, "\(r.status) \(r.stdout + r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("could not send") && lines[0].contains("renkei sync again"), "\(r.stderr)")
        #expect(Self.pushes(lab) >= 2)
        // Nothing lost: the note is committed here, the work tree clean and valid.
        #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty)
        #expect(try lab.git("a", ["show", "HEAD:cases/\(Self.id).json"]).1.contains("送れないメモ ③"))
        #expect(try lab.run("a", ["validate"]).status == 0)
        // Once the colleague stops, the next sync sends it.
        try FileManager.default.removeItem(at: lab.ws("a").appendingPathComponent(".git/hooks/pre-push"))
        let again = try lab.run("a", ["sync"])
        #expect(again.status == 0, "\(again.stdout + again.stderr)")
        try lab.run("b", ["sync"])
        #expect(((try lab.caseJSON("b", Self.id)["notes"] as? [[String: Any]]) ?? []).contains { $0["text"] as? String == "送れないメモ ③" })
    }
}
