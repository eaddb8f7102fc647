import RenkeiCore

/// Formats of a single-case report.
public enum CaseFormat: String, CaseIterable, Sendable {
    case md, html, json
    public var fileExtension: String { rawValue }
    /// The template a format renders with by default (JSON has none: it is the report model).
    public var defaultTemplate: String? {
        switch self { case .md: return "case.md"; case .html: return "case.html"; case .json: return nil }
    }
    public static func parse(_ s: String) throws -> CaseFormat {
        let t = s.lowercased()
        if t == "markdown" { return .md }
        guard let f = CaseFormat(rawValue: t) else { throw ReportError.unknownFormat(s, allowed: allCases.map(\.rawValue)) }
        return f
    }
}

/// Formats of the portfolio export (`--all`).
public enum PortfolioFormat: String, CaseIterable, Sendable {
    case csv, json, md, html
    public var fileExtension: String { rawValue }
    public var defaultTemplate: String? {
        switch self { case .md: return "portfolio.md"; case .html: return "portfolio.html"; default: return nil }
    }
    public static func parse(_ s: String) throws -> PortfolioFormat {
        let t = s.lowercased()
        if t == "markdown" { return .md }
        guard let f = PortfolioFormat(rawValue: t) else { throw ReportError.unknownFormat(s, allowed: allCases.map(\.rawValue)) }
        return f
    }
}

extension Lang {
    /// "ja" or "en" (also "jp", "japanese", "english"), else a clear error.
    public static func parseReport(_ s: String) throws -> Lang {
        switch s.lowercased() {
        case "ja", "jp", "japanese", "日本語": return .ja
        case "en", "english": return .en
        default: throw ReportError.unknownLanguage(s)
        }
    }
}
