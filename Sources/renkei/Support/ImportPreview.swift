import Foundation
import RenkeiCore
import RenkeiImport
import RenkeiStore

/// The dry run as text: the source and mapping, one line per row (create / update / unchanged /
/// invalid with the reason), warnings, and the totals.
enum ImportPreview {
    static func print(_ plan: ImportPlan, origin: String, header: [String], apply: Bool, result: BatchResult) {
        Output.line("\(plan.file): \(plan.source), \(plan.rows.count) rows; mapping: \(origin)")
        let key = plan.mapping.key ?? plan.mapping.columns.first(where: { $0.value == "id" })?.key
        for column in header {
            let target = plan.mapping.columns[column] ?? "note"
            let shown = column == key ? "\(target) (key)" : target == "note" ? "note (kept)" : target
            Output.line("  \(TerminalText.inline(column)) → \(shown)")
        }
        for p in plan.fileProblems { Output.line("error: \(p)") }
        for row in plan.rows {
            let id = row.id ?? "-"
            switch row.action {
            case .create: Output.line("row \(row.row): create \(id)  \(TerminalText.inline(row.title))")
            case .update: Output.line("row \(row.row): update \(id)  (\(row.changedFields.joined(separator: ", ")))")
            case .unchanged: Output.line("row \(row.row): unchanged \(id)")
            case .invalid: for p in row.problems { Output.line("invalid: \(p)") }
            }
            for w in row.warnings { Output.line("warning: \(w)") }
        }
        var total = "total: \(plan.count(.create)) create, \(plan.count(.update)) update, \(plan.count(.unchanged)) unchanged, \(plan.count(.invalid)) invalid"
        if apply && plan.isApplicable && plan.changes.isEmpty {
            total += " — nothing to write (every row matches its case)"
        } else if apply && plan.isApplicable {
            total += " — imported \(result.created.count + result.updated.count) cases as one command ('renkei undo' reverses it)"
        } else if !apply {
            total += " — dry run, nothing written" + (plan.isApplicable && !plan.changes.isEmpty ? "; add --apply to write" : "")
        }
        Output.line(total)
    }
}

/// `renkei import --json`: the plan, row by row, as scripts and tests read it.
struct ImportReport: Encodable {
    struct Row: Encodable {
        var row: Int
        var action: PlannedRow.Action
        var id: String?
        var title: String
        var changedFields: [String]
        var problems: [RowProblem]
        var warnings: [RowProblem]
    }
    var format = "renkei.import"
    var file: String
    var source: String
    var mappingOrigin: String
    var mapping: ImportMapping
    var applied: Bool
    var created: [String]
    var updated: [String]
    var totals: [String: Int]
    var fileProblems: [String]
    var rows: [Row]

    init(plan: ImportPlan, origin: String, applied: Bool, result: BatchResult) {
        file = plan.file; source = plan.source; mappingOrigin = origin; mapping = plan.mapping; self.applied = applied
        created = result.created; updated = result.updated; fileProblems = plan.fileProblems
        totals = Dictionary(uniqueKeysWithValues: [PlannedRow.Action.create, .update, .unchanged, .invalid].map { ($0.rawValue, plan.count($0)) })
        rows = plan.rows.map { Row(row: $0.row, action: $0.action, id: $0.id, title: $0.title, changedFields: $0.changedFields,
                                   problems: $0.problems, warnings: $0.warnings) }
    }
}
