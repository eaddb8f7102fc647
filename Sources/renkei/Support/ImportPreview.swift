import Foundation
import RenkeiCore
import RenkeiImport
import RenkeiStore

/// The dry run as text: the source and mapping, one line per row (create / update / unchanged /
/// invalid with the reason), warnings, and the totals — worded in Core's `ImportMessage`.
enum ImportPreview {
    static func print(_ plan: ImportPlan, origin: ImportOrigin, header: [String], apply: Bool, result: BatchResult, lang: Lang) {
        func say(_ m: ImportMessage) { Output.line(m.text(lang)) }
        say(.header(file: plan.file, source: ImportMessage.source(encoding: plan.source, sheet: plan.sheet).text(lang), rows: plan.rows.count, origin: origin))
        let key = plan.mapping.key ?? plan.mapping.columns.first(where: { $0.value == "id" })?.key
        for column in header {
            say(.column(name: TerminalText.inline(column, limit: 60), target: plan.mapping.columns[column] ?? "note", key: column == key))
        }
        for p in plan.fileProblems { say(.fileError(p.text(lang))) }
        for row in plan.rows {
            let id = row.id ?? "-"
            switch row.action {
            case .create: say(.create(row: row.row, caseId: id, title: TerminalText.inline(row.title, limit: 80)))
            case .update: say(.update(row: row.row, caseId: id, fields: row.changedFields))
            case .unchanged: say(.unchanged(row: row.row, caseId: id))
            case .invalid: for p in row.problems { say(.invalid(p.text(lang))) }
            }
            for w in row.warnings { say(.warning(w.text(lang))) }
        }
        say(.totals(create: plan.count(.create), update: plan.count(.update), unchanged: plan.count(.unchanged), invalid: plan.count(.invalid),
                    outcome: outcome(plan, apply: apply, result: result)))
    }

    static func outcome(_ plan: ImportPlan, apply: Bool, result: BatchResult) -> ImportOutcome {
        if !apply { return .dryRun(canApply: plan.isApplicable && !plan.changes.isEmpty) }
        if !plan.isApplicable { return .refused }
        return plan.changes.isEmpty ? .nothingToWrite : .imported(result.created.count + result.updated.count)
    }
}

/// `renkei import --json`: the plan, row by row, as scripts and tests read it (English sentences
/// whatever the locale: scripts match them).
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

    init(plan: ImportPlan, origin: ImportOrigin, applied: Bool, result: BatchResult) {
        file = plan.file; source = plan.source; mappingOrigin = origin.text(.en); mapping = plan.mapping; self.applied = applied
        created = result.created; updated = result.updated; fileProblems = plan.fileProblems.map { $0.text(.en) }
        totals = Dictionary(uniqueKeysWithValues: [PlannedRow.Action.create, .update, .unchanged, .invalid].map { ($0.rawValue, plan.count($0)) })
        rows = plan.rows.map { Row(row: $0.row, action: $0.action, id: $0.id, title: $0.title, changedFields: $0.changedFields,
                                   problems: $0.problems, warnings: $0.warnings) }
    }
}
