import RenkeiCore

/// Export failures, each one line naming what failed and what to do.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case unknownFormat(String, allowed: [String])
    case unknownLanguage(String)
    case invalidTemplateName(String)
    case templateNotFound(name: String, searched: [String])
    case template(path: String, reason: String)
    case outputExists(String)
    case outputNotWritable(path: String, reason: String)
    case quarantined(id: String, path: String)
    case caseUnavailable(String)
    case unknownAudience(String)
    case noPDFEngine
    case pdfFailed(String)
    case shareOnlyOption(String)

    public var description: String {
        switch self {
        case .unknownFormat(let f, let allowed):
            return "unknown format '\(TerminalText.inline(f))'; use one of \(allowed.joined(separator: ", "))"
        case .unknownLanguage(let l):
            return "unknown language '\(TerminalText.inline(l))'; use ja or en"
        case .invalidTemplateName(let n):
            return "invalid template name '\(TerminalText.inline(n))': use lowercase letters, digits, '-', '_' and dots (e.g. case.html), no '/' or '..'"
        case .templateNotFound(let n, let dirs):
            return "no template '\(n).mustache' in \(dirs.isEmpty ? "(no template folder)" : dirs.joined(separator: " or "))"
        case .template(let path, let reason):
            return "template \(path): \(reason)"
        case .outputExists(let p):
            return "\(p) already exists; use --force to overwrite it"
        case .outputNotWritable(let p, let reason):
            return "cannot write \(p): \(reason)"
        case .quarantined(let id, let path):
            return "case '\(id)' is quarantined (\(path)); fix the file and move it back to cases/ before exporting it"
        case .caseUnavailable(let m):
            return m
        case .unknownAudience(let a):
            return "unknown audience '\(TerminalText.inline(a))'; use --for share (the 事例シート) or --for internal (the full report)"
        case .noPDFEngine:
            return "no PDF engine found: install chromium and fonts-noto-cjk (bash Scripts/install-deps.sh), or export --format html and print it from a browser"
        case .pdfFailed(let reason):
            return "PDF printing failed: \(reason); export --format html and print it from a browser instead"
        case .shareOnlyOption(let option):
            return "\(option) applies to the share sheet; drop it or use --for share"
        }
    }
}
