import Testing
@testable import RenkeiCore

/// The `--count` fast path agrees with the full engine on every combination that matters.
@Suite struct CalendarCounterTests {
    typealias F = CalendarFixtures

    var portfolio: [CaseSummary] {
        var out: [CaseSummary] = []
        let places: [(String, String?, MunicipalityKind?)] = [("狭山市", "埼玉県", .city), ("福岡市", "福岡県", .designatedCity),
                                                              ("広島県", "広島県", .prefecture), ("札幌市", "北海道", .designatedCity)]
        var i = 0
        for stage in Stage.allCases {
            for fy in [nil, 2026, 2027, 2028] as [Int?] {
                for ticked in [false, true] {
                    for (m, p, k) in places {
                        i += 1
                        let snooze: [(String, String)] = i % 5 == 0 ? [("request", "2026-12-01")] : i % 7 == 0 ? [("stale", "2026-11-23"), ("follow-up", "2027-01-01")] : []
                        out.append(F.summary("c-\(i)", stage: stage, fiscalYear: fy, exit: i % 3 == 0 ? .promotion : .procurement,
                                             amount: i % 6 == 0 ? 1_000_000 : 0, ticked: ticked, municipality: m, prefecture: p, kind: k,
                                             lastEvent: i % 2 == 0 ? "2026-09-01" : "2026-11-20",
                                             nextAction: i % 4 == 0 ? ("x", "2026-11-10") : nil, snoozes: snooze))
                    }
                }
            }
        }
        return out
    }

    @Test(arguments: ["2026-04-01", "2026-09-30", "2026-10-01", "2026-10-02", "2026-10-30", "2026-10-31", "2026-11-23",
                      "2027-03-25", "2027-03-26", "2027-11-20"])
    func counterMatchesTheEngine(today: String) {
        var sapporo = BudgetCalendar.builtInDefault
        sapporo.id = "sapporo"; sapporo.appliesTo = .init(municipalities: ["札幌市"]); sapporo.milestones[2].date = "11-15"
        let set = CalendarSet(calendars: [sapporo, F.shippedCalendar("designated-city-example"), F.shippedCalendar("prefecture-example")])
        let ctx = F.context(today, calendars: set)
        let cases = portfolio
        let slow = cases.reduce(0) { n, s in n + DeadlineEngine.items(for: s, context: ctx).filter { $0.isMissed && !$0.snoozed }.count }
        #expect(OverdueReview.missedCount(summaries: cases, context: ctx) == slow)
        #expect(OverdueReview.build(summaries: cases, context: ctx).missedCount == slow)
        #expect(slow > 0 || today == "2026-04-01")
    }
}
