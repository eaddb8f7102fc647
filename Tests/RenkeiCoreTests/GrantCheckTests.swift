import Foundation
import Testing
@testable import RenkeiCore

/// Funding rules as data (issue 16): the shipped 第2世代交付金 file and the per-case check.
@Suite struct GrantCheckTests {
    static let programme: FundingProgramme = {
        let url = RepoRoot.url.appendingPathComponent("Data/funding/dai2-koufukin.json")
        return try! JSONDecoder().decode(FundingProgramme.self, from: Data(contentsOf: url))
    }()

    func grantCase(_ id: String, total: Int, fy: Int? = 2027, source: String = "新しい地方経済・生活環境創生交付金（第２世代交付金）") -> Case {
        Case(id: id, title: "t", municipality: Municipality(name: "豊川市"),
             budget: Budget(fiscalYear: fy, items: [BudgetItem(label: "委託料", yen: total)],
                            funding: [FundingSource(name: "一般財源", kind: .general), FundingSource(name: source, kind: .grant)]))
    }

    @Test func shippedRulesAreTheDecksRules() {
        let p = Self.programme
        #expect(p.ratePercent == 50 && p.newApplicationsPerYear == 10 && p.extraApplications == 2)
        #expect(p.tracks.map(\.id) == ["soft", "hub", "infra"])
        #expect(p.tracks.map(\.years) == [3, 3, 5] && p.tracks.map(\.maxYears) == [5, 5, 7])
        #expect(p.tracks[0].capYen == ["prefecture": 1_500_000_000, "central-core-city": 1_500_000_000, "municipality": 1_000_000_000])
        #expect(p.tracks[2].capYen["central-core-city"] == 2_000_000_000 && p.tracks[2].capBasis == "plan-total")
        #expect(p.criteria.map(\.ja) == ["目指す将来像及び課題の設定", "KPI設定の適切性", "自立性", "地域の多様な主体の参画"])
        #expect(p.obligations.count == 2 && p.related.first?.id == "type-v")
        #expect(p.problems(file: "f").isEmpty)
        var bad = p
        bad.ratePercent = 150
        #expect(bad.problems(file: "f").map(\.description) == ["f: ratePercent 150 is not a rate in percent (1–100)"])
    }

    @Test func sharesAddUpToTheYenAndOverflowIsReportedNotWrong() {
        let odd = grantCase("odd", total: 9_000_001)
        let g = GrantCheck.checks(for: odd, code: "232076", kind: .city, centralCoreCity: false, programmes: [Self.programme],
                                  windows: [], portfolio: [(odd, "232076")])
        #expect(g.count == 1)
        #expect(g[0].nationalYen == 4_500_000 && g[0].localYen == 4_500_001)   // rounded down, the rest is local
        #expect(g[0].capYen == 1_000_000_000 && g[0].bodyClass == .municipality && !g[0].overCap)
        let huge = grantCase("huge", total: Int.max / 10)
        let h = GrantCheck.checks(for: huge, code: nil, kind: nil, centralCoreCity: false, programmes: [Self.programme], windows: [], portfolio: [])
        #expect(h[0].nationalYen == nil && h[0].arithmeticProblem?.text(.en).contains("cannot be computed exactly") == true
                && h[0].arithmeticProblem?.text(.ja).contains("正確に計算できません") == true)
        let big = grantCase("big", total: 3_000_000_000)
        let b = GrantCheck.checks(for: big, code: "230006", kind: .prefecture, centralCoreCity: false, programmes: [Self.programme], windows: [], portfolio: [])
        #expect(b[0].bodyClass == .prefecture && b[0].capYen == 1_500_000_000 && !b[0].overCap)  // 15億 = 15億 is at the cap
        // A 中枢中核都市 (profile flag) has the prefecture's cap, not the municipality's.
        let core = GrantCheck.checks(for: big, code: "342025", kind: .coreCity, centralCoreCity: true, programmes: [Self.programme], windows: [], portfolio: [])
        #expect(core[0].bodyClass == .centralCoreCity && core[0].capYen == 1_500_000_000 && !core[0].overCap)
        let plainCity = GrantCheck.checks(for: big, code: "342025", kind: .coreCity, centralCoreCity: false, programmes: [Self.programme], windows: [], portfolio: [])
        #expect(plainCity[0].bodyClass == .municipality && plainCity[0].capYen == 1_000_000_000 && plainCity[0].overCap)
        let bigger = grantCase("bigger", total: 3_000_000_002)
        #expect(GrantCheck.checks(for: bigger, code: nil, kind: .prefecture, centralCoreCity: false, programmes: [Self.programme], windows: [], portfolio: [])[0].overCap)
    }

    @Test func applicationsAreCountedPerMunicipalityAndYear() {
        let a = grantCase("a", total: 100), b = grantCase("b", total: 100), other = grantCase("c", total: 100, fy: 2028)
        let notGrant = grantCase("d", total: 100, source: "県の補助金")
        let portfolio: [(c: Case, code: String?)] = [(a, "232076"), (b, "232076"), (other, "232076"), (notGrant, "232076"), (grantCase("e", total: 1), "221309")]
        let g = GrantCheck.checks(for: a, code: "232076", kind: .city, centralCoreCity: false, programmes: [Self.programme], windows: [], portfolio: portfolio)
        #expect(g[0].applicationsThisYear == 2 && g[0].applicationLimit == 10)
        #expect(GrantCheck.checks(for: notGrant, code: "232076", kind: .city, centralCoreCity: false, programmes: [Self.programme], windows: [], portfolio: portfolio).isEmpty)
        // A window of the programme gives the application deadline.
        var linked = a
        linked.fundingWindows = ["dai2-2027-1"]
        let w = FundingWindow(id: "dai2-2027-1", name: "第2世代交付金 2027年度第1回", kind: .grant, program: "dai2-koufukin", closes: Day("2027-02-20")!)
        #expect(GrantCheck.checks(for: linked, code: "232076", kind: .city, centralCoreCity: true, programmes: [Self.programme], windows: [w], portfolio: [])[0].window == w)
    }
}
