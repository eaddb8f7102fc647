import Foundation
import RenkeiCore

/// One reason a row cannot be imported (or a warning about it): row and column as the user
/// sees them in Excel, the value (shortened, controls made visible) and what was expected.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible, Codable {
    public var row: Int
    public var column: String?
    public var value: String?
    public var expected: String
    public init(row: Int, column: String? = nil, value: String? = nil, expected: String) {
        self.row = row; self.column = column
        self.value = value.map { v in let t = TerminalText.inline(v); return t.count > 40 ? String(t.prefix(39)) + "…" : t }
        self.expected = expected
    }
    public var description: String {
        var s = "row \(row)"
        if let column { s += ", column \(TerminalText.inline(column))" }
        if let value { s += ": '\(value)'" }
        return s + " — " + expected
    }
}

/// What importing one row would do.
public struct PlannedRow: Equatable, Sendable {
    public enum Action: String, Sendable, Codable { case create, update, unchanged, invalid }
    public var row: Int
    public var action: Action
    public var id: String?
    public var title: String
    /// Field values in column order (stage, stageReason and CaseFields paths).
    public var assignments: [FieldAssignment]
    /// Columns kept as a note ("備考: …", one line each), never dropped.
    public var note: String?
    /// For updates: the fields that differ from the case on disk.
    public var changedFields: [String]
    public var problems: [RowProblem]
    public var warnings: [RowProblem]
}

/// The whole dry run: every row's outcome and the totals. `--apply` writes only a plan with no
/// invalid row (validate everything first, nothing partial).
public struct ImportPlan: Equatable, Sendable {
    public var file: String
    public var source: String
    public var mapping: ImportMapping
    public var rows: [PlannedRow]
    /// Problems with the file as a whole (a mapped column missing from the header).
    public var fileProblems: [String]

    public func count(_ a: PlannedRow.Action) -> Int { rows.reduce(0) { $0 + ($1.action == a ? 1 : 0) } }
    public var isApplicable: Bool { fileProblems.isEmpty && !rows.contains { $0.action == .invalid } }
    public var changes: [PlannedRow] { rows.filter { $0.action == .create || $0.action == .update } }
}

/// What the planner may know about the workspace (no I/O here: the caller looks cases up).
public struct ImportTarget {
    public var existing: (String) -> Case?
    public var trashed: Set<String>
    public var catalog: Catalog
    public init(existing: @escaping (String) -> Case?, trashed: Set<String> = [], catalog: Catalog) {
        self.existing = existing; self.trashed = trashed; self.catalog = catalog
    }
}
