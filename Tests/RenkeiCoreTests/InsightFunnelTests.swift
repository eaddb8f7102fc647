import Foundation
import Testing
@testable import RenkeiCore

@Suite struct InsightFunnelTests {
    static let today = Day("2026-11-23")!
    static let never = InsightCalendar(requestDeadline: { _, _ in nil }, isOverdue: { _ in false })

    static func v(_ s: Stage, _ d: String) -> InsightFeatures.StageVisit { .init(stage: s, day: Day(d)!) }

    /// Pinned history:
    /// - r: realized after 10/20/30/40/50 days in the five stages (FY2025 end: 2026-03-01)
    /// - d: dropped from coordination after 4 + 6 days (ended 2026-04-10 → FY2026)
    /// - m: at method, moved back once: issue 2d, partner 8d, coord 5d, method 3d, coord 7d, method (running)
    /// - n: at issue-definition, no history
    static let cases: [InsightFeatures] = [
        .init(id: "r", municipality: "A市", exit: .procurement, stage: .realized, fiscalYear: 2025, stageVisits: [
            v(.issueDefinition, "2025-09-01"), v(.partnerSearch, "2025-09-11"), v(.coordination, "2025-10-01"),
            v(.method, "2025-10-31"), v(.budgeting, "2025-12-10"), v(.realized, "2026-03-01")]),
        .init(id: "d", municipality: "B市", exit: .promotion, stage: .dropped, fiscalYear: 2026, stageVisits: [
            v(.issueDefinition, "2026-03-31"), v(.partnerSearch, "2026-04-04"), v(.coordination, "2026-04-10"), v(.dropped, "2026-04-10")]),
        .init(id: "m", municipality: "A市", exit: .procurement, stage: .method, fiscalYear: 2027, stageVisits: [
            v(.issueDefinition, "2026-01-01"), v(.partnerSearch, "2026-01-03"), v(.coordination, "2026-01-11"),
            v(.method, "2026-01-16"), v(.coordination, "2026-01-19"), v(.method, "2026-01-26")]),
        .init(id: "n", municipality: "C町", stage: .issueDefinition, fiscalYear: 2027),
    ]

    @Test func statsArePinned() {
        #expect(InsightStats.median([]) == nil)
        #expect(InsightStats.median([7]) == 7)
        #expect(InsightStats.median([4, 1, 3, 2]) == 2.5)
        #expect(InsightStats.percentile(Array(1...10), 90) == 9)
        #expect(InsightStats.percentile([5], 90) == 5)
        #expect(InsightStats.percentile([], 90) == nil)
        #expect(InsightStats.percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 90) == 100)
        #expect(InsightStats.ratio(1, 0) == nil)
        #expect(InsightStats.percent(nil) == "—")
        #expect(InsightStats.percent(2.0 / 3.0) == "67%")
    }

    /// The funnel's counting sort must be `sorted()` for every shape of input: small spans
    /// (counting), wide spans and extremes (fallback), negatives, short arrays, duplicates.
    @Test func statsSortEqualsSorted() {
        var rng = SystemRandomNumberGenerator()
        var inputs: [[Int]] = [[], [3], Array(repeating: 9, count: 500), [Int.max, Int.min] + Array(0..<100),
                               (0..<1000).map { _ in Int.random(in: 0...3650, using: &rng) },
                               (0..<1000).map { _ in Int.random(in: -40...40, using: &rng) },
                               (0..<300).map { _ in Int.random(in: 0...1_000_000, using: &rng) },
                               (0..<65).map { 64 - $0 }, (0..<66).map { 65 - $0 }]
        inputs.append(inputs[4].reversed())
        for v in inputs {
            #expect(InsightStats.sortedForStats(v) == v.sorted())
            #expect(InsightStats.median(v) == InsightStats.median(sorted: v.sorted()))
            #expect(InsightStats.percentile(v, 90) == InsightStats.percentile(sorted: v.sorted(), 90))
        }
    }

    @Test func countsReachedAndConversion() {
        let f = FunnelReport.build(Self.cases, today: Self.today, calendar: Self.never)
        #expect(f.total == 4)
        #expect(f.stages.first { $0.stage == .issueDefinition }?.count == 1)
        #expect(f.stages.first { $0.stage == .method }?.count == 1)
        #expect(f.stages.first { $0.stage == .realized }?.count == 1)
        #expect(f.stages.first { $0.stage == .dropped }?.count == 1)
        #expect(f.conversions.map(\.reached) == [4, 3, 3, 2, 1])
        #expect(f.conversions.map(\.reachedNext) == [3, 3, 2, 1, 1])
        #expect(f.conversions[0].rate == 0.75)
        #expect(f.conversions[2].rate == 2.0 / 3.0)
        #expect(f.conversions.last?.next == .realized)
        #expect(f.withoutHistory == 1)
    }

    @Test func daysPerStageFromTheEventLog() {
        let f = FunnelReport.build(Self.cases, today: Self.today, calendar: Self.never)
        let d = Dictionary(uniqueKeysWithValues: f.durations.map { ($0.stage, $0) })
        // issue-definition: r 10, d 4, m 2 → median 4, p90 10
        #expect(d[.issueDefinition]?.samples == 3)
        #expect(d[.issueDefinition]?.medianDays == 4)
        #expect(d[.issueDefinition]?.p90Days == 10)
        // partner-search: r 20, d 6, m 8 → median 8
        #expect(d[.partnerSearch]?.medianDays == 8)
        // coordination: r 30, m 5+7=12 (d is still "in" coordination when dropped: 0 days) → [0, 12, 30]
        #expect(d[.coordination]?.samples == 3)
        #expect(d[.coordination]?.medianDays == 12)
        // method: r 40 only (m's method time is still running)
        #expect(d[.method]?.samples == 1)
        #expect(d[.method]?.medianDays == 40)
        #expect(d[.budgeting]?.p90Days == 81)
    }

    @Test func outcomesPerFiscalYearUseTheDayTheCaseEnded() {
        let f = FunnelReport.build(Self.cases, today: Self.today, calendar: Self.never)
        #expect(f.fiscalYears.map(\.fiscalYear) == [2025, 2026])
        #expect(f.fiscalYears[0].realized == 1 && f.fiscalYears[0].dropped == 0)
        #expect(f.fiscalYears[1].dropped == 1)
    }

    @Test func overdueShareUsesThePluggedCalendar() {
        let cal = InsightCalendar(requestDeadline: { _, _ in nil }, isOverdue: { $0.id == "m" })
        let f = FunnelReport.build(Self.cases, today: Self.today, calendar: cal)
        #expect(f.overdue.open == 2)
        #expect(f.overdue.overdue == 1)
        #expect(f.overdue.share == 0.5)
    }

    @Test func typicalOverdueRule() {
        let cal = InsightCalendar.typical(today: Self.today)
        let late = InsightFeatures(id: "x", municipality: "A市", exit: .procurement, stage: .coordination, fiscalYear: 2027)
        let onTime = InsightFeatures(id: "y", municipality: "A市", exit: .procurement, stage: .budgeting, fiscalYear: 2027)
        let noMoney = InsightFeatures(id: "z", municipality: "A市", exit: .promotion, stage: .coordination, fiscalYear: 2027)
        let nextYear = InsightFeatures(id: "w", municipality: "A市", exit: .procurement, stage: .coordination, fiscalYear: 2028)
        #expect(cal.isOverdue(late))
        #expect(!cal.isOverdue(onTime))
        #expect(!cal.isOverdue(noMoney))
        #expect(!cal.isOverdue(nextYear))
    }

    @Test func filtersByMunicipalityExitAndFiscalYear() {
        #expect(FunnelReport.build(Self.cases, filter: .init(municipality: "Ａ市"), today: Self.today, calendar: Self.never).total == 2)
        #expect(FunnelReport.build(Self.cases, filter: .init(exit: .promotion), today: Self.today, calendar: Self.never).total == 1)
        #expect(FunnelReport.build(Self.cases, filter: .init(fiscalYear: 2027), today: Self.today, calendar: Self.never).total == 2)
        let none = FunnelReport.build(Self.cases, filter: .init(municipality: "Z村"), today: Self.today, calendar: Self.never)
        #expect(none.total == 0)
        #expect(none.note?.en.contains("No case matches") == true)
    }

    @Test func emptyWorkspaceDividesByNothing() {
        let f = FunnelReport.build([], today: Self.today, calendar: Self.never)
        #expect(f.total == 0)
        #expect(f.conversions.allSatisfy { $0.rate == nil })
        #expect(f.durations.allSatisfy { $0.medianDays == nil && $0.p90Days == nil })
        #expect(f.overdue.share == nil)
        #expect(f.note?.ja.contains("案件がありません") == true)
        let lines = f.lines(width: 60, lang: .ja)
        #expect(lines.count == 2)
        #expect(!f.markdown(lang: .en).isEmpty)
        _ = f.lines(width: 1, lang: .en)
        #expect(f.lines(width: 0, lang: .en).isEmpty)
    }

    @Test func noHistoryAnywhereIsExplained() {
        let f = FunnelReport.build([InsightFeatures(id: "a", municipality: "A市", stage: .coordination)], today: Self.today, calendar: Self.never)
        #expect(f.conversions.map(\.reached) == [1, 1, 1, 0, 0])
        #expect(f.conversions[2].rate == 0)     // coordination → method: 0 of 1
        #expect(f.conversions[3].rate == nil)   // nobody reached method: no division by zero
        #expect(f.note?.en.contains("No case has stage history") == true)
    }

    @Test func renderedLinesFitTheWidth() {
        let f = FunnelReport.build(Self.cases, today: Self.today, calendar: Self.never)
        for width in [20, 40, 80, 132] {
            for lang in Lang.allCases {
                let lines = f.lines(width: width, lang: lang)
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width) \(lang)")
                #expect(f.stageBarLines(width: width, lang: lang).allSatisfy { DisplayWidth.of($0) == width })
            }
        }
        let md = f.markdown(lang: .ja)
        #expect(md.hasPrefix("## ファネル"))
        #expect(md.contains("█"))
    }
}

@Suite struct InsightBarsTests {
    @Test func eighthsAndFullBlocks() {
        #expect(BlockBars.bar(8, max: 8, cells: 1) == "█")
        #expect(BlockBars.bar(1, max: 8, cells: 1) == "▏")
        #expect(BlockBars.bar(4, max: 8, cells: 1) == "▌")
        #expect(BlockBars.bar(3, max: 4, cells: 4) == "███")
        #expect(BlockBars.bar(0.01, max: 100, cells: 10) == "▏")   // a positive value always shows
        #expect(BlockBars.bar(0, max: 8, cells: 4) == "")
        #expect(BlockBars.bar(5, max: 0, cells: 4) == "")
        #expect(BlockBars.bar(.nan, max: 1, cells: 4) == "")
        #expect(BlockBars.bar(20, max: 10, cells: 2) == "██")      // clamped
    }

    @Test func linesAreExactlyTheWidthWithJapaneseLabels() {
        let rows = [BlockBars.Row(label: "課題特定・企画", value: 3, valueText: "3"),
                    BlockBars.Row(label: "見送り", value: 12, valueText: "12"),
                    BlockBars.Row(label: "ｶﾀｶﾅ🏫", value: 0, valueText: "0")]
        for w in [1, 5, 12, 30, 80] {
            let lines = BlockBars.lines(rows, width: w)
            #expect(lines.count == 3)
            #expect(lines.allSatisfy { DisplayWidth.of($0) == w }, "width \(w): \(lines)")
        }
        #expect(BlockBars.lines(rows, width: 0).isEmpty)
        #expect(BlockBars.lines([], width: 40).isEmpty)
        let full = BlockBars.lines(rows, width: 40)
        #expect(full[1].contains("██"))
        #expect(full[1].hasSuffix(" 12"))
    }
}
