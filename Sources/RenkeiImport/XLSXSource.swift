import Foundation
import RenkeiCore
import ZIPFoundation

/// An .xlsx workbook (a zip of XML parts, opened with ZIPFoundation) → the first sheet, or the
/// one named, as a `SourceTable`: shared strings resolved, numbers as written, date-formatted
/// serials as YYYY-MM-DD, formula cells as their cached values (flagged), merged header cells
/// filled in, and a two-row header (a merged group title over sub-headers) joined as 「予算・金額」.
public enum XLSXSource {
    /// An uncompressed part over this is refused (a zip bomb, or far more than 10,000 rows).
    public static let partLimit = 256 * 1_048_576
    static let cellLimit = 4_000_000

    public static func table(_ data: Data, file: String, sheet wanted: String? = nil) throws -> SourceTable {
        // Password-protected workbooks are not zips but OLE compound files, as are old .xls: a
        // container with the legacy Workbook/Book stream and no EncryptionInfo is an .xls.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            func has(_ stream: String) -> Bool { data.range(of: Data(stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil }
            if !has("EncryptionInfo") && (has("Workbook") || has("Book")) { throw ImportError(.unsupportedFormat(file: file)) }
            throw ImportError(.encryptedWorkbook(file: file))
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ImportError(.corruptWorkbook(file: file, detail: .notZip))
        }
        do {
            let workbook = try XLSXParts.parse(try part(archive, "xl/workbook.xml"), WorkbookHandler(), part: "workbook.xml")
            let rels = try XLSXParts.parse(try part(archive, "xl/_rels/workbook.xml.rels"), RelationshipsHandler(), part: "workbook.xml.rels")
            guard !workbook.sheets.isEmpty else { throw ImportError(.empty(file: file)) }
            let chosen: (name: String, relId: String)
            if let wanted {
                guard let s = workbook.sheets.first(where: { $0.name == wanted }) else {
                    throw ImportError(.noSheet(file: file, name: TerminalText.inline(wanted), available: workbook.sheets.map { TerminalText.inline($0.name) }))
                }
                chosen = s
            } else { chosen = workbook.sheets[0] }
            guard let target = rels.targets[chosen.relId] else { throw XLSXReadError(.sheetWithoutPart(TerminalText.inline(chosen.name))) }
            let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target

            let shared = try optionalPart(archive, "xl/sharedStrings.xml").map {
                try XLSXParts.parse($0, SharedStringsHandler(), part: "sharedStrings.xml").strings
            } ?? []
            let dateStyles = try optionalPart(archive, "xl/styles.xml").map {
                try XLSXParts.parse($0, StylesHandler(), part: "styles.xml").dateStyles
            } ?? []
            let sheet = try XLSXParts.parse(try part(archive, sheetPath), SheetHandler(cellLimit: cellLimit), part: sheetPath)
            // The walk stops early (`stop`) for these; said before anything is assembled.
            if let row = sheet.tooWideRow { throw ImportError(.tooManyColumns(file: file, row: row, limit: SourceTable.maxColumns)) }
            if let bad = sheet.badRowNumber { throw XLSXReadError(.rowNumberOutOfRange(part: sheetPath, found: TerminalText.inline(bad), max: SheetHandler.maxRow)) }
            if sheet.cells.count > cellLimit { throw ImportError(.tooManyRows(file: file, limit: SourceTable.maxRows)) }
            var table = try assemble(sheet, shared: shared, dateStyles: dateStyles, date1904: workbook.date1904,
                                     file: file, source: "xlsx sheet \(chosen.name)")
            table.sheet = chosen.name
            table.sheets = workbook.sheets.map(\.name)
            return table
        } catch let e as XLSXReadError {
            throw ImportError(.corruptWorkbook(file: file, detail: e.detail))
        }
    }

    static func part(_ archive: Archive, _ path: String) throws -> Data {
        guard let d = try optionalPart(archive, path) else { throw XLSXReadError(.missingPart(path)) }
        return d
    }

    static func optionalPart(_ archive: Archive, _ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(partLimit) else { throw XLSXReadError(.partTooLarge(part: path, megabytes: partLimit / 1_048_576)) }
        var out = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { out.append($0) } } catch {
            throw XLSXReadError(.partUnreadable(path))
        }
        return out
    }

    /// Cell values as text, rows in order, the header built from the first non-empty row(s).
    static func assemble(_ sheet: SheetHandler, shared: [String], dateStyles: Set<Int>, date1904: Bool,
                         file: String, source: String) throws -> SourceTable {
        var grid: [Int: [Int: String]] = [:]
        var formulas: [Int: Set<Int>] = [:]
        var width = 0
        for c in sheet.cells {
            let text: String
            switch c.type {
            case "s":
                guard let i = Int(c.value), shared.indices.contains(i) else { throw XLSXReadError(.missingSharedString(cell: "\(columnName(c.column))\(c.row)")) }
                text = shared[i]
            case "b": text = c.value == "1" ? "TRUE" : "FALSE"
            case "n":
                if dateStyles.contains(c.style), let serial = Double(c.value), let day = ExcelSerial.day(serial, date1904: date1904) {
                    text = day.description
                } else { text = numberText(c.value) }
            default: text = c.value   // str, inlineStr, e (#N/A — the plan reports it)
            }
            grid[c.row, default: [:]][c.column] = SourceText.normalizeWaveDash(text)
            if c.formula { formulas[c.row, default: []].insert(c.column - 1) }
            width = max(width, c.column)
        }
        let top = grid.keys.sorted().prefix(10)
        guard let h = SourceTable.headerIndex(top.map { r in grid[r]!.values.map { $0 } }) else { throw ImportError(.empty(file: file)) }
        let headerRow = Array(top)[h]
        // Merged cells keep their value in the top-left cell only: spread it over the range.
        // A range written backwards (B1:A1) is the same range; a reversed one used to trap in `a...b`.
        let merges = sheet.merges.map { (top: min($0.top, $0.bottom), left: min($0.left, $0.right), bottom: max($0.top, $0.bottom), right: max($0.left, $0.right)) }
        for m in merges where m.top <= headerRow + 1 && m.bottom >= headerRow {
            guard let v = grid[m.top]?[m.left] else { continue }
            for r in max(m.top, headerRow)...min(m.bottom, headerRow + 1) { for col in m.left...m.right where grid[r]?[col] == nil && r >= headerRow { grid[r, default: [:]][col] = v } }
        }
        // A merge that spans rows from the header row means the header is two rows deep.
        let twoRowHeader = merges.contains { $0.top == headerRow && $0.bottom > headerRow }
        var header: [String] = (1...max(width, 1)).map { grid[headerRow]?[$0] ?? "" }
        var firstData = headerRow + 1
        if twoRowHeader {
            let sub = grid[headerRow + 1] ?? [:]
            header = header.enumerated().map { i, top in
                let below = sub[i + 1] ?? ""
                return below.isEmpty || below == top ? top : (top.isEmpty ? below : top + "・" + below)
            }
            firstData = headerRow + 2
        }
        let dataRows = grid.keys.lazy.filter { $0 >= firstData }.count
        // Every row is padded to the widest (the header addresses columns by position).
        if dataRows.multipliedReportingOverflow(by: max(width, 1)).partialValue > SourceTable.maxCells {
            throw ImportError(.tableTooLarge(file: file, rows: dataRows, columns: width))
        }
        var rows: [SourceTable.Row] = []
        for r in grid.keys.sorted() where r >= firstData {
            let values = grid[r]!
            rows.append(.init(number: r, cells: (1...max(width, 1)).map { values[$0] ?? "" }, formulaColumns: formulas[r] ?? []))
            if rows.count > SourceTable.maxRows { throw ImportError(.tooManyRows(file: file, limit: SourceTable.maxRows)) }
        }
        return SourceTable(header: header, rows: rows, source: source)
    }

    /// Excel writes 4800000 or 0.1 or 1.5E-3; integral values print without ".0".
    static func numberText(_ raw: String) -> String {
        guard raw.contains("E") || raw.contains("e") || raw.hasSuffix(".0"), let d = Double(raw) else { return raw }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    static func columnName(_ n: Int) -> String {
        var n = n, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }
}

/// Excel's day numbers: 1900 system (with its fictitious 1900-02-29 = 60) or 1904 system.
public enum ExcelSerial {
    public static func day(_ serial: Double, date1904: Bool = false) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(ordinal: whole - 24_107) }
        // 1970-01-01 is serial 25569; serials up to 60 sit before Excel's phantom leap day.
        return Day(ordinal: whole - 25_569 + (whole <= 60 ? 1 : 0))
    }
}
