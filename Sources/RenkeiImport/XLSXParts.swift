import Foundation
import CLibXML

/// The few parts of an .xlsx the importer reads, walked as a stream of start/text/end events by
/// libxml2's reader (loaded on first use, see CLibXML): a 10,000-row sheet is read cell by cell
/// without building a tree of it.
enum XLSXParts {
    /// Runs a handler over one XML part; a parse error names the part and the line.
    static func parse<H: XMLPartHandler>(_ data: Data, _ handler: H, part: String) throws -> H {
        var reason = [CChar](repeating: 0, count: 512)
        guard renkei_xml_load(&reason, reason.count) == 0 else {
            throw XLSXReadError("reading .xlsx needs libxml2 (\(String(cString: reason))): install the libxml2 package")
        }
        guard data.count < Int(Int32.max) else { throw XLSXReadError("\(part) is too large") }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { throw XLSXReadError("\(part) is empty") }
            guard let reader = renkei_xml_open(base, Int32(bytes.count)) else {
                throw XLSXReadError("\(part): the XML reader could not start")
            }
            defer { renkei_xml_close(reader) }
            while !handler.stop {
                switch renkei_xml_next(reader) {
                case 0: return
                case 1: deliver(reader, to: handler)
                default:
                    let words = renkei_xml_last_error().map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "XML error"
                    throw XLSXReadError("\(part): \(words) at line \(renkei_xml_line(reader))")
                }
            }
        }
        return handler
    }

    /// One reader node as the handler's event(s); an empty element (`<c r="A1"/>`) is a start
    /// and an end, as a SAX parser reports it.
    private static func deliver<H: XMLPartHandler>(_ reader: UnsafeMutableRawPointer, to handler: H) {
        switch renkei_xml_node_type(reader) {
        case Int32(RENKEI_XML_ELEMENT):
            let name = renkei_xml_name(reader).map { String(cString: $0) } ?? ""
            let empty = renkei_xml_is_empty_element(reader) != 0
            var attributes: [String: String] = [:]
            while renkei_xml_next_attribute(reader) != 0 {
                if let key = renkei_xml_name(reader), let value = renkei_xml_value(reader) {
                    attributes[String(cString: key)] = String(cString: value)
                }
            }
            renkei_xml_back_to_element(reader)
            handler.start(name, attributes)
            if empty { handler.end(name) }
        case Int32(RENKEI_XML_END_ELEMENT):
            handler.end(renkei_xml_name(reader).map { String(cString: $0) } ?? "")
        case Int32(RENKEI_XML_TEXT), Int32(RENKEI_XML_CDATA), Int32(RENKEI_XML_WHITESPACE), Int32(RENKEI_XML_SIGNIFICANT_WHITESPACE):
            if let value = renkei_xml_value(reader) { handler.text(String(cString: value)) }
        default: break
        }
    }
}

/// What a part's reader is told: elements by qualified name (`x:sheet`) with their attributes,
/// and the text between them. `stop` ends the walk early (a sheet over the cell limit).
protocol XMLPartHandler: AnyObject {
    func start(_ element: String, _ attributes: [String: String])
    func text(_ s: String)
    func end(_ element: String)
    var stop: Bool { get }
}

extension XMLPartHandler {
    func text(_ s: String) {}
    func end(_ element: String) {}
    var stop: Bool { false }
}

struct XLSXReadError: Error { var detail: String; init(_ d: String) { detail = d } }

/// xl/workbook.xml: sheet names → relationship ids, and the 1904 date system flag.
final class WorkbookHandler: XMLPartHandler {
    var sheets: [(name: String, relId: String)] = []
    var date1904 = false
    func start(_ el: String, _ a: [String: String]) {
        if el == "sheet" || el.hasSuffix(":sheet"), let name = a["name"], let rid = a["r:id"] ?? a.first(where: { $0.key.hasSuffix(":id") })?.value {
            sheets.append((name, rid))
        } else if el == "workbookPr" || el.hasSuffix(":workbookPr"), let v = a["date1904"] {
            date1904 = v == "1" || v == "true"
        }
    }
}

/// xl/_rels/workbook.xml.rels: relationship id → part path.
final class RelationshipsHandler: XMLPartHandler {
    var targets: [String: String] = [:]
    func start(_ el: String, _ a: [String: String]) {
        if el == "Relationship", let id = a["Id"], let t = a["Target"] { targets[id] = t }
    }
}

/// xl/sharedStrings.xml: each `<si>` is plain (`<t>`) or rich text (runs of `<r><t>`).
/// Japanese Excel adds furigana as `<rPh><t>…</t></rPh>`: that text is not part of the cell.
final class SharedStringsHandler: XMLPartHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0
    func start(_ el: String, _ a: [String: String]) {
        switch el {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }
    func text(_ s: String) { if inText { current += s } }
    func end(_ el: String) {
        switch el {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// xl/styles.xml: which cell styles (`s` index) show a number as a date.
final class StylesHandler: XMLPartHandler {
    private var customFormats: [Int: String] = [:]
    private var inCellXfs = false
    private(set) var xfFormatIds: [Int] = []
    func start(_ el: String, _ a: [String: String]) {
        switch el {
        case "numFmt": if let id = a["numFmtId"].flatMap(Int.init), let code = a["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfFormatIds.append(a["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func end(_ el: String) {
        if el == "cellXfs" { inCellXfs = false }
    }

    /// Style indexes whose number format is a date: the built-in date ids (14–22, 27–36 and
    /// 50–58 are the Japanese-locale 和暦 ones, 45–47 times) or a custom code with y/m/d/e.
    var dateStyles: Set<Int> {
        var out = Set<Int>()
        for (i, id) in xfFormatIds.enumerated() where Self.isDateFormat(id, customFormats[id]) { out.insert(i) }
        return out
    }

    static func isDateFormat(_ id: Int, _ code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        // Drop quoted literals and [colour]/[$-locale] sections, then look for date letters.
        var plain = ""
        var quoted = false, bracket = false
        for ch in code {
            if ch == "\"" { quoted.toggle(); continue }
            if !quoted && ch == "[" { bracket = true; continue }
            if bracket { if ch == "]" { bracket = false }; continue }
            if !quoted { plain.append(ch) }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d") || lower.contains("e") && lower.contains("m") || lower.contains("g")
    }
}

/// One worksheet: cells by (row, column) as raw values with their type, plus merged ranges.
final class SheetHandler: XMLPartHandler {
    struct Cell { var row: Int; var column: Int; var type: String; var style: Int; var value: String; var formula: Bool }
    var cells: [Cell] = []
    var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    private var current: Cell?
    private var text = ""
    private var inValue = false
    private var nextRow = 1
    private var nextColumn = 1
    let cellLimit: Int
    private(set) var stop = false
    /// Why the walk stopped early, when it was not the cell limit: a row wider than Excel's
    /// limit, a row number out of range. The caller checks these after the walk.
    private(set) var tooWideRow: Int?
    private(set) var problem: String?
    static let maxRow = 1_048_576
    init(cellLimit: Int) { self.cellLimit = cellLimit }

    func start(_ el: String, _ a: [String: String]) {
        switch el {
        case "row":
            if let raw = a["r"] {
                // Excel's rows are 1…1,048,576; anything else is a damaged part (a row number
                // of Int.max used to trap on the `+= 1` at the row's end).
                guard let r = Int(raw), (1...SheetHandler.maxRow).contains(r) else {
                    problem = "row number \(raw.prefix(24)) is outside 1…\(SheetHandler.maxRow)"; stop = true; return
                }
                nextRow = r
            }
            nextColumn = 1
        case "c":
            let ref = a["r"].flatMap(SheetHandler.cellReference)
            if let ref { nextRow = ref.row; nextColumn = ref.column }
            // Cells without a reference count on from the last one: stop at Excel's last column
            // instead of building a row a million cells wide.
            guard nextColumn <= SourceTable.maxColumns else { tooWideRow = nextRow; stop = true; return }
            current = Cell(row: nextRow, column: nextColumn, type: a["t"] ?? "n", style: a["s"].flatMap(Int.init) ?? 0, value: "", formula: false)
            nextColumn += 1
            text = ""
        case "f": current?.formula = true
        case "v", "t": inValue = current != nil; if el == "v" { text = "" }
        case "mergeCell":
            if let ref = a["ref"] {
                let parts = ref.split(separator: ":").compactMap { SheetHandler.cellReference(String($0)) }
                if parts.count == 2 { merges.append((parts[0].row, parts[0].column, parts[1].row, parts[1].column)) }
            }
        default: break
        }
    }
    func text(_ s: String) { if inValue { text += s } }
    func end(_ el: String) {
        switch el {
        case "v", "t": inValue = false
        case "c":
            if var c = current {
                c.value = text
                if !c.value.isEmpty || c.formula { cells.append(c) }
                if cells.count > cellLimit { stop = true }
            }
            current = nil
        case "row": nextRow += 1
        default: break
        }
    }

    /// "AB12" → (row 12, column 28).
    static func cellReference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, digits = false
        for u in ref.utf8 {
            switch u {
            case 0x41...0x5A where !digits: column = column * 26 + Int(u - 0x40)
            case 0x61...0x7A where !digits: column = column * 26 + Int(u - 0x60)
            case 0x30...0x39: digits = true; row = row * 10 + Int(u - 0x30)
            case 0x24: continue   // $A$1
            default: return nil
            }
            if column > SourceTable.maxColumns || row > maxRow { return nil }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }
}
