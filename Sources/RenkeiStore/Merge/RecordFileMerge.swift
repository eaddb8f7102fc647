import Foundation
import RenkeiCore

/// The merge of one municipality profile or partner record file (`municipalities/*.json`,
/// `partners/*.json`), bytes in and bytes out, through `RecordMerge`: used by the sync and by
/// the merge driver under plain `git merge`. The result is written with sorted keys, so the same
/// three inputs give byte-identical files on every machine.
public enum RecordFileMerge {
    /// Profiles and partner records: the files merged field by field (not case files).
    public static func isRecord(_ path: String) -> Bool {
        for dir in ["municipalities/", "partners/"] where path.hasPrefix(dir) {
            let rest = path.dropFirst(dir.count)
            return rest.hasSuffix(".json") && !rest.contains("/") && !rest.hasPrefix(".")
        }
        return false
    }

    public struct Output: Equatable, Sendable {
        public var data: Data
        public var recorded: Int
    }

    /// A side that is not a JSON object: `CaseFileMerge.Failure.damaged` naming the side.
    public static func merge(base: Data?, ours: Data, theirs: Data) throws -> Output {
        func tree(_ d: Data, _ side: MergeSide) throws -> JSONValue {
            guard let obj = try? JSONSerialization.jsonObject(with: d, options: [.fragmentsAllowed]),
                  let v = JSONValue(jsonObject: obj), v.objectValue != nil else {
                throw CaseFileMerge.Failure.damaged(side: side, reason: .notAnObject)
            }
            return v
        }
        let b = try base.map { try tree($0, .base) }
        let r = RecordMerge.merge(base: b, ours: try tree(ours, .ours), theirs: try tree(theirs, .theirs))
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Output(data: try e.encode(r.tree) + Data("\n".utf8), recorded: r.recorded)
    }
}
