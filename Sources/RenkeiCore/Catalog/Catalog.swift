/// The practice guide as data (Data/catalog/guide.json, extendable per workspace).
/// Every item carries the guide page it comes from, so the app can always say why it asks.
public struct Catalog: Codable, Equatable, Sendable {
    public var schemaVersion: Int
    public var source: String
    public var stages: [StageSpec]
    public var exits: [ExitSpec]
    public var methods: [MethodSpec]
    /// The six budget reference items (予算規模・歳出費目 …), p.45–47.
    public var referenceItems: [CatalogItem]
    /// Issue domains (教育, ヘルスケア …) for similar cases and 共同調達.
    public var domains: [Domain]
    /// The municipality's own set-up for working with startups (実践ガイド p.29–35: 指針・運用ルール,
    /// 専門部署, 民間提案窓口, スタートアップ政策 …) — checked per municipality in its profile
    /// (`<workspace>/municipalities/<code>.json`), not per case. Optional in catalog files.
    public var readinessItems: [CatalogItem]
    /// A funding programme's criteria and obligations (Data/funding), tickable on a case that
    /// relies on it but in no stage's list; set by whoever loaded the programmes (`renkei grant
    /// ID --tick`, the workbench once its insight data arrives), never read from a catalog file.
    public var programmeItems: [CatalogItem] = []

    public init(schemaVersion: Int = 1, source: String = "", stages: [StageSpec] = [], exits: [ExitSpec] = [],
                methods: [MethodSpec] = [], referenceItems: [CatalogItem] = [], domains: [Domain] = [],
                readinessItems: [CatalogItem] = []) {
        self.schemaVersion = schemaVersion; self.source = source; self.stages = stages; self.exits = exits
        self.methods = methods; self.referenceItems = referenceItems; self.domains = domains
        self.readinessItems = readinessItems
    }
    enum CodingKeys: String, CodingKey { case schemaVersion, source, stages, exits, methods, referenceItems, domains, readinessItems }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        source = try c.decode(String.self, forKey: .source)
        stages = try c.decode([StageSpec].self, forKey: .stages)
        exits = try c.decode([ExitSpec].self, forKey: .exits)
        methods = try c.decode([MethodSpec].self, forKey: .methods)
        referenceItems = try c.decode([CatalogItem].self, forKey: .referenceItems)
        domains = try c.decode([Domain].self, forKey: .domains)
        readinessItems = try c.decodeIfPresent([CatalogItem].self, forKey: .readinessItems) ?? []
    }

    public func stage(_ s: Stage) -> StageSpec? { stages.first { $0.id == s } }
    public func exit(_ e: Exit) -> ExitSpec? { exits.first { $0.id == e } }
    public func method(_ id: String) -> MethodSpec? { methods.first { $0.id == id } }
    public func domain(_ id: String) -> Domain? { domains.first { $0.id == id } }

    /// Every checklist item anywhere in the catalog, by id.
    public var allItems: [CatalogItem] {
        stages.flatMap(\.items) + exits.flatMap(\.items) + methods.flatMap(\.items) + programmeItems
    }
    public func item(_ id: String) -> CatalogItem? { allItems.first { $0.id == id } }

    /// Items that apply to a case at `stage`: the stage's own items, plus at `method` the chosen
    /// exit's items and at `budgeting` the chosen method's items.
    public func items(for stage: Stage, exit: Exit?, method: String?) -> [CatalogItem] {
        var out = self.stage(stage)?.items ?? []
        if stage == .method, let e = exit, let spec = self.exit(e) { out += spec.items }
        if stage == .budgeting, let m = method, let spec = self.method(m) { out += spec.items }
        return out
    }

    /// Adds a workspace extension: new items per stage/exit/method, new methods and domains.
    /// Ids already present are replaced (a municipality may reword an item).
    public mutating func extend(with ext: Catalog) {
        for s in ext.stages {
            if let i = stages.firstIndex(where: { $0.id == s.id }) { stages[i].merge(s) } else { stages.append(s) }
        }
        for e in ext.exits {
            if let i = exits.firstIndex(where: { $0.id == e.id }) { exits[i].items = CatalogItem.merge(exits[i].items, e.items) } else { exits.append(e) }
        }
        for m in ext.methods {
            if let i = methods.firstIndex(where: { $0.id == m.id }) { methods[i] = m } else { methods.append(m) }
        }
        referenceItems = CatalogItem.merge(referenceItems, ext.referenceItems)
        readinessItems = CatalogItem.merge(readinessItems, ext.readinessItems)
        for d in ext.domains where !domains.contains(where: { $0.id == d.id }) { domains.append(d) }
    }
}

/// Which side of the collaboration an item concerns (自治体 / スタートアップ / 両者).
public enum Side: String, Codable, Sendable, CaseIterable {
    case municipality, startup, both
    public var ja: String {
        switch self { case .municipality: return "自治体"; case .startup: return "スタートアップ"; case .both: return "両者" }
    }
}

public struct CatalogItem: Codable, Equatable, Sendable {
    public var id: String
    public var ja: String
    public var en: String
    /// Guide page reference as printed in the guide, e.g. "p.36".
    public var page: String
    public var side: Side
    /// Required items block advancing until ticked (or overridden with a reason).
    public var required: Bool
    /// Optional group label, e.g. "連携先の6つの確認ポイント".
    public var group: String?

    public init(id: String, ja: String, en: String, page: String, side: Side = .both, required: Bool = false, group: String? = nil) {
        self.id = id; self.ja = ja; self.en = en; self.page = page; self.side = side; self.required = required; self.group = group
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        ja = try c.decode(String.self, forKey: .ja)
        en = try c.decode(String.self, forKey: .en)
        page = try c.decode(String.self, forKey: .page)
        side = try c.decodeIfPresent(Side.self, forKey: .side) ?? .both
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        group = try c.decodeIfPresent(String.self, forKey: .group)
    }
    enum CodingKeys: String, CodingKey { case id, ja, en, page, side, required, group }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }

    static func merge(_ base: [CatalogItem], _ ext: [CatalogItem]) -> [CatalogItem] {
        var out = base
        for item in ext {
            if let i = out.firstIndex(where: { $0.id == item.id }) { out[i] = item } else { out.append(item) }
        }
        return out
    }
}

public struct StageSpec: Codable, Equatable, Sendable {
    public var id: Stage
    public var ja: String
    public var en: String
    public var page: String
    /// What this stage is about, one or two sentences from the guide.
    public var summary: String?
    /// Days without an event before the case is "stale in stage" (60/45/45/30/30 by default).
    public var staleDays: Int?
    public var items: [CatalogItem]
    /// Case fields that must be filled before leaving this stage (paths from `CaseFields`).
    public var requiredFields: [String]

    public init(id: Stage, ja: String, en: String, page: String, summary: String? = nil, staleDays: Int? = nil,
                items: [CatalogItem] = [], requiredFields: [String] = []) {
        self.id = id; self.ja = ja; self.en = en; self.page = page; self.summary = summary
        self.staleDays = staleDays; self.items = items; self.requiredFields = requiredFields
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        id = try c.decode(Stage.self, forKey: .id)
        ja = try c.decodeIfPresent(String.self, forKey: .ja) ?? ""
        en = try c.decodeIfPresent(String.self, forKey: .en) ?? ""
        page = try c.decodeIfPresent(String.self, forKey: .page) ?? ""
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        staleDays = try c.decodeIfPresent(Int.self, forKey: .staleDays)
        items = try c.decodeIfPresent([CatalogItem].self, forKey: .items) ?? []
        requiredFields = try c.decodeIfPresent([String].self, forKey: .requiredFields) ?? []
    }
    enum CodingKeys: String, CodingKey { case id, ja, en, page, summary, staleDays, items, requiredFields }

    mutating func merge(_ ext: StageSpec) {
        items = CatalogItem.merge(items, ext.items)
        for f in ext.requiredFields where !requiredFields.contains(f) { requiredFields.append(f) }
        if let s = ext.staleDays { staleDays = s }
    }
}

public struct ExitSpec: Codable, Equatable, Sendable {
    public var id: Exit
    public var ja: String
    public var en: String
    public var page: String
    public var summary: String?
    /// Whether this exit normally needs municipal money (drives budget deadlines).
    public var needsBudget: Bool
    public var items: [CatalogItem]
    /// Method ids that fit this exit.
    public var methods: [String]

    public init(id: Exit, ja: String, en: String, page: String, summary: String? = nil, needsBudget: Bool,
                items: [CatalogItem] = [], methods: [String] = []) {
        self.id = id; self.ja = ja; self.en = en; self.page = page; self.summary = summary
        self.needsBudget = needsBudget; self.items = items; self.methods = methods
    }
}

public struct MethodSpec: Codable, Equatable, Sendable {
    public var id: String
    public var ja: String
    public var en: String
    public var page: String
    public var exit: Exit
    public var summary: String?
    /// Case fields this method needs before budgeting can complete.
    public var requiredFields: [String]
    public var items: [CatalogItem]

    public init(id: String, ja: String, en: String, page: String, exit: Exit, summary: String? = nil,
                requiredFields: [String] = [], items: [CatalogItem] = []) {
        self.id = id; self.ja = ja; self.en = en; self.page = page; self.exit = exit; self.summary = summary
        self.requiredFields = requiredFields; self.items = items
    }
}

public struct Domain: Codable, Equatable, Sendable {
    public var id: String
    public var ja: String
    public var en: String

    public init(id: String, ja: String, en: String) { self.id = id; self.ja = ja; self.en = en }
}
