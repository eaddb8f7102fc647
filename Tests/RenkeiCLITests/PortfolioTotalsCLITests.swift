import Foundation
import Testing

/// Portfolio totals and calendar labels (issue 15) on the shipped samples, through the CLI:
/// one total per fiscal year over the live cases, 未定 for a missing budget, and no date in
/// the past labelled 予定.
@Suite struct PortfolioTotalsCLITests {
    @Test func totalsArePerFiscalYearOverLiveCasesOnly() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let json = try CLI.json(try CLI.run(["export", "--all", "--format", "json"], workspace: ws)) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]] ?? []
        let years = json?["fiscalYears"] as? [[String: Any]] ?? []
        #expect(json?["totalYen"] == nil, "no single sum over every year")
        #expect(rows.contains { ["dropped", "paused"].contains($0["stage"] as? String ?? "") && ($0["totalYen"] as? Int ?? 0) > 0 },
                "the samples have dropped or paused cases with money, so leaving them out is tested")
        var expected: [Int: Int] = [:]
        for r in rows where !["dropped", "paused"].contains(r["stage"] as? String ?? "") {
            if let fy = r["fiscalYear"] as? Int { expected[fy, default: 0] += r["totalYen"] as? Int ?? 0 }
        }
        var got: [Int: Int] = [:]
        for y in years { if let fy = y["fiscalYear"] as? Int { got[fy] = y["totalYen"] as? Int } }
        #expect(got == expected)
        #expect(got.count >= 2, "several years in the samples")

        let md = try CLI.run(["export", "--all", "--format", "md"], workspace: ws)
        #expect(md.stdout.contains("年度別の予算額（中止・保留を除く）"))
        #expect(!md.stdout.contains("| ¥0 |"), "a missing budget is 未定, never ¥0")
        #expect(!rows.contains { ($0["totalYen"] as? Int) == 0 }, "JSON (and CSV, see the golden) leave an undecided amount empty")
    }

    @Test func pastMilestonesAreNotUpcoming() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let dir = ws.appendingPathComponent("cases")
        let ids = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        var checked = 0
        for id in ids {
            let r = try CLI.json(try CLI.run(["export", id, "--format", "json"], workspace: ws)) as? [String: Any]
            let milestones = (r?["calendar"] as? [String: Any])?["milestones"] as? [[String: Any]] ?? []
            for m in milestones where (m["due"] as? String ?? "9999") < "2026-11-23" {
                checked += 1
                #expect(m["status"] as? String != "upcoming" && m["statusLabel"] as? String != "予定", "\(id): \(m["id"] ?? "") \(m["due"] ?? "")")
            }
        }
        #expect(checked > 0, "the samples have past milestones")
    }
}
