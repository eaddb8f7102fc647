import RenkeiCore

/// Why a whole file cannot be read (as opposed to one bad row, see `RowProblem`). Each case is
/// one line naming the file and what to do; never the file's content beyond a short excerpt.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case tooLarge(file: String, bytes: Int, limit: Int)
    case binary(file: String, offset: Int)
    case unknownEncoding(file: String, detail: String)
    case unsupportedEncoding(String)
    case unsupportedFormat(file: String)
    case encryptedWorkbook(file: String)
    case corruptWorkbook(file: String, detail: String)
    case noSheet(file: String, name: String, available: [String])
    case empty(file: String)
    case tooManyRows(file: String, limit: Int)
    case mapping(file: String, detail: String)

    public var description: String {
        switch self {
        case .tooLarge(let f, let b, let l):
            return "\(f): \(b / 1_048_576) MB is over the import limit of \(l / 1_048_576) MB; split the file (e.g. by fiscal year) and import the parts"
        case .binary(let f, let o):
            return "\(f): not a text file (a NUL byte at offset \(o)); save it from Excel as CSV (UTF-8 or Shift_JIS) or as .xlsx"
        case .unknownEncoding(let f, let d):
            return "\(f): the text is neither UTF-8 nor Shift_JIS/CP932 (\(d)); re-save it as 'CSV UTF-8' or pass --encoding"
        case .unsupportedEncoding(let e):
            return "unknown encoding '\(TerminalText.inline(e))'; use utf-8, utf-8-bom or cp932 (shift_jis)"
        case .unsupportedFormat(let f):
            return "\(f): only .csv, .txt (comma-separated) and .xlsx can be imported; for .xls, save as .xlsx first"
        case .encryptedWorkbook(let f):
            return "\(f): the workbook is password-protected (encrypted); open it in Excel, remove the password (ファイル → 情報 → ブックの保護) and save a copy"
        case .corruptWorkbook(let f, let d):
            return "\(f): not a readable .xlsx workbook (\(d)); open and re-save it in Excel, or export the sheet as CSV"
        case .noSheet(let f, let n, let a):
            return "\(f): no sheet named '\(TerminalText.inline(n))'; the workbook has " + a.map { "'\(TerminalText.inline($0))'" }.joined(separator: ", ")
        case .empty(let f):
            return "\(f): no header row found (the file or sheet is empty)"
        case .tooManyRows(let f, let l):
            return "\(f): more than \(l) rows; split the file and import the parts"
        case .mapping(let f, let d):
            return "\(f): \(d)"
        }
    }
}
