import Foundation
import RenkeiCore

/// Renders report models into bytes: Markdown and HTML through templates (`TemplateStore`),
/// JSON and CSV directly.
public struct ReportRenderer: Sendable {
    public let templates: TemplateStore
    public init(templates: TemplateStore) { self.templates = templates }

    /// - Parameter template: a template name to use instead of the format's default (`case.html`).
    public func render(_ report: CaseReport, format: CaseFormat, template: String? = nil) throws -> Data {
        switch format {
        case .json:
            return try JSONReport.encode(report)
        case .md, .html:
            let escaper: Escaper = format == .html ? .html : .markdown
            let extra: [String: Any] = format == .html ? ["style": try templates.stylesheet()] : [:]
            let context = try TemplateContext.make(report, escaper: escaper, lang: report.lang, extra: extra)
            return Data(try templates.render(template ?? format.defaultTemplate!, context: context).utf8)
        }
    }

    public func render(_ report: PortfolioReport, format: PortfolioFormat, template: String? = nil) throws -> Data {
        switch format {
        case .csv: return report.csv()
        case .json: return try JSONReport.encode(report)
        case .md, .html:
            let escaper: Escaper = format == .html ? .html : .markdown
            let extra: [String: Any] = format == .html ? ["style": try templates.stylesheet()] : [:]
            let context = try TemplateContext.make(report, escaper: escaper, lang: report.lang, extra: extra)
            return Data(try templates.render(template ?? format.defaultTemplate!, context: context).utf8)
        }
    }
}
