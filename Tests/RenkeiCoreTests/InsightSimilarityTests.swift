import Foundation
import Testing
@testable import RenkeiCore
import RenkeiDevSupport

@Suite struct InsightSimilarityTests {
    static let catalog = Catalog(
        methods: [MethodSpec(id: "proposal", ja: "企画競争・プロポーザル", en: "Proposal", page: "p.89", exit: .procurement, summary: nil, requiredFields: [], items: [])],
        referenceItems: [CatalogItem(id: "budget-scale", ja: "予算規模・歳出費目", en: "Budget scale", page: "p.45"),
                         CatalogItem(id: "kpi", ja: "設定した活動指標（KPI）", en: "KPIs set", page: "p.45")],
        domains: [Domain(id: "education", ja: "教育", en: "Education"), Domain(id: "elderly-care", ja: "高齢者・介護", en: "Elderly care")])

    static let portfolio: [InsightFeatures] = [
        .init(id: "q", title: "中学校へのプログラミング教材導入", municipality: "さいたま市", size: .urban, domain: "education",
              exit: .procurement, method: "proposal", tags: ["プログラミング教育", "GIGAスクール"], partners: ["ライフイズテック株式会社"],
              text: "教員の指導経験に差がある。企画競争で教材を調達する。"),
        .init(id: "edu", title: "小学校のプログラミング授業支援", municipality: "豊中市", size: .urban, domain: "education",
              exit: .procurement, method: "proposal", tags: ["ﾌﾟﾛｸﾞﾗﾐﾝｸﾞ教育"], text: "教員の指導を支援する教材"),
        .init(id: "exit-only", title: "議事録のAI化", municipality: "若葉町", size: .urban, domain: "admin-dx",
              exit: .procurement, method: "proposal", text: "議事録作成の負担"),
        .init(id: "watch", title: "見守りセンサー", municipality: "ひかり市", size: .smallMedium, domain: "elderly-care",
              exit: .coCreation, tags: ["見守り"], text: "高齢単身世帯の見守り"),
        .init(id: "partner", title: "中学校の部活動地域移行", municipality: "川口市", domain: "community",
              partners: ["ライフイズテック（株）"], text: "部活動"),
    ]

    @Test func sameDomainTagsAndTextRankFirstWithReasons() throws {
        let finder = SimilarCaseFinder(Self.portfolio, catalog: Self.catalog)
        let r = try #require(finder.similar(to: "q", limit: 3, queryText: ["教員の指導経験に差がある"]))
        #expect(r.matches.first?.id == "edu")
        let kinds = Set(r.matches[0].reasons.map(\.kind))
        #expect(kinds.isSuperset(of: [.domain, .tags, .exit, .method, .size, .text]))
        let ja = r.matches[0].reasonLine(.ja)
        #expect(ja.contains("分野が同じ（教育）"))
        #expect(ja.contains("共通タグ「プログラミング教育」"))   // ﾌﾟﾛｸﾞﾗﾐﾝｸﾞ教育 folds to the same key
        #expect(ja.contains("手法が同じ（企画競争・プロポーザル）"))
        #expect(r.matches[0].reasonLine(.en).contains("Same issue domain (Education)"))
        // Reasons are ordered by weight and sum to the score.
        let w = r.matches[0].reasons.map(\.weight)
        #expect(w == w.sorted(by: >))
        #expect(abs(w.reduce(0, +) - r.matches[0].score) < 0.05)
        #expect(!r.matches.contains { $0.id == "q" })
    }

    @Test func exitMethodAndSizeAloneDoNotMakeACaseSimilar() throws {
        let finder = SimilarCaseFinder(Self.portfolio, catalog: Self.catalog)
        let r = try #require(finder.similar(to: "q", limit: 10))
        #expect(!r.matches.contains { $0.id == "exit-only" })
        #expect(!r.matches.contains { $0.id == "watch" })
    }

    @Test func sharedPartnerIsAReasonAfterFolding() throws {
        var p = Self.portfolio
        p[4] = InsightFeatures(id: "partner", title: "部活動", municipality: "川口市", domain: "community", partners: ["ﾗｲﾌｲｽﾞﾃｯｸ株式会社"])
        let r = try #require(SimilarCaseFinder(p).similar(to: "q", limit: 5))
        let m = try #require(r.matches.first { $0.id == "partner" })
        #expect(m.reasons.contains { $0.kind == .partner && $0.ja.contains("連携先が共通") })
    }

    @Test func partnerThatIsTheOtherMunicipality() throws {
        let a = InsightFeatures(id: "a", municipality: "狭山市", domain: "environment", partners: ["所沢市"], text: "脱炭素アプリ")
        let b = InsightFeatures(id: "b", municipality: "所沢市", domain: "mobility", text: "バス")
        let r = try #require(SimilarCaseFinder([a, b]).similar(to: "a"))
        #expect(r.matches.first?.reasons.contains { $0.kind == .partner && $0.ja == "所沢市はこの案件の連携先" } == true)
    }

    @Test func emptyWorkspaceAndLoneCaseExplain() throws {
        #expect(SimilarCaseFinder([]).similar(to: "x") == nil)
        let lone = try #require(SimilarCaseFinder([Self.portfolio[0]]).similar(to: "q"))
        #expect(lone.matches.isEmpty)
        #expect(lone.compared == 0)
        #expect(lone.note?.ja.contains("他の案件") == true)
    }

    @Test func caseWithNothingToCompareExplains() throws {
        let bare = InsightFeatures(id: "bare", municipality: "どこか町")
        let r = SimilarCaseFinder(Self.portfolio + [bare]).similar(to: bare)
        #expect(r.matches.isEmpty)
        #expect(r.note?.ja.contains("課題分野・タグ・WHY/HOW/WHAT") == true)
        #expect(r.note?.en.contains("nothing to compare") == true)
    }

    @Test func missingDomainIsNotedButTextStillMatches() throws {
        let q = InsightFeatures(id: "nodomain", municipality: "X市", text: "高齢単身世帯の見守りセンサー")
        let r = SimilarCaseFinder(Self.portfolio + [q]).similar(to: q)
        #expect(r.matches.first?.id == "watch")
        #expect(r.note?.en.contains("No issue domain, tags") == true)
    }

    @Test func limitIsRespectedAndZeroGivesNothing() throws {
        let finder = SimilarCaseFinder(Self.portfolio)
        #expect(finder.similar(to: "q", limit: 1)?.matches.count == 1)
        #expect(finder.similar(to: "q", limit: 0)?.matches.isEmpty == true)
    }

    @Test func lessonsListReferenceItemsKPIsAndOutcome() throws {
        var c = try Fixtures.newCase("done")
        c.budget.reference = ["budget-scale": "2,400万円（委託料）", "kpi": "", "custom": "独自項目"]
        c.kpis = [KPI(name: "活用校の割合", unit: "%", baseline: 0, target: 100, actuals: [KPIActual(date: Day("2026-03-31")!, value: 92.5)])]
        c.stage = .realized
        c.stageReason = "全校導入を完了"
        let l = CaseLessons(c, referenceItems: Self.catalog.referenceItems)
        #expect(l.references.map(\.id) == ["budget-scale", "custom"])   // empty text skipped, unknown ids kept
        let ja = l.lines(.ja)
        #expect(ja.first == "結果: 連携実現 — 全校導入を完了")
        #expect(ja.contains("予算規模・歳出費目: 2,400万円（委託料）"))
        #expect(ja.contains("KPI 活用校の割合: 基準 0%, 目標 100%, 実績 92.5% (2026-03-31)"))
        let empty = CaseLessons(try Fixtures.newCase("new"))
        #expect(empty.lines(.en).last == "No budget reference items or KPIs recorded yet")
    }

    @Test func attachLessonsFillsFromLoader() throws {
        let finder = SimilarCaseFinder(Self.portfolio, catalog: Self.catalog)
        var r = try #require(finder.similar(to: "q", limit: 2))
        let c = try Fixtures.newCase("edu")
        r = SimilarCaseFinder.attachLessons(r, catalog: Self.catalog) { $0 == "edu" ? c : nil }
        #expect(r.matches.first { $0.id == "edu" }?.lessons != nil)
    }

    /// Correctness on a 2,000-case synthetic portfolio (debug builds are too slow for timing;
    /// release timings over 10,000 cases: `renkei-bench insight`, Benchmarks/insight.md).
    @Test func largeSyntheticPortfolioLookupIsCorrect() throws {
        let feats = InsightSynthetic.portfolio(count: 2_000)
        let finder = SimilarCaseFinder(feats)
        let r = try #require(finder.similar(to: feats[7].id, limit: 5))
        #expect(r.compared == 1_999)
        #expect(r.matches.count == 5)
        #expect(r.matches.allSatisfy { $0.id != feats[7].id })
    }
}
