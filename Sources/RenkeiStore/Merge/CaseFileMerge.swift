import Foundation
import RenkeiCore

/// The merge of one case file's three versions, bytes in and bytes out: each side is read by
/// the store's own decoder (so damaged and newer files are judged exactly as everywhere else),
/// merged by `CaseMerge` and written by the store's canonical encoder — the same three inputs
/// give byte-identical output on every machine.
public enum CaseFileMerge {
    public enum Failure: Error, Equatable {
        /// A side does not parse as a case: not merged, nothing overwritten.
        case damaged(side: MergeSide, reason: DamageReason)
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
        catch CaseMergeError.notACase(let side) { throw Failure.damaged(side: side, reason: .shape) }
        let raw = try CanonicalJSON.pretty(merged.tree) ?? JSONEncoder().encode(merged.tree)
        let doc: CaseDocument
        do { doc = try CaseCodec.decode(raw, path: path) }
        catch { throw Failure.damaged(side: .ours, reason: (error as? StoreError)?.damageReason ?? .text("the merged case does not read back: \(error)")) }
        return Output(data: try encode(doc), recorded: merged.recorded)
    }

    /// `CaseCodec.encode(doc)`, byte for byte, without `JSONEncoder` when the tree can be
    /// built directly (`CaseTree`; `CanonicalJSONTests` holds the two to the same bytes).
    static func encode(_ doc: CaseDocument) throws -> Data {
        if let tree = canonicalTree(doc), var data = CanonicalJSON.pretty(tree) {
            data.append(0x0A)
            return data
        }
        return try CaseCodec.encode(doc)
    }

    /// The tree of what `CaseCodec.encode(doc)` writes (migrated to the current schema,
    /// unknown keys merged in), read back; nil when only the encoder can tell (`CaseTree.of`).
    static func canonicalTree(_ doc: CaseDocument) -> JSONValue? {
        var value = doc.value
        if value.schemaVersion < Case.schemaVersion { value.schemaVersion = Case.schemaVersion }
        guard let typed = CaseTree.of(value) else { return nil }
        guard let unknown = doc.unknown else { return typed }
        return CaseTree.normalized(typed.merging(unknown: unknown))
    }

    /// A side as a JSON tree in its canonical form (migrated to the current schema, unknown
    /// keys kept), so sides written by different versions compare field by field.
    static func tree(_ data: Data, side: MergeSide, path: String) throws -> JSONValue {
        let doc: CaseDocument
        do { doc = try CaseCodec.decode(data, path: path) }
        catch let e as StoreError { throw Failure.damaged(side: side, reason: e.damageReason) }
        catch { throw Failure.damaged(side: side, reason: .text("\(error)")) }
        if doc.readOnly { throw Failure.newerSchema(side: side, version: doc.value.schemaVersion) }
        // Straight from the value (`CaseTree`): encoding each side and parsing it back was
        // 13.7 M of the driver's 31.7 M instructions per file (callgrind), and
        // `JSONSerialization` plus bridging before that 45 M of 97 M.
        if let v = canonicalTree(doc) { return v }
        guard let v = try? JSONDocument.parse(CaseCodec.encode(doc)) else {
            throw Failure.damaged(side: side, reason: .shape)
        }
        return v
    }
}
