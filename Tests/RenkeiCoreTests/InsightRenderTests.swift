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

    /// Views style rows by kind, never by text: the kinds must say what each row is — the
    /// members in `jointMembers` order (a skipped case whose id looks like a member's is not
    /// one), the overdue alert active only when something is overdue, a title first.
    @Test func rowsSayWhatEachRowIs() throws {
        let today = Day("2026-11-23")!
        let a = InsightFeatures(id: "a", title: "シャワー", municipality: "広島県", domain: "disaster", exit: .procurement,
                                stage: .budgeting, fiscalYear: 2027, totalYen: 40_800_000)
        let b = InsightFeatures(id: "b", title: "手洗い", municipality: "呉市", domain: "disaster", exit: .procurement,
                                stage: .coordination, fiscalYear: 2028)
        let lonely = InsightFeatures(id: "a-2", title: "㈱髙橋", municipality: "ｻﾔﾏ市", exit: .procurement, stage: .method)
        let joint = JointProcurementFinder.find([a, b, lonely], today: today, calendar: .typical(today: today))
        let rows = joint.rows(lang: .ja)
        #expect(rows.first?.kind == .title)
        let members = rows.compactMap { r -> String? in if case .member = r.kind { return r.text } else { return nil } }
        let ids = joint.groups.flatMap { $0.members.map(\.id) }
        #expect(members.count == ids.count)
        for (i, id) in ids.enumerated() {
            let row = try #require(rows.first { $0.kind == .member(index: i) })
            #expect(row.text.hasPrefix("  - \(id)  "))
        }
        #expect(rows.contains { $0.kind == .skipped && $0.text.contains("a-2") })
        #expect(rows.filter { $0.kind == .heading }.count == joint.groups.count)
        #expect(rows.texts == joint.lines(lang: .ja))

        let calm = FunnelReport.build([b], today: today, calendar: .typical(today: today)).rows(width: 60, lang: .ja)
        #expect(calm.first?.kind == .title)
        #expect(calm.last?.kind == .alert(active: false))
        #expect(calm.contains { $0.kind == .heading && $0.text.hasPrefix("■ ") })
        #expect(!calm.contains { $0.kind == .heading && !$0.text.hasPrefix("■ ") })
        let always = InsightCalendar(requestDeadline: { _, _ in nil }, isOverdue: { _ in true })
        #expect(FunnelReport.build([b], today: today, calendar: always).rows(width: 60, lang: .en).last?.kind == .alert(active: true))
    }
}
