import Foundation
import RenkeiCore

/// One distinct text of a column whose field takes a coded value (stage, exit, method, domain),
/// for the workbench's value map: how often it occurs, the first row it is on, and the id the
/// mapping and the built-in names give it now (nil: its rows cannot be imported as they are).
public struct ColumnValue: Equatable, Sendable {
    public var text: String
    public var count: Int
    public var firstRow: Int
    public var id: String?
    /// What the text means with no value map entry for it (renkei's own names; nil: nothing) —
    /// what the workbench's `x` takes a choice back to.
    public var builtIn: String?
}

extension ValueNames {
    /// The distinct texts of `column` in order of first appearance, each resolved as the plan
    /// would (`RowReader.parse`): the mapping's value map first, then the built-in names; a
    /// method the catalog does not hold is unmapped. At most `limit` texts (a column of titles
    /// mapped to a stage by mistake would list thousands); `truncated` says so.
    public func values(of column: String, field: String, table: SourceTable, mapping: ImportMapping, catalog: Catalog,
                       limit: Int = 500) -> (values: [ColumnValue], truncated: Bool) {
        guard let i = table.header.firstIndex(of: column) else { return ([], false) }
        var out: [ColumnValue] = []
        var at: [String: Int] = [:]
        var truncated = false
        var bare = mapping
        bare.values[field] = nil
        for row in table.rows where i < row.cells.count {
            let text = OfficeValues.clean(RowReader.undefused(row.cells[i]))
            if text.isEmpty { continue }
            if let k = at[text] { out[k].count += 1; continue }
            guard out.count < limit else { truncated = true; continue }
            at[text] = out.count
            out.append(ColumnValue(text: text, count: 1, firstRow: row.number, id: id(field, text, mapping, catalog),
                                   builtIn: id(field, text, bare, catalog)))
        }
        return (out, truncated)
    }

    /// As the plan resolves a cell: a method the catalog does not hold is unmapped; any text is
    /// a domain when the catalog lists none.
    private func id(_ field: String, _ text: String, _ mapping: ImportMapping, _ catalog: Catalog) -> String? {
        var id = resolve(field, text, mapping: mapping)
        if field == "method", let m = id, catalog.method(m) == nil { id = nil }
        if field == "domain", id == nil, catalog.domains.isEmpty { id = text }
        return id
    }
}
