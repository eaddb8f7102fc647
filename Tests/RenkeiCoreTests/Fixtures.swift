import Foundation
@testable import RenkeiCore

/// A small catalog built in code so core tests don't depend on the shipped data's wording.
enum Fixtures {
    static let catalog = Catalog(
        schemaVersion: 1, source: "test",
        stages: [
            StageSpec(id: .issueDefinition, ja: "課題特定・企画", en: "Issue", page: "p.29", staleDays: 60,
                      items: [CatalogItem(id: "idef-a", ja: "地域の課題を設定した", en: "Set the issue", page: "p.30", side: .municipality, required: true),
                              CatalogItem(id: "idef-b", ja: "類似事例を集めた", en: "Similar cases", page: "p.36", required: false)],
                      requiredFields: ["issue.why"]),
            StageSpec(id: .partnerSearch, ja: "連携先の探索", en: "Partner", page: "p.31",
                      items: [CatalogItem(id: "ps-1", ja: "①", en: "check 1", page: "p.32", required: true)], requiredFields: ["partners"]),
            StageSpec(id: .coordination, ja: "調整・意思決定", en: "Coordination", page: "p.33", items: []),
            StageSpec(id: .method, ja: "連携方法の検討", en: "Method", page: "p.41", items: []),
            StageSpec(id: .budgeting, ja: "予算化", en: "Budgeting", page: "p.45",
                      items: [CatalogItem(id: "bud-rough-quote", ja: "下見積もり", en: "Rough quote", page: "p.45", required: true)],
                      requiredFields: ["budget.fiscalYear"]),
        ],
        exits: [ExitSpec(id: .procurement, ja: "調達", en: "Procurement", page: "p.42", summary: nil, needsBudget: true,
                         items: [CatalogItem(id: "proc-spec", ja: "仕様", en: "Spec", page: "p.42", required: true)], methods: ["proposal"])],
        methods: [MethodSpec(id: "proposal", ja: "プロポーザル", en: "Proposal", page: "p.43", exit: .procurement, summary: nil,
                             requiredFields: ["budget.roughQuoteYen"], items: [])],
        referenceItems: [], domains: [Domain(id: "education", ja: "教育", en: "Education")])

    static let now = Timestamp("2026-11-23T09:00:00+09:00")!
    static func ctx(_ id: String = "cmd-1", at: String = "2026-11-23T09:00:00+09:00") -> CommandContext {
        CommandContext(actor: "tanaka", now: Timestamp(at)!, commandId: id, catalog: catalog)
    }

    static func newCase(_ id: String = "c-0001") throws -> Case {
        try CaseFactory.make(NewCaseInput(id: id, title: "廃校跡地の実証フィールド ※①", municipality: "狭山市", prefecture: "埼玉県",
                                          partners: ["株式会社ｶﾀｶﾅ"], fiscalYear: 2027), context: ctx("create"))
    }
}
