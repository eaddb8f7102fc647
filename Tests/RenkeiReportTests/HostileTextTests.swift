import Foundation
import Testing
import RenkeiCore
@testable import RenkeiReport

/// Hostile case text (issue 7): markup, attribute breakouts, formulas, terminal escapes
/// (ESC, CSI, OSC 52, BEL), bidi overrides and a 10,000-character note must come out escaped
/// or neutralised in every format — and still be visible.
@Suite struct HostileTextTests {
    static let rawControls: [UInt8] = [0x1B, 0x07, 0x00, 0x08, 0x7F]

    func noRawControls(_ d: Data, _ name: String) {
        for b in Self.rawControls { #expect(!d.contains(b), "\(name) holds raw byte 0x\(String(b, radix: 16))") }
        let s = String(decoding: d, as: UTF8.self)
        for u in ["\u{202E}", "\u{2066}", "\u{2028}", "\u{9B}"] { #expect(!s.contains(u), "\(name) holds raw \(u.unicodeScalars.first!.value)") }
    }

    @Test func htmlEscapesEverything() throws {
        let html = try Fixtures.render(Fixtures.hostileCase, .html)
        let s = String(decoding: html, as: UTF8.self)
        #expect(!s.contains("<script"))
        #expect(!s.contains("<img"))
        #expect(!s.contains("onerror=alert(1)>"))
        #expect(s.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(s.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // visible placeholders instead of terminal controls
        #expect(s.contains("␛[31mred"))
        #expect(s.contains("␛]52;c;"))
        #expect(s.contains("⟨U+202E⟩"))
        #expect(s.contains("␇"))
        // the long note is there in full
        #expect(s.contains(Fixtures.longNote))
        noRawControls(html, "html")
        let check = try Python.checkHTML(html, name: "hostile")
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func markdownNeutralisesMarkup() throws {
        let md = String(decoding: try Fixtures.render(Fixtures.hostileCase, .md), as: UTF8.self)
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>alert('x')\\</script\\>"))
        #expect(md.contains("\\[link\\](javascript:alert(1))"))
        #expect(md.contains("\\# not a heading"))
        #expect(md.contains("1\\. not a list"))
        #expect(md.contains("\\`code\\`"))
        #expect(md.contains("\\&lt;"))
        // a table-cell value with '|' cannot add columns
        #expect(!md.contains("| a | b |"))
        #expect(md.contains(Fixtures.longNote))
        noRawControls(Data(md.utf8), "md")
    }

    @Test func jsonKeepsDataButEscapesControls() throws {
        let data = try Fixtures.render(Fixtures.hostileCase, .json)
        noRawControls(data, "json")
        let s = String(decoding: data, as: UTF8.self)
        #expect(s.contains("\\u202e"))
        #expect(s.contains("\\u001b"))
        // round trip: the data is exactly what the user typed
        let back = try JSONDecoder().decode(CaseReport.self, from: data)
        #expect(back.header.title == Fixtures.script + Fixtures.imgAttr)
        #expect(back.issue.how == Fixtures.controls)
        #expect(back.notes.last?.text == Fixtures.longNote)
    }

    @Test func portfolioFormatsAreInert() throws {
        let r = PortfolioBuilder.build(Fixtures.portfolio, catalog: Fixtures.catalog, today: Fixtures.today, lang: .ja,
                                       deadlines: NextActionDeadlines())
        let renderer = ReportRenderer(templates: Fixtures.shippedTemplates)
        for f in PortfolioFormat.allCases {
            let d = try renderer.render(r, format: f)
            noRawControls(d, "portfolio.\(f.rawValue)")
            if f == .html {
                let check = try Python.checkHTML(d, name: "portfolio")
                #expect(check.status == 0, "\(check.output)")
                #expect(!String(decoding: d, as: UTF8.self).contains("<script"))
            }
        }
    }

    @Test func hostileKPIValuesDoNotBreakTheChart() throws {
        let r = Fixtures.report(Fixtures.hostileCase)
        let k = try #require(r.kpis.last)
        #expect(k.chart.actualPct == 0)          // negative actual clamps to 0
        #expect((0...100).contains(k.chart.targetPct))
        #expect(k.targetText.contains("e") || k.targetText.count > 10)
    }

    @Test func anEditedTemplateCannotUnescape() throws {
        // Triple mustaches print the same pre-escaped text: a template edit changes layout only.
        let dir = try TempDir.make("tpl")
        try "{{{header.title}}}|{{header.title}}|{{&header.title}}".write(to: dir.appendingPathComponent("raw.html.mustache"), atomically: true, encoding: .utf8)
        let store = TemplateStore(shippedDir: Fixtures.dataDir.templates, workspaceDir: dir)
        let out = String(decoding: try ReportRenderer(templates: store).render(Fixtures.report(Fixtures.hostileCase), format: .html, template: "raw.html"), as: UTF8.self)
        #expect(!out.contains("<script"))
        let parts = out.split(separator: "|")
        #expect(parts.count == 3 && parts[0] == parts[1] && parts[1] == parts[2])
    }
}
