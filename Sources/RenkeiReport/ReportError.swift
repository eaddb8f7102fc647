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
    /// An id that cannot name a case file (`../etc/passwd`).
    case invalidCaseId(String)
    case unknownAudience(String)
    case noPDFEngine
    case pdfFailed(String)
    case shareOnlyOption(String)

    public var description: String { text(.en) }

    /// The label table's words (`ExportMessage`), in the reader's language.
    public func text(_ lang: Lang) -> String {
        switch self {
        case .unknownFormat(let f, let allowed): return ExportMessage.unknownFormat(TerminalText.inline(f), allowed: allowed).text(lang)
        case .unknownLanguage(let l): return ExportMessage.unknownLanguage(TerminalText.inline(l)).text(lang)
        case .invalidTemplateName(let n): return ExportMessage.invalidTemplateName(TerminalText.inline(n)).text(lang)
        case .templateNotFound(let n, let dirs): return ExportMessage.templateNotFound(name: n, searched: dirs).text(lang)
        case .template(let path, let reason): return ExportMessage.template(path: path, reason: reason).text(lang)
        case .outputExists(let p): return ExportMessage.outputExists(p).text(lang)
        case .outputNotWritable(let p, let reason): return ExportMessage.outputNotWritable(path: p, reason: reason).text(lang)
        case .quarantined(let id, let path): return ExportMessage.quarantined(id: id, path: path).text(lang)
        case .invalidCaseId(let id): return CaseID.validationMessage(id, lang)
        case .unknownAudience(let a): return ExportMessage.unknownAudience(TerminalText.inline(a)).text(lang)
        case .noPDFEngine: return ExportMessage.noPDFEngine.text(lang)
        case .pdfFailed(let reason): return ExportMessage.pdfFailed(reason).text(lang)
        case .shareOnlyOption(let option): return ExportMessage.shareOnlyOption(option).text(lang)
        }
    }
}

extension ReportError: WordedError {}
