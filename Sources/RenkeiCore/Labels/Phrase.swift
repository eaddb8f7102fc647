/// Fixed words and sentences the CLI (and the TUI, as it moves here) shows, in one ja/en
/// table. Sentences with values are `Message`s; names of enum values are in `ValueLabels.swift`.
/// `LabelWalkTests` fails on an empty, code-looking or unused entry.
public enum Phrase: String, CaseIterable, Sendable {
    // field and column names
    case id, title, municipality, department, partners, stage, exit, method, domain, fiscalYear
    case targetFY, budget, roughQuote, nextAction, notes, checklist, reason, tags
    case sizeClass, municipalityKind, partnerKind, fundingKind, format, referenceItem, exitMethod
    // history
    case referenceItems
    // small words
    case none, readOnlyNewerSchema

    public func text(_ lang: Lang) -> String {
        let (ja, en) = pair
        return lang == .ja ? ja : en
    }

    public var pair: (ja: String, en: String) {
        switch self {
        case .id: return ("ID", "ID")
        case .title: return ("件名", "Title")
        case .municipality: return ("自治体", "Municipality")
        case .department: return ("原課", "Department")
        case .partners: return ("連携先", "Partners")
        case .stage: return ("段階", "Stage")
        case .exit: return ("出口", "Exit")
        case .method: return ("手法", "Method")
        case .domain: return ("課題分野", "Issue domain")
        case .fiscalYear: return ("年度", "FY")
        case .targetFY: return ("目標年度", "Target FY")
        case .budget: return ("予算額", "Budget")
        case .roughQuote: return ("下見積もり", "Rough quote")
        case .nextAction: return ("次のアクション", "Next action")
        case .notes: return ("メモ", "Notes")
        case .checklist: return ("チェックリスト", "Checklist")
        case .reason: return ("理由", "Reason")
        case .tags: return ("タグ", "Tags")
        case .sizeClass: return ("規模", "Size class")
        case .municipalityKind: return ("団体区分", "Kind of municipality")
        case .partnerKind: return ("連携先の種類", "Kind of partner")
        case .fundingKind: return ("財源の種類", "Kind of funding")
        case .format: return ("形式", "Format")
        case .referenceItem: return ("参考項目", "Reference item")
        case .referenceItems: return ("他自治体が知りたい参考項目", "Reference items for other municipalities")
        case .exitMethod: return ("出口/手法", "Exit/method")
        case .none: return ("—", "—")
        case .readOnlyNewerSchema: return ("読み取り専用（新しい版の形式）", "read-only (newer schema)")
        }
    }
}
