import Foundation
import RenkeiCore

/// Renders report models into bytes: Markdown and HTML through templates (`TemplateStore`),
/// JSON and CSV directly.
public struct ReportRenderer: Sendable {
    public let templates: TemplateStore
    public init(templates: TemplateStore) { self.templates = templates }

    /// - Parameter template: a template name to use instead of the format's default (`case.html`).
    public func render(_ report: CaseReport, format: CaseFormat, template: String? = nil) throws -> Data {
        if format == .json { return try JSONReport.encode(report) }
        return try page(report, lang: report.lang, html: format == .html, template: template ?? format.defaultTemplate!)
    }

    /// The 事例シート: `share.md` / `share.html` with its own two-page stylesheet; JSON is the model.
    public func render(_ sheet: ShareSheet, format: CaseFormat, template: String? = nil) throws -> Data {
        if format == .json { return try JSONReport.encode(sheet) }
        return try page(sheet, lang: sheet.lang, html: format == .html, template: template ?? "share.\(format.rawValue)",
                        stylesheet: "share-style.css")
    }

    public func render(_ report: PortfolioReport, format: PortfolioFormat, template: String? = nil) throws -> Data {
        switch format {
        case .csv: return report.csv()
        case .json: return try JSONReport.encode(report)
        case .md, .html: return try page(report, lang: report.lang, html: format == .html, template: template ?? format.defaultTemplate!)
        }
    }

    /// A model through a Markdown or HTML template (HTML gets the stylesheet inline as `style`).
    func page<T: Encodable>(_ model: T, lang: Lang, html: Bool, template: String, stylesheet: String = "report-style.css") throws -> Data {
        let extra: [String: Any] = html ? ["style": try templates.stylesheet(stylesheet)] : [:]
        let context = try TemplateContext.make(model, escaper: html ? .html : .markdown, lang: lang, extra: extra)
        return Data(try templates.render(template, context: context).utf8)
    }
}
