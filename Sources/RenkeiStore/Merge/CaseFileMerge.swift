import Foundation
import RenkeiCore

/// The merge of one case file's three versions, bytes in and bytes out: each side is read by
/// the store's own decoder (so damaged and newer files are judged exactly as everywhere else),
/// merged by `CaseMerge` and written by the store's canonical encoder — the same three inputs
/// give byte-identical output on every machine.
public enum CaseFileMerge {
    public enum Failure: Error, Equatable {
        /// A side does not parse as a case: not merged, nothing overwritten.
        case damaged(side: MergeSide, reason: String)
        /// A side was written by a newer renkei.
        case newerSchema(side: MergeSide, version: Int)
    }

    public struct Output: Equatable, Sendable {
        public var data: Data
        public var recorded: [ConcurrentEdit]
    }

    public static func merge(base: Data?, ours: Data, theirs: Data, path: String, catalog: Catalog?) throws -> Output {
        try merge(base: base, ours: ours, theirs: theirs, path: path, loadCatalog: { catalog })
    }

    /// `loadCatalog` runs only when a side advanced a stage (the gates are then checked).
    public static func merge(base: Data?, ours: Data, theirs: Data, path: String, loadCatalog: () -> Catalog?) throws -> Output {
        let b = try base.map { try tree($0, side: .base, path: path) }
        let o = try tree(ours, side: .ours, path: path)
        let t = try tree(theirs, side: .theirs, path: path)
        let merged: CaseMergeResult
        do { merged = try CaseMerge.merge(base: b, ours: o, theirs: t, loadCatalog: loadCatalog) }
        catch CaseMergeError.newerSchema(let side, let v) { throw Failure.newerSchema(side: side, version: v) }
        catch CaseMergeError.notACase(let side) { throw Failure.damaged(side: side, reason: "not a case object") }
        let raw = try JSONEncoder().encode(merged.tree)
        let doc: CaseDocument
        do { doc = try CaseCodec.decode(raw, path: path) }
        catch { throw Failure.damaged(side: .ours, reason: "the merged case does not read back: \(error)") }
        return Output(data: try CaseCodec.encode(doc), recorded: merged.recorded)
    }

    /// A side as a JSON tree in its canonical form (migrated to the current schema, unknown
    /// keys kept), so sides written by different versions compare field by field.
    static func tree(_ data: Data, side: MergeSide, path: String) throws -> JSONValue {
        let doc: CaseDocument
        do { doc = try CaseCodec.decode(data, path: path) }
        catch let StoreError.damaged(_, reason) { throw Failure.damaged(side: side, reason: reason.text(.en)) }
        catch { throw Failure.damaged(side: side, reason: "\(error)") }
        if doc.readOnly { throw Failure.newerSchema(side: side, version: doc.value.schemaVersion) }
        // The store's own parser straight to a tree: `JSONSerialization` plus bridging its
        // `Any` tree was 45 M of the driver's 97 M instructions per file (callgrind).
        guard let v = try? JSONDocument.parse(CaseCodec.encode(doc)) else {
            throw Failure.damaged(side: side, reason: "could not be read as JSON")
        }
        return v
    }
}
