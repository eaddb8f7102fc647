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

    /// The 事例シート: `share.md` / `share.html` with its own two-page stylesheet; JSON is the model.
    public func render(_ sheet: ShareSheet, format: CaseFormat, template: String? = nil) throws -> Data {
        switch format {
        case .json:
            return try JSONReport.encode(sheet)
        case .md, .html:
            let escaper: Escaper = format == .html ? .html : .markdown
            let extra: [String: Any] = format == .html ? ["style": try templates.stylesheet("share-style.css")] : [:]
            let context = try TemplateContext.make(sheet, escaper: escaper, lang: sheet.lang, extra: extra)
            return Data(try templates.render(template ?? "share.\(format.rawValue)", context: context).utf8)
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
