import Foundation
import RenkeiCore

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
    /// The worksheet an .xlsx was read from (nil for CSV).
    public var sheet: String?
    public var mapping: ImportMapping
    public var rows: [PlannedRow]
    /// Problems with the file as a whole (a mapped column missing from the header).
    public var fileProblems: [ImportMessage]

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
