import Foundation
import RenkeiCore

/// One case export as the user asked for it: audience, output format and privacy choices.
/// Shared by `renkei export ID` and the TUI's export dialog.
public struct DocumentRequest: Sendable, Equatable {
    public var audience: Audience
    public var output: CaseOutput
    public var lang: Lang
    /// Internal report: replace personal data (the share sheet always does).
    public var anonymize: Bool
    /// Also replace the partners' names (both audiences).
    public var anonymizePartners: Bool
    /// Share sheet: name the municipal contact person instead of only the desk.
    public var contactPerson: Bool
    public var template: String?

    public init(audience: Audience, output: CaseOutput, lang: Lang = .ja, anonymize: Bool = false,
                anonymizePartners: Bool = false, contactPerson: Bool = false, template: String? = nil) {
        self.audience = audience; self.output = output; self.lang = lang; self.anonymize = anonymize
        self.anonymizePartners = anonymizePartners; self.contactPerson = contactPerson; self.template = template
    }

    /// True when personal data is replaced in what this request writes.
    public var scrubsPersonalData: Bool { audience == .share || anonymize }

    /// `<id>.share.html`, `<id>.html` (internal), `<id>-anonymized.md` (internal, anonymised).
    public func stem(_ caseId: String) -> String {
        switch audience {
        case .share: return caseId + ".share"
        case .internal: return caseId + (anonymize || anonymizePartners ? "-anonymized" : "")
        }
    }
}

/// A rendered document and what was replaced to make it (nil when nothing was scrubbed).
public struct RenderedDocument {
    public var data: Data
    public var anonymizer: Anonymizer?
}

extension ReportExporter {
    /// The share sheet of a case (built, not rendered).
    public func shareSheet(caseId: String, lang: Lang, anonymizePartners: Bool = false,
                           contactPerson: Bool = false) throws -> (sheet: ShareSheet, anonymizer: Anonymizer) {
        let c = try loadCase(caseId)
        return ShareSheetBuilder.build(c, catalog: store.catalog, options: ShareOptions(
            lang: lang, today: today, anonymizePartners: anonymizePartners, contactPerson: contactPerson))
    }

    /// What the request would replace, without rendering or writing anything (the TUI shows it
    /// before writing). The written document is built the same way, so its counts are the same.
    public func anonymizerPreview(caseId: String, _ r: DocumentRequest) throws -> Anonymizer? {
        switch r.audience {
        case .share:
            return try shareSheet(caseId: caseId, lang: r.lang, anonymizePartners: r.anonymizePartners, contactPerson: r.contactPerson).anonymizer
        case .internal:
            let c = try loadCase(caseId)
            let options = ReportOptions(lang: r.lang, anonymize: r.anonymize, anonymizePartners: r.anonymizePartners, today: today)
            return CaseReportBuilder.buildCounting(c, catalog: store.catalog, options: options,
                                                   deadlines: deadlines.deadlines(for: c, today: today, lang: r.lang)).anonymizer
        }
    }

    /// Renders a case for the request's audience and format (PDF through `PDFPrinter`).
    public func renderDocument(caseId: String, _ r: DocumentRequest) throws -> RenderedDocument {
        let format = r.output.templateFormat
        var doc: RenderedDocument
        switch r.audience {
        case .share:
            let built = try shareSheet(caseId: caseId, lang: r.lang, anonymizePartners: r.anonymizePartners, contactPerson: r.contactPerson)
            doc = RenderedDocument(data: try renderer.render(built.sheet, format: format, template: r.template), anonymizer: built.anonymizer)
        case .internal:
            let c = try loadCase(caseId)
            let options = ReportOptions(lang: r.lang, anonymize: r.anonymize, anonymizePartners: r.anonymizePartners, today: today)
            let built = CaseReportBuilder.buildCounting(c, catalog: store.catalog, options: options,
                                                        deadlines: deadlines.deadlines(for: c, today: today, lang: r.lang))
            doc = RenderedDocument(data: try renderer.render(built.report, format: format, template: r.template), anonymizer: built.anonymizer)
        }
        if r.output == .pdf { doc.data = try PDFPrinter.print(html: doc.data) }
        return doc
    }

    /// Renders and writes one case document; returns the path written and what was replaced.
    public func exportDocument(caseId: String, _ r: DocumentRequest, to destination: ExportDestination) throws -> (url: URL, anonymizer: Anonymizer?) {
        if r.output == .pdf, PDFPrinter.engine() == nil { throw ReportError.noPDFEngine }   // before anything is rendered
        let target = try resolve(destination, stem: r.stem(caseId), ext: r.output.fileExtension)
        let doc = try renderDocument(caseId: caseId, r)
        // A sheet without personal data may be shared (0644); anything else stays the owner's (0600).
        let url = try ReportExporter.write(doc.data, to: target.url, overwrite: target.overwrite,
                                           mode: r.scrubsPersonalData && !r.contactPerson ? 0o644 : 0o600)
        return (url, doc.anonymizer)
    }
}
