import Foundation
import RenkeiCore
import RenkeiStore

/// The open concurrent edits of every case, then of every municipality profile and partner
/// record, in a stable order (case id, then record; then file, then path): what
/// `renkei conflicts` numbers and the workbench's review list shows.
public enum ConcurrentEditScan {
    public static func open(_ store: CaseStore) -> [ConcurrentEditRow] {
        var rows: [ConcurrentEditRow] = []
        let marker = Data("\"concurrentEdits\"".utf8)
        for name in store.caseFileNames() {
            let url = store.workspace.casesDir.appendingPathComponent(name)
            // Only files that have any are decoded (a portfolio has thousands of cases).
            guard let data = try? RegularFile.read(url, limit: CaseCodec.maxFileSize), data.range(of: marker) != nil,
                  let doc = try? CaseCodec.decode(data, path: url.path) else { continue }
            for e in doc.value.concurrentEdits ?? [] where e.isOpen {
                rows.append(ConcurrentEditRow(caseId: doc.value.id, caseTitle: doc.value.title, edit: e))
            }
        }
        return rows + records(store)
    }

    /// Profiles and partner records merge field by field too (`RecordMerge`); a file that does
    /// not read is its loader's to report, not listed here.
    static func records(_ store: CaseStore) -> [ConcurrentEditRow] {
        var rows: [ConcurrentEditRow] = []
        for file in store.recordFiles() {
            guard let tree = store.recordTree(file) else { continue }
            let name = tree.objectValue?["name"]?.stringValue ?? (file as NSString).lastPathComponent
            for e in RecordEdits.all(in: tree) where e.isOpen {
                rows.append(ConcurrentEditRow(caseId: file, caseTitle: name, edit: e, record: file))
            }
        }
        return rows
    }
}
