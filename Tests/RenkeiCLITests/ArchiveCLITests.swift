import Foundation
import Testing

/// `renkei archive` / `unarchive` end to end (issue 14): an archived case leaves the daily views
/// (list and its count, the overdue review and its count, the iCalendar deadlines), `list
/// --archived` / `--all` and `show` still find it, undo/redo restore exactly, and every line is
/// Japanese under a Japanese locale.
@Suite struct ArchiveCLITests {
    static let ja = ["LANG": "ja_JP.UTF-8", "RENKEI_ACTOR": "髙橋", "RENKEI_NOW": "2026-11-23T09:30:00+09:00"]

    /// The first case the overdue review lists on the pinned day (a stale sample case).
    static func overdueCase(_ ws: URL) throws -> String {
        let r = try CLI.run(["overdue", "--json"], workspace: ws)
        let items = try #require((try CLI.json(r) as? [String: Any])?["items"] as? [[String: Any]])
        return try #require(items.first?["caseId"] as? String)
    }

    static func listIds(_ ws: URL, _ extra: [String] = []) throws -> [String] {
        let r = try CLI.run(["list", "--json"] + extra, workspace: ws)
        let cases = (try CLI.json(r) as? [String: Any])?["cases"] as? [[String: Any]] ?? []
        return cases.compactMap { $0["id"] as? String }
    }

    static func count(_ ws: URL, _ args: [String]) throws -> Int {
        Int(try CLI.run(args, workspace: ws).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func archivedCasesLeaveTheDailyViewsAndComeBack() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let id = try Self.overdueCase(ws)
        let overdueBefore = try Self.count(ws, ["overdue", "--count"])
        #expect(try Self.count(ws, ["list", "--count"]) == 17)
        #expect(try CLI.run(["ical"], workspace: ws).stdout.contains(id))

        let r = try CLI.run(["archive", String(id.prefix(12)), "--note", "予算見送り・令和９年度に再検討 ①"], workspace: ws, env: Self.ja)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("アーカイブしました: \(id)"), "\(r.stdout)")

        #expect(try Self.count(ws, ["list", "--count"]) == 16)
        #expect(try Self.count(ws, ["list", "--count", "--archived"]) == 1)
        #expect(try Self.count(ws, ["list", "--count", "--all"]) == 17)
        #expect(try !Self.listIds(ws).contains(id))
        #expect(try Self.listIds(ws, ["--archived"]) == [id])
        #expect(try Self.listIds(ws, ["--all"]).contains(id))
        #expect(!(try CLI.run(["overdue", "--json"], workspace: ws).stdout.contains(id)))
        #expect(try Self.count(ws, ["overdue", "--count"]) < overdueBefore)
        #expect(!(try CLI.run(["ical"], workspace: ws).stdout.contains(id)))
        // Still in the portfolio: show says so, reports include it.
        let show = try CLI.run(["show", id], workspace: ws, env: Self.ja)
        #expect(show.stdout.contains("アーカイブ済み（2026/11/23 ") && show.stdout.contains("・髙橋） — 予算見送り・令和９年度に再検討 ①"), "\(show.stdout)")
        let history = try CLI.run(["history", id], workspace: ws, env: Self.ja)
        #expect(history.stdout.contains("アーカイブ済み") && history.stdout.contains("アーカイブ: — → アーカイブ済み"), "\(history.stdout)")
        #expect(try CLI.run(["export", "--all", "--format", "csv"], workspace: ws).stdout.contains(id))

        let back = try CLI.run(["unarchive", id], workspace: ws, env: Self.ja)
        #expect(back.status == 0 && back.stdout.contains("アーカイブから戻しました: \(id)"), "\(back.stdout)\(back.stderr)")
        #expect(try Self.count(ws, ["list", "--count"]) == 17)
        #expect(try Self.count(ws, ["overdue", "--count"]) == overdueBefore)
        #expect(try CLI.run(["ical"], workspace: ws).stdout.contains(id))
        #expect(!(try CLI.run(["show", id], workspace: ws, env: Self.ja).stdout.contains("アーカイブ済み")))
    }

    @Test func undoAndRedoRestoreExactlyInJapanese() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let ids = try Self.listIds(ws)
        let file = ws.appendingPathComponent("cases/\(ids[0]).json")
        let before = try Data(contentsOf: file)
        let r = try CLI.run(["archive", ids[0], ids[1]], workspace: ws, env: Self.ja)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.count(ws, ["list", "--count"]) == 15)
        let again = try CLI.run(["archive", ids[0]], workspace: ws, env: Self.ja)
        #expect(again.status == 0 && again.stdout.contains("すでにアーカイブ済み"), "\(again.stdout)")
        #expect(try Self.count(ws, ["list", "--count", "--archived"]) == 2)

        let undo = try CLI.run(["undo"], workspace: ws, env: Self.ja)        // one command: both cases back
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try Self.count(ws, ["list", "--count"]) == 17)
        let redo = try CLI.run(["redo"], workspace: ws, env: Self.ja)
        #expect(redo.status == 0, "\(redo.stderr)")
        #expect(Set(try Self.listIds(ws, ["--archived"])) == [ids[0], ids[1]])
        #expect(try Self.count(ws, ["list", "--count"]) == 15)
        // Only the events were added: everything else in the file is as it was (the sample's
        // schemaVersion 1 is stored as 2 by the first write, as every write does).
        let after = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var old = try JSONSerialization.jsonObject(with: before) as! [String: Any]
        for k in ["events", "revision", "schemaVersion"] { old[k] = nil }
        var new = after; for k in ["events", "revision", "schemaVersion"] { new[k] = nil }
        #expect(NSDictionary(dictionary: old) == NSDictionary(dictionary: new))

        let single = try CLI.run(["unarchive", ids[0]], workspace: ws, env: Self.ja)
        let undoOne = try CLI.run(["undo"], workspace: ws, env: Self.ja)
        #expect(undoOne.stdout.contains("取り消しました") && undoOne.stdout.contains("アーカイブから戻す"), "\(undoOne.stdout)")
        // No English in what a Japanese user read (ids and the command name aside). The undo of
        // the two-case command is left out: the store names a batch "2 cases" (import's too).
        for out in [r.stdout, again.stdout, single.stdout, undoOne.stdout] {
            var words = out
            for id in ids { words = words.replacingOccurrences(of: id, with: "") }
            for cmd in ["renkei unarchive", "renkei undo"] { words = words.replacingOccurrences(of: cmd, with: "") }
            #expect(words.range(of: "[A-Za-z]{2,}", options: .regularExpression) == nil, "English in: \(out)")
        }
    }

    @Test func aBadIdIsOneLineAndNothingChanges() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let ids = try Self.listIds(ws)
        let bad = try CLI.run(["archive", ids[0], "../etc"], workspace: ws, env: Self.ja)
        #expect(bad.status == 2)
        #expect(bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("使えません"), "\(bad.stderr)")
        let unknown = try CLI.run(["archive", ids[0], "nosuch-0001"], workspace: ws, env: Self.ja)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.split(separator: "\n").count == 1 && unknown.stderr.contains("ありません"), "\(unknown.stderr)")
        #expect(try Self.count(ws, ["list", "--count"]) == 17)     // the good id was not archived either
        let both = try CLI.run(["list", "--archived", "--all"], workspace: ws, env: Self.ja)
        #expect(both.status == 2 && both.stderr.split(separator: "\n").count == 1, "\(both.stderr)")
    }
}
