import CSV
import Foundation

/// A sheet as the importer sees it: a header row and data rows of text cells, each row with the
/// number the user sees in Excel (header = row 1), so every message can say "row 7, column 件名".
public struct SourceTable: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var number: Int
        public var cells: [String]
        /// Columns (by index) whose cell held a formula; the cached value is in `cells`.
        public var formulaColumns: Set<Int> = []
        public init(number: Int, cells: [String], formulaColumns: Set<Int> = []) {
            self.number = number; self.cells = cells; self.formulaColumns = formulaColumns
        }
    }
    public var header: [String]
    public var rows: [Row]
    /// How the text was read ("CP932 (Shift_JIS)", "xlsx sheet 案件一覧").
    public var source: String
    /// The worksheet of an .xlsx (the preview names it in the reader's language); nil for CSV.
    public var sheet: String?
    /// Every worksheet of the workbook, in order (the workbench offers the others); empty for CSV.
    public var sheets: [String] = []
    /// The encoding a CSV was read in (detected or forced); nil for a workbook.
    public var encoding: SourceEncoding?

    public init(header: [String], rows: [Row], source: String) {
        self.header = SourceTable.uniqueHeader(header); self.rows = rows; self.source = source
    }

    public static let maxRows = 200_000
    /// Excel's own limit (column XFD). Checked while reading, before anything is built per
    /// column: a header of a million columns made the mapping guess run for minutes and write
    /// a mapping file too large to read back.
    public static let maxColumns = 16_384
    /// Cells held for a table, empty ones included (rows × their width): 200,000 rows of 40
    /// columns. Beyond it a stray value far to the right (every .xlsx row is padded to the
    /// widest) or a file of bare commas would take gigabytes.
    public static let maxCells = 8_000_000

    /// The header is the first row with at least two filled cells: a title row above it
    /// (「令和8年度 案件一覧」 in A1, as offices write) is skipped.
    public static func headerIndex(_ rows: [[String]]) -> Int? {
        if let i = rows.firstIndex(where: { $0.lazy.filter { !$0.isEmpty }.count >= 2 }) { return i }
        return rows.firstIndex(where: { $0.contains { !$0.isEmpty } })
    }

    /// The name a blank header cell gets (0-based index): 「列3」.
    static func blankName(_ index: Int) -> String { "列\(index + 1)" }

    /// Blank and repeated header names become addressable: "列3", "備考", "備考 (2)".
    static func uniqueHeader(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.enumerated().map { i, raw in
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? blankName(i) : raw.trimmingCharacters(in: .whitespacesAndNewlines)
            seen[name, default: 0] += 1
            return seen[name]! > 1 ? "\(name) (\(seen[name]!))" : name
        }
    }
}

/// CSV (RFC 4180 as Excel and kintone write it) through yaslab/CSV.swift: quoted fields with
/// commas, doubled quotes and line breaks. Rows may be ragged; the plan reports them.
public enum CSVSource {
    public static func table(_ text: String, file: String, encoding: SourceEncoding) throws -> SourceTable {
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
            throw ImportError(.corruptWorkbook(file: file, detail: "\(error)"))
        }
        var records: [(number: Int, cells: [String])] = []
        var number = 0
        var held = 0
        while let cells = reader.next() {
            number += 1
            // Excel ends a file with an empty line and pads sheets with rows of empty cells.
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            if cells.count > SourceTable.maxColumns {
                throw ImportError(.tooManyColumns(file: file, row: number, limit: SourceTable.maxColumns))
            }
            held += cells.count
            if held > SourceTable.maxCells {
                throw ImportError(.tableTooLarge(file: file, rows: records.count + 1, columns: records.map(\.cells.count).max() ?? cells.count))
            }
            records.append((number, cells))
            if records.count > SourceTable.maxRows { throw ImportError(.tooManyRows(file: file, limit: SourceTable.maxRows)) }
        }
        if let e = reader.error { throw ImportError(.corruptWorkbook(file: file, detail: "\(e)")) }
        // Only the first rows are looked at for a title row: the header is near the top.
        guard let h = SourceTable.headerIndex(records.prefix(10).map(\.cells)) else { throw ImportError(.empty(file: file)) }
        let header = records[h].cells
        let rows = records[(h + 1)...].map { SourceTable.Row(number: $0.number, cells: $0.cells) }
        var table = SourceTable(header: header, rows: rows, source: encoding.display)
        table.encoding = encoding
        return table
    }
}
