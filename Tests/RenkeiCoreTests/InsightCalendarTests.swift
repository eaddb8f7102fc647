import Foundation
import Testing
@testable import RenkeiCore

@Suite struct InsightCalendarTests {
    @Test func engineCalendarGivesShiftedRequestDeadlinesAndOverdue() throws {
        let today = Day("2026-11-23")!
        var c = try Fixtures.newCase("late")
        c.exit = .procurement
        c.domain = "disaster"
        c.budget.fiscalYear = 2027
        let s = CaseSummary(c)
        let ctx = DeadlineContext(today: today)
        let cal = InsightCalendar.engine(ctx, summaries: [s.id: s])
        let f = InsightFeatures(c)
        // Built-in default: request (N-1)-10-31 → 2026-10-31 is a Saturday → 2026-10-30.
        #expect(cal.requestDeadline(f, 2027) == Day("2026-10-30"))
        #expect(cal.isOverdue(f))   // at issue-definition past the 2027 request deadline
        #expect(!cal.isOverdue(InsightFeatures(id: "unknown", municipality: "X市")))
        // The same answer the overdue review gives.
        #expect(OverdueReview.missedCount(summaries: [s], context: ctx) > 0)
    }

    /// The funnel's overdue share asks the counter; it must say what the engine says, case by case.
    @Test(arguments: ["2026-09-30", "2026-10-31", "2026-11-23", "2027-03-26"])
    func engineOverdueEqualsTheFullEngine(today: String) {
        let ctx = CalendarFixtures.context(today)
        let cases = CalendarCounterTests().portfolio
        let cal = InsightCalendar.engine(ctx, summaries: Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0) }))
        var overdue = 0
        for s in cases {
            let expected = DeadlineEngine.items(for: s, context: ctx).contains { $0.isMissed && !$0.snoozed }
            #expect(cal.isOverdue(InsightFeatures(id: s.id, municipality: s.municipality)) == expected, "\(s.id) \(today)")
            if expected { overdue += 1 }
        }
        #expect(overdue > 0 && overdue < cases.count)
    }

    @Test func portfolioInsightFacade() throws {
        let today = Day("2026-11-23")!
        let feats = InsightSimilarityTests.portfolio + [
            InsightFeatures(id: "j1", municipality: "A市", domain: "disaster", exit: .procurement, stage: .method, fiscalYear: 2028, totalYen: 10),
            InsightFeatures(id: "j2", municipality: "B市", domain: "disaster", exit: .procurement, stage: .method, fiscalYear: 2028, totalYen: 20),
        ]
        let p = PortfolioInsight(feats, catalog: InsightSimilarityTests.catalog, calendar: .typical(today: today), today: today)
        #expect(p.similar(to: "q")?.matches.first?.id == "edu")
        #expect(p.similar(to: "nope") == nil)
        #expect(p.joint().groups.first?.combinedYen == 30)
        #expect(p.funnel().total == feats.count)
        #expect(p.funnel(FunnelFilter(fiscalYear: 2028)).total == 2)
        #expect(p.municipalities.contains("A市"))
        #expect(p.fiscalYears == [2028])
    }
}
