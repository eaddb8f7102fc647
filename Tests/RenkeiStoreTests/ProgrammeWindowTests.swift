import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 16: a case relying on 第2世代交付金 (a funding source that names it) gets the
/// programme's application window — a `<workspace>/funding/*.json` record whose `program` is the
/// programme's id, for the case's fiscal year — among its deadlines, so the overdue review shows
/// it without anyone linking the window by hand; `grant` names the same window.
@Suite struct ProgrammeWindowTests {
    static let today = Day("2026-11-23")!

    @Test func theProgrammesWindowIsInTheDeadlinesOfEveryCaseRelyingOnIt() throws {
        let ws = try StoreFixtures.workspace("programme-window")
        _ = try ws.seedSamples(from: StoreFixtures.dataDir)
        let store = try StoreFixtures.store(ws)
        try FileManager.default.createDirectory(at: ws.fundingDir, withIntermediateDirectories: true)
        try Data(#"""
        [{"id": "dai2-2027-1", "name": "第2世代交付金 令和9年度 第1回", "kind": "grant", "program": "dai2-koufukin",
          "opens": "2026-11-01", "closes": "2026-12-10", "ratePercent": 50, "fiscalYear": 2027},
         {"id": "other-2027", "name": "別の補助金（架空）", "kind": "subsidy", "program": "somebody-else", "closes": "2026-12-01"}]
        """#.utf8).write(to: ws.fundingDir.appendingPathComponent("windows.json"))
        let summaries = try store.portfolio().summaries
        let ctx = store.calendars(for: summaries, data: StoreFixtures.dataDir, today: Self.today).context
        func windows(_ id: String) -> [String] {
            guard let s = summaries.first(where: { $0.id == id }) else { return ["missing case \(id)"] }
            return DeadlineEngine.items(for: s, context: ctx).filter { $0.kind == .fundingWindow }.map(\.milestoneId)
        }
        // Both 令和9年度 cases that name 第2世代交付金 get its window; no one gets the other programme's.
        #expect(windows("toyokawa-horn-solo-travel") == ["funding:dai2-2027-1"])
        #expect(windows("hiroshima-joint-procurement") == ["funding:dai2-2027-1"])
        // Another year's grant case, and a case on general funds only, do not.
        #expect(windows("nishiawakura-local-venture").isEmpty)   // 令和10年度
        #expect(windows("sayama-ntt-eco-action").isEmpty)
        // A window the case links itself is not listed twice.
        var linked = try store.load("toyokawa-horn-solo-travel").value
        for i in linked.budget.funding.indices where linked.budget.funding[i].kind == .grant { linked.budget.funding[i].windowId = "dai2-2027-1" }
        try store.apply("toyokawa-horn-solo-travel", RecordList.funding.command(linked), actor: "試験者", now: StoreFixtures.now)
        let again = try store.portfolio().summaries
        let ctx2 = store.calendars(for: again, data: StoreFixtures.dataDir, today: Self.today).context
        let toyokawa = try #require(again.first { $0.id == "toyokawa-horn-solo-travel" })
        #expect(DeadlineEngine.items(for: toyokawa, context: ctx2).filter { $0.kind == .fundingWindow }.count == 1)
    }

    @Test func grantCheckFindsTheProgrammesWindowForTheYear() throws {
        let programme = try #require(ProgrammeLoader.load(data: StoreFixtures.dataDir, workspace: nil).programmes.first)
        let c = Case(id: "c", title: "t", municipality: Municipality(name: "豊川市"),
                     budget: Budget(fiscalYear: 2027, items: [BudgetItem(label: "委託料", yen: 1_000)],
                                    funding: [FundingSource(name: "第２世代交付金", kind: .grant)]))
        let w26 = FundingWindow(id: "w26", name: "R8", kind: .grant, program: "dai2-koufukin", closes: Day("2026-02-20")!, fiscalYear: 2026)
        let w27b = FundingWindow(id: "w27b", name: "R9-2", kind: .grant, program: "dai2-koufukin", closes: Day("2027-06-01")!, fiscalYear: 2027)
        let w27a = FundingWindow(id: "w27a", name: "R9-1", kind: .grant, program: "dai2-koufukin", closes: Day("2027-02-20")!, fiscalYear: 2027)
        let g = GrantCheck.checks(for: c, code: nil, kind: .city, centralCoreCity: false, programmes: [programme],
                                  windows: [w26, w27b, w27a], portfolio: [])
        #expect(g.first?.window?.id == "w27a", "the year's earliest round")
    }
}
