import Foundation

/// Municipality profiles and partner records (`municipalities/<code>.json`, `partners/*.json`),
/// merged field by field when a workspace is shared (issues 12 and 16) — these files have no
/// event log, so the merge works on the three JSON trees alone:
/// - a field changed on one side takes that change (objects recurse, so two people editing
///   different fields of the desk, the readiness or a contact both keep theirs);
/// - lists of names (aliases) and lists of people (objects with a `name`) merge element by
///   element: additions from both sides kept, a removal on one side removes;
/// - a field changed on both sides to different values: a deterministic winner (the larger value
///   in canonical JSON — there is no clock in these files to prefer "the later one"), and the
///   other value kept in the record's `concurrentEdits` list for review;
/// - deleted on one side, edited on the other: the edit wins.
/// The same three inputs give the same tree whichever side is "ours" (replicas converge).
public enum RecordMerge {
    public static let editsKey = "concurrentEdits"

    public struct Result: Equatable, Sendable {
        public var tree: JSONValue
        /// Concurrent edits this merge added.
        public var recorded: Int
    }

    public static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue) -> Result {
        var found: [JSONValue] = []
        let b = base.map(withoutEdits), o = withoutEdits(ours), t = withoutEdits(theirs)
        var tree = merge3(b, o, t, path: "", found: &found) ?? .object([:])
        // The review list: both sides' records and the new ones, once each (one disagreement
        // is one record, reviewed on one side or not — the review is kept), in one order.
        let all = edits(ours) + edits(theirs) + found
        if var obj = tree.objectValue, !all.isEmpty {
            var byIdentity: [String: JSONValue] = [:]
            for e in all {
                let k = canonical(RecordEdits.identity(e))
                if let have = byIdentity[k], reviewRank(have) >= reviewRank(e) { continue }
                byIdentity[k] = e
            }
            obj[editsKey] = .array(byIdentity.keys.sorted().map { byIdentity[$0]! })
            tree = .object(obj)
        }
        let known = Set((edits(ours) + edits(theirs)).map { canonical(RecordEdits.identity($0)) })
        return Result(tree: tree, recorded: Set(found.map(canonical)).subtracting(known).count)
    }

    /// Which of two copies of one record stays: a reviewed one over an open one, then the larger
    /// in canonical JSON (two different reviews on two machines: the same one everywhere).
    static func reviewRank(_ e: JSONValue) -> String {
        (e.objectValue?["resolution"] == nil ? "0" : "1") + canonical(e)
    }

    static func withoutEdits(_ v: JSONValue) -> JSONValue {
        guard var o = v.objectValue else { return v }
        o[editsKey] = nil
        return .object(o)
    }

    static func edits(_ v: JSONValue) -> [JSONValue] { v.objectValue?[editsKey]?.arrayValue ?? [] }

    /// Nil: absent from the merged record.
    static func merge3(_ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?, path: String, found: inout [JSONValue]) -> JSONValue? {
        if o == t { return o }
        if b == o { return t }
        if b == t { return o }
        guard let o, let t else { return o ?? t }              // deleted on one side, edited on the other
        if let oo = o.objectValue, let to = t.objectValue, b == nil || b?.objectValue != nil {
            let bo = b?.objectValue ?? [:]
            var out: [String: JSONValue] = [:]
            for k in Set(oo.keys).union(to.keys) {
                if let v = merge3(bo[k], oo[k], to[k], path: path.isEmpty ? k : path + "." + k, found: &found) { out[k] = v }
            }
            return .object(out)
        }
        if let oa = o.arrayValue, let ta = t.arrayValue, b == nil || b?.arrayValue != nil {
            let ba = b?.arrayValue ?? []
            if let merged = mergeList(ba, oa, ta, path: path, found: &found) { return .array(merged) }
        }
        let (kept, other) = canonical(o) >= canonical(t) ? (o, t) : (t, o)
        found.append(.object(["path": .string(path), "kept": kept, "other": other]))
        return kept
    }

    /// The element's identity in a list: a name, or a person's `name`.
    static func key(_ v: JSONValue) -> String? { v.stringValue ?? v.objectValue?["name"]?.stringValue }

    /// Lists whose elements all have an identity merge element by element: kept in the base's
    /// order, new ones after it in a sorted order (the same on every machine).
    static func mergeList(_ b: [JSONValue], _ o: [JSONValue], _ t: [JSONValue], path: String, found: inout [JSONValue]) -> [JSONValue]? {
        let all = b + o + t
        guard all.allSatisfy({ key($0) != nil }) else { return nil }
        func index(_ list: [JSONValue]) -> [String: JSONValue]? {
            var d: [String: JSONValue] = [:]
            for v in list { guard let k = key(v), d[k] == nil else { return nil }; d[k] = v }
            return d
        }
        guard let bi = index(b), let oi = index(o), let ti = index(t) else { return nil }
        let order = b.compactMap(key) + Set(oi.keys).union(ti.keys).subtracting(bi.keys).sorted()
        return order.compactMap { k in merge3(bi[k], oi[k], ti[k], path: "\(path)[\(k)]", found: &found) }
    }

    /// Sorted keys, no whitespace: the order in which winners and records are chosen.
    static func canonical(_ v: JSONValue) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? v.description
    }
}
