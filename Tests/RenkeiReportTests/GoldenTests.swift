import Foundation
import Testing
import RenkeiCore
import RenkeiStore
@testable import RenkeiReport

/// Byte-for-byte goldens of every format on Japanese cases (today pinned to 2026-11-23).
@Suite struct GoldenTests {
    @Test(arguments: CaseFormat.allCases)
    func caseReportJapanese(_ f: CaseFormat) throws {
        try Golden.check(try Fixtures.render(Fixtures.educationCase, f), "education.ja.\(f.fileExtension)")
    }

    @Test(arguments: CaseFormat.allCases)
    func caseReportEnglish(_ f: CaseFormat) throws {
        try Golden.check(try Fixtures.render(Fixtures.educationCase, f, lang: .en), "education.en.\(f.fileExtension)")
    }

    @Test(arguments: CaseFormat.allCases)
    func anonymizedCaseReport(_ f: CaseFormat) throws {
        try Golden.check(try Fixtures.render(Fixtures.educationCase, f, anonymize: true), "education.anonymized.ja.\(f.fileExtension)")
    }

    @Test func caseWithoutCalendarOrHistory() throws {
        let c = Case(id: "blank", title: "新規案件", municipality: Municipality(name: "葉山町"))
        try Golden.check(try Fixtures.render(c, .md, deadlines: nil), "blank.ja.md")
    }

    @Test(arguments: PortfolioFormat.allCases)
    func portfolio(_ f: PortfolioFormat) throws {
        let r = PortfolioBuilder.build(Fixtures.portfolio, catalog: Fixtures.catalog, today: Fixtures.today, lang: .ja,
                                       deadlines: NextActionDeadlines())
        try Golden.check(try ReportRenderer(templates: Fixtures.shippedTemplates).render(r, format: f), "portfolio.ja.\(f.fileExtension)")
    }

    /// One golden over a shipped sample case with the shipped guide catalog (re-record when
    /// the sample or the catalog is edited on purpose).
    @Test func sampleCaseWithShippedCatalog() throws {
        let data = Fixtures.dataDir
        let sample = data.samples.appendingPathComponent("fukuoka-trial-leak-sensor.json")
        guard FileManager.default.fileExists(atPath: sample.path) else { return }
        let c = try CaseCodec.decode(try Data(contentsOf: sample), path: sample.path).value
        let catalog = try CatalogLoader.load(data: data, workspace: nil).catalog
        let r = CaseReportBuilder.build(c, catalog: catalog, options: ReportOptions(today: Fixtures.today),
                                        deadlines: NextActionDeadlines().deadlines(for: c, today: Fixtures.today, lang: .ja))
        let renderer = ReportRenderer(templates: Fixtures.shippedTemplates)
        try Golden.check(try renderer.render(r, format: .md), "sample-fukuoka.ja.md")
        let html = try renderer.render(r, format: .html)
        let check = try Python.checkHTML(html, name: "sample")
        #expect(check.status == 0, "\(check.output)")
    }
}
