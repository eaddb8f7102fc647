import Foundation
import Testing
import RenkeiCore
import RenkeiStore
@testable import RenkeiReport

@Suite struct CSVTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+81", "'+81"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("\rx", "'␍x"), ("  =cmd", "'  =cmd"), ("＝1+1", "'＝1+1"), ("a=b", "a=b"), ("普通の文字列", "普通の文字列"),
        ("esc\u{1B}[2J", "esc␛[2J"), ("a\r\nb", "a\nb"),
    ])
    func defusesFormulasAndControls(_ input: String, _ expected: String) {
        #expect(CSVWriter.defuse(input) == expected)
    }

    @Test func rfc4180Quoting() {
        var w = CSVWriter(bom: false)
        w.row([.text("a,b"), .text("say \"hi\""), .text("line1\nline2"), .int(42), .int(nil), .text(" pad ")])
        #expect(w.output == "\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",42,,\" pad \"\r\n")
    }

    /// Python's csv module reads back exactly the cells we meant (after defusing), BOM and CRLF included.
    @Test func pythonReadsTheSameCells() throws {
        var p = Fixtures.portfolio
        // many rows, with every kind of awkward cell
        for i in 0..<300 {
            var c = Fixtures.hostileCase
            c.id = "h-\(i)"
            c.title = ["=cmd|' /C calc'!A0", "値,カンマ", "改行\nあり", "\"引用\"", "-1", "長い" + String(repeating: "文", count: 2_000)][i % 6]
            p.summaries.append(CaseSummary(c))
        }
        let r = PortfolioBuilder.build(p, catalog: Fixtures.catalog, today: Fixtures.today, lang: .ja, deadlines: NextActionDeadlines())
        let dir = try TempDir.make("csv")
        let csvURL = dir.appendingPathComponent("p.csv"), expURL = dir.appendingPathComponent("expected.json")
        try r.csv().write(to: csvURL)
        let expected: [[String]] = r.csvCells().map { row in
            row.map { cell in
                switch cell {
                case .text(let s): return CSVWriter.defuse(s)
                case .int(let n): return n.map(String.init) ?? ""
                }
            }
        }
        try JSONEncoder().encode(expected).write(to: expURL)
        let result = try Python.run("check_csv.py", [csvURL.path, expURL.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(r.rows.count + 1) rows, 0 differences"))
        // No cell a spreadsheet would evaluate.
        for row in expected.dropFirst() { for cell in row where !cell.isEmpty && Int(cell) == nil {
            #expect(!"=+-@\t\r".contains(cell.first!), "formula cell \(cell.prefix(30))")
        } }
    }

    /// 10,000 rows export (the time is measured by `renkei-bench ui`, report.portfolio_csv; a
    /// wall-clock bound here would only measure the machine's other load).
    @Test func tenThousandRowsExport() throws {
        var summaries: [CaseSummary] = []
        summaries.reserveCapacity(10_000)
        let base = CaseSummary(Fixtures.educationCase)
        for i in 0..<10_000 { var s = base; s.id = "c-\(i)"; summaries.append(s) }
        let r = PortfolioBuilder.build(Portfolio(summaries: summaries, damaged: []), catalog: Fixtures.catalog,
                                       today: Fixtures.today, lang: .ja, deadlines: NextActionDeadlines())
        let csv = r.csv()
        #expect(csv.count > 1_000_000)
        #expect(csv.filter { $0 == UInt8(ascii: "\n") }.count >= 10_001)   // header + one line per case
    }
}
