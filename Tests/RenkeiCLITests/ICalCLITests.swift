import Foundation
import RenkeiTestSupport
import Testing

/// `renkei ical` end to end (issue 13): the sample portfolio against a golden file, parsed by
/// Python's icalendar, SEQUENCE after a date moves, filters, and the feed kept current.
@Suite struct ICalCLITests {
    static let goldens = Repo.url("Tests/RenkeiCLITests/Goldens")
    static let scripts = Repo.scripts
    static let env = ["RENKEI_NOW": "2026-11-23T09:00:00+09:00"]

    /// Runs Scripts/check_ics.py: the events as JSON objects, or the checker's complaints.
    func parse(_ file: URL) throws -> [[String: Any]] {
        let r = try Proc.run(["python3", Self.scripts.appendingPathComponent("check_ics.py").path, file.path])
        #expect(r.status == 0, "check_ics.py: \(r.output)")
        return r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func samplePortfolioMatchesTheGoldenAndParses() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let out = ws.appendingPathComponent("予算.ics")
        let r = try CLI.run(["ical", "-o", out.path], workspace: ws, env: Self.env)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        let golden = Self.goldens.appendingPathComponent("sample.ics")
        if ProcessInfo.processInfo.environment["RENKEI_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: golden)
        }
        #expect(text == (try? String(contentsOf: golden, encoding: .utf8)), "golden sample.ics differs (RENKEI_RECORD_GOLDENS=1 re-records)")
        let events = try parse(out)
        #expect(events.count > 5)
        #expect(events.contains { ($0["summary"] as? String)?.hasPrefix("【予算要求締切】狭山市 環境行動促進アプリ") == true })
        #expect(events.allSatisfy { ($0["categories"] as? [String])?.first == "renkei" })
    }

    @Test func movedDateBumpsSequenceAndFiltersNarrow() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let out = ws.appendingPathComponent("a.ics")
        #expect(try CLI.run(["ical", "-o", out.path], workspace: ws, env: Self.env).status == 0)
        let uid = "sayama-ntt-eco-action.request@renkei"
        #expect(try parse(out).first { $0["uid"] as? String == uid }?["sequence"] as? Int == 0)
        // Target fiscal year +1 moves the request deadline by a year: same UID, SEQUENCE 1.
        #expect(try CLI.run(["set", "sayama-ntt-eco-action", "budget.fiscalYear", "2028"], workspace: ws, env: Self.env).status == 0)
        #expect(try CLI.run(["ical", "-o", out.path], workspace: ws, env: Self.env).status == 0)
        let moved = try #require(try parse(out).first { $0["uid"] as? String == uid })
        #expect(moved["sequence"] as? Int == 1)
        #expect(moved["start"] as? String == "2027-10-29")

        let one = try CLI.run(["ical", "--case", "sayama-ntt-eco-action"], workspace: ws, env: Self.env)
        #expect(one.status == 0 && one.stdout.contains("UID:sayama-ntt-eco-action.") && !one.stdout.contains("UID:aichi"))
        let muni = try CLI.run(["ical", "--municipality", "福岡市", "--within", "30"], workspace: ws, env: Self.env)
        #expect(muni.status == 0 && !muni.stdout.contains("狭山市"))
        let missing = try CLI.run(["ical", "--case", "no-such-case"], workspace: ws, env: Self.env)
        #expect(missing.status == 1 && missing.stderr.contains("no case 'no-such-case'"))
    }

    @Test func feedFileFollowsEveryChange() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let feed = ws.appendingPathComponent("共有/renkei.ics")
        try FileManager.default.createDirectory(at: feed.deletingLastPathComponent(), withIntermediateDirectories: true)
        let set = try CLI.run(["ical", "--feed", feed.path], workspace: ws, env: Self.env)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(!(try String(contentsOf: feed, encoding: .utf8)).contains("【次のアクション】狭山市 課題整理"))
        let r = try CLI.run(["next-action", "sayama-ntt-eco-action", "課題整理の打合せ", "--due", "2026-12-24"], workspace: ws, env: Self.env)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: feed, encoding: .utf8)
        #expect(text.contains("DTSTART;VALUE=DATE:20261224"))
        #expect(try parse(feed).contains { $0["uid"] as? String == "sayama-ntt-eco-action.next-action@renkei" && $0["start"] as? String == "2026-12-24" })
        #expect(try CLI.run(["ical", "--no-feed"], workspace: ws, env: Self.env).status == 0)
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("ical/feed.json").path))
    }

    /// Found by the hostile sweep through the binary: `ical/state.json` with a SEQUENCE of
    /// Int.max for an event whose date moved killed `renkei ical` (SIGILL, exit 132), and a next
    /// action due 9999-12-31 gave DTEND = DTSTART. Both now give a calendar the parser takes.
    @Test func aHandEditedStateAndTheLastDayStillGiveACalendarThatParses() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = "sayama-ntt-eco-action"
        #expect(try CLI.run(["next-action", id, "最後の日に確認", "--due", "9999-12-31"], workspace: ws, env: Self.env).status == 0)
        let state = ws.appendingPathComponent("ical/state.json")
        try FileManager.default.createDirectory(at: state.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"format":"renkei.ical-state","events":{"\#(id).next-action@renkei":{"date":"2000-01-01","sequence":9223372036854775807},"\#(id).request@renkei":{"date":"2000-01-01","sequence":-6}}}"#.utf8).write(to: state)
        let out = ws.appendingPathComponent("a.ics")
        let r = try CLI.run(["ical", "-o", out.path], workspace: ws, env: Self.env)
        #expect(r.status == 0, "\(r.stderr)")
        let events = try parse(out)
        #expect(events.first { $0["uid"] as? String == "\(id).next-action@renkei" }?["start"] as? String == "9999-12-31")
        #expect(events.allSatisfy { (0...Int(Int32.max)).contains($0["sequence"] as? Int ?? -1) })
    }
}
