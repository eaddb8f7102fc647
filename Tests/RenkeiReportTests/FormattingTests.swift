import Testing
import RenkeiCore
@testable import RenkeiReport

@Suite struct FormattingTests {
    @Test func yen() {
        #expect(ReportFormat.yen(0) == "¥0")
        #expect(ReportFormat.yen(999) == "¥999")
        #expect(ReportFormat.yen(1000) == "¥1,000")
        #expect(ReportFormat.yen(4_800_000) == "¥4,800,000")
        #expect(ReportFormat.yen(-1_234_567) == "-¥1,234,567")
        #expect(ReportFormat.yen(Int.max) == "¥9,223,372,036,854,775,807")
        #expect(ReportFormat.yen(Int.min) == "-¥9,223,372,036,854,775,808")
    }

    @Test func numbers() {
        #expect(ReportFormat.number(52) == "52")
        #expect(ReportFormat.number(68.5) == "68.5")
        #expect(ReportFormat.number(12345.678) == "12,345.68")
        #expect(ReportFormat.number(-0.25) == "-0.25")
        #expect(ReportFormat.number(.nan) == "—")
        #expect(ReportFormat.fiscalYear(2027, .ja) == "2027年度")
        #expect(ReportFormat.fiscalYear(2027, .en) == "FY2027")
        #expect(ReportFormat.days(1, .en) == "1 day")
    }

    @Test func markdownEscaping() {
        #expect(Escaper.markdown.escape("a|b", block: false) == "a\\|b")
        #expect(Escaper.markdown.escape("l1\nl2", block: false) == "l1<br>l2")
        #expect(Escaper.markdown.escape("l1\nl2\n\np2", block: true) == "l1  \nl2\n\np2")
        #expect(Escaper.markdown.escape("# h\n- li\n2) x", block: true) == "\\# h  \n\\- li  \n2\\) x")
        #expect(Escaper.markdown.escape("R&D &amp;", block: false) == "R&D \\&amp;")
    }

    @Test func htmlEscaping() {
        #expect(Escaper.html.escape("<a href=\"x\">'&'</a>", block: false) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(Escaper.html.escape("\u{1B}]52;c;x\u{07}", block: false) == "␛]52;c;x␇")
    }

    @Test func progressLineAndStagesFromTheLog() {
        let r = Fixtures.report()
        #expect(r.header.progress.map(\.state) == ["done", "done", "done", "done", "current"])
        let partner = r.stages.first { $0.stage == "partner-search" }!
        #expect(partner.visits.count == 2)              // moved back once
        #expect(partner.days == 50)
        let method = r.stages.first { $0.stage == "method" }!
        #expect(method.decisions.map(\.kind) == ["decision", "gate-overridden"])
        #expect(method.decisions.last?.reason?.contains("予算要求") == true)
        #expect(r.openItems.map(\.id) == ["bud-calendar"])
        #expect(r.reference.count == 6 && r.reference.filter(\.recorded).count == 3)
        #expect(r.kpis.first?.achievementPercent == 58.9)
    }
}
