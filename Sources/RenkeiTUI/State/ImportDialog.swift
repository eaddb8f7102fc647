import Foundation
import RenkeiCore

// The import dialog (`: 取り込み`, issue 13): pick a file, adjust the column mapping, see the
// row-by-row preview, apply. The runtime reads and plans (off the key path) and answers with
// these plain values; the dialog never touches a file.

/// One column of the sheet, the field it goes to and a value from it (to recognise the column).
public struct ImportColumn: Equatable, Sendable {
    public var name: String
    /// A field path (`title`, `budget.totalYen` …) or `id`, `stage`, `stageReason`, `note`, `ignore`.
    public var target: String
    public var sample: String
    public init(name: String, target: String, sample: String = "") { self.name = name; self.target = target; self.sample = sample }
}

/// What the runtime read from a file: enough to show and adjust the mapping.
public struct ImportFileInfo: Equatable, Sendable {
    /// The path as it was asked for (the request's).
    public var path: String
    public var file: String
    /// The detected encoding ("CP932 (Shift_JIS)") and, for a workbook, the sheet read.
    public var encoding: String
    public var sheet: String?
    public var rows: Int
    public var columns: [ImportColumn]
    /// The key column (kintone's レコード番号, ID): a re-import updates the same cases.
    public var key: String?
    public var origin: ImportOrigin
    public init(path: String, file: String, encoding: String, sheet: String? = nil, rows: Int, columns: [ImportColumn], key: String?, origin: ImportOrigin) {
        self.path = path; self.file = file; self.encoding = encoding; self.sheet = sheet; self.rows = rows
        self.columns = columns; self.key = key; self.origin = origin
    }
}

/// What the dialog asks the runtime to read, plan, save or apply: the file and, once the
/// mapping was seen, its columns as adjusted on screen (nil: as found or guessed).
public struct ImportRequest: Equatable, Sendable {
    public var path: String
    public var columns: [String: String]?
    public var key: String?
    public init(path: String, columns: [String: String]? = nil, key: String? = nil) { self.path = path; self.columns = columns; self.key = key }
}

/// One row of the preview.
public struct ImportRowPreview: Equatable, Sendable {
    public enum Action: Equatable, Sendable { case create, update, unchanged, invalid }
    public var row: Int
    public var action: Action
    public var caseId: String?
    public var title: String
    /// For an update: the fields that change.
    public var fields: [String]
    public var problems: [RowProblem]
    public var warnings: [RowProblem]
    public init(row: Int, action: Action, caseId: String?, title: String, fields: [String] = [], problems: [RowProblem] = [], warnings: [RowProblem] = []) {
        self.row = row; self.action = action; self.caseId = caseId; self.title = title; self.fields = fields
        self.problems = problems; self.warnings = warnings
    }
}

/// The dry run the runtime made for a request: every row's outcome, with nothing written.
public struct ImportPlanPreview: Equatable, Sendable {
    public var request: ImportRequest
    public var rows: [ImportRowPreview]
    /// Problems with the file as a whole (a mapped column missing from the header).
    public var fileProblems: [ImportMessage]
    public init(request: ImportRequest, rows: [ImportRowPreview], fileProblems: [ImportMessage] = []) {
        self.request = request; self.rows = rows; self.fileProblems = fileProblems
    }
    public func count(_ a: ImportRowPreview.Action) -> Int { rows.reduce(0) { $0 + ($1.action == a ? 1 : 0) } }
    /// Like `renkei import --apply`: only a plan without an invalid row is written.
    public var applicable: Bool { fileProblems.isEmpty && !rows.contains { $0.action == .invalid } }
    public var writes: Bool { rows.contains { $0.action == .create || $0.action == .update } }
}

/// The dialog's state, step by step.
public struct ImportDialog: Equatable, Sendable {
    public enum Step: Equatable, Sendable { case pick, mapping, preview }
    public var step: Step = .pick
    /// The path typed; the list below shows the found files that match it.
    public var input = TextInput(limit: 1_000)
    /// .csv/.xlsx files found in `<workspace>/import/` and the current folder (the runtime's answer).
    public var files: [String] = []
    public var selection = 0
    public var info: ImportFileInfo?
    /// The column in focus on the mapping step.
    public var focus = 0
    /// The field list open for the focused column (`f`): the highlighted target.
    public var choosing: Int?
    public var plan: ImportPlanPreview?
    public var scroll = 0
    /// Reading or planning is under way on a worker.
    public var busy = false
    /// Why the file cannot be read or planned: shown in the dialog, nothing written.
    public var problem: ImportMessage?

    public init() {}

    /// The found files that match what was typed (all when nothing was).
    public var matchingFiles: [String] {
        let q = TextNormalizer.fold(input.text)
        return q.isEmpty ? files : files.filter { TextNormalizer.fold($0).contains(q) }
    }

    /// The request for the mapping as it stands on screen.
    public var request: ImportRequest? {
        guard let info else { return nil }
        return ImportRequest(path: info.path, columns: Dictionary(info.columns.map { ($0.name, $0.target) }, uniquingKeysWith: { a, _ in a }), key: info.key)
    }
}

extension ImportDialog {
    /// Where a column can go: every field `renkei set` knows, then the importer's own targets.
    public static let targets: [String] = CaseFields.specs.map(\.path).filter { $0 != "municipality.size" && $0 != "municipality.kind" }
        + ["stage", "stageReason", "id", "note", "ignore"]

    /// A target's name in the reader's language.
    public static func targetName(_ target: String, _ lang: Lang) -> String {
        switch target {
        case "id": return TransferLabel.targetKey.text(lang)
        case "stage": return TransferLabel.targetStage.text(lang)
        case "stageReason": return TransferLabel.targetStageReason.text(lang)
        case "note": return TransferLabel.targetNote.text(lang)
        case "ignore": return TransferLabel.targetIgnore.text(lang)
        default: return CaseFields.spec(target)?.label(lang) ?? target
        }
    }
}
