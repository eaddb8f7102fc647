import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiStore

/// Deterministic, realistic workspaces for benchmarks and tests: `renkei dev generate`.
///
/// Case *i* depends only on (seed, i) — never on N or on the order of generation — so the
/// output is the same bytes whatever the thread count, and a 1,000-case workspace is a prefix
/// of the 10,000-case one with the same seed.
public struct CaseGenerator: Sendable {
    public let catalog: Catalog
    public let seed: UInt64
    /// The "today" the spread is built around (events never lie after it).
    public let today: Day
    public let count: Int

    public init(catalog: Catalog, seed: UInt64, count: Int, today: Day = Day(year: 2026, month: 11, day: 23)!) {
        self.catalog = catalog; self.seed = seed; self.count = count; self.today = today
    }

    /// Width of the numeric part of ids: at least 4 (like `CaseID.next`), more for big N.
    public var idWidth: Int { max(4, String(count).count) }

    public func id(_ i: Int) -> String {
        let n = String(i + 1)
        return "c-" + String(repeating: "0", count: max(0, idWidth - n.count)) + n
    }

    // MARK: vocabulary

    struct Muni { let name: String, pref: String, kind: MunicipalityKind, size: SizeClass }
    static let munis: [Muni] = [
        Muni(name: "狭山市", pref: "埼玉県", kind: .city, size: .smallMedium),
        Muni(name: "浜松市", pref: "静岡県", kind: .designatedCity, size: .urban),
        Muni(name: "福岡市", pref: "福岡県", kind: .designatedCity, size: .urban),
        Muni(name: "広島県", pref: "広島県", kind: .prefecture, size: .urban),
        Muni(name: "葉山町", pref: "神奈川県", kind: .town, size: .smallMedium),
        Muni(name: "光市", pref: "山口県", kind: .city, size: .smallMedium),
        Muni(name: "さいたま市", pref: "埼玉県", kind: .designatedCity, size: .urban),
        Muni(name: "つくば市", pref: "茨城県", kind: .city, size: .urban),
        Muni(name: "加賀市", pref: "石川県", kind: .city, size: .smallMedium),
        Muni(name: "渋谷区", pref: "東京都", kind: .ward, size: .urban),
        Muni(name: "神戸市", pref: "兵庫県", kind: .designatedCity, size: .urban),
        Muni(name: "会津若松市", pref: "福島県", kind: .city, size: .smallMedium),
        Muni(name: "塩尻市", pref: "長野県", kind: .city, size: .smallMedium),
        Muni(name: "西粟倉村", pref: "岡山県", kind: .village, size: .smallMedium),
        Muni(name: "鯖江市", pref: "福井県", kind: .city, size: .smallMedium),
        Muni(name: "前橋市", pref: "群馬県", kind: .city, size: .urban),
        Muni(name: "北九州市", pref: "福岡県", kind: .designatedCity, size: .urban),
        Muni(name: "愛知県", pref: "愛知県", kind: .prefecture, size: .urban),
        Muni(name: "日南市", pref: "宮崎県", kind: .city, size: .smallMedium),
        Muni(name: "美郷町", pref: "島根県", kind: .town, size: .smallMedium),
        Muni(name: "仙台市", pref: "宮城県", kind: .designatedCity, size: .urban),
        Muni(name: "札幌市", pref: "北海道", kind: .designatedCity, size: .urban),
        Muni(name: "那覇市", pref: "沖縄県", kind: .city, size: .urban),
        Muni(name: "小布施町", pref: "長野県", kind: .town, size: .smallMedium),
        Muni(name: "三豊市", pref: "香川県", kind: .city, size: .smallMedium),
        Muni(name: "神山町", pref: "徳島県", kind: .town, size: .smallMedium),
        Muni(name: "横須賀市", pref: "神奈川県", kind: .city, size: .urban),
        Muni(name: "大阪府", pref: "大阪府", kind: .prefecture, size: .urban),
        Muni(name: "京都市", pref: "京都府", kind: .designatedCity, size: .urban),
        Muni(name: "松本市", pref: "長野県", kind: .city, size: .urban),
        Muni(name: "石垣市", pref: "沖縄県", kind: .city, size: .smallMedium),
        Muni(name: "氷見市", pref: "富山県", kind: .city, size: .smallMedium),
        Muni(name: "東川町", pref: "北海道", kind: .town, size: .smallMedium),
        Muni(name: "豊岡市", pref: "兵庫県", kind: .city, size: .smallMedium),
        Muni(name: "飯田市", pref: "長野県", kind: .city, size: .smallMedium),
        Muni(name: "宇部市", pref: "山口県", kind: .city, size: .smallMedium),
        Muni(name: "茅野市", pref: "長野県", kind: .city, size: .smallMedium),
        Muni(name: "墨田区", pref: "東京都", kind: .ward, size: .urban),
        Muni(name: "熊本市", pref: "熊本県", kind: .designatedCity, size: .urban),
        Muni(name: "長岡市", pref: "新潟県", kind: .city, size: .urban),
    ]
    static let departments = ["企画政策課", "デジタル推進課", "子育て支援課", "高齢福祉課", "健康づくり課", "危機管理課",
                              "環境政策課", "道路河川課", "上下水道局 施設課", "農林振興課", "観光交流課", "商工労働課",
                              "教育委員会 学校教育課", "市民協働課", "交通政策課", "財政課", "契約課", "産業振興部 スタートアップ推進課"]
    static let themes: [String: [(String, String)]] = [
        "education": [("AI教材", "不登校児童の学習支援"), ("オンライン授業配信", "離島の教育格差解消"), ("プログラミング教育", "中学校の探究学習")],
        "health": [("ウェアラブル端末", "特定健診の受診率向上"), ("オンライン診療", "無医地区の医療アクセス"), ("健康アプリ", "生活習慣病の予防")],
        "childcare": [("保育AI", "保育士の事務負担軽減"), ("パーソナル助産師", "妊産婦の伴走型支援"), ("送迎バス運行管理", "保育園の安全確保")],
        "elderly-care": [("見守りセンサー", "独居高齢者の見守り"), ("介護記録DX", "介護事業所の負担軽減"), ("オンデマンド交通", "高齢者の外出支援")],
        "mobility": [("シェアサイクル", "中心市街地の回遊性向上"), ("AIオンデマンドバス", "公共交通空白地の解消"), ("自動運転バス", "郊外団地の移動手段確保")],
        "disaster": [("ドローン", "災害時の被災状況把握"), ("河川水位センサー", "内水氾濫の早期警戒"), ("避難所DX", "避難所運営の効率化")],
        "environment": [("AIごみ分別", "ごみ減量とリサイクル率向上"), ("CO2見える化", "脱炭素の推進"), ("新素材LIMEX", "プラスチック削減")],
        "infrastructure": [("漏水検知センサー", "水道管の漏水早期発見"), ("道路損傷AI検知", "道路維持管理の効率化"), ("橋梁点検ドローン", "インフラ点検の省力化")],
        "admin-dx": [("生成AI", "庁内問い合わせ対応の効率化"), ("電子申請", "窓口手続きのオンライン化"), ("RPA", "定型業務の自動化")],
        "agriculture": [("スマート農業", "担い手不足の解消"), ("獣害対策センサー", "鳥獣被害の軽減"), ("狭山茶のブランディング", "茶産業の販路拡大")],
        "tourism": [("観光DX", "周遊観光の促進"), ("多言語案内AI", "インバウンド対応"), ("ワーケーション", "関係人口の創出")],
        "industry": [("ビジネスマッチング", "地域中小企業のDX支援"), ("創業支援プラットフォーム", "地域発スタートアップの育成"), ("人材マッチング", "地元就職の促進")],
        "community": [("地域通貨アプリ", "地域内経済循環"), ("オンライン市民参加", "住民の政策参画"), ("空き家マッチング", "空き家の利活用")],
    ]
    static let partnerStems = ["ミライ", "ソラ", "ヒカリ", "アオイ", "コネクト", "ノード", "ハレ", "ツナグ", "ユイ", "ミドリ", "カケル", "シズク", "リンク", "ホシ", "サクラ", "トモ"]
    static let partnerTails = ["テック", "ラボ", "ワークス", "ロボティクス", "ヘルスケア", "モビリティ", "エナジー", "データ", "デザイン", "ソリューションズ"]
    static let families = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "青木", "松本", "井上", "木村"]
    static let givens = ["結衣", "翔太", "美咲", "大輔", "陽菜", "健太", "彩", "拓也", "真由美", "誠", "葵", "蓮"]
    static let roman = ["sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida", "yamada", "aoki", "matsumoto", "inoue", "kimura"]
    static let sentences = [
        "原課と財政課の間で、来年度予算に計上するかどうかの認識がまだ揃っていない。",
        "スタートアップ側から、他都市での導入実績と効果測定の結果について資料提供があった。",
        "庁内の関係課長会で説明し、教育委員会と福祉部局の協力が得られる見込み。",
        "下見積もりを依頼したところ、初年度は試行として無償のミニマム提供も可能との回答。",
        "議会の一般質問で取り上げられたため、首長決裁を経て優先度が上がった。",
        "実証実験の役割及び責任分担、経費等の分担、成果の帰属について協定案を作成中。",
        "近隣の地域でも同様の課題があり、周辺自治体との共同調達を検討している。",
        "選定の公平性を担保するため、民間提案窓口での公募を経た形にすることを確認した。",
        "KPIとして利用者数と満足度を設定し、四半期ごとに実績を報告してもらう。",
        "契約担当課から、随意契約の根拠について第4号の適用要件を整理するよう指摘があった。",
        "概算払い・分割払いに対応できるか会計課と協議中。キャッシュフローへの配慮が必要。",
        "補正予算での対応も視野に入れ、9月補正の要求締切を確認した。",
        "住民説明会を開催し、おおむね好意的な反応を得た。個人情報の取扱いに関する質問が多い。",
        "担当者の異動があり、引継ぎのため経緯をメモにまとめ直した。",
        "他県の事例では導入後に利用率が伸び悩んだため、周知方法を工夫する必要がある。",
        "Urban Innovation JAPANに課題を掲載したところ、5社から提案があった。",
        "トライアル発注認定制度の対象となるか、県の担当課に問い合わせた。",
        "成果連動型民間委託契約方式（PFS）の適用可能性について、成果指標の設定が課題。",
        "ＡＩを活用した分析結果を月次で共有してもらうことで合意した。",
        "ｽﾀｰﾄｱｯﾌﾟ側の体制が小さいため、問い合わせ窓口の一本化を依頼した。",
    ]
    static let tagPool = ["スタートアップ", "実証実験", "共同調達", "補正予算", "交付金", "DX", "横展開", "ふるさと納税", "SDGs", "広域連携", "データ連携", "住民参加"]
    static let expenditureItems = ["委託料", "負担金補助及び交付金", "使用料及び賃借料", "需用費", "役務費", "備品購入費"]
    static let kpiPool: [(String, String)] = [("利用者数", "人"), ("満足度", "%"), ("削減時間", "時間/月"), ("受診率", "%"), ("CO2削減量", "t"), ("問い合わせ件数", "件"), ("参加者数", "人")]
    static let fundingNames = ["デジタル田園都市国家構想交付金", "地方創生推進交付金", "企業版ふるさと納税", "県補助金"]
    static let reasonsBack = ["財政課から仕様の再検討を求められたため", "庁内合意が得られず調整段階に戻す", "連携先の体制変更により再探索"]
    static let reasonsEnd: [Stage: [String]] = [
        .realized: ["契約締結・事業開始", "連携協定を締結", "実証実験の協定を締結"],
        .dropped: ["予算要求が認められなかった", "連携先の事業撤退", "費用対効果が見込めないと判断"],
        .paused: ["首長交代に伴い方針を再検討中", "次年度に改めて検討", "国の制度改正待ち"],
    ]

    // MARK: generation

    /// The i-th case (0-based). Pure: depends only on (seed, i, catalog, today).
    public func makeCase(_ i: Int) -> Case {
        var r = SplitMix64(seed: seed &+ UInt64(i) &* 0xD1B5_4A32_D192_ED03)
        _ = r.next()
        let muni = r.chance(2) ? Self.munis[0] : r.pick(Self.munis)
        let domains = catalog.domains.map(\.id)
        let domain = domains.isEmpty ? "community" : r.pick(domains)
        let theme = r.pick(Self.themes[domain] ?? Self.themes["community"]!)
        let titleForms = ["\(theme.0)を活用した\(theme.1)", "\(theme.0)による\(theme.1)", "\(muni.name)における\(theme.1)（\(theme.0)）",
                          "\(theme.1)に向けた\(theme.0)の実証", "\(theme.0)で進める\(theme.1)の取組"]
        var title = r.pick(titleForms)
        if r.chance(5) { title += "【第\(r.range(2...4))期】" }

        // Stage mix: most cases in the pipeline, some ended.
        let stageRoll = r.below(100)
        let stage: Stage = stageRoll < 16 ? .issueDefinition : stageRoll < 32 ? .partnerSearch : stageRoll < 48 ? .coordination
            : stageRoll < 62 ? .method : stageRoll < 76 ? .budgeting : stageRoll < 88 ? .realized : stageRoll < 94 ? .dropped : .paused
        let reached = stage.pipelineIndex ?? (stage == .realized ? 4 : r.below(5))

        let exits = catalog.exits.map(\.id)
        let exitRoll = r.below(100)
        var exit: Exit? = exitRoll < 60 ? .procurement : exitRoll < 80 ? .coCreation : .promotion
        if !exits.isEmpty, let e = exit, !exits.contains(e) { exit = exits[0] }
        if reached < 3 && r.chance(60) { exit = nil }
        let method: String? = exit.flatMap { e in
            let ms = catalog.exit(e)?.methods ?? []
            return (reached >= 3 && !ms.isEmpty && r.chance(85)) ? r.pick(ms) : nil
        }

        // Fiscal years 2024…2029, weighted to the near future.
        let fyRoll = r.below(100)
        let fy = fyRoll < 6 ? 2024 : fyRoll < 20 ? 2025 : fyRoll < 42 ? 2026 : fyRoll < 72 ? 2027 : fyRoll < 90 ? 2028 : 2029
        let hasFY = r.chance(88)

        // Timeline: created 30…900 days before today, events spread up to (today - 1).
        let ageDays = r.range(30...900)
        let start = today.adding(days: -ageDays)
        // 5…50 events, most cases near the low end (mean ≈ 16), a long tail of busy ones.
        let eventTarget = 5 + r.below(46) * r.below(46) / 45
        var clock = start.ordinal * 1440 + r.range(8 * 60...11 * 60)
        let endMinute = (today.ordinal - 1) * 1440 + 18 * 60
        let stepMean = max(1, (endMinute - clock) / max(1, eventTarget))
        func nextTime(_ r: inout SplitMix64) -> Timestamp {
            clock = min(endMinute, clock + max(1, stepMean / 2 + r.below(stepMean)))
            return ts(clock)
        }

        let who = r.below(Self.families.count)
        let actor = Self.roman[who]
        var partners: [Partner] = []
        for _ in 0..<(reached >= 1 ? r.range(1...3) : r.range(0...1)) {
            let kind: PartnerKind = r.chance(75) ? .startup : r.pick([.intermediary, .company, .university])
            let name = kind == .university ? "\(r.pick(["東北", "九州", "信州", "筑波", "広島"]))大学 \(r.pick(["工学部", "医学部", "情報学研究科"]))"
                : "株式会社\(r.pick(Self.partnerStems))\(r.pick(Self.partnerTails))"
            partners.append(Partner(name: name, kind: kind, role: r.chance(50) ? "\(theme.0)の提供" : nil))
        }
        let contacts = (0..<r.range(1...3)).map { k -> Contact in
            let f = k == 0 ? who : r.below(Self.families.count)
            return Contact(name: "\(Self.families[f]) \(r.pick(Self.givens))", organization: "\(muni.name) \(r.pick(Self.departments))",
                           role: r.pick(["主査", "係長", "課長補佐", "主任", "担当"]), email: "\(Self.roman[f])\(i % 97)@example.jp",
                           phone: r.chance(60) ? String(format: "0%d-%03d-%04d", r.range(3...99), r.below(1000), r.below(10000)) : nil)
        }
        let issue = IssueFrame(
            why: "\(muni.name)では\(theme.1)が課題となっている。" + (r.chance(50) ? r.pick(Self.sentences) : ""),
            how: reached >= 1 ? "\(theme.0)を持つスタートアップと連携し、\(r.pick(["まず小規模に試行する", "共同で実証実験を行う", "公募で提案を募る", "近隣自治体と共同で調達する"]))。" : "",
            what: reached >= 2 ? "\(theme.0)の導入と効果検証（\(r.range(3...24))か月）。" : "")

        var c = Case(id: id(i), title: title,
                     municipality: Municipality(name: muni.name, prefecture: muni.pref, size: muni.size, kind: muni.kind),
                     department: r.pick(Self.departments), contacts: contacts, partners: partners, domain: domain,
                     issue: issue, exit: exit, method: method, stage: .issueDefinition)
        c.revision = 1

        // Events: created, then per passed stage some ticks and an advance; notes and field edits sprinkled.
        var seq = 0
        var events: [Event] = []
        var cmdN = 0
        func add(_ kind: EventKind, _ changes: [Change], reason: String? = nil, _ r: inout SplitMix64) {
            seq += 1; cmdN += 1
            events.append(Event(seq: seq, at: nextTime(&r), actor: actor, kind: kind,
                                command: "g\(String(UInt64(i) &* 7919 &+ UInt64(cmdN), radix: 36))", changes: changes, reason: reason))
        }
        add(.created, [Change(field: "stage", before: .null, after: .string(Stage.issueDefinition.rawValue)),
                       Change(field: "title", before: .null, after: .string(title)),
                       Change(field: "municipality.name", before: .null, after: .string(muni.name))], &r)
        var notes: [Note] = []
        func maybeNote(_ r: inout SplitMix64) {
            guard r.chance(25) else { return }
            var text = ""
            for _ in 0..<r.range(1...(r.chance(10) ? 8 : 2)) { text += r.pick(Self.sentences) }
            if r.chance(3) { text += "狭山丘陵周辺の自治体からも同様の相談があった。" }
            let nid = notes.count + 1
            add(.noteAdded, [Change(field: "note.\(nid)", before: .null, after: .string(text))], &r)
            notes.append(Note(id: nid, at: events.last!.at, author: actor, text: text))
        }
        var checklist: [String: Tick] = [:]
        let budgetTarget = eventTarget
        for s in 0...min(reached, 4) {
            let st = Stage.pipeline[s]
            let items = catalog.items(for: st, exit: exit, method: method)
            let passed = s < reached || stage == .realized
            for item in items where (passed ? r.chance(80) : r.chance(45)) && events.count < budgetTarget - 2 {
                add(.ticked, [Change(field: "checklist.\(item.id)", before: .null, after: .bool(true))], &r)
                checklist[item.id] = Tick(at: events.last!.at, by: actor)
                maybeNote(&r)
            }
            if passed, let next = st.next, next != .realized || stage == .realized {
                if s >= 1 && r.chance(6) {
                    add(.movedBack, [Change(field: "stage", before: .string(st.rawValue), after: .string(Stage.pipeline[s - 1].rawValue))],
                        reason: r.pick(Self.reasonsBack), &r)
                    add(.advanced, [Change(field: "stage", before: .string(Stage.pipeline[s - 1].rawValue), after: .string(st.rawValue))], &r)
                }
                add(r.chance(8) ? .gateOverridden : .advanced, [Change(field: "stage", before: .string(st.rawValue), after: .string(next.rawValue))],
                    reason: nil, &r)
            }
        }
        if stage == .dropped || stage == .paused {
            add(.ended, [Change(field: "stage", before: .string(Stage.pipeline[reached].rawValue), after: .string(stage.rawValue))],
                reason: r.pick(Self.reasonsEnd[stage]!), &r)
        }
        c.stage = stage
        if stage.isEndState { c.stageReason = events.last(where: { $0.kind == .ended })?.reason ?? r.pick(Self.reasonsEnd[stage]!) }
        c.checklist = checklist

        // Budget.
        var budget = Budget(fiscalYear: hasFY ? fy : nil)
        if reached >= 3 || exit == .procurement && r.chance(50) {
            let scale = r.pick([300_000, 1_000_000, 3_000_000, 10_000_000, 50_000_000])
            budget.items = (0..<r.range(1...4)).map { _ in
                BudgetItem(label: r.pick(["システム利用料", "導入支援委託", "機器購入", "実証運営費", "保守運用"]), yen: (scale / 1000) * r.range(200...1800))
            }
            budget.expenditureItem = r.pick(Self.expenditureItems)
            if r.chance(70) { budget.roughQuoteYen = budget.totalYen / 1000 * r.range(900...1300) }
            if r.chance(40) {
                let rate = r.pick([50.0, 66.7, 75.0])
                budget.funding = [FundingSource(name: r.pick(Self.fundingNames), kind: r.chance(70) ? .grant : .subsidy, ratePercent: rate),
                                  FundingSource(name: "一般財源", kind: .general, ratePercent: 100 - rate)]
            }
            add(.fieldSet, [Change(field: "budget.expenditureItem", before: .null, after: budget.expenditureItem.map(JSONValue.string) ?? .null)], &r)
        }
        if stage == .realized {
            for ref in catalog.referenceItems where r.chance(70) {
                budget.reference[ref.id] = r.pick(Self.sentences)
            }
        }
        c.budget = budget

        // KPIs with actuals for later-stage cases.
        if reached >= 3 || stage == .realized {
            c.kpis = (0..<r.range(0...3)).map { _ in
                let k = r.pick(Self.kpiPool)
                let base = Double(r.range(10...500))
                var kpi = KPI(name: k.0, unit: k.1, baseline: base, target: base * Double(r.range(110...300)) / 100)
                if stage == .realized {
                    kpi.actuals = (0..<r.range(1...4)).map { q in
                        KPIActual(date: today.adding(days: -30 * (q + 1) - r.below(20)), value: base * Double(r.range(90...250)) / 100)
                    }.sorted { $0.date < $1.date }
                }
                return kpi
            }
        }

        // Tags, next action, snoozes.
        var tags: [String] = []
        for _ in 0..<r.range(0...4) { let t = r.pick(Self.tagPool); if !tags.contains(t) { tags.append(t) } }
        c.tags = tags
        while events.count < eventTarget { maybeNote(&r); if r.chance(30) { add(.fieldSet, [Change(field: "department", before: .string(c.department), after: .string(c.department))], &r) } }
        c.notes = notes
        if !stage.isEndState && r.chance(75) {
            let due = today.adding(days: r.range(-60...90))
            c.nextAction = NextAction(text: r.pick(["財政課と予算要求内容を協議", "連携先と仕様書案をすり合わせ", "関係課長会で説明", "下見積もりを依頼",
                                                     "他都市の類似事例をヒアリング", "住民説明会の準備", "協定書案の法務確認"]),
                                      due: r.chance(85) ? due : nil)
        }
        if r.chance(4) {
            add(.snoozed, [Change(field: "snoozes", before: .null, after: .string("next-action"))], reason: "担当者不在のため", &r)
            c.snoozes = [Snooze(item: "next-action", until: today.adding(days: r.range(-10...30)), reason: "担当者不在のため",
                                at: events.last!.at, by: actor)]
        }
        c.events = events
        return c
    }

    /// "YYYY-MM-DDTHH:MM:00+09:00" from minutes since 1970-01-01 00:00 JST.
    func ts(_ minute: Int) -> Timestamp {
        let d = Day(ordinal: minute / 1440)
        let m = minute % 1440
        let hh = m / 60, mm = m % 60
        let text = "\(d)T\(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm):00+09:00"
        return Timestamp(text)!
    }

    /// The bytes of case i exactly as `renkei` would save them.
    public func bytes(_ i: Int) throws -> Data { try CaseCodec.encode(CaseDocument(value: makeCase(i))) }

    /// Writes cases [0, count) into `workspace`'s cases/ on `threads` threads. Files are written
    /// plainly (no per-file fsync — it is test data); the directory is fsynced once at the end.
    /// Existing files with the same names are replaced.
    public func write(to workspace: Workspace, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                      progress: (@Sendable (Int) -> Void)? = nil) throws {
        let dir = workspace.casesDir.path
        let n = count
        let t = max(1, min(threads, 8))
        let errors = ErrorBox()
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: t) { worker in
            var i = worker
            while i < n {
                do {
                    let data = try bytes(i)
                    try Self.plainWrite(data, to: dir + "/" + id(i) + ".json")
                } catch { errors.set(error); return }
                let d = done.add(1)
                if d % 1000 == 0 { progress?(d) }
                i += t
            }
        }
        if let e = errors.error { throw e }
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    static func plainWrite(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StoreError.io(path: path, op: "create", code: errno) }
        defer { close(fd) }
        let err: Int32 = data.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let k = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if k < 0 { if errno == EINTR { continue }; return errno }
                off += k
            }
            return 0
        }
        if err != 0 { throw StoreError.io(path: path, op: "write", code: err) }
    }
}
