import Foundation
import RenkeiCore

/// Table + mapping → plan. Pure: the same inputs always give the same plan, so a dry run shows
/// exactly what `--apply` will write.
public enum ImportPlanner {
    public static func plan(_ table: SourceTable, mapping: ImportMapping, file: String, target: ImportTarget) -> ImportPlan {
        let names = ValueNames(catalog: target.catalog)
        var fileProblems: [ImportMessage] = []
        // A set, not `header.contains` per column: 16,384 columns made that 268 M comparisons.
        let present = Set(table.header)
        for column in mapping.columns.keys.sorted() where !present.contains(column) && mapping.columns[column] != "ignore" {
            fileProblems.append(.mappedColumnMissing(TerminalText.inline(column)))
        }
        let keyColumn = mapping.key ?? mapping.columns.first(where: { $0.value == "id" })?.key
        if let keyColumn, !present.contains(keyColumn) {
            fileProblems.append(.keyColumnMissing(TerminalText.inline(keyColumn)))
        }
        var firstRowOfId: [String: Int] = [:]
        var rows: [PlannedRow] = []
        rows.reserveCapacity(table.rows.count)
        for source in table.rows {
            var row = RowReader(table: table, mapping: mapping, names: names, catalog: target.catalog, keyColumn: keyColumn).read(source)
            if let id = row.id {
                if let first = firstRowOfId[id] {
                    row.problems.append(RowProblem(row: source.number, column: keyColumn, value: id,
                                                   expected: .duplicateKey(firstRow: first, caseId: id)))
                } else { firstRowOfId[id] = source.number }
                if target.trashed.contains(id) {
                    row.warnings.append(RowProblem(row: source.number, column: keyColumn, value: id,
                                                   expected: .recreatedFromTrash(caseId: id)))
                }
            }
            let existing = row.id.flatMap(target.existing)
            if let existing, row.problems.isEmpty, !Self.mayUpdate(existing, mapping: mapping) {
                row.problems.append(RowProblem(row: source.number, column: keyColumn, value: existing.id, expected: .idTaken(caseId: existing.id)))
            }
            resolveAction(&row, existing: existing)
            rows.append(row)
        }
        return ImportPlan(file: file, source: table.source, sheet: table.sheet, mapping: mapping, rows: rows, fileProblems: fileProblems)
    }

    /// A row's id may update a case an import made (a re-import is idempotent), or any case
    /// from renkei's own CSV (export → edit in Excel → import back); a colleague's case made in
    /// renkei whose id a workbook happens to use is never overwritten by it.
    static func mayUpdate(_ existing: Case, mapping: ImportMapping) -> Bool {
        mapping.preset == "renkei" || existing.events.contains { $0.kind == .imported }
    }

    /// create / update / unchanged / invalid, and for an update which fields differ.
    static func resolveAction(_ row: inout PlannedRow, existing: Case?) {
        if !row.problems.isEmpty { row.action = .invalid; return }
        guard let existing else {
            let has = Set(row.assignments.map(\.path))
            if !has.contains("title") { row.problems.append(RowProblem(row: row.row, expected: .titleMissing)) }
            if !has.contains("municipality.name") { row.problems.append(RowProblem(row: row.row, expected: .municipalityMissing)) }
            row.action = row.problems.isEmpty ? .create : .invalid
            return
        }
        row.changedFields = row.assignments.filter { a in
            // An end-state reason made up by the importer never overrides one a person wrote.
            if a.path == "stageReason" && existing.stageReason != nil && row.assignments.first(where: { $0.path == "stage" })?.value == CaseFields.get(existing, "stage") { return false }
            var probe = existing
            guard (try? CaseFields.set(&probe, a.path, a.value)) != nil else { return true }
            return CaseFields.get(probe, a.path) != CaseFields.get(existing, a.path)
        }.map(\.path)
        let noteIsNew = row.note.map { n in !existing.notes.contains { $0.text == n } } ?? false
        if noteIsNew { row.changedFields.append("note") }
        row.action = row.changedFields.isEmpty ? .unchanged : .update
    }
}
