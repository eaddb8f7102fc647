import Testing
@testable import RenkeiCore

/// Calendar files: validation with file + field, municipality-specific resolution, fallback.
@Suite struct CalendarValidationTests {
    typealias F = CalendarFixtures

    @Test(arguments: ["default", "prefecture-example", "designated-city-example"])
    func shippedCalendarsAreValid(name: String) {
        let cal = F.shippedCalendar(name)
        #expect(CalendarValidator.validate(cal, file: "\(name).json") == [])
    }

    @Test func shippedDefaultMatchesTheBuiltInOne() {
        let cal = F.shippedCalendar("default")
        #expect(cal.milestones == BudgetCalendar.builtInDefault.milestones)
        #expect(cal.supplementary == BudgetCalendar.builtInDefault.supplementary)
        #expect(CalendarValidator.validate(.builtInDefault, file: "built-in") == [])
    }

    func withMilestone(_ id: String, date: String? = nil, year: String? = nil, kind: MunicipalityKind? = nil) -> BudgetCalendar {
        var cal = BudgetCalendar.builtInDefault
        cal.id = "test"
        cal.kind = kind
        let i = cal.milestones.firstIndex { $0.id == id }!
        if let date { cal.milestones[i].date = date }
        if let year { cal.milestones[i].year = year }
        return cal
    }

    /// Each bad calendar gives a problem naming the file and the field.
    @Test(arguments: [
        ("impossible date", "request", "02-30", nil as String?, "milestones[2].date (request)", "is not a date"),
        ("no such month", "policy", "13-01", nil, "milestones[1].date (policy)", "is not a date"),
        ("leap day", "mayor-review", "02-29", nil, "milestones[4].date (mayor-review)", "does not exist every year"),
        ("garbage", "vote", "March 25", nil, "milestones[6].date (vote)", "is not a month-day"),
        ("bad year", "request", nil, "N-2", "milestones[2].year (request)", "is not \"N-1\""),
        ("out of order", "finance-review", "10-15", nil, "milestones[3].date (finance-review)", "comes before milestones[2] (request)"),
        ("after April 1", "vote", "04-05", nil, "milestones[6].date (vote)", "on or after April 1"),
    ] as [(String, String, String?, String?, String, String)])
    func badMilestones(what: String, id: String, date: String?, year: String?, field: String, message: String) {
        let problems = CalendarValidator.validate(withMilestone(id, date: date, year: year), file: "calendars/test.json")
        #expect(problems.contains { $0.file == "calendars/test.json" && $0.field == field && $0.message.contains(message) },
                "\(what): \(problems.map(\.description))")
    }

    @Test func missingDateAndMissingMilestone() {
        var cal = withMilestone("request")
        cal.milestones[2].date = nil
        #expect(CalendarValidator.validate(cal, file: "x.json").map(\.description)
            .contains("x.json: milestones[2].date (request): is missing; write the month-day as \"MM-DD\""))
        cal.milestones.remove(at: 2)
        #expect(CalendarValidator.validate(cal, file: "x.json").contains { $0.field == "milestones" && $0.message.contains("'request'") })
    }

    /// 地方自治法 第211条: 議会提出 at least 20 days before April 1, 30 for prefectures and designated cities.
    @Test(arguments: [
        ("03-12", MunicipalityKind.city, true),          // 20 days
        ("03-13", .city, false),                         // 19 days
        ("03-02", .prefecture, true),                    // 30 days
        ("03-03", .prefecture, false),                   // 29 days
        ("03-03", .designatedCity, false),
        ("03-03", .town, true),
    ] as [(String, MunicipalityKind, Bool)])
    func article211(submission: String, kind: MunicipalityKind, valid: Bool) {
        var cal = withMilestone("submission", date: submission, kind: kind)
        cal.milestones[6].date = "03-25"  // vote stays after submission
        let problems = CalendarValidator.validate(cal, file: "c.json").filter { $0.field == "milestones[5].date (submission)" }
        #expect(problems.isEmpty == valid, "\(submission) \(kind): \(problems)")
        if !valid { #expect(problems.first?.message.contains("第211条") == true) }
    }

    @Test func article211FollowsTheKindsACalendarAppliesTo() {
        var cal = withMilestone("submission", date: "03-05")
        #expect(CalendarValidator.validate(cal, file: "c.json").isEmpty)
        cal.appliesTo.kinds = [.designatedCity]
        #expect(CalendarValidator.validate(cal, file: "c.json").first?.message.contains("at least 30 days") == true)
    }

    @Test func supplementaryWindows() {
        var cal = BudgetCalendar.builtInDefault
        cal.supplementary[0].vote = "04-30"   // before its request 05-10
        cal.supplementary[1].request = "09-31"
        let p = CalendarValidator.validate(cal, file: "c.json")
        #expect(p.contains { $0.field == "supplementary[0].vote (june)" && $0.message.contains("not after the request") })
        #expect(p.contains { $0.field == "supplementary[1].request (september)" && $0.message.contains("is not a date") })
    }

    @Test func references() {
        var cal = BudgetCalendar.builtInDefault
        cal.id = "sapporo"
        cal.appliesTo = .init(municipalities: ["札幌氏", "札幌市"], prefectures: ["北海道", "北海県"])
        let p = CalendarValidator.validate(cal, file: "calendars/sapporo.json", knownMunicipalities: ["札幌市", "福岡市"])
        #expect(p.map(\.description) == [
            "calendars/sapporo.json: appliesTo.prefectures[1]: '北海県' is not a prefecture (use the full name, e.g. 北海道, 東京都, 大阪府, 福岡県)",
            "calendars/sapporo.json: appliesTo.municipalities[0]: unknown municipality '札幌氏' — no case in this workspace has it; did you mean 札幌市?",
        ])
        // Without a list of known municipalities the name is not checked.
        #expect(CalendarValidator.validate(cal, file: "c.json").count == 1)
    }

    // MARK: resolution

    var set: CalendarSet {
        var sapporo = BudgetCalendar.builtInDefault
        sapporo.id = "sapporo"
        sapporo.appliesTo = .init(municipalities: ["札幌市"])
        sapporo.milestones[2].date = "11-15"
        var saitamaPref = BudgetCalendar.builtInDefault
        saitamaPref.id = "saitama-municipalities"
        saitamaPref.appliesTo = .init(prefectures: ["埼玉県"])
        return CalendarSet(calendars: [sapporo, saitamaPref, F.shippedCalendar("designated-city-example"), F.shippedCalendar("prefecture-example")])
    }

    @Test(arguments: [
        ("札幌市", "北海道", MunicipalityKind.designatedCity, "sapporo"),        // by name beats kind
        ("福岡市", "福岡県", .designatedCity, "designated-city-example"),
        ("狭山市", "埼玉県", .city, "saitama-municipalities"),                 // by prefecture
        ("さいたま市", "埼玉県", .designatedCity, "saitama-municipalities"),     // prefecture beats kind
        ("広島県", "広島県", .prefecture, "prefecture-example"),
        ("葉山町", "神奈川県", .town, "default"),
        ("若葉町（架空）", nil, nil, "default"),
    ] as [(String, String?, MunicipalityKind?, String)])
    func resolution(municipality: String, prefecture: String?, kind: MunicipalityKind?, expected: String) {
        let r = set.resolve(municipality: municipality, prefecture: prefecture, kind: kind)
        #expect(r.calendar.id == expected && r.fallback == nil)
    }

    @Test func municipalityCalendarsMoveDeadlines() throws {
        // Designated city: request 11-07 (2026: Saturday → Friday 11-06).
        let fukuoka = F.summary(stage: .coordination, fiscalYear: 2027, municipality: "福岡市", prefecture: "福岡県", kind: .designatedCity)
        let onDay = DeadlineEngine.items(for: fukuoka, context: F.context("2026-11-06", calendars: set))
        let r = try #require(onDay.first { $0.milestoneId == "request" })
        #expect(r.due == .d("2026-11-06") && r.daysOverdue == 0 && r.calendarId == "designated-city-example")
        // The same case on the default calendar would be a week late.
        #expect(DeadlineEngine.items(for: fukuoka, context: F.context("2026-11-06")).first?.daysOverdue == 7)
        // Sapporo's own calendar: request 11-15 (Sunday → 11-13).
        let sapporo = F.summary(stage: .coordination, fiscalYear: 2027, municipality: "札幌市", prefecture: "北海道", kind: .designatedCity)
        let s = try #require(DeadlineEngine.items(for: sapporo, context: F.context("2026-11-23", calendars: set)).first { $0.milestoneId == "request" })
        #expect(s.due == .d("2026-11-13") && s.daysOverdue == 10 && s.calendarId == "sapporo")
        // Prefecture: request 10-31 → 10-30, and the route uses its own 補正 windows (12月補正 request 10-31 → closed).
        let pref = F.summary(stage: .coordination, fiscalYear: 2027, municipality: "広島県", prefecture: "広島県", kind: .prefecture)
        let p = try #require(DeadlineEngine.items(for: pref, context: F.context("2026-11-23", calendars: set)).first)
        #expect(p.daysOverdue == 24 && p.earliestRoute?.ja == "2027年度6月補正（要求締切 2027-04-30）")
    }

    @Test func rejectedCalendarFallsBackToDefaultAndSaysSo() throws {
        let problem = CalendarProblem(file: "calendars/sapporo.json", field: "milestones[2].date (request)", .noSuchDay("02-30", month: 2, day: 30))
        let calendars = CalendarSet(calendars: [F.shippedCalendar("designated-city-example")],
                                    rejected: [.init(file: "calendars/sapporo.json", id: "sapporo", appliesTo: .init(municipalities: ["札幌市"]), problems: [problem])])
        let sapporo = F.summary(stage: .coordination, fiscalYear: 2027, municipality: "札幌市", prefecture: "北海道", kind: .designatedCity)
        let res = calendars.resolve(for: sapporo)
        // Not the designated-city calendar either: the default, as the issue says.
        #expect(res.calendar.id == "default" && res.fallback?.file == "calendars/sapporo.json")
        let item = try #require(DeadlineEngine.items(for: sapporo, context: F.context("2026-11-23", calendars: calendars)).first)
        #expect(item.calendarId == "default")
        #expect(item.calendarNote(.ja) == "暦ファイルに誤りがあるため標準の予算編成カレンダーを使用: calendars/sapporo.json: milestones[2].date (request): 「02-30」は日付ではありません（2月に30日はありません）— 存在する日付にしてください")
        #expect(item.calendarNote(.en) == "using the default budget calendar because of a bad calendar file: calendars/sapporo.json: milestones[2].date (request): \"02-30\" is not a date (month 2 has no day 30)")
        let review = OverdueReview.build(summaries: [sapporo, F.summary("c-0002")], context: F.context("2026-11-23", calendars: calendars))
        #expect(review.calendarFallbacks.map(\.caseId) == ["c-0001"])
        #expect(review.calendarProblems == [problem])
        // Other designated cities keep their calendar.
        #expect(calendars.resolve(municipality: "福岡市", prefecture: "福岡県", kind: .designatedCity).fallback == nil)
    }
}
