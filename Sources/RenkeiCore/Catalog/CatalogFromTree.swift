/// The catalog built from an already-parsed JSON tree, without `Decodable`.
///
/// `JSONDecoder` spends ~8 M instructions on the 47 KB guide catalog — about half of a cheap
/// command's start-up (BENCHMARKS.md, "Start-up"). Walking the tree the strict parser already
/// builds is several times cheaper. It follows the `init(from:)` rules above exactly and gives
/// up (nil) on anything they would not accept as-is — a missing key, a wrong type, an unknown
/// stage — so the caller falls back to `JSONDecoder`, whose error names the field.
/// `CatalogTreeTests` holds the two to the same result over mutated catalogs.
extension Catalog {
    public init?(tree: JSONValue) {
        guard case .object(let o) = tree,
              let schemaVersion = o.int("schemaVersion"), let source = o.string("source"),
              let stages = o.array("stages", StageSpec.init(tree:)), let exits = o.array("exits", ExitSpec.init(tree:)),
              let methods = o.array("methods", MethodSpec.init(tree:)),
              let referenceItems = o.array("referenceItems", CatalogItem.init(tree:)),
              let domains = o.array("domains", Domain.init(tree:)),
              let readinessItems = o.optionalArray("readinessItems", CatalogItem.init(tree:))
        else { return nil }
        self.init(schemaVersion: schemaVersion, source: source, stages: stages, exits: exits, methods: methods,
                  referenceItems: referenceItems, domains: domains, readinessItems: readinessItems ?? [])
    }
}

extension CatalogItem {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o.string("id"), let ja = o.string("ja"), let en = o.string("en"),
              let page = o.string("page"), let side = o.optional("side", { $0.string.flatMap(Side.init(rawValue:)) }),
              let required = o.optional("required", \.bool), let group = o.optional("group", \.string)
        else { return nil }
        self.init(id: id, ja: ja, en: en, page: page, side: side ?? .both, required: required ?? false, group: group)
    }
}

extension StageSpec {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o["id"]?.string.flatMap(Stage.init(rawValue:)),
              let ja = o.optional("ja", \.string), let en = o.optional("en", \.string), let page = o.optional("page", \.string),
              let summary = o.optional("summary", \.string), let staleDays = o.optional("staleDays", \.int),
              let items = o.optionalArray("items", CatalogItem.init(tree:)),
              let requiredFields = o.optionalArray("requiredFields", \.string)
        else { return nil }
        self.init(id: id, ja: ja ?? "", en: en ?? "", page: page ?? "", summary: summary, staleDays: staleDays,
                  items: items ?? [], requiredFields: requiredFields ?? [])
    }
}

extension ExitSpec {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o["id"]?.string.flatMap(Exit.init(rawValue:)),
              let ja = o.string("ja"), let en = o.string("en"), let page = o.string("page"),
              let summary = o.optional("summary", \.string), let needsBudget = o["needsBudget"]?.bool,
              let items = o.array("items", CatalogItem.init(tree:)), let methods = o.array("methods", \.string)
        else { return nil }
        self.init(id: id, ja: ja, en: en, page: page, summary: summary, needsBudget: needsBudget, items: items, methods: methods)
    }
}

extension MethodSpec {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o.string("id"), let ja = o.string("ja"), let en = o.string("en"),
              let page = o.string("page"), let exit = o["exit"]?.string.flatMap(Exit.init(rawValue:)),
              let summary = o.optional("summary", \.string), let requiredFields = o.array("requiredFields", \.string),
              let items = o.array("items", CatalogItem.init(tree:))
        else { return nil }
        self.init(id: id, ja: ja, en: en, page: page, exit: exit, summary: summary, requiredFields: requiredFields, items: items)
    }
}

extension Domain {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o.string("id"), let ja = o.string("ja"), let en = o.string("en") else { return nil }
        self.init(id: id, ja: ja, en: en)
    }
}
