import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiReport
import RenkeiStore

/// The portfolio CSV in CP932 (Shift_JIS) for offices that need it: nothing lost silently.
@Suite struct CP932ExportTests {
    @Test func fitKeepsWhatCP932HoldsAndMarksTheRest() {
        #expect(CP932Text.fit("①㈱髙ｶﾅ～ⅠⅡ").replaced.isEmpty)
        let waves = CP932Text.fit("10月〜12月 −5 —")
        #expect(waves.text == "10月～12月 －5 ―")   // same marks, CP932's code points
        #expect(waves.replaced.isEmpty)
        let lost = CP932Text.fit("森鷗外と𠮷野家👩‍👩‍👧")
        #expect(lost.text == "森〓外と〓野家〓")
        #expect(lost.replaced == ["鷗", "𠮷", "👩‍👩‍👧"])
        #expect(CP932Text.codePoints("👍") == "U+1F44D")
    }

    @Test func portfolioCSVInCP932ReportsRowAndColumn() throws {
        var c = Fixtures.educationCase
        c.id = "c-emoji"
        c.title = "見守り😀サービス〜第2期"
        c.department = "髙橋課"
        c.issue = IssueFrame(why: "鷗の飛来", how: "", what: "")
        let report = PortfolioBuilder.build(Portfolio(summaries: [CaseSummary(c)], damaged: []), catalog: Fixtures.catalog,
                                            today: Fixtures.today, lang: .ja)
        var withIssues = report
        withIssues.addIssueFrames { _ in c.issue }
        let out = withIssues.csv(cp932: true)
        #expect(out.data.first != 0xEF)   // no UTF-8 BOM
        let text = try #require(String(data: out.data, encoding: .shiftJIS))
        #expect(text.contains("見守り〓サービス～第2期"))
        #expect(text.contains("髙橋課"))
        #expect(text.contains("〓の飛来"))
        #expect(out.replacements.map(\.description) == [
            "row 2, column 件名: '😀' (U+1F600) has no CP932 code; written as 〓",
            "row 2, column 課題と理想像 (WHY): '鷗' (U+9DD7) has no CP932 code; written as 〓",
        ])
        // UTF-8 keeps everything and starts with the BOM Excel needs.
        let utf8 = withIssues.csv(cp932: false)
        #expect(utf8.replacements.isEmpty)
        #expect(String(decoding: utf8.data, as: UTF8.self).contains("見守り😀サービス〜第2期"))
    }

    @Test func unknownAmountsAreEmptyNotZero() throws {
        var c = Fixtures.educationCase
        c.budget = Budget()
        let report = PortfolioBuilder.build(Portfolio(summaries: [CaseSummary(c)], damaged: []), catalog: Fixtures.catalog,
                                            today: Fixtures.today, lang: .ja)
        let cells = report.csvCells()
        let column = try #require(cells[0].firstIndex(of: .text("予算額(円)")))
        #expect(cells[1][column] == .int(nil))
    }
}
