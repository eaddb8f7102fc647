import RenkeiCore

/// Why a whole file cannot be read (as opposed to one bad row, see `RowProblem`). Each case is
/// one line naming the file and what to do (`message`, worded in Core's `ImportMessage`);
/// never the file's content beyond a short excerpt.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case tooLarge(file: String, bytes: Int, limit: Int)
    case binary(file: String, offset: Int)
    /// `forced`: the encoding given with --encoding (its display name), nil when detected.
    case unknownEncoding(file: String, forced: String?)
    case unsupportedEncoding(String)
    case unsupportedFormat(file: String)
    case encryptedWorkbook(file: String)
    case corruptWorkbook(file: String, detail: String)
    case noSheet(file: String, name: String, available: [String])
    case empty(file: String)
    case tooManyRows(file: String, limit: Int)
    case notAMappingFile(file: String, detail: String)
    case unknownTarget(file: String, column: String, target: String)
    case workbookNamedCSV(file: String)

    public var message: ImportMessage {
        switch self {
        case .tooLarge(let f, let b, let l): return .tooLarge(file: f, megabytes: b / 1_048_576, limitMegabytes: l / 1_048_576)
        case .binary(let f, let o): return .binary(file: f, offset: o)
        case .unknownEncoding(let f, let forced): return .unknownEncoding(file: f, forced: forced)
        case .unsupportedEncoding(let e): return .unsupportedEncoding(TerminalText.inline(e))
        case .unsupportedFormat(let f): return .unsupportedFormat(file: f)
        case .encryptedWorkbook(let f): return .encryptedWorkbook(file: f)
        case .corruptWorkbook(let f, let d): return .corruptWorkbook(file: f, detail: d)
        case .noSheet(let f, let n, let a): return .noSheet(file: f, name: TerminalText.inline(n), available: a.map(TerminalText.inline))
        case .empty(let f): return .empty(file: f)
        case .tooManyRows(let f, let l): return .tooManyRows(file: f, limit: l)
        case .notAMappingFile(let f, let d): return .notAMappingFile(file: f, detail: d)
        case .unknownTarget(let f, let c, let t): return .unknownTarget(file: f, column: TerminalText.inline(c), target: TerminalText.inline(t))
        case .workbookNamedCSV(let f): return .workbookNamedCSV(file: f)
        }
    }

    public func text(_ lang: Lang) -> String { message.text(lang) }

    public var description: String { message.text(.en) }
}
