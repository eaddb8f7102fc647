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
    /// Every sheet of the workbook, in order (`s` moves to the next); empty for CSV.
    public var sheets: [String]
    /// The CSV's encoding as `--encoding` names it (utf-8, utf-8-bom, cp932); nil for a workbook.
    public var encodingId: String?
    /// The encoding was chosen (`e`, or kept in the mapping file) rather than detected.
    public var encodingForced: Bool
    public init(path: String, file: String, encoding: String, sheet: String? = nil, rows: Int, columns: [ImportColumn], key: String?, origin: ImportOrigin,
                sheets: [String] = [], encodingId: String? = nil, encodingForced: Bool = false) {
        self.path = path; self.file = file; self.encoding = encoding; self.sheet = sheet; self.rows = rows
        self.columns = columns; self.key = key; self.origin = origin
        self.sheets = sheets; self.encodingId = encodingId; self.encodingForced = encodingForced
    }

    /// The encodings `e` moves between (a BOM file is UTF-8 either way).
    public static let encodingChoices = ["utf-8", "cp932"]

    /// The encoding after this one (`e`); nil for a workbook.
    public var nextEncoding: String? {
        guard let current = encodingId else { return nil }
        let at = ImportFileInfo.encodingChoices.firstIndex(of: current == "utf-8-bom" ? "utf-8" : current) ?? -1
        return ImportFileInfo.encodingChoices[(at + 1) % ImportFileInfo.encodingChoices.count]
    }

    /// The sheet after this one (`s`), wrapping; nil when the workbook has only one.
    public var nextSheet: String? {
        guard sheets.count > 1 else { return nil }
        let at = sheet.flatMap { sheets.firstIndex(of: $0) } ?? -1
        return sheets[(at + 1) % sheets.count]
    }
}

/// What the dialog asks the runtime to read, plan, save or apply: the file and, once the
/// mapping was seen, its columns as adjusted on screen (nil: as found or guessed).
public struct ImportRequest: Equatable, Sendable {
    public var path: String
    public var columns: [String: String]?
    public var key: String?
    /// The worksheet to read (nil: the mapping file's or the first) — `--sheet`.
    public var sheet: String?
    /// The CSV encoding to read in (nil: the mapping file's or detected) — `--encoding`.
    public var encoding: String?
    /// Value maps as adjusted on screen (field → cell text → id), laid over the mapping's own.
    public var values: [String: [String: String]]?
    public init(path: String, columns: [String: String]? = nil, key: String? = nil, sheet: String? = nil, encoding: String? = nil,
                values: [String: [String: String]]? = nil) {
        self.path = path; self.columns = columns; self.key = key; self.sheet = sheet; self.encoding = encoding; self.values = values
    }
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
    /// The preview's entries, as the dialog lists them: file problems, each invalid row's reasons,
    /// every other row with its warnings (how far ↓ can scroll).
    public var entryCount: Int {
        fileProblems.count + rows.reduce(0) { $0 + ($1.action == .invalid ? $1.problems.count : 1 + $1.warnings.count) }
    }
    /// Some row holds a stage, exit, method or domain that no value map explains (`v` fixes it).
    public var hasUnmappedValues: Bool {
        rows.contains { $0.problems.contains { p in
            switch p.expected {
            case .stageValue, .exitValue, .methodValue, .domainValue, .methodNotInCatalog: return true
            default: return false
            }
        } }
    }
}

/// The dialog's state, step by step.
public struct ImportDialog: Equatable, Sendable {
    public enum Step: Equatable, Sendable { case pick, mapping, preview, values }
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
    /// Value maps chosen on screen (field → cell text → id); `w` saves them with the columns.
    public var values: [String: [String: String]] = [:]
    /// The value map step (`v`): the column's values, the one in focus, the meaning list open for it.
    public var valueList: ImportValueList?
    public var valueFocus = 0
    public var valueChoosing: Int?
    /// The value map's changes, newest last (`u` takes back the newest of the column on screen).
    public var valueUndo: [ImportValueEdit] = []

    public init() {}

    /// The found files that match what was typed (all when nothing was).
    public var matchingFiles: [String] {
        let q = TextNormalizer.fold(input.text)
        return q.isEmpty ? files : files.filter { TextNormalizer.fold($0).contains(q) }
    }

    /// The request for the mapping as it stands on screen.
    public var request: ImportRequest? {
        guard let info else { return nil }
        return ImportRequest(path: info.path, columns: Dictionary(info.columns.map { ($0.name, $0.target) }, uniquingKeysWith: { a, _ in a }), key: info.key,
                             sheet: info.sheet, encoding: info.encodingForced ? info.encodingId : nil, values: values.isEmpty ? nil : values)
    }

    /// The request that reads the file again in another sheet or encoding (`s`, `e`): the
    /// adjustments on screen are carried over to the columns of the same name (`carryOver`).
    public func reread(sheet: String? = nil, encoding: String? = nil) -> ImportRequest? {
        guard let r = request else { return nil }
        return ImportRequest(path: r.path, sheet: sheet ?? r.sheet, encoding: encoding ?? r.encoding)
    }

    /// A file read again (`s`, `e`): the columns that kept their name keep the field chosen on
    /// screen, and the key stays on its column when that is still there.
    public static func carryOver(from old: ImportFileInfo, to new: ImportFileInfo) -> ImportFileInfo {
        var out = new
        let before = Dictionary(old.columns.map { ($0.name, $0.target) }, uniquingKeysWith: { a, _ in a })
        for i in out.columns.indices { if let t = before[out.columns[i].name] { out.columns[i].target = t } }
        if let k = old.key, out.columns.contains(where: { $0.name == k }) { out.key = k }
        else if out.key.map({ k in !out.columns.contains { $0.name == k && $0.target == "id" } }) ?? false { out.key = nil }
        return out
    }
}

extension ImportDialog {
    /// Fields whose cells must name one of a known set (a stage, method …): `v` maps their values.
    public static let codedFields: Set<String> = ["stage", "exit", "method", "domain"]

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
