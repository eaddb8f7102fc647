/// The concurrent edits a merge recorded in a municipality profile or partner record
/// (`RecordMerge`), for review beside the cases' (`renkei conflicts`, the workbench's `C`):
/// listing them, keeping the value in use or taking the other one.
///
/// In the file each is `{"path": "desk.name", "kept": …, "other": …}` in `concurrentEdits`;
/// a review adds `"resolution": {"choice": "kept"|"other", "by": …, "at": …}`. Records have no
/// event log, so there is no who/when of the two sides — only of the review. The id is derived
/// from path and values, the same on every replica.
public enum RecordEdits {
    /// Every recorded edit of `tree` as a `ConcurrentEdit` (open and reviewed), file order.
    public static func all(in tree: JSONValue) -> [ConcurrentEdit] {
        RecordMerge.edits(tree).compactMap(edit)
    }

    static func edit(_ v: JSONValue) -> ConcurrentEdit? {
        guard let o = v.objectValue, let path = o["path"]?.stringValue, let kept = o["kept"], let other = o["other"] else { return nil }
        let none = ConcurrentEdit.Side(by: nil, at: nil, event: nil)
        return ConcurrentEdit(id: id(of: v), unit: path, field: nil, kept: kept, other: other, keptSide: none, otherSide: none,
                              cause: .bothChanged, resolution: resolution(o["resolution"]))
    }

    static func resolution(_ v: JSONValue?) -> ConcurrentEdit.Resolution? {
        guard let o = v?.objectValue, let c = o["choice"]?.stringValue, let choice = ConcurrentEdit.Choice(rawValue: c),
              let by = o["by"]?.stringValue, let at = o["at"]?.stringValue.flatMap(Timestamp.init) else { return nil }
        return ConcurrentEdit.Resolution(choice: choice, by: by, at: at)
    }

    /// Path and the two values, without the review: what makes two records of one disagreement
    /// the same record on every machine.
    static func identity(_ v: JSONValue) -> JSONValue {
        guard var o = v.objectValue else { return v }
        o["resolution"] = nil
        return .object(o)
    }

    static func id(of v: JSONValue) -> String {
        "r" + IdentifierAlphabet.base32(SplitMix64.hash(RecordMerge.canonical(identity(v))), width: 10)
    }

    public enum Failure: Error, Equatable {
        case unknown(id: String)
        /// The field the edit is about is no longer where the record had it (edited by hand).
        case pathGone(path: String)
    }

    public struct Resolved: Equatable, Sendable {
        public var tree: JSONValue
        /// The field's value before and after (equal when the value in use was kept).
        public var before: JSONValue?
        public var after: JSONValue?
        public var path: String
    }

    /// Reviews edit `id`: marks it kept, or sets its field to the other value and marks it.
    public static func resolve(_ tree: JSONValue, id: String, takeOther: Bool, by: String, at: Timestamp) throws(Failure) -> Resolved {
        var list = RecordMerge.edits(tree)
        guard let i = list.firstIndex(where: { Self.id(of: $0) == id }), let e = edit(list[i]) else { throw .unknown(id: id) }
        let before = value(at: e.unit, in: tree)
        var out = tree
        if takeOther {
            guard let changed = setting(e.unit, to: e.other, in: tree) else { throw .pathGone(path: e.unit) }
            out = changed
        }
        guard var entry = list[i].objectValue else { throw .unknown(id: id) }
        entry["resolution"] = .object(["choice": .string((takeOther ? ConcurrentEdit.Choice.other : .kept).rawValue),
                                       "by": .string(by), "at": .string(at.text)])
        list[i] = .object(entry)
        out = withEdits(out, list)
        return Resolved(tree: out, before: before, after: value(at: e.unit, in: out), path: e.unit)
    }

    /// Takes a review back (undo): the field to `before`, the edit open again. Fails when the
    /// field no longer holds `after` (changed since — by a sync or by hand).
    public static func unresolve(_ tree: JSONValue, id: String, path: String, before: JSONValue?, after: JSONValue?) -> JSONValue? {
        var list = RecordMerge.edits(tree)
        guard let i = list.firstIndex(where: { Self.id(of: $0) == id }), value(at: path, in: tree) == after,
              var entry = list[i].objectValue else { return nil }
        var out = tree
        if before != after {
            guard let before, let changed = setting(path, to: before, in: tree) else { return nil }
            out = changed
        }
        entry["resolution"] = nil
        list[i] = .object(entry)
        return withEdits(out, list)
    }

    static func withEdits(_ tree: JSONValue, _ list: [JSONValue]) -> JSONValue {
        guard var o = tree.objectValue else { return tree }
        o[RecordMerge.editsKey] = .array(list)
        return .object(o)
    }

    // MARK: - Paths as RecordMerge writes them: `a.b`, `contacts[髙橋]`, `contacts[髙橋].phone`

    enum Step: Equatable { case key(String), element(String) }

    static func steps(_ path: String) -> [Step] {
        var out: [Step] = [], name = "", i = path.startIndex
        while i < path.endIndex {
            let c = path[i]
            if c == "[", let close = path[i...].firstIndex(of: "]") {
                if !name.isEmpty { out.append(.key(name)); name = "" }
                out.append(.element(String(path[path.index(after: i)..<close])))
                i = path.index(after: close)
                if i < path.endIndex, path[i] == "." { i = path.index(after: i) }
                continue
            }
            if c == "." { out.append(.key(name)); name = "" } else { name.append(c) }
            i = path.index(after: i)
        }
        if !name.isEmpty { out.append(.key(name)) }
        return out
    }

    public static func value(at path: String, in tree: JSONValue) -> JSONValue? {
        var cur: JSONValue? = tree
        for s in steps(path) {
            switch s {
            case .key(let k): cur = cur?.objectValue?[k]
            case .element(let k): cur = cur?.arrayValue?.first { RecordMerge.key($0) == k }
            }
        }
        return cur
    }

    /// `tree` with the value at `path` replaced (nil when a step on the way is missing).
    static func setting(_ path: String, to value: JSONValue, in tree: JSONValue) -> JSONValue? {
        set(steps(path)[...], value, in: tree)
    }

    private static func set(_ steps: ArraySlice<Step>, _ value: JSONValue, in tree: JSONValue) -> JSONValue? {
        guard let first = steps.first else { return value }
        switch first {
        case .key(let k):
            guard var o = tree.objectValue else { return nil }
            if steps.count == 1 { o[k] = value; return .object(o) }
            guard let inner = o[k], let v = set(steps.dropFirst(), value, in: inner) else { return nil }
            o[k] = v
            return .object(o)
        case .element(let k):
            guard var a = tree.arrayValue else { return nil }
            guard let at = a.firstIndex(where: { RecordMerge.key($0) == k }) else {
                // A list element taken away since: the other value puts it back.
                if steps.count == 1 { a.append(value); return .array(a) }
                return nil
            }
            guard let v = set(steps.dropFirst(), value, in: a[at]) else { return nil }
            a[at] = v
            return .array(a)
        }
    }
}
