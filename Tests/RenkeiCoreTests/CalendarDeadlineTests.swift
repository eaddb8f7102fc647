import Testing
@testable import RenkeiCore

/// The deadline rules of issue 4 with pinned dates on the default calendar.
@Suite struct CalendarDeadlineTests {
    typealias F = CalendarFixtures

    func item(_ s: CaseSummary, _ today: String, _ id: String, calendars: CalendarSet = CalendarSet()) -> DeadlineItem? {
        DeadlineEngine.items(for: s, context: F.context(today, calendars: calendars)).first { $0.milestoneId == id }
    }

    @Test func theIssueExampleComesOutExactly() throws {
        let s = F.summary(stage: .coordination, fiscalYear: 2027, exit: .procurement)
        let ctx = F.context("2026-11-23")
        let items = DeadlineEngine.items(for: s, context: ctx)
        // A missed request supersedes the (also missed) info-provision.
        #expect(items.map(\.milestoneId) == ["request"])
        let r = try #require(items.first)
        #expect(r.kind == .milestone)
        #expect(r.scheduled == .d("2026-10-31"))
        #expect(r.due == .d("2026-10-30"))
        #expect(r.shiftReason == "土曜日")
        #expect(r.daysOverdue == 24)
        #expect(r.statusText(.ja) == "24日超過")
        #expect(r.statusText(.en) == "24 days overdue")
        #expect(r.dueText(wareki: true) == "R8.10.30")
        #expect(r.currentStage == .coordination && r.requiredStage == .budgeting)
        #expect(r.calendarId == "default" && r.calendarFallback == nil)
        #expect(r.ja == "予算要求締切" && r.fiscalYear == 2027)
        let route = try #require(r.earliestRoute)
        #expect(route.kind == .supplementary)
        #expect(route.fiscalYear == 2027 && route.windowId == "june")
        #expect(route.requestDue == .d("2027-05-10"))
        #expect(route.ja == "2027年度6月補正（要求締切 2027-05-10）")
        #expect(route.en == "FY2027 June supplementary (request by 2027-05-10)")
        #expect(route.closedJa == "2026年度12月補正（2026-11-10締切済み）")
        #expect(route.alternativeJa.contains("トライアル") && route.alternativeJa.contains("無償でのミニマム"))
        #expect(DeadlineEngine.nextDeadline(for: s, context: ctx)?.milestoneId == "request")
    }

    /// Every rule milestone: the day before, the day, the day after.
    @Test(arguments: [
        // info-provision FY2027 = 2026-10-01 (Thu): required at least `method`.
        ("info-provision", Stage.coordination, false, "2026-09-30", -1 as Int?),
        ("info-provision", .coordination, false, "2026-10-01", 0),
        ("info-provision", .coordination, false, "2026-10-02", 1),
        ("info-provision", .partnerSearch, false, "2026-10-02", 1),
        ("info-provision", .method, false, "2026-10-02", nil),
        ("info-provision", .budgeting, false, "2026-09-30", nil),
        // request FY2027 = 2026-10-31 (Sat) → 2026-10-30: required budgeting + rough quote.
        ("request", .coordination, false, "2026-10-29", -1),
        ("request", .coordination, false, "2026-10-30", 0),
        ("request", .coordination, false, "2026-10-31", 1),
        ("request", .budgeting, false, "2026-10-29", -1),
        ("request", .budgeting, false, "2026-10-31", 1),
        ("request", .budgeting, true, "2026-10-31", nil),
        ("request", .method, true, "2026-10-31", 1),
        // vote FY2027 = 2027-03-25 (Thu): afterwards, not realized → follow-up.
        ("follow-up", .budgeting, true, "2027-03-24", nil),
        ("follow-up", .budgeting, true, "2027-03-25", nil),
        ("follow-up", .budgeting, true, "2027-03-26", 1),
        ("follow-up", .coordination, false, "2027-03-26", 1),
        ("follow-up", .realized, true, "2027-03-26", nil),
    ] as [(String, Stage, Bool, String, Int?)])
    func milestoneBoundaries(id: String, stage: Stage, ticked: Bool, today: String, expected: Int?) {
        let s = F.summary(stage: stage, fiscalYear: 2027, ticked: ticked)
        #expect(item(s, today, id)?.daysOverdue == expected, "\(id) at \(stage) on \(today)")
    }

    @Test func missedItemsCarryARouteUpcomingOnesDoNot() throws {
        let s = F.summary(stage: .coordination, fiscalYear: 2027)
        #expect(item(s, "2026-10-30", "request")?.earliestRoute == nil)
        #expect(item(s, "2026-10-31", "request")?.earliestRoute?.windowId == "december")  // FY2026 Dec: request 2026-11-10
        #expect(item(s, "2026-11-10", "request")?.earliestRoute?.windowId == "december")
        #expect(item(s, "2026-11-11", "request")?.earliestRoute?.ja == "2027年度6月補正（要求締切 2027-05-10）")
        #expect(item(s, "2026-10-02", "info-provision")?.earliestRoute == nil)
    }

    @Test func followUpSupersedesAndRoutesIntoTheNewYear() throws {
        let s = F.summary(stage: .coordination, fiscalYear: 2027)
        let items = DeadlineEngine.items(for: s, context: F.context("2027-04-02"))
        #expect(items.map(\.milestoneId) == ["follow-up"])
        let f = try #require(items.first)
        #expect(f.kind == .followUp && f.daysOverdue == 8 && f.requiredStage == .realized)
        #expect(f.earliestRoute?.ja == "2027年度6月補正（要求締切 2027-05-10）")
    }

    /// Fiscal-year rollover in April: 2026-03-31 is FY2025, 2026-04-01 is FY2026.
    @Test func fiscalYearRolloverInApril() throws {
        #expect(Day.d("2026-03-31").fiscalYear == 2025 && Day.d("2026-04-01").fiscalYear == 2026)
        let late = F.summary(stage: .budgeting, fiscalYear: 2026, ticked: true)
        for (today, days) in [("2026-03-31", 6), ("2026-04-01", 7)] {
            let f = try #require(item(late, today, "follow-up"))
            #expect(f.daysOverdue == days)
            // FY2026 June: 2026-05-10 is a Sunday → Friday 2026-05-08.
            #expect(f.earliestRoute?.requestDue == .d("2026-05-08"))
            #expect(f.earliestRoute?.ja == "2026年度6月補正（要求締切 2026-05-08）")
        }
        // A case for the coming year is simply upcoming on April 1.
        let next = F.summary(stage: .coordination, fiscalYear: 2027)
        let items = DeadlineEngine.items(for: next, context: F.context("2026-04-01"))
        #expect(items.map(\.milestoneId) == ["info-provision", "request"])
        #expect(items.map(\.daysOverdue) == [-183, -212])
        #expect(DeadlineEngine.nextDeadline(for: next, context: F.context("2026-04-01"))?.statusText(.ja) == "あと183日")
    }

    @Test func routeAfterEveryWindowOfTheYearClosed() throws {
        // 2027-11-20: FY2027's December window (2027-11-10) and FY2028's initial request
        // (2027-10-31 Sun → 10-29) have passed: the soonest money is FY2028's June 補正.
        let s = F.summary(stage: .budgeting, fiscalYear: 2027, ticked: true)
        let r = try #require(item(s, "2027-11-20", "follow-up")?.earliestRoute)
        #expect(r.kind == .supplementary && r.fiscalYear == 2028 && r.windowId == "june")
        #expect(r.requestDue == .d("2028-05-10"))
        #expect(r.closedJa == "2027年度12月補正（2027-11-10締切済み）")
        // Mid-August: FY2027's December 補正 brings money before FY2028's initial budget.
        let aug = F.summary(stage: .budgeting, fiscalYear: 2028, ticked: false)
        let r2 = try #require(item(aug, "2027-10-30", "request")?.earliestRoute)
        #expect(r2.ja == "2027年度12月補正（要求締切 2027-11-10）")
    }

    @Test func initialBudgetWhenNoSupplementaryWindows() throws {
        var cal = BudgetCalendar.builtInDefault
        cal.supplementary = []
        let s = F.summary(stage: .coordination, fiscalYear: 2027)
        let r = try #require(item(s, "2026-11-23", "request", calendars: CalendarSet(defaultCalendar: cal))?.earliestRoute)
        #expect(r.kind == .initial && r.fiscalYear == 2028)
        #expect(r.requestDue == .d("2027-10-29"))  // 2027-10-31 is a Sunday
        #expect(r.ja == "2028年度当初予算（要求締切 2027-10-29）")
        #expect(r.alternativeEn.contains("trial"))
    }

    @Test func casesWithoutFiscalYearOrMoneyHaveNoBudgetItems() {
        let ctx = F.context("2026-11-23")
        #expect(DeadlineEngine.items(for: F.summary(fiscalYear: nil), context: ctx).isEmpty)
        // Promotion with no amount needs no municipal money.
        #expect(DeadlineEngine.items(for: F.summary(fiscalYear: 2027, exit: .promotion), context: ctx).isEmpty)
        // … but any amount makes budget deadlines apply, whatever the exit.
        #expect(DeadlineEngine.items(for: F.summary(fiscalYear: 2027, exit: .coCreation, amount: 1_000_000), context: ctx)
            .map(\.milestoneId) == ["request"])
        #expect(DeadlineEngine.items(for: F.summary(fiscalYear: 2027, exit: nil), context: ctx).isEmpty)
    }

    @Test(arguments: [Stage.dropped, .paused, .realized])
    func endStatesKeepOnlyTheirNextAction(stage: Stage) {
        let plain = F.summary(stage: stage, fiscalYear: 2027, lastEvent: "2025-01-01")
        #expect(DeadlineEngine.items(for: plain, context: F.context("2027-05-01")).isEmpty)
        let withAction = F.summary(stage: stage, fiscalYear: 2027, lastEvent: "2025-01-01", nextAction: ("効果検証の報告", "2027-04-30"))
        let items = DeadlineEngine.items(for: withAction, context: F.context("2027-05-01"))
        #expect(items.map(\.milestoneId) == (stage == .dropped ? [] : ["next-action"]))
    }

    @Test(arguments: [
        ("2026-11-22", -1), ("2026-11-23", 0), ("2026-11-24", 1),
    ])
    func nextActionIsOverdueWhenPast(today: String, expected: Int) throws {
        let s = F.summary(stage: .partnerSearch, fiscalYear: nil, exit: nil, nextAction: ("UIJに課題を掲載", "2026-11-23"))
        let i = try #require(item(s, today, "next-action"))
        #expect(i.daysOverdue == expected)
        #expect(i.kind == .nextAction && i.ja == "次のアクション: UIJに課題を掲載" && i.requiredStage == nil)
        // Weekend or holiday: a next action is the user's own date and is not moved.
        #expect(i.due == .d("2026-11-23"))
    }

    /// Per-stage stale limits 60/45/45/30/30 and the boundaries around them.
    @Test(arguments: [
        (Stage.issueDefinition, 60), (.partnerSearch, 45), (.coordination, 45), (.method, 30), (.budgeting, 30),
    ])
    func staleInStage(stage: Stage, limit: Int) throws {
        let today = Day.d("2026-11-23")
        for (ago, expected) in [(limit - 1, -1), (limit, 0), (limit + 1, 1)] {
            let s = F.summary(stage: stage, fiscalYear: nil, exit: nil, lastEvent: today.adding(days: -ago).description)
            let i = try #require(item(s, today.description, "stale"))
            #expect(i.daysOverdue == expected, "\(stage) \(ago) days")
        }
    }

    @Test func staleDaysAreConfigurable() throws {
        let s = F.summary(stage: .coordination, fiscalYear: nil, exit: nil, lastEvent: "2026-10-01")  // 53 days
        #expect(item(s, "2026-11-23", "stale")?.daysOverdue == 8)
        var days = DeadlineContext.defaultStaleDays
        days[.coordination] = 90
        let i = DeadlineEngine.items(for: s, context: F.context("2026-11-23", staleDays: days)).first { $0.milestoneId == "stale" }
        #expect(i?.daysOverdue == -37)
        let catalog = Catalog(stages: [StageSpec(id: .coordination, ja: "", en: "", page: "p.36", staleDays: 20)])
        #expect(DeadlineContext.staleDays(from: catalog)[.coordination] == 20)
        #expect(DeadlineContext.staleDays(from: catalog)[.method] == 30)
        // Not stale yet: not the list column's next deadline.
        #expect(DeadlineEngine.nextDeadline(for: s, context: F.context("2026-11-01")) == nil)
    }

    @Test func snoozedItemsAreMarkedUntilTheirDate() throws {
        let s = F.summary(stage: .coordination, fiscalYear: 2027, snoozes: [("request", "2026-12-01")])
        let on = try #require(item(s, "2026-11-23", "request"))
        #expect(on.snoozed && on.snoozedUntil == .d("2026-12-01"))
        #expect(DeadlineEngine.nextDeadline(for: s, context: F.context("2026-11-23")) == nil)
        // On the until-date itself the snooze has run out.
        #expect(item(s, "2026-12-01", "request")?.snoozed == false)
        // A snooze of another item does not hide this one.
        let other = F.summary(stage: .coordination, fiscalYear: 2027, snoozes: [("next-action", "2027-01-01")])
        #expect(item(other, "2026-11-23", "request")?.snoozed == false)
    }

    @Test func nextDeadlinePrefersTheMostOverdue() throws {
        let s = F.summary(stage: .coordination, fiscalYear: 2028, lastEvent: "2026-11-20", nextAction: ("打合せ", "2026-11-01"))
        let n = try #require(DeadlineEngine.nextDeadline(for: s, context: F.context("2026-11-23")))
        #expect(n.milestoneId == "next-action" && n.daysOverdue == 22)
        let calm = F.summary(stage: .coordination, fiscalYear: 2028, lastEvent: "2026-11-20")
        // Not stale yet (3 days): the next deadline is FY2028's info-provision, 2027-10-01.
        let next = try #require(DeadlineEngine.nextDeadline(for: calm, context: F.context("2026-11-23")))
        #expect(next.milestoneId == "info-provision" && next.due == .d("2027-10-01"))
    }
}
