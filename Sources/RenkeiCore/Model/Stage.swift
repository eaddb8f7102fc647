/// The five stages of the practice guide (実践ガイド p.28, chapters 3–5) and three end states.
public enum Stage: String, CaseIterable, Codable, Sendable, Comparable {
    case issueDefinition = "issue-definition"   // 課題特定・企画
    case partnerSearch = "partner-search"       // 連携先の探索
    case coordination                           // 調整・意思決定
    case method                                 // 連携方法の検討
    case budgeting                              // 予算化
    case realized                               // 連携実現
    case dropped                                // 見送り
    case paused                                 // 保留

    /// The five working stages in guide order.
    public static let pipeline: [Stage] = [.issueDefinition, .partnerSearch, .coordination, .method, .budgeting]
    public static let endStates: [Stage] = [.realized, .dropped, .paused]

    // `index`, `pipelineIndex` and `isEndState` are switches, not lookups in `allCases`: they sit
    // in sort comparators and per-case loops over 100,000 cases, and `allCases` builds an array
    // on every call. `StageTests` holds them equal to the declaration order.
    public var isEndState: Bool {
        switch self {
        case .realized, .dropped, .paused: return true
        default: return false
        }
    }
    /// 0…4 for pipeline stages; end states sort after them (declaration order).
    public var index: Int {
        switch self {
        case .issueDefinition: return 0
        case .partnerSearch: return 1
        case .coordination: return 2
        case .method: return 3
        case .budgeting: return 4
        case .realized: return 5
        case .dropped: return 6
        case .paused: return 7
        }
    }
    public var pipelineIndex: Int? { isEndState ? nil : index }
    /// The next pipeline stage; `budgeting` advances to `realized`.
    public var next: Stage? {
        switch self {
        case .issueDefinition: return .partnerSearch
        case .partnerSearch: return .coordination
        case .coordination: return .method
        case .method: return .budgeting
        case .budgeting: return .realized
        default: return nil
        }
    }
    public var previous: Stage? {
        guard let i = pipelineIndex, i > 0 else { return nil }
        return Stage.pipeline[i - 1]
    }

    public var ja: String {
        switch self {
        case .issueDefinition: return "課題特定・企画"
        case .partnerSearch: return "連携先の探索"
        case .coordination: return "調整・意思決定"
        case .method: return "連携方法の検討"
        case .budgeting: return "予算化"
        case .realized: return "連携実現"
        case .dropped: return "見送り"
        case .paused: return "保留"
        }
    }
    public var en: String {
        switch self {
        case .issueDefinition: return "Issue definition"
        case .partnerSearch: return "Partner search"
        case .coordination: return "Coordination"
        case .method: return "Method"
        case .budgeting: return "Budgeting"
        case .realized: return "Realized"
        case .dropped: return "Dropped"
        case .paused: return "Paused"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
    /// The name a narrow column shows when `label` does not fit (a board column at 80 columns
    /// is 12 wide: `課題特定…` was cut); never a cut word.
    public var shortJa: String {
        switch self {
        case .issueDefinition: return "課題特定"
        case .partnerSearch: return "連携先探索"
        case .coordination: return "調整"
        case .method: return "方法検討"
        case .budgeting: return "予算化"
        case .realized: return "実現"
        case .dropped: return "見送り"
        case .paused: return "保留"
        }
    }
    public var shortEn: String {
        switch self {
        case .issueDefinition: return "Issue"
        case .partnerSearch: return "Partners"
        case .coordination: return "Coord."
        case .method: return "Method"
        case .budgeting: return "Budget"
        case .realized: return "Realized"
        case .dropped: return "Dropped"
        case .paused: return "Paused"
        }
    }
    public func shortLabel(_ lang: Lang) -> String { lang == .ja ? shortJa : shortEn }

    /// A five-step progress line, e.g. "●●●○○"; end states show their own mark.
    public var progressGlyph: String {
        switch self {
        case .realized: return "●●●●●"
        case .dropped: return "×××××"
        case .paused: return "‖‖‖‖‖"
        default:
            let i = pipelineIndex ?? 0
            return String(repeating: "●", count: i + 1) + String(repeating: "○", count: 4 - i)
        }
    }

    public static func < (a: Stage, b: Stage) -> Bool { a.index < b.index }
}

/// Display language. Japanese is the default for reports; the TUI follows the locale.
public enum Lang: String, Sendable, Codable, CaseIterable {
    case ja, en

    /// The one locale → language rule (CLI output and the TUI alike): `RENKEI_LANG` when it is
    /// ja/en, else the first non-empty of LC_ALL, LC_MESSAGES, LANG — ja when it starts "ja".
    /// The environment is passed in (Core reads no process state).
    public init(environment env: [String: String]) {
        if let l = env["RENKEI_LANG"], let v = Lang(rawValue: l) { self = v; return }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.hasPrefix("ja") ? .ja : .en
    }
}

/// 3つの出口 (実践ガイド p.41–44).
public enum Exit: String, CaseIterable, Codable, Sendable {
    case procurement            // 自治体“へ”導入（公共調達）
    case promotion              // 自治体“を介して”広める（連携協定・共同プロモーション）
    case coCreation = "co-creation" // 自治体“と共に”創る（共同開発・実証実験）

    public var ja: String {
        switch self {
        case .procurement: return "自治体“へ”導入"
        case .promotion: return "自治体“を介して”広める"
        case .coCreation: return "自治体“と共に”創る"
        }
    }
    public var en: String {
        switch self {
        case .procurement: return "Procurement"
        case .promotion: return "Promotion"
        case .coCreation: return "Co-creation"
        }
    }
    public var shortJa: String {
        switch self {
        case .procurement: return "調達"
        case .promotion: return "普及"
        case .coCreation: return "共創"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
    /// The list column's short name (自治体“へ”導入 → 調達).
    public func shortLabel(_ lang: Lang) -> String { lang == .ja ? shortJa : en }
}
