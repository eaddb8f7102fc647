import Foundation
import RenkeiCore

/// RFC 4180 CSV for spreadsheets: UTF-8 with a BOM (so Japanese Excel detects the encoding),
/// CRLF line ends, fields quoted when they hold a quote, comma, CR or LF (quotes doubled).
///
/// Text cells are defused against formula injection: a cell whose first character (after any
/// spaces) is = + - @ tab or CR — or their full-width forms ＝ ＋ － ＠ — gets a leading
/// apostrophe, so Excel/LibreOffice show it as text and never evaluate it. Control characters
/// become visible placeholders (␛, ␇) so the file is inert in a terminal too. Numbers written by
/// renkei itself (amounts, days) are plain digits and stay numeric.
public struct CSVWriter {
    public enum Cell: Equatable, Sendable {
        case text(String)
        case int(Int?)
    }

    public private(set) var output: String
    /// Set for a CP932 (Shift_JIS) file: no BOM, every text cell fitted (see `CP932Text`).
    public let cp932: Bool
    /// What a CP932 file could not hold, by row and header name.
    public private(set) var replacements: [CP932Replacement] = []
    private var header: [String] = []
    private var rowCount = 0

    public init(bom: Bool = true, cp932: Bool = false) {
        output = bom && !cp932 ? "\u{FEFF}" : ""
        self.cp932 = cp932
    }

    public mutating func row(_ cells: [Cell]) {
        rowCount += 1
        if rowCount == 1 { header = cells.map { if case .text(let t) = $0 { return t }; return "" } }
        for (i, c) in cells.enumerated() {
            if i > 0 { output += "," }
            switch c {
            case .int(let n): if let n { output += String(n) }
            case .text(let s):
                var cell = CSVWriter.defuse(s)
                if cp932 {
                    let fitted = CP932Text.fit(cell)
                    cell = fitted.text
                    for ch in fitted.replaced {
                        replacements.append(CP932Replacement(row: rowCount, column: i < header.count ? header[i] : "\(i + 1)", character: ch))
                    }
                }
                CSVWriter.appendField(cell, to: &output)
            }
        }
        output += "\r\n"
    }

    /// UTF-8 (with the BOM unless told otherwise), or CP932 when `cp932` is set.
    public var data: Data {
        guard cp932 else { return Data(output.utf8) }
        // Every cell was fitted, so this cannot fail; a bug would show as 〓, not a lost file.
        return output.data(using: .shiftJIS) ?? Data(CP932Text.fit(output).text.data(using: .shiftJIS) ?? Data())
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// The text as it will be stored in the cell (placeholders for controls, apostrophe before formulas).
    public static func defuse(_ s: String) -> String {
        let first = s.unicodeScalars.first(where: { $0 != " " && $0 != "\u{3000}" })
        let risky = first.map { formulaStarts.contains($0) } ?? false
        // Keep line breaks (valid inside a quoted field); CR becomes visible, as do other controls.
        let unified = s.utf8.contains(0x0D) ? s.replacingOccurrences(of: "\r\n", with: "\n") : s
        let clean = TerminalText.sanitize(unified, keepNewlines: true)
        return risky ? "'" + clean : clean
    }

    static func appendField(_ s: String, to out: inout String) {
        let needsQuotes = s.utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }
            || s.first == " " || s.last == " "
        guard needsQuotes else { out += s; return }
        out += "\""
        out += s.contains("\"") ? s.replacingOccurrences(of: "\"", with: "\"\"") : s
        out += "\""
    }
}
