import Foundation
import RenkeiCore

/// The export dialog (`x`, issue 15): choose 共有用 or 内部用, the format and the anonymisation,
/// see what will be replaced, then write. Nothing is written before the preview was seen.
extension AppState {
    mutating func openExportDialog(_ caseId: String) {
        modal = .export(ExportDialog(caseId: caseId))
    }

    mutating func handleExportKey(_ key: Key, _ d: ExportDialog) -> [Effect] {
        var d = d
        if let preview = d.preview {
            switch key {
            case .enter, .char("y"):
                guard preview.problem == nil else { return [] }
                modal = nil
                pending += 1
                return [.transfer(.export(preview.request))]
            case .esc, .char("q"), .char("n"), .backspace:
                d.preview = nil              // back to the choices
                modal = .export(d)
            default: break
            }
            return []
        }
        switch key {
        case .esc, .char("q"): modal = nil; return []
        case .enter:
            d.checking = true
            modal = .export(d)
            return [.transfer(.previewExport(d.request))]
        case .down, .char("j"), .tab: d.focus = ExportDialog.Row(rawValue: min(d.focus.rawValue + 1, ExportDialog.Row.allCases.count - 1))!
        case .up, .char("k"), .backTab: d.focus = ExportDialog.Row(rawValue: max(d.focus.rawValue - 1, 0))!
        case .right, .char("l"), .char(" "): d.request.step(d.focus, by: 1)
        case .left, .char("h"): d.request.step(d.focus, by: -1)
        default: break
        }
        d.checking = false
        modal = .export(d)
        return []
    }

    /// The runtime's answers for the export and import dialogs.
    mutating func handleTransfer(_ answer: TransferAnswer) -> [Effect] {
        switch answer {
        case .exportPreview(let p):
            // Only the dialog that asked, with the same choices, takes the preview.
            guard case .export(var d) = modal, d.request == p.request else { return [] }
            d.preview = p
            d.checking = false
            modal = .export(d)
            return []
        case .importFiles, .importRead, .importPlanned, .importValues, .importFailed, .importMappingSaved, .importApplied:
            return handleImportAnswer(answer)
        }
    }
}

extension ExportRequest {
    /// Cycles the value of one dialog row (the anonymise row is fixed for the share sheet).
    mutating func step(_ row: ExportDialog.Row, by delta: Int) {
        func cycle<T: CaseIterable & Equatable>(_ v: T) -> T {
            let all = Array(T.allCases)
            let i = all.firstIndex(of: v)!
            return all[(i + delta + all.count) % all.count]
        }
        switch row {
        case .audience: audience = cycle(audience)
        case .output: output = cycle(output)
        case .anonymize: if audience == .internal { anonymize.toggle() }
        case .partners: anonymizePartners.toggle()
        }
    }
}

extension AppState {
    /// `: CSV 書き出し` (issue 13): the whole list as the portfolio CSV for Excel; the one choice
    /// is the encoding — UTF-8 with BOM, or CP932 for an Excel or in-house system that needs
    /// Shift_JIS (what CP932 cannot hold is written as 〓 and reported).
    mutating func offerCSVExport() {
        var p = Picker(purpose: .exportCSV, title: TransferLabel.csvTitle.text(lang), ids: ["utf-8", "cp932"],
                       labels: [TransferLabel.csvUTF8.text(lang), TransferLabel.csvCP932.text(lang)])
        p.footer = Label.chooseFooter.text(lang)
        modal = .picker(p)
    }
}
