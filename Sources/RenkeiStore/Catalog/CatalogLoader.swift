import Foundation
import RenkeiCore

/// Loads the shipped guide catalog and the workspace's extensions (`<ws>/catalog/*.json`),
/// and checks them: a catalog error is reported with file and field, never a crash.
public enum CatalogLoader {
    public struct Result: Sendable {
        public var catalog: Catalog
        public var problems: [CatalogProblem]
    }

    public static func load(data: DataDirectory, workspace: Workspace?) throws -> Result {
        let base = try decode(data.catalog)
        var catalog = base
        var problems = validate(base, file: data.catalog.path)
        if let ws = workspace {
            let dir = ws.catalogDir
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            for f in files {
                let url = dir.appendingPathComponent(f)
                do {
                    let ext = try decode(url)
                    catalog.extend(with: ext)
                    problems += entries(ext, file: url.path).sorted { $0.description < $1.description }
                } catch {
                    problems.append(.unreadable(CaseStore.message(error, path: url.path)))
                }
            }
            if !files.isEmpty { problems += whole(catalog, file: dir.path) }
        }
        return Result(catalog: catalog, problems: problems)
    }

    static func decode(_ url: URL) throws -> Catalog {
        let bytes = try RegularFile.read(url, limit: 8 * 1_048_576)
        // The strict parser's tree first (several times cheaper than JSONDecoder, see
        // `Catalog.init(tree:)`); anything it does not take as-is goes to JSONDecoder, whose
        // error names the field.
        if let tree = try? JSONDocument.parse(bytes), let catalog = Catalog(tree: tree) { return catalog }
        do {
            return try JSONDecoder().decode(Catalog.self, from: bytes)
        } catch let e as DecodingError {
            throw StoreError.damaged(path: url.path, reason: CaseCodec.reason(e, bytes: bytes))
        } catch {
            throw StoreError.damaged(path: url.path, reason: CaseCodec.syntaxReason(bytes))
        }
    }

    /// Problems, one line each, naming the file and the offending id or field (sorted by their
    /// English line, so the order does not depend on the reader's language).
    public static func validate(_ c: Catalog, file: String) -> [CatalogProblem] {
        (entries(c, file: file) + whole(c, file: file)).sorted { $0.description < $1.description }
    }

    /// What one file's own items, stages and methods get wrong: checked per file, so a problem
    /// in a workspace extension names that file (not the catalog directory).
    static func entries(_ c: Catalog, file: String) -> [CatalogProblem] {
        var out: [CatalogProblem] = []
        let allowedFields = Set(CaseFields.specs.map(\.path) + ["partners", "budget.items", "kpis"])
        for item in c.allItems {
            if item.page.isEmpty { out.append(.noGuidePage(file: file, item: item.id)) }
            if item.id.isEmpty || !item.id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
                out.append(.itemId(file: file, id: item.id))
            }
        }
        for s in c.stages { for f in s.requiredFields where !allowedFields.contains(f) { out.append(.stageNeedsUnknownField(file: file, stage: s.id.rawValue, field: f)) } }
        for m in c.methods { for f in m.requiredFields where !allowedFields.contains(f) { out.append(.methodNeedsUnknownField(file: file, method: m.id, field: f)) } }
        return out
    }

    /// What only the whole catalog (shipped + extensions) can get wrong.
    static func whole(_ c: Catalog, file: String) -> [CatalogProblem] {
        var out: [CatalogProblem] = []
        var seen: [String: Int] = [:]
        for item in c.allItems { seen[item.id, default: 0] += 1 }
        for (id, n) in seen where n > 1 { out.append(.itemIdTwice(file: file, id: id, times: n)) }
        for s in Stage.pipeline where c.stage(s) == nil { out.append(.stageMissing(file: file, stage: s)) }
        for e in c.exits { for m in e.methods where c.method(m) == nil { out.append(.exitUnknownMethod(file: file, exit: e.id.rawValue, method: m)) } }
        if c.item(CaseSummary.roughQuoteItem) == nil { out.append(.roughQuoteItemMissing(file: file, item: CaseSummary.roughQuoteItem)) }
        if c.referenceItems.count < 6 { out.append(.referenceItems(file: file, found: c.referenceItems.count)) }
        return out.sorted { $0.description < $1.description }
    }
}
