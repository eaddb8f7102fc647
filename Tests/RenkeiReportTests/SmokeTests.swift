import Foundation
import Testing
import RenkeiCore
@testable import RenkeiReport

@Suite struct SmokeTests {
    @Test func rendersEveryFormat() throws {
        let r = CaseReportBuilder.build(Fixtures.educationCase, catalog: Fixtures.catalog,
                                        options: ReportOptions(today: Fixtures.today), deadlines: Fixtures.fixedDeadlines)
        let renderer = ReportRenderer(templates: Fixtures.shippedTemplates)
        for f in CaseFormat.allCases {
            let d = try renderer.render(r, format: f)
            try d.write(to: URL(fileURLWithPath: "/tmp/smoke.\(f.rawValue)"))
        }
    }
}
