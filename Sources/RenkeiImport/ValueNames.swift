import Foundation
import RenkeiCore

/// The words offices use for a stage, exit, method or domain → renkei's ids. A mapping's own
/// `values` come first; these cover the guide's labels (ja/en), the ids themselves and the
/// common office words (調整中, 見送り, 随意契約, プロポーザル …).
public struct ValueNames: Sendable {
    var table: [String: [String: String]] = [:]

    public init(catalog: Catalog) {
        var stage: [String: String] = [
            "未着手": "issue-definition", "企画中": "issue-definition", "課題整理": "issue-definition",
            "探索中": "partner-search", "マッチング中": "partner-search", "連携先探索": "partner-search",
            "調整中": "coordination", "庁内調整": "coordination", "意思決定": "coordination",
            "検討中": "method", "手法検討": "method",
            "予算要求中": "budgeting", "予算化中": "budgeting", "予算要求": "budgeting",
            "実現": "realized", "完了": "realized", "契約済": "realized", "導入済": "realized",
            "見送": "dropped", "中止": "dropped", "不採択": "dropped", "休止": "paused", "保留中": "paused",
        ]
        for s in Stage.allCases { for n in [s.rawValue, s.ja, s.en] { stage[n] = s.rawValue } }
        var exit: [String: String] = [
            "公共調達": "procurement", "導入": "procurement", "調達": "procurement",
            "連携協定": "promotion", "共同プロモーション": "promotion", "広報": "promotion",
            "共同開発": "co-creation", "実証実験": "co-creation", "実証": "co-creation", "共創": "co-creation",
        ]
        for e in Exit.allCases { for n in [e.rawValue, e.ja, e.en] { exit[n] = e.rawValue } }
        for spec in catalog.exits { for n in [spec.ja, spec.en] { exit[n] = spec.id.rawValue } }
        var method: [String: String] = [
            "随意契約": "sole-source-4", "随契": "sole-source-4", "特命随意契約": "sole-source-4",
            "プロポーザル": "proposal", "企画競争": "proposal", "公募型プロポーザル": "proposal",
            "共同調達": "joint", "成果連動": "pfs", "成果連動型民間委託契約": "pfs", "pfs": "pfs",
            "入札": "price-bid", "一般競争入札": "price-bid", "価格競争": "price-bid", "指名競争入札": "price-bid",
            "トライアル発注": "trial-order",
        ]
        for m in catalog.methods { for n in [m.id, m.ja, m.en] { method[n] = m.id } }
        var domain: [String: String] = [:]
        for d in catalog.domains { for n in [d.id, d.ja, d.en] { domain[n] = d.id } }
        for (field, names) in [("stage", stage), ("exit", exit), ("method", method), ("domain", domain)] {
            var folded: [String: String] = [:]
            for (k, v) in names { folded[ValueNames.fold(k)] = v }
            table[field] = folded
        }
    }

    static func fold(_ s: String) -> String { TextNormalizer.fold(OfficeValues.clean(s)).filter { $0 != " " } }

    /// Fields whose cell text must be one of a known set of ids.
    public static let coded: Set<String> = ["stage", "exit", "method", "domain"]

    /// The id for a cell of `field`, or nil when neither the mapping nor the built-in names know it.
    public func resolve(_ field: String, _ text: String, mapping: ImportMapping) -> String? {
        if let own = mapping.values[field] {
            // An empty value is a blank the guessed mapping left for the user to fill in.
            if let v = own[text] ?? own[OfficeValues.clean(text)], !v.isEmpty { return v }
            let f = ValueNames.fold(text)
            if let hit = own.first(where: { ValueNames.fold($0.key) == f && !$0.value.isEmpty }) { return hit.value }
        }
        return table[field]?[ValueNames.fold(text)]
    }

    /// The ids a field accepts, for the "expected" part of a message.
    public func expected(_ field: String, catalog: Catalog) -> ImportMessage {
        switch field {
        case "stage": return .stageValue
        case "exit": return .exitValue
        case "method": return .methodValue(catalog.methods.map(\.id))
        default: return .domainValue(catalog.domains.map(\.id))
        }
    }
}
