/// One reason a row of an imported sheet cannot be imported (or a warning about it): row and
/// column as the user sees them in Excel, the value (shortened, controls made visible) and what
/// was expected, typed (`ImportMessage`) so the CLI and the workbench word it in either language.
/// In Core (not RenkeiImport) because the workbench's import preview shows these as they are.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible, Encodable {
    public var row: Int
    public var column: String?
    public var value: String?
    public var expected: ImportMessage

    public init(row: Int, column: String? = nil, value: String? = nil, expected: ImportMessage) {
        self.row = row; self.column = column
        self.value = value.map { TerminalText.inline($0, limit: 40) }
        self.expected = expected
    }

    /// "row 7, column 期限: '2026/13/1' — a date such as …" / 「7行目、列「期限」: '2026/13/1' — 日付（…）」.
    public func text(_ lang: Lang) -> String {
        ImportMessage.problem(row: row, column: column.map(TerminalText.inline), value: value, expected: expected).text(lang)
    }

    public var description: String { text(.en) }

    /// A 1-based column number as Excel's letters (1 → A, 27 → AA): a CSV opened in Excel shows these.
    public static func columnLetters(_ number: Int) -> String {
        var n = max(1, number), out = ""
        while n > 0 { n -= 1; out = String(UnicodeScalar(UInt8(65 + n % 26))) + out; n /= 26 }
        return out
    }

    enum CodingKeys: String, CodingKey { case row, column, value, expected }

    /// `renkei import --json` keeps its English `expected` sentence: scripts read it, whatever the locale.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(row, forKey: .row)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(expected.text(.en), forKey: .expected)
    }
}
