import Testing
@testable import RenkeiCore

/// Holidays and business-day shifts, the overdue review, the fiscal-year timeline, funding windows.
@Suite struct CalendarReviewTests {
    typealias F = CalendarFixtures

    @Test func holidayDataCoversTheRangeWithSubstituteAndCitizensHolidays() {
        let h = F.holidays
        #expect(h.years == 2020...2035 && h.covers(2035) && !h.covers(2036))
        #expect(h.source.hasPrefix("python-holidays"))
        #expect(h.holidayName(.d("2026-05-06")) == "振替休日")
        #expect(h.holidayName(.d("2026-09-22")) == "国民の休日")
        #expect(h.holidayName(.d("2035-01-01")) == "元日")
        // 年末年始 is a rule, not in the file.
        #expect(h.holidayName(.d("2026-12-29")) == nil && !h.isBusinessDay(.d("2026-12-29")))
    }

    /// A milestone on a weekend or holiday moves to the previous business day.
    @Test(arguments: [
        ("2026-10-30", "2026-10-30", nil as String?),   // Friday stays
        ("2026-10-31", "2026-10-30", "土曜日"),
        ("2026-11-01", "2026-10-30", "日曜日"),
        ("2026-11-23", "2026-11-20", "勤労感謝の日"),  // Monday holiday
        ("2026-05-06", "2026-05-01", "振替休日"),     // Golden Week: 5/2 Sat … 5/6 振替休日
        ("2026-05-05", "2026-05-01", "こどもの日"),
        ("2026-05-10", "2026-05-08", "日曜日"),
        ("2026-09-22", "2026-09-18", "国民の休日"),   // Silver Week 2026
        ("2026-12-29", "2026-12-28", "年末年始"),
        ("2027-01-03", "2026-12-28", "年末年始"),     // across the year end
        ("2028-01-04", "2028-01-04", nil),
        ("2028-01-03", "2027-12-28", "年末年始"),
    ] as [(String, String, String?)])
    func previousBusinessDay(date: String, expected: String, reason: String?) {
        let ctx = F.context("2026-01-01")
        let (due, why) = ctx.shift(.d(date))
        #expect(due == .d(expected))
        #expect(why == reason)
    }

    @Test func goldenWeekAndYearEndMilestonesInTheEngine() throws {
        var cal = BudgetCalendar.builtInDefault
        cal.supplementary[0].request = "05-06"          // FY2026: 振替休日 → 2026-05-01
        cal.milestones[2].date = "12-30"                // request in 年末年始 → 2026-12-28
        cal.milestones[3].date = "01-10"; cal.milestones[3].year = "N"  // keep the order
        #expect(CalendarValidator.validate(cal, file: "t") == [])
        let ctx = F.context("2027-01-05", calendars: CalendarSet(defaultCalendar: cal))
        let s = F.summary(stage: .method, fiscalYear: 2027)
        let r = try #require(DeadlineEngine.items(for: s, context: ctx).first { $0.milestoneId == "request" })
        #expect(r.scheduled == .d("2026-12-30") && r.due == .d("2026-12-28") && r.shiftReason == "年末年始" && r.daysOverdue == 8)
        // Missed on 2026-05-02 (FY2026's June window closed the day before, 振替休日-shifted).
        let late = F.summary(stage: .coordination, fiscalYear: 2026)
        let f = try #require(DeadlineEngine.items(for: late, context: F.context("2026-05-01", calendars: CalendarSet(defaultCalendar: cal))).first)
        #expect(f.kind == .followUp && f.earliestRoute?.requestDue == .d("2026-05-01"))
        let g = try #require(DeadlineEngine.items(for: late, context: F.context("2026-05-02", calendars: CalendarSet(defaultCalendar: cal))).first)
        #expect(g.earliestRoute?.windowId == "september")
    }

    // MARK: review

    var portfolio: [CaseSummary] {
        [
            F.summary("a-late", stage: .coordination, fiscalYear: 2027),                                   // request 24 days over
            F.summary("b-fukuoka", stage: .method, fiscalYear: 2027, municipality: "福岡市", prefecture: "福岡県", kind: .designatedCity),
            F.summary("c-soon", stage: .partnerSearch, fiscalYear: nil, exit: nil, nextAction: ("資料送付", "2026-12-07")),  // 14 days
            F.summary("d-later", stage: .partnerSearch, fiscalYear: nil, exit: nil, nextAction: ("再訪", "2026-12-08")),     // 15 days
            F.summary("e-snoozed", stage: .coordination, fiscalYear: 2027, snoozes: [("request", "2026-12-01")]),
            F.summary("f-nofy", stage: .method, fiscalYear: nil, amount: 3_000_000),
            F.summary("g-upcoming", stage: .coordination, fiscalYear: 2028, municipality: "葉山町", prefecture: "神奈川県", kind: .town),
            F.summary("h-dropped", stage: .dropped, fiscalYear: 2027),
        ]
    }

    @Test func reviewGroupsMissedDueSoonUpcomingThenMunicipality() {
        let review = OverdueReview.build(summaries: portfolio, context: F.context("2026-11-23"), within: 14)
        #expect(review.groups.map(\.kind) == [.missed, .dueSoon, .upcoming])
        let missed = review.group(.missed)
        #expect(missed.items.map { "\($0.caseId)/\($0.milestoneId)/\($0.daysOverdue)" }
            == ["a-late/request/24", "b-fukuoka/request/24"])
        // Same due day: municipalities by name.
        #expect(missed.municipalities.map(\.municipality) == ["狭山市", "福岡市"])
        #expect(review.group(.dueSoon).items.map(\.caseId) == ["c-soon"])
        #expect(review.group(.upcoming).items.map { "\($0.caseId)/\($0.milestoneId)" }
            == ["d-later/next-action", "g-upcoming/info-provision", "g-upcoming/request"])
        #expect(review.group(.upcoming).municipalities.map(\.municipality) == ["狭山市", "葉山町"])
        #expect(review.snoozed.map(\.caseId) == ["e-snoozed"])
        #expect(review.unscheduled == ["f-nofy"])
        #expect((review.missedCount, review.dueSoonCount, review.upcomingCount) == (2, 1, 3))
        #expect(OverdueReview.missedCount(summaries: portfolio, context: F.context("2026-11-23")) == 2)
        #expect(missed.title(.ja) == "超過" && review.group(.dueSoon).title(.ja) == "14日以内")
        // A wider window moves d-later into "due soon".
        #expect(OverdueReview.build(summaries: portfolio, context: F.context("2026-11-23"), within: 15).dueSoonCount == 2)
    }

    @Test func staleWarningsAppearOnlyWhenDueOrMissed() {
        let s = [F.summary("x", stage: .method, fiscalYear: nil, exit: nil, lastEvent: "2026-11-01")]  // stale on 2026-12-01
        #expect(OverdueReview.build(summaries: s, context: F.context("2026-11-10")).allItems.isEmpty)
        #expect(OverdueReview.build(summaries: s, context: F.context("2026-11-20")).group(.dueSoon).items.map(\.milestoneId) == ["stale"])
        #expect(OverdueReview.build(summaries: s, context: F.context("2026-12-02")).group(.missed).items.map { $0.statusText(.ja) } == ["1日超過"])
    }

    // MARK: timeline

    @Test func fiscalYearTimelineWithTodayMarked() throws {
        let t = FiscalTimeline.build(calendar: .builtInDefault, holidays: F.holidays, fiscalYear: 2027, today: .d("2026-11-23"))
        #expect(t.rows.map(\.id) == ["info-provision", "policy", "request", "today", "finance-review", "mayor-review", "submission",
                                     "vote", "start", "june-request", "june-vote", "september-request", "september-vote",
                                     "december-request", "december-vote"])
        let req = try #require(t.rows.first { $0.id == "request" })
        #expect(req.due == .d("2026-10-30") && req.shiftReason == "土曜日" && req.relativeText(.ja) == "24日前" && req.isPast)
        let policy = try #require(t.rows.first { $0.id == "policy" })
        #expect(policy.due == .d("2026-10-09"))   // 10-10 is a Saturday
        #expect(t.rows.first { $0.id == "june-request" }?.relativeText(.ja) == "あと168日")
        #expect(t.start == .d("2026-10-01") && t.end == .d("2028-03-31"))
        #expect(t.fraction(of: t.start) == 0 && t.fraction(of: t.end) == 1 && t.fraction(of: .d("2030-01-01")) == 1)
        // Today before the whole cycle sits first.
        let early = FiscalTimeline.build(calendar: .builtInDefault, holidays: F.holidays, fiscalYear: 2027, today: .d("2026-04-01"))
        #expect(early.rows.first?.isToday == true && early.start == .d("2026-04-01"))
    }

    // MARK: funding windows

    @Test func fundingWindowsAndTheLocalShare() throws {
        let grant = FundingWindow(id: "dden-2027", name: "新しい地方経済・生活環境創生交付金", kind: .grant, program: "内閣府",
                                  opens: .d("2026-11-01"), closes: .d("2026-12-04"), ratePercent: 50, fiscalYear: 2027)
        #expect(grant.localSharePercent == 50)
        #expect(FundingWindow(id: "uij", name: "UIJ", kind: .other, closes: .d("2026-12-01"), ratePercent: 100).localSharePercent == nil)
        #expect(grant.problems(file: "f.json", index: 0).isEmpty)
        var bad = grant; bad.ratePercent = 150; bad.opens = .d("2027-01-01")
        #expect(bad.problems(file: "f.json", index: 2).map(\.field) == ["[2].ratePercent", "[2].closes"])

        let s = F.summary(stage: .budgeting, fiscalYear: 2027, ticked: true)
        let ctx = F.context("2026-11-23", windows: [grant], links: ["c-0001": ["dden-2027", "missing"]])
        let item = try #require(DeadlineEngine.items(for: s, context: ctx).first { $0.kind == .fundingWindow })
        #expect(item.milestoneId == "funding:dden-2027" && item.daysOverdue == -11)
        #expect(item.requirementJa == "補助率50% — 残り50%は自治体の予算計上が必要")
        // Closed windows are not actionable any more.
        #expect(DeadlineEngine.items(for: s, context: F.context("2026-12-05", windows: [grant], links: ["c-0001": ["dden-2027"]]))
            .allSatisfy { $0.kind != .fundingWindow })

        var c = Case(id: "c-0001", title: "t", municipality: Municipality(name: "狭山市"))
        c.budget.items = [BudgetItem(label: "委託料", yen: 4_800_000)]
        c.budget.funding = [FundingSource(name: "交付金", kind: .grant, windowId: "dden-2027"),
                            FundingSource(name: "一般財源", kind: .general, ratePercent: 100)]
        c.fundingWindows = ["uij-2026"]
        #expect(c.linkedFundingWindowIds == ["uij-2026", "dden-2027"])
        let shares = LocalShare.of(c, windows: [grant])
        #expect(shares.count == 1 && shares[0].localYen == 2_400_000)
        #expect(shares[0].text(.ja) == "交付金（補助率50%）: 残り50%（¥2,400,000）は自治体の予算計上が必要")
    }
}
