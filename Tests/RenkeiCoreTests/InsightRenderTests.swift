import Foundation
import Testing
@testable import RenkeiCore

@Suite struct InsightRenderTests {
    @Test func similarLinesClipToWidthAndCarryNotes() throws {
        let finder = SimilarCaseFinder(InsightSimilarityTests.portfolio, catalog: InsightSimilarityTests.catalog)
        let r = try #require(finder.similar(to: "q", limit: 2))
        let lines = r.lines(lang: .ja, width: 30)
        #expect(lines.first?.hasPrefix("1. edu") == true)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines.contains { $0.hasPrefix("   理由: ") })
        let lone = SimilarCaseFinder([InsightSimilarityTests.portfolio[0]]).similar(to: "q")!
        #expect(lone.lines(lang: .en) == ["There are no other cases in the workspace to compare with."])
    }

    @Test func jointLinesShowDeadlineBudgetAndSlid() {
        let today = Day("2026-11-23")!
        let a = InsightFeatures(id: "a", title: "シャワー", municipality: "広島県", domain: "disaster", exit: .procurement,
                                stage: .budgeting, fiscalYear: 2027, totalYen: 40_800_000)
        let b = InsightFeatures(id: "b", title: "手洗い", municipality: "呉市", domain: "disaster", exit: .procurement,
                                stage: .coordination, fiscalYear: 2028)
        let r = JointProcurementFinder.find([a, b], today: today, calendar: .typical(today: today))
        let ja = r.lines(lang: .ja)
        #expect(ja.contains("■ disaster・2028年度 — 2自治体: 呉市・広島県"))
        #expect(ja.contains("  共通の予算要求締切: 2027-10-29（R9.10.29） あと340日"))
        #expect(ja.contains("  合計予算: ¥40,800,000（金額未定: b）"))
        #expect(ja.contains { $0.contains("※2027年度の締切を過ぎたため翌年度以降") })
        #expect(r.lines(lang: .en, width: 24).allSatisfy { DisplayWidth.of($0) <= 24 })
        #expect(JointProcurementReport.yen(0) == "¥0")
        #expect(JointProcurementReport.yen(-1234) == "-¥1,234")
    }
}
