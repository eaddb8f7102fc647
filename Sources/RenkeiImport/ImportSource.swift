import Foundation

/// A file's bytes → its table, by extension: .csv/.txt as text (encoding detected), .xlsx as a
/// workbook. The size cap is checked by the caller before reading (see `maxBytes`).
public enum ImportSource {
    /// 10,000 rows of a case list are 2–5 MB of CSV; 32 MB leaves room and refuses a 100 MB dump
    /// before it is read into memory.
    public static let maxBytes = 32 * 1_048_576

    public enum Kind: Sendable, Equatable { case csv, xlsx }

    public static func kind(of fileName: String) throws -> Kind {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "csv", "txt": return .csv
        case "xlsx", "xlsm": return .xlsx
        default: throw ImportError(.unsupportedFormat(file: fileName))
        }
    }

    public static func table(_ data: Data, file: String, encoding: SourceEncoding? = nil, sheet: String? = nil) throws -> SourceTable {
        guard data.count <= maxBytes else { throw ImportError.tooLarge(file: file, bytes: data.count, limit: maxBytes) }
        switch try kind(of: file) {
        case .xlsx:
            return try XLSXSource.table(data, file: file, sheet: sheet)
        case .csv:
            // A workbook saved with a .csv name is a zip: say so instead of "binary".
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw ImportError(.workbookNamedCSV(file: file))
            }
            let decoded = try SourceText.decode(data, file: file, forced: encoding)
            return try CSVSource.table(decoded.text, file: file, encoding: decoded.encoding)
        }
    }
}
