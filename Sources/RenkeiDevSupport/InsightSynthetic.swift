import RenkeiCore

/// A deterministic synthetic portfolio for benchmarks and tests (no randomness from the clock):
/// `count` cases over 13 domains, 60 municipalities, realistic Japanese WHY/HOW/WHAT built from
/// phrase pools, and stage histories.
public enum InsightSynthetic {
    static let domains = ["education", "health", "childcare", "elderly-care", "mobility", "disaster", "environment",
                          "infrastructure", "admin-dx", "agriculture", "tourism", "industry", "community"]
    static let whys = ["高齢化で担い手が不足し、巡回点検の負担が大きい", "子育て世帯の孤立が課題で相談先が少ない",
                       "観光客が特定の地域に集中し周遊につながらない", "災害時の避難所の衛生環境が急速に悪化する",
                       "職員の事務作業が増え住民対応の時間が取れない", "脱炭素に向けた市民の行動変容が進まない",
                       "耕作放棄地の把握漏れが生じている", "公共交通の空白地帯で移動手段が限られる",
                       "中学校の教員の指導経験に差がある", "スタートアップとの協業の実例が少ない"]
    static let hows = ["企画競争（プロポーザル）で事業者を選定する", "4号随契で新しい製品を導入する", "実証実験を行い効果を検証する",
                       "包括連携協定を締結し共同で発信する", "近隣自治体と共同調達する", "成果連動型民間委託契約方式で委託する"]
    static let whats = ["センサーとAIで異常を早期に発見する", "アプリで健康データを見える化しオンライン面談を行う",
                        "ドローンで日用品を配送する", "衛星データで農地を判定する", "議事録をAIで作成する",
                        "シェアサイクルのポートを公共空間に設置する", "教材と教員研修を一体で提供する"]
    static let tagPool = ["実証実験", "共同調達", "AI", "IoT", "脱炭素", "見守り", "防災", "観光", "GIGAスクール", "PFS", "ドローン", "DX"]

    public static func portfolio(count: Int) -> [InsightFeatures] {
        var out: [InsightFeatures] = []
        out.reserveCapacity(count)
        var rng = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }   // modulo: keeps the published portfolio
        let start = Day(year: 2024, month: 4, day: 1)!
        for i in 0..<count {
            let stageIdx = next(8)
            let stage = Stage.allCases[stageIdx]
            var visits: [InsightFeatures.StageVisit] = []
            var day = start.adding(days: next(600))
            let upTo = stage.pipelineIndex ?? next(5)
            for s in 0...upTo { visits.append(.init(stage: Stage.pipeline[s], day: day)); day = day.adding(days: 10 + next(120)) }
            if stage.isEndState { visits.append(.init(stage: stage, day: day)) }
            let exit = Exit.allCases[next(3)]
            out.append(InsightFeatures(
                id: "syn-\(i)", title: "合成案件\(i)", municipality: "市\(next(60))", size: next(2) == 0 ? .urban : .smallMedium,
                domain: domains[next(domains.count)], exit: exit, method: exit == .procurement ? ["proposal", "joint", "sole-source-4"][next(3)] : nil,
                stage: stage, fiscalYear: 2025 + next(4), totalYen: next(5) * 1_000_000,
                tags: [tagPool[next(tagPool.count)], tagPool[next(tagPool.count)]], partners: ["株式会社スタートアップ\(next(200))"],
                text: whys[next(whys.count)] + "。" + whys[next(whys.count)] + "。" + hows[next(hows.count)] + "。"
                    + whats[next(whats.count)] + "。" + whats[next(whats.count)] + "。" + whys[next(whys.count)] + "。",
                stageVisits: visits, referenceCount: next(7), kpiCount: next(4)))
        }
        return out
    }
}
