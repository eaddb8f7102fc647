/// The event log as the merge sees it: who changed what, and when.
struct EventStamp: Equatable {
    var id: String
    var seq: Int
    var at: Timestamp?
    var actor: String
    var kind: String
    var fields: [String]
    var json: JSONValue

    init(_ v: JSONValue) {
        let o = v.objectValue ?? [:]
        seq = o["seq"]?.intValue ?? 0
        id = o["id"]?.stringValue ?? EventID.legacy(seq: seq)
        at = o["at"]?.stringValue.flatMap(Timestamp.init)
        actor = o["actor"]?.stringValue ?? ""
        kind = o["kind"]?.stringValue ?? ""
        fields = (o["changes"]?.arrayValue ?? []).compactMap { $0.objectValue?["field"]?.stringValue }
        json = v
    }

    /// `Event.mergeOrder` on the stored form: Lamport clock, time, actor, id.
    static func logOrder(_ a: EventStamp, _ b: EventStamp) -> Bool {
        if a.seq != b.seq { return a.seq < b.seq }
        let ta = a.at?.epochSeconds ?? 0, tb = b.at?.epochSeconds ?? 0
        if ta != tb { return ta < tb }
        if a.actor != b.actor { return a.actor < b.actor }
        return a.id < b.id
    }

    /// Which of two concurrent changes is "later" and wins: the later time, then actor, then id.
    static func laterWins(_ a: EventStamp, _ b: EventStamp) -> Bool {
        let ta = a.at?.epochSeconds ?? 0, tb = b.at?.epochSeconds ?? 0
        if ta != tb { return ta > tb }
        if a.actor != b.actor { return a.actor > b.actor }
        return a.id > b.id
    }

    /// Whether this event changed something inside merge unit `unit` (or a whole that holds it).
    func touches(_ unit: String) -> Bool {
        fields.contains { MergeUnits.related(MergeUnits.unit(ofField: $0), unit) }
    }
}

enum EventLog {
    static func stamps(_ tree: JSONValue?) -> [EventStamp] {
        (tree?.objectValue?["events"]?.arrayValue ?? []).map(EventStamp.init)
    }

    /// Every event of either side exactly once, in log order. Two different bodies under one id
    /// cannot come from renkei; should a hand edit make them, the smaller encoding is kept on
    /// every machine alike.
    static func union(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?) -> JSONValue {
        var byId: [String: EventStamp] = [:]
        for v in (base?.arrayValue ?? []) + (ours?.arrayValue ?? []) + (theirs?.arrayValue ?? []) {
            let s = EventStamp(v)
            if let existing = byId[s.id], existing.json != v {
                if CanonicalText.of(v) < CanonicalText.of(existing.json) { byId[s.id] = s }
            } else if byId[s.id] == nil {
                byId[s.id] = s
            }
        }
        return .array(byId.values.sorted(by: EventStamp.logOrder).map(\.json))
    }
}

/// A deterministic text of a JSON value (keys sorted), for tie-breaks and stable ids.
enum CanonicalText {
    static func of(_ v: JSONValue?) -> String {
        guard let v else { return "∅" }
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "i\(i)"
        case .double(let d): return "d\(d)"
        case .string(let s): return "s\"" + s + "\""
        case .array(let a): return "[" + a.map { of($0) }.joined(separator: ",") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { "\($0):" + of(o[$0]) }.joined(separator: ",") + "}"
        }
    }
}
