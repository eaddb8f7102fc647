import Foundation
import RenkeiCore
import RenkeiReport
import RenkeiStore
import RenkeiTUI

/// The export dialog's effects (issue 15): the preview of what will be replaced, then the write
/// into `<workspace>/exports/` through the same `ReportExporter` as `renkei export`.
extension StoreEffects {
    func performTransfer(_ effect: TransferEffect, lang: Lang) -> Msg? {
        switch effect {
        case .previewExport(let r):
            let request = documentRequest(r, lang: lang)
            let exporter = ReportExporter(store: store, data: environment.data, today: environment.today)
            var preview = ExportPreview(request: r, target: "exports/\(request.stem(r.caseId)).\(request.output.fileExtension)")
            if request.output == .pdf, PDFPrinter.engine() == nil {
                preview.problem = TransferLabel.noPDFEngine.text(lang)
                return .transfer(.exportPreview(preview))
            }
            do {
                if let anon = try exporter.anonymizerPreview(caseId: r.caseId, request) {
                    let c = anon.counts
                    preview.names = c.names; preview.emails = c.emails; preview.phones = c.phones
                    preview.addresses = c.addresses; preview.partners = c.organisations
                    preview.replacements = anon.replacements.map {
                        ExportPreview.Replacement(original: TerminalText.inline($0.original), replacement: $0.replacement)
                    }
                }
            } catch {
                preview.problem = "\(Label.exportFailed.text(lang)): \(TerminalText.inline(ErrorText.line(error, lang)))"
            }
            return .transfer(.exportPreview(preview))
        case .export(let r):
            do {
                let exporter = ReportExporter(store: store, data: environment.data, today: environment.today)
                let written = try exporter.exportDocument(caseId: r.caseId, documentRequest(r, lang: lang),
                                                          to: .directory(exporter.defaultDirectory))
                return .exported(written.url.path)
            } catch { return .failed("\(Label.exportFailed.text(lang)): \(TerminalText.inline(ErrorText.line(error, lang)))") }
        case .exportPortfolioCSV(let cp932):
            do {
                let exporter = ReportExporter(store: store, data: environment.data, today: environment.today)
                let written = try exporter.exportPortfolioCSV(lang: lang, cp932: cp932, to: .directory(exporter.defaultDirectory))
                if let first = written.replacements.first {
                    notices.push(TransferMessage.cp932Replaced(count: written.replacements.count, row: first.row, column: first.column,
                                                               character: String(first.character),
                                                               codePoints: "(\(CP932Text.codePoints(first.character)))").text(lang))
                }
                return .exported(written.url.path)
            } catch { return .failed("\(Label.exportFailed.text(lang)): \(TerminalText.inline(ErrorText.line(error, lang)))") }
        case .listImportFiles, .saveImportMapping, .applyImport:
            return performImport(effect)
        case .readImport, .planImport, .readImportValues:
            // Normally on a worker (`kind`); a performer that runs them in place still answers.
            return backgroundImport(effect)?()
        }
    }

    func documentRequest(_ r: ExportRequest, lang: Lang) -> DocumentRequest {
        let output = CaseOutput(rawValue: r.output.rawValue)!   // the dialog offers exactly CaseOutput's cases
        return DocumentRequest(audience: r.audience == .share ? .share : .internal, output: output, lang: lang,
                               anonymize: r.anonymize, anonymizePartners: r.anonymizePartners)
    }
}
