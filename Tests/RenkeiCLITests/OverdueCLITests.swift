import Foundation
import Testing

/// `renkei overdue`, `calendar`, `snooze`, `next-action` end to end (issue 4), with pinned days.
@Suite struct OverdueCLITests {
    /// The issue's example case: procurement, target 2027年度, at coordination.
    func exampleCase(_ ws: URL, municipality: String = "狭山市") throws -> String {
        let r = try CLI.run(["new", "--title", "調達案件", "--municipality", municipality, "--prefecture", "埼玉県",
                             "--fiscal-year", "2027"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try CLI.run(["set", id, "exit", "procurement"], workspace: ws).status == 0)
        #expect(try CLI.run(["move", id, "--to", "coordination", "--reason", "庁内合意済み"], workspace: ws).status == 0)
        return id
    }

    func overdue(_ ws: URL, _ extra: [String] = [], today: String = "2026-11-23") throws -> [String: Any] {
        let r = try CLI.run(["overdue", "--json", "--today", today] + extra, workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        return try CLI.json(r) as! [String: Any]
    }

    func items(_ o: [String: Any], _ key: String = "items") -> [[String: Any]] { o[key] as? [[String: Any]] ?? [] }

    @Test func theIssueExampleEndToEnd() throws {
        let ws = try CLI.tempWorkspace()
        let id = try exampleCase(ws)
        let o = try overdue(ws)
        let list = items(o)
        #expect(list.count == 1)
        let item = try #require(list.first)
        #expect(item["caseId"] as? String == id)
        #expect(item["group"] as? String == "missed")
        #expect(item["milestoneId"] as? String == "request")
        #expect(item["due"] as? String == "2026-10-30")
        #expect(item["scheduled"] as? String == "2026-10-31")
        #expect(item["daysOverdue"] as? Int == 24)
        #expect(item["status"] as? String == "24日超過")
        #expect(item["currentStage"] as? String == "coordination")
        #expect(item["requiredStage"] as? String == "budgeting")
        let route = try #require(item["earliestRoute"] as? [String: Any])
        #expect(route["kind"] as? String == "supplementary")
        #expect(route["fiscalYear"] as? Int == 2027)
        #expect(route["windowId"] as? String == "june")
        #expect(route["requestDue"] as? String == "2027-05-10")
        #expect(route["ja"] as? String == "2027年度6月補正（要求締切 2027-05-10）")
        #expect(route["closedJa"] as? String == "2026年度12月補正（2026-11-10締切済み）")

        let count = try CLI.run(["overdue", "--count", "--today", "2026-11-23"], workspace: ws)
        #expect(count.status == 0 && count.stdout == "1\n")

        let human = try CLI.run(["overdue", "--today", "2026-11-23"], workspace: ws, env: ["RENKEI_LANG": "ja"])
        #expect(human.status == 0)
        #expect(human.stdout.contains("予算要求締切  2026-10-30 (金)  24日超過  調整・意思決定 → 予算化"))
        #expect(human.stdout.contains("最短ルート: 2027年度6月補正（要求締切 2027-05-10）"))
        #expect(human.stdout.contains("トライアル"))
        let wareki = try CLI.run(["overdue", "--today", "2026-11-23", "--wareki"], workspace: ws, env: ["RENKEI_LANG": "ja"])
        #expect(wareki.stdout.contains("R8.10.30  24日超過"))
    }

    @Test(arguments: [
        // info-provision (2026-10-01) is missed until the missed request supersedes it: always one.
        ("2026-10-29", "due-soon", -1, 1),
        ("2026-10-30", "due-soon", 0, 1),
        ("2026-10-31", "missed", 1, 1),
    ])
    func todayMovesTheBoundary(today: String, group: String, days: Int, count: Int) throws {
        let ws = try CLI.tempWorkspace()
        _ = try exampleCase(ws)
        let request = items(try overdue(ws, today: today)).first { $0["milestoneId"] as? String == "request" }
        #expect(request?["group"] as? String == group)
        #expect(request?["daysOverdue"] as? Int == days)
        let c = try CLI.run(["overdue", "--count", "--today", today], workspace: ws)
        #expect(c.stdout == "\(count)\n")
    }

    @Test func withinAndAllControlWhatIsListed() throws {
        let ws = try CLI.tempWorkspace()
        _ = try exampleCase(ws)
        // 2026-09-01: info-provision in 30 days, request in 59.
        #expect(items(try overdue(ws, today: "2026-09-01")).isEmpty)
        #expect(items(try overdue(ws, ["--within", "30"], today: "2026-09-01")).map { $0["milestoneId"] as? String } == ["info-provision"])
        let all = try overdue(ws, ["--all"], today: "2026-09-01")
        #expect(items(all).map { $0["group"] as? String } == ["upcoming", "upcoming"])
        #expect((all["counts"] as? [String: Int])?["upcoming"] == 2)
        #expect(try CLI.run(["overdue", "--within", "-3"], workspace: ws).status == 2)
    }

    @Test func snoozeHidesButCountsAndNeedsAReason() throws {
        let ws = try CLI.tempWorkspace()
        let id = try exampleCase(ws)
        let noReason = try CLI.run(["snooze", id, "request", "--until", "2026-12-01"], workspace: ws)
        #expect(noReason.status == 2 && noReason.stderr.contains("--reason"))
        let unknown = try CLI.run(["snooze", id, "requets", "--until", "2026-12-01", "--reason", "x"], workspace: ws)
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown item 'requets'"))
        let badDate = try CLI.run(["snooze", id, "request", "--until", "2026-02-30", "--reason", "x"], workspace: ws)
        #expect(badDate.status == 2)
        let ok = try CLI.run(["snooze", id, "request", "--until", "2026-12-01", "--reason", "財政課と補正で協議中"], workspace: ws)
        #expect(ok.status == 0, "\(ok.stderr)")
        let o = try overdue(ws)
        #expect(items(o).isEmpty)
        #expect(items(o, "snoozed").first?["milestoneId"] as? String == "request")
        #expect((o["counts"] as? [String: Int])?["snoozed"] == 1)
        #expect(try CLI.run(["overdue", "--count"], workspace: ws).stdout == "0\n")
        // It comes back on the until-date.
        #expect(items(try overdue(ws, today: "2026-12-01")).first?["daysOverdue"] as? Int == 32)
        // Logged with its reason.
        let show = try CLI.run(["show", id, "--json"], workspace: ws)
        let events = (try CLI.json(show) as! [String: Any])["events"] as! [[String: Any]]
        #expect(events.last?["kind"] as? String == "snoozed" && events.last?["reason"] as? String == "財政課と補正で協議中")
        #expect(try CLI.run(["snooze", id, "request", "--clear"], workspace: ws).status == 0)
        #expect(items(try overdue(ws)).count == 1)
    }

    @Test func nextActionIsOverdueWhenPast() throws {
        let ws = try CLI.tempWorkspace()
        let id = try exampleCase(ws)
        let r = try CLI.run(["next-action", id, "財政課へ補正要求を相談", "--due", "2026-11-20"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3 days overdue"))
        let na = items(try overdue(ws)).first { $0["milestoneId"] as? String == "next-action" }
        #expect(na?["daysOverdue"] as? Int == 3)
        #expect(na?["label"] as? String == "次のアクション: 財政課へ補正要求を相談")
        #expect(try CLI.run(["next-action", id, "x", "--due", "someday"], workspace: ws).status == 2)
    }

    @Test func municipalityCalendarFromTheWorkspace() throws {
        let ws = try CLI.tempWorkspace()
        _ = try exampleCase(ws)
        let cal = """
        {"id": "sayama", "ja": "狭山市の予算編成", "en": "Sayama", "appliesTo": {"municipalities": ["狭山市"]},
         "milestones": [
           {"id": "info-provision", "year": "N-1", "date": "10-15"},
           {"id": "request", "year": "N-1", "date": "11-30"},
           {"id": "submission", "year": "N", "date": "02-20"},
           {"id": "vote", "year": "N", "date": "03-20"}]}
        """
        try Data(cal.utf8).write(to: ws.appendingPathComponent("calendars/sayama.json"))
        let o = try overdue(ws)
        let list = items(o)
        #expect(list.map { $0["milestoneId"] as? String } == ["info-provision", "request"])
        #expect(list.last?["due"] as? String == "2026-11-30" && list.last?["daysOverdue"] as? Int == -7)
        #expect(list.last?["calendarId"] as? String == "sayama")
        let c = try CLI.run(["calendar", "--municipality", "狭山市", "--fiscal-year", "2027", "--json"], workspace: ws)
        let j = try CLI.json(c) as! [String: Any]
        #expect((j["calendar"] as? [String: Any])?["id"] as? String == "sayama")
    }

    @Test func badCalendarFilesAreReportedAndTheDefaultIsUsed() throws {
        let ws = try CLI.tempWorkspace()
        let id = try exampleCase(ws)
        let bad = """
        {"id": "sayama", "appliesTo": {"municipalities": ["狭山市"]},
         "milestones": [
           {"id": "info-provision", "year": "N-1", "date": "10-01"},
           {"id": "request", "year": "N-1", "date": "02-30"},
           {"id": "submission", "year": "N", "date": "02-15"},
           {"id": "vote", "year": "N", "date": "03-20"}]}
        """
        try Data(bad.utf8).write(to: ws.appendingPathComponent("calendars/sayama.json"))
        let disorder = """
        {"id": "other", "appliesTo": {"municipalities": ["狭山氏"]},
         "milestones": [{"id": "request", "year": "N", "date": "01-10"}, {"id": "submission", "year": "N-1", "date": "12-01"},
                        {"id": "vote", "year": "N", "date": "03-20"}]}
        """
        try Data(disorder.utf8).write(to: ws.appendingPathComponent("calendars/other.json"))
        try Data("{\"id\": \"broken\",".utf8).write(to: ws.appendingPathComponent("calendars/broken.json"))

        let o = try overdue(ws)
        // The case falls back to the default calendar: the issue's example dates.
        let item = try #require(items(o).first)
        #expect(item["calendarId"] as? String == "default" && item["daysOverdue"] as? Int == 24)
        #expect((item["calendarNote"] as? String)?.contains("sayama.json") == true)
        let fallbacks = o["calendarFallbacks"] as? [[String: Any]] ?? []
        #expect(fallbacks.map { $0["caseId"] as? String } == [id])
        let problems = o["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains("sayama.json: milestones[1].date (request): \"02-30\" is not a date") })
        #expect(problems.contains { $0.contains("other.json: milestones[1].date (submission)") && $0.contains("date order") })
        #expect(problems.contains { $0.contains("other.json: appliesTo.municipalities[0]: unknown municipality '狭山氏'") && $0.contains("狭山市") })
        #expect(problems.contains { $0.contains("broken.json") })
        let human = try CLI.run(["overdue"], workspace: ws)
        #expect(human.status == 0 && human.stdout.contains("Using the default calendar") && human.stdout.contains("sayama.json"))
        let cal = try CLI.run(["calendar", "--municipality", "狭山市", "--json"], workspace: ws)
        let j = try CLI.json(cal) as! [String: Any]
        #expect((j["calendar"] as? [String: Any])?["id"] as? String == "default")
        #expect((j["fallback"] as? String)?.contains("02-30") == true)
    }

    @Test func calendarTimelineWithTodayMarked() throws {
        let ws = try CLI.tempWorkspace()
        let r = try CLI.run(["calendar", "--fiscal-year", "2027", "--json", "--today", "2026-11-23"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let j = try CLI.json(r) as! [String: Any]
        let rows = j["rows"] as! [[String: Any]]
        let ids = rows.map { $0["id"] as! String }
        #expect(ids.prefix(4) == ["info-provision", "policy", "request", "today"])
        let request = rows[2]
        #expect(request["due"] as? String == "2026-10-30" && request["scheduled"] as? String == "2026-10-31")
        #expect(request["wareki"] as? String == "R8.10.30" && request["daysFromToday"] as? Int == -24)
        // Without --fiscal-year: the cycle under way (FY2027 in November 2026, FY2026 in April 2026).
        let nov = try CLI.json(try CLI.run(["calendar", "--json", "--today", "2026-11-23"], workspace: ws)) as! [String: Any]
        #expect(nov["fiscalYear"] as? Int == 2027)
        let apr = try CLI.json(try CLI.run(["calendar", "--json", "--today", "2026-04-10"], workspace: ws)) as! [String: Any]
        #expect(apr["fiscalYear"] as? Int == 2026)
        let human = try CLI.run(["calendar", "--fiscal-year", "2027", "--today", "2026-11-23"], workspace: ws, env: ["RENKEI_LANG": "ja"])
        #expect(human.stdout.contains("▶ 2026-11-23 (月)") && human.stdout.contains("［10/31は土曜日→前営業日］"))
        #expect(try CLI.run(["calendar", "--fiscal-year", "27"], workspace: ws).status == 2)
    }

    @Test func samplePortfolioReviewIsConsistent() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let o = try overdue(ws)
        let missed = (o["counts"] as? [String: Int])?["missed"] ?? -1
        #expect(missed > 0)
        #expect(items(o).filter { $0["group"] as? String == "missed" }.count == missed)
        let c = try CLI.run(["overdue", "--count"], workspace: ws)
        #expect(c.status == 0 && c.stdout == "\(missed)\n")
        #expect(items(o).allSatisfy { $0["caseId"] is String && $0["due"] is String && $0["currentStage"] is String })
    }
}
