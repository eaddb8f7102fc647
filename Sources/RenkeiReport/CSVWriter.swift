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
    public init(bom: Bool = true) {
        output = bom ? "\u{FEFF}" : ""
    }

    public mutating func row(_ cells: [Cell]) {
        for (i, c) in cells.enumerated() {
            if i > 0 { output += "," }
            switch c {
            case .int(let n): if let n { output += String(n) }
            case .text(let s): CSVWriter.appendField(CSVWriter.defuse(s), to: &output)
            }
        }
        output += "\r\n"
    }

    public var data: Data { Data(output.utf8) }

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

extension PortfolioReport {
    static func csvHeader(_ lang: Lang) -> [String] {
        lang == .ja
            ? ["ID", "件名", "自治体", "都道府県", "連携先", "段階", "進捗", "出口", "手法", "目標年度", "予算額(円)", "下見積もり(円)",
               "次のアクション", "次のアクション期限", "段階滞留日数", "次のマイルストーン", "マイルストーン期限", "超過日数", "タグ"]
            : ["ID", "Title", "Municipality", "Prefecture", "Partners", "Stage", "Progress", "Exit", "Method", "Fiscal year",
               "Budget (yen)", "Rough quote (yen)", "Next action", "Next action due", "Days in stage", "Next milestone",
               "Milestone due", "Days overdue", "Tags"]
    }

    /// The cells of each row, in header order; an amount nobody entered is an empty cell, not 0
    /// (Excel would sum it as a real zero); partners are joined with 、 like tags, because names
    /// often hold ・ and `renkei import` splits the cell back into partners. (Also what tests
    /// compare a CSV reader's output to.)
    public func csvCells() -> [[CSVWriter.Cell]] {
        var out: [[CSVWriter.Cell]] = [PortfolioReport.csvHeader(lang).map { .text($0) }]
        out.reserveCapacity(rows.count + 1)
        for r in rows {
            out.append([.text(r.id), .text(r.title), .text(r.municipality), .text(r.prefecture ?? ""),
                        .text(r.partners.joined(separator: lang == .ja ? "、" : "; ")), .text(r.stageLabel), .text(r.progressGlyph), .text(r.exitLabel ?? ""),
                        .text(r.methodLabel ?? ""), .int(r.fiscalYear), .int(r.totalYen == 0 ? nil : r.totalYen), .int(r.roughQuoteYen),
                        .text(r.nextAction ?? ""), .text(r.nextActionDue?.description ?? ""), .int(r.daysInStage),
                        .text(r.nextMilestone ?? ""), .text(r.nextMilestoneDue?.description ?? ""), .int(r.daysOverdue),
                        .text(r.tags.joined(separator: lang == .ja ? "、" : "; "))])
        }
        return out
    }

    public func csv() -> Data {
        var w = CSVWriter()
        for r in csvCells() { w.row(r) }
        return w.data
    }
}
