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

/// Who a case export is for. `share` is the 事例シート for other municipalities (no memos, log,
/// checklists or personal data); `internal` is the full report for the team.
public enum Audience: String, CaseIterable, Sendable {
    case share, `internal`
    public static func parse(_ s: String) throws -> Audience {
        guard let a = Audience(rawValue: s.lowercased()) else { throw ReportError.unknownAudience(s) }
        return a
    }
    /// `share` for md, html and pdf (what people send); `internal` for json (what tools read).
    public static func defaultFor(_ output: CaseOutput) -> Audience { output == .json ? .internal : .share }
}

/// What `renkei export ID --format` writes: a template format or a PDF printed from the HTML.
public enum CaseOutput: String, CaseIterable, Sendable {
    case md, html, json, pdf
    public var fileExtension: String { rawValue }
    /// The template format behind the output (PDF is printed from the HTML).
    public var templateFormat: CaseFormat {
        switch self { case .md: return .md; case .html, .pdf: return .html; case .json: return .json }
    }
    public static func parse(_ s: String) throws -> CaseOutput {
        let t = s.lowercased()
        if t == "markdown" { return .md }
        guard let f = CaseOutput(rawValue: t) else { throw ReportError.unknownFormat(s, allowed: allCases.map(\.rawValue)) }
        return f
    }
}
