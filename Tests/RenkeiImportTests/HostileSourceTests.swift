import Foundation
import RenkeiTestSupport
import Testing
import ZIPFoundation
@testable import RenkeiCore
@testable import RenkeiImport

/// Findings of the hostile sweep (`Scripts/reliability/hostile-sweep.sh`) against the importer's
/// readers: each file here trapped, ran for minutes, or took gigabytes before its fix, and now
/// gives one `ImportError` naming the file (and the row where there is one).
@Suite struct HostileSourceTests {
    /// A minimal workbook around `sheet` (the worksheet's XML), built in memory.
    static func workbook(_ sheet: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0"?><worksheet><sheetData>"# + sheet),
        ]
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { pos, size in
                bytes.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return try #require(archive.data)
    }

    static let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>件名</t></is></c><c r="B1" t="inlineStr"><is><t>自治体</t></is></c></row>"#
        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>※髙橋①</t></is></c><c r="B2" t="inlineStr"><is><t>狭山市</t></is></c></row>"#

    /// `<mergeCell ref="B1:A1"/>` (a range written backwards) trapped in `m.left...m.right`
    /// ("Range requires lowerBound <= upperBound"), as did a merge starting below the header.
    @Test func mergesWrittenBackwardsAreTheSameRange() throws {
        for (backwards, forwards) in [("B1:A1", "A1:B1"), ("A2:A1", "A1:A2"), ("B3:A2", "A2:B3"), ("B2:A1", "A1:B2")] {
            func table(_ ref: String) throws -> SourceTable {
                try ImportSource.table(try Self.workbook(Self.header + #"</sheetData><mergeCells><mergeCell ref="\#(ref)"/></mergeCells></worksheet>"#), file: "結合.xlsx")
            }
            let t = try table(backwards)
            #expect(t == (try table(forwards)), "\(backwards)")
            #expect(t.header.first?.hasPrefix("件名") == true, "\(backwards): \(t.header)")
        }
    }

    /// `<row r="9223372036854775807">` trapped on the `+= 1` at the row's end; a row number
    /// outside Excel's 1…1,048,576 is a damaged part, said in one line naming the file.
    @Test func rowNumbersOutsideExcelsRangeAreRefusedNotTrapped() throws {
        for r in ["9223372036854775807", "-4", "0", "1048577", "１"] {
            let data = try Self.workbook(Self.header + #"<row r="\#(r)"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#)
            do {
                _ = try ImportSource.table(data, file: "行番号.xlsx")
                Issue.record("row \(r) was accepted")
            } catch let e as ImportError {
                guard case .corruptWorkbook(let file, let detail) = e.message else { Issue.record("\(r): \(e)"); continue }
                #expect(file == "行番号.xlsx" && detail.text(.en).contains("row number") && detail.text(.ja).contains("行番号"), "\(detail)")
                #expect(!e.text(.ja).contains("\n"))
            }
        }
    }

    /// Cells without a reference count on from the previous one: two million of them in one row
    /// made a table two million columns wide (and the mapping guess ran for minutes).
    @Test func aRowWiderThanExcelIsRefusedWithItsRow() throws {
        let cells = String(repeating: "<c><v>1</v></c>", count: SourceTable.maxColumns + 1)
        let data = try Self.workbook(Self.header + #"<row r="3">"# + cells + "</row></sheetData></worksheet>")
        #expect(throws: ImportError(.tooManyColumns(file: "横長.xlsx", row: 3, limit: SourceTable.maxColumns))) {
            try ImportSource.table(data, file: "横長.xlsx")
        }
        let csv = (0...SourceTable.maxColumns).map { "列\($0)" }.joined(separator: ",") + "\n"
        #expect(throws: ImportError(.tooManyColumns(file: "横長.csv", row: 3, limit: SourceTable.maxColumns))) {
            try ImportSource.table(Data(("件名,自治体\n※,狭山市\n" + csv).utf8), file: "横長.csv")
        }
        // Exactly Excel's width still reads.
        let widest = (1...SourceTable.maxColumns).map { "c\($0)" }.joined(separator: ",")
        #expect(try ImportSource.table(Data((widest + "\n" + widest + "\n").utf8), file: "上限.csv").header.count == SourceTable.maxColumns)
    }

    /// One stray value in column XFD on every row pads each row to 16,384 cells: 150,000 such
    /// rows asked for 2.4 billion cells. Refused by size before a row is built.
    @Test func aTableTooLargeToHoldIsRefusedBeforeItIsBuilt() throws {
        let rows = (3..<1_000).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined()
        let data = try Self.workbook(Self.header + rows + "</sheetData></worksheet>")
        // 998 data rows × 16,384 columns = 16.4 M cells, over the 8 M held.
        #expect(throws: ImportError(.tableTooLarge(file: "迷子.xlsx", rows: 998, columns: SourceTable.maxColumns))) {
            try ImportSource.table(data, file: "迷子.xlsx")
        }
        // A CSV of rows that are mostly commas: the same budget, counted as the rows arrive
        // (rows of nothing but commas are skipped, as Excel pads sheets with them).
        let commas = "①" + String(repeating: ",", count: 9_999) + "\n"
        let csv = "件名,自治体\n" + String(repeating: commas, count: SourceTable.maxCells / 10_000 + 1)
        do {
            _ = try ImportSource.table(Data(csv.utf8), file: "カンマ.csv")
            Issue.record("a table over the cell budget was read")
        } catch let e as ImportError {
            guard case .tableTooLarge(let file, _, let columns) = e.message else { Issue.record("\(e)"); return }
            #expect(file == "カンマ.csv" && columns == 10_000)
        }
    }

    /// Found by the hostile sweep's encodings: ISO-2022-JP (JIS, what old mail and host systems
    /// write) is 7-bit, so it passed as valid UTF-8 and the preview showed 「␛$B7oL>␛(B」 as column
    /// names with every row invalid. It is neither encoding renkei reads: one line that says so.
    @Test func sevenBitJISIsNotTakenForUTF8() throws {
        // 「件名,自治体⏎※試験,狭山市⏎」 as Python's iso2022_jp codec writes it.
        let jis = Data([27, 36, 66, 55, 111, 76, 62, 27, 40, 66, 44, 27, 36, 66, 60, 43, 60, 35, 66, 78, 27, 40, 66, 10, 27, 36, 66, 34, 40, 59, 110, 56,
                        51, 27, 40, 66, 44, 27, 36, 66, 54, 57, 59, 51, 59, 84, 27, 40, 66, 10])
        #expect(String(validating: jis, as: UTF8.self) != nil)   // why detection let it through
        #expect(throws: ImportError(.unknownEncoding(file: "jis.csv", forced: nil))) { try SourceText.decode(jis, file: "jis.csv") }
        #expect(throws: ImportError(.unknownEncoding(file: "jis.csv", forced: nil))) { try ImportSource.table(jis, file: "jis.csv") }
        // An ESC that is not a JIS shift stays text (a hostile cell, shown inert later).
        #expect(try SourceText.decode(Data("件名,自治体\n\u{1B}[31m赤,狭山市\n".utf8), file: "esc.csv").encoding == .utf8)
    }

    /// Found by the hostile sweep: an old .xls workbook saved under an .xlsx name (the same OLE
    /// container as a password-protected .xlsx) was called password-protected. A container with
    /// a legacy Workbook/Book stream and no EncryptionInfo is an .xls: save it as .xlsx.
    @Test func anOldXlsUnderAnXlsxNameIsNotCalledPasswordProtected() throws {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        let xls = ole + Data("Workbook".utf16LittleEndianBytes) + Data(count: 64)
        #expect(throws: ImportError(.unsupportedFormat(file: "古い.xlsx"))) { try ImportSource.table(xls, file: "古い.xlsx") }
        let encrypted = ole + Data("EncryptionInfo".utf16LittleEndianBytes) + Data(count: 64) + Data("EncryptedPackage".utf16LittleEndianBytes)
        #expect(throws: ImportError(.encryptedWorkbook(file: "鍵.xlsx"))) { try ImportSource.table(encrypted, file: "鍵.xlsx") }
    }
}

private extension String {
    var utf16LittleEndianBytes: [UInt8] { utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
}
