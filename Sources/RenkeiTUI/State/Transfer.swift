import Foundation
import RenkeiCore

// Export (x) and import dialogs: what they hold, what they ask the runtime, what it answers.
// One `Effect.transfer` and one `Msg.transfer` carry them, so the shared enums grow by one line.

/// One case export as the dialog holds it; the runtime maps it to RenkeiReport's `DocumentRequest`.
public struct ExportRequest: Equatable, Sendable {
    public enum Audience: String, CaseIterable, Sendable { case share, `internal` }
    /// HTML first: it is what a coordinator opens, prints and attaches.
    public enum Output: String, CaseIterable, Sendable { case html, pdf, md, json }

    public var caseId: String
    public var audience: Audience = .share
    public var output: Output = .html
    /// Internal report only: the share sheet always replaces personal data.
    public var anonymize = false
    public var anonymizePartners = false

    public init(caseId: String, audience: Audience = .share, output: Output = .html, anonymize: Bool = false, anonymizePartners: Bool = false) {
        self.caseId = caseId; self.audience = audience; self.output = output
        self.anonymize = anonymize; self.anonymizePartners = anonymizePartners
    }

    /// Whether the written file has personal data replaced.
    public var scrubs: Bool { audience == .share || anonymize }
}

/// What an export will replace, computed by the runtime before anything is written.
public struct ExportPreview: Equatable, Sendable {
    public struct Replacement: Equatable, Sendable {
        public var original: String
        public var replacement: String
        public init(original: String, replacement: String) { self.original = original; self.replacement = replacement }
    }
    public var request: ExportRequest
    public var names = 0, emails = 0, phones = 0, addresses = 0, partners = 0
    /// Each distinct replaced text, in order of first replacement (names of contacts, found names…).
    public var replacements: [Replacement] = []
    /// Where the file goes (relative to the workspace), e.g. `exports/<id>.share.html`.
    public var target: String
    /// Why it cannot be written (no PDF engine, an unreadable case): shown instead of writing.
    public var problem: String?

    public init(request: ExportRequest, target: String, problem: String? = nil) {
        self.request = request; self.target = target; self.problem = problem
    }

    public var counts: TransferMessage {
        .replaces(names: names, emails: emails, phones: phones, addresses: addresses, partners: partners)
    }
}

/// The export dialog: choices first, then (after the runtime's answer) the preview of what will be replaced.
public struct ExportDialog: Equatable, Sendable {
    public enum Row: Int, CaseIterable, Sendable { case audience, output, anonymize, partners }
    public var request: ExportRequest
    public var focus: Row = .audience
    public var preview: ExportPreview?
    /// The preview was asked for and has not arrived yet.
    public var checking = false

    public init(caseId: String) { request = ExportRequest(caseId: caseId) }
}

/// What the export/import dialogs ask the runtime to do.
public enum TransferEffect: Equatable, Sendable {
    /// Build the document without writing it and answer with what it replaces.
    case previewExport(ExportRequest)
    /// Write it to `<workspace>/exports/`; answers `.exported(path)` or `.failed`.
    case export(ExportRequest)
    /// The whole list as the portfolio CSV (for Excel) into `<workspace>/exports/`, in UTF-8 with
    /// BOM or CP932; answers `.exported(path)` or `.failed`, with a notice for characters CP932 lacks.
    case exportPortfolioCSV(cp932: Bool)
    /// The .csv/.xlsx files in `<workspace>/import/` and the current folder; answers `.importFiles`.
    case listImportFiles
    /// Read the file and find or guess its mapping (on a worker); answers `.importRead` or `.importFailed`.
    case readImport(ImportRequest)
    /// The dry run with the mapping as adjusted (on a worker); answers `.importPlanned` or `.importFailed`.
    case planImport(ImportRequest)
    /// The distinct values of one column mapped to a coded field, each with what it maps to (on a
    /// worker); answers `.importValues` or `.importFailed`.
    case readImportValues(ImportRequest, column: String)
    /// Write the mapping file for the next import of the same file; answers `.importMappingSaved`.
    case saveImportMapping(ImportRequest)
    /// Plan again under the workspace lock and write every case as one undoable command;
    /// answers `.importApplied` or `.importFailed` (nothing written).
    case applyImport(ImportRequest)

    /// Whether the effect writes cases (the status bar says 「保存中…」 meanwhile).
    public var writes: Bool { if case .applyImport = self { return true }; return false }
}

/// The runtime's answers to `TransferEffect`s.
public enum TransferAnswer: Sendable {
    case exportPreview(ExportPreview)
    case importFiles([String])
    case importRead(ImportFileInfo)
    case importPlanned(ImportPlanPreview)
    case importValues(ImportRequest, ImportValueList)
    /// The file (or the plan) cannot be used: the dialog says why; for an apply, nothing was written.
    case importFailed(ImportRequest, ImportMessage)
    case importMappingSaved(path: String)
    case importApplied(created: Int, updated: Int)
}
