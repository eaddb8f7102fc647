/// The three-way merge of JSON trees by `MergeRule`. Knows nothing about cases: where both
/// sides changed one unit differently it asks `decide` which side wins and records the
/// disagreement; everything else follows from "a change on one side is taken".
/// Symmetric by construction: swapping ours and theirs gives the same tree.
struct TreeMerge {
    struct Disagreement: Equatable {
        var unit: String
        var ours: JSONValue?
        var theirs: JSONValue?
        var oursWon: Bool
    }

    /// Which side's value a disputed unit takes (true: ours).
    let decide: (_ unit: String, _ ours: JSONValue?, _ theirs: JSONValue?) -> Bool
    private(set) var disagreements: [Disagreement] = []

    init(decide: @escaping (_ unit: String, _ ours: JSONValue?, _ theirs: JSONValue?) -> Bool) { self.decide = decide }

    /// nil: the key is absent in the result.
    mutating func merge(_ rule: MergeRule, _ unit: String, base: JSONValue?, ours: JSONValue?, theirs: JSONValue?) -> JSONValue? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        switch rule {
        case .atomic:
            return dispute(unit, ours, theirs)
        case .unknown:
            if case .object? = ours, case .object? = theirs {
                return mergeObject(unit, base: base, ours: ours, theirs: theirs) { _ in .unknown }
            }
            return dispute(unit, ours, theirs)
        case .record(let keys, let other):
            guard case .object? = ours, case .object? = theirs else { return dispute(unit, ours, theirs) }
            return mergeObject(unit, base: base, ours: ours, theirs: theirs) { keys[$0] ?? other }
        case .map(let element):
            guard case .object? = ours, case .object? = theirs else { return dispute(unit, ours, theirs) }
            return mergeObject(unit, base: base, ours: ours, theirs: theirs) { _ in element }
        case .keyed(let key, let element, let order):
            guard let o = Keyed(ours, key: key), let t = Keyed(theirs, key: key) else { return dispute(unit, ours, theirs) }
            let b = Keyed(base, key: key) ?? Keyed.empty
            var merged: [(key: String, value: JSONValue)] = []
            var seen = Set<String>()
            let newKeys = Set(o.order + t.order).subtracting(b.order).sorted()
            for k in b.order + newKeys where seen.insert(k).inserted {
                if let v = merge(element, "\(unit)[\(k)]", base: b.values[k], ours: o.values[k], theirs: t.values[k]) {
                    merged.append((k, v))
                }
            }
            if case .time = order { merged.sort { Self.timeOrder($0.value, $0.key, $1.value, $1.key) } }
            return .array(merged.map(\.value))
        case .set:
            guard let o = ours?.arrayValue ?? (ours == nil ? [] : nil), let t = theirs?.arrayValue ?? (theirs == nil ? [] : nil)
            else { return dispute(unit, ours, theirs) }
            let b = base?.arrayValue ?? []
            let bSet = Set(b), oSet = Set(o), tSet = Set(t)
            var out: [JSONValue] = []
            var seen = Set<JSONValue>()
            for v in b where oSet.contains(v) && tSet.contains(v) && seen.insert(v).inserted { out.append(v) }
            let added = oSet.union(tSet).subtracting(bSet).sorted { $0.description < $1.description || ($0.description == $1.description && "\($0)" < "\($1)") }
            for v in added where seen.insert(v).inserted { out.append(v) }
            return .array(out)
        case .events:
            return EventLog.union(base: base, ours: ours, theirs: theirs)
        }
    }

    private mutating func mergeObject(_ unit: String, base: JSONValue?, ours: JSONValue?, theirs: JSONValue?,
                                      rule: (String) -> MergeRule) -> JSONValue {
        let b = base?.objectValue ?? [:], o = ours?.objectValue ?? [:], t = theirs?.objectValue ?? [:]
        var out: [String: JSONValue] = [:]
        for k in Set(o.keys).union(t.keys).union(b.keys).sorted() {
            let sub = unit.isEmpty ? k : unit + "." + k
            if let v = merge(rule(k), sub, base: b[k], ours: o[k], theirs: t[k]) { out[k] = v }
        }
        return .object(out)
    }

    private mutating func dispute(_ unit: String, _ ours: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        let oursWon = decide(unit, ours, theirs)
        disagreements.append(Disagreement(unit: unit, ours: ours, theirs: theirs, oursWon: oursWon))
        return oursWon ? ours : theirs
    }

    /// Notes: by time, then id (the order `CaseFields` keeps them in).
    static func timeOrder(_ a: JSONValue, _ ak: String, _ b: JSONValue, _ bk: String) -> Bool {
        let ta = a.objectValue?["at"]?.stringValue.flatMap(Timestamp.init)?.epochSeconds ?? 0
        let tb = b.objectValue?["at"]?.stringValue.flatMap(Timestamp.init)?.epochSeconds ?? 0
        if ta != tb { return ta < tb }
        let ia = a.objectValue?["id"]?.intValue, ib = b.objectValue?["id"]?.intValue
        if let ia, let ib, ia != ib { return ia < ib }
        return ak < bk
    }

    /// An array of objects by their key; nil when it is not one (an element without the key,
    /// or two with the same key): such an array merges whole.
    struct Keyed {
        var order: [String]
        var values: [String: JSONValue]
        static let empty = Keyed(order: [], values: [:])
        init(order: [String], values: [String: JSONValue]) { self.order = order; self.values = values }
        init?(_ v: JSONValue?, key: String) {
            guard let v else { self = .empty; return }
            guard let a = v.arrayValue else { return nil }
            order = []; values = [:]
            for e in a {
                guard let k = e.objectValue?[key], !k.isNull, case let name = Self.name(k), values[name] == nil else { return nil }
                order.append(name); values[name] = e
            }
        }
        static func name(_ v: JSONValue) -> String {
            if case .string(let s) = v { return s }
            return v.description
        }
    }
}
