import Foundation
import RenkeiCore

/// Loads the shipped guide catalog and the workspace's extensions (`<ws>/catalog/*.json`),
/// and checks them: a catalog error is reported with file and field, never a crash.
public enum CatalogLoader {
    public struct Result: Sendable {
        public var catalog: Catalog
        public var problems: [String]
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
                } catch {
                    problems.append("\(error)")
                }
            }
            if !files.isEmpty { problems += validate(catalog, file: dir.path) }
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
            throw StoreError.damaged(path: url.path, reason: CaseCodec.reason(e))
        } catch {
            throw StoreError.damaged(path: url.path, reason: CaseCodec.syntaxReason(bytes))
        }
    }

    /// Problems, one line each, naming the file and the offending id or field.
    public static func validate(_ c: Catalog, file: String) -> [String] {
        var out: [String] = []
        var seen: [String: Int] = [:]
        for item in c.allItems { seen[item.id, default: 0] += 1 }
        for (id, n) in seen where n > 1 { out.append("\(file): checklist item id '\(id)' is used \(n) times; ids must be unique") }
        let allowedFields = Set(CaseFields.specs.map(\.path) + ["partners", "budget.items", "kpis"])
        for item in c.allItems {
            if item.page.isEmpty { out.append("\(file): item '\(item.id)' has no guide page reference") }
            if item.id.isEmpty || !item.id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
                out.append("\(file): item id '\(item.id)' must be lowercase letters, digits and '-'")
            }
        }
        for s in c.stages { for f in s.requiredFields where !allowedFields.contains(f) { out.append("\(file): stage '\(s.id.rawValue)' requires unknown field '\(f)'") } }
        for m in c.methods { for f in m.requiredFields where !allowedFields.contains(f) { out.append("\(file): method '\(m.id)' requires unknown field '\(f)'") } }
        for s in Stage.pipeline where c.stage(s) == nil { out.append("\(file): stage '\(s.rawValue)' is missing") }
        for e in c.exits { for m in e.methods where c.method(m) == nil { out.append("\(file): exit '\(e.id.rawValue)' lists unknown method '\(m)'") } }
        if c.item(CaseSummary.roughQuoteItem) == nil { out.append("\(file): the 下見積もり item '\(CaseSummary.roughQuoteItem)' is missing (the deadline rules need it)") }
        if c.referenceItems.count < 6 { out.append("\(file): expected the guide's six budget reference items, found \(c.referenceItems.count)") }
        return out.sorted()
    }
}
