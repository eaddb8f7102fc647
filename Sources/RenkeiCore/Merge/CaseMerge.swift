import Foundation

public enum MergeSide: String, Sendable, Equatable { case base, ours, theirs }

public enum CaseMergeError: Error, Equatable, Sendable {
    /// A side was written by a newer renkei: merging could drop what it means; nothing is merged.
    case newerSchema(side: MergeSide, version: Int)
    /// A side is not a case object at all (the caller parses files; this is the last guard).
    case notACase(side: MergeSide)
}

public struct CaseMergeResult: Equatable, Sendable {
    /// The merged case file as a tree; the store encodes it canonically.
    public var tree: JSONValue
    /// Disagreements this merge recorded (also inside `tree`'s `concurrentEdits`).
    public var recorded: [ConcurrentEdit]
}

/// The three-way merge of one case (issue 12), pure: base/ours/theirs as JSON trees in, the
/// merged tree out. The event log is the truth: the result holds every event of both sides
/// exactly once; a field changed on one side takes that change; a field changed on both sides
/// takes the later change (time, then actor, then event id) and the other value is recorded as
/// a `ConcurrentEdit`. Lists people add to (ticks, notes, tags, partners, KPIs, snoozes) merge
/// element by element. Keys this renkei does not know merge as plain JSON. The same inputs give
/// the same tree, whichever side is "ours".
public enum CaseMerge {
    public static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue, catalog: Catalog? = nil) throws -> CaseMergeResult {
        try merge(base: base, ours: ours, theirs: theirs, loadCatalog: { catalog })
    }

    /// The same, asking for the guide's gates only when a side advanced a stage (the merge
    /// driver then decodes the catalog for a few merges, not for every case file git hands it).
    public static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue, loadCatalog: () -> Catalog?) throws -> CaseMergeResult {
        for (side, tree) in [(MergeSide.base, base), (.ours, ours), (.theirs, theirs)] {
            guard let tree else { continue }
            guard tree.objectValue != nil else { throw CaseMergeError.notACase(side: side) }
            if let v = tree.objectValue?["schemaVersion"]?.intValue, v > Case.schemaVersion {
                throw CaseMergeError.newerSchema(side: side, version: v)
            }
        }
        if ours == theirs { return CaseMergeResult(tree: ours, recorded: []) }

        let b = base.map(prepare), o = prepare(ours), t = prepare(theirs)
        let sides = Sides(base: base, ours: ours, theirs: theirs)
        var tree = TreeMerge { unit, ov, tv in sides.oursWins(unit, ov, tv) }
        var merged = tree.merge(MergeRule.caseFile, "", base: b, ours: o, theirs: t)?.objectValue ?? [:]

        var recorded: [ConcurrentEdit] = []
        for d in tree.disagreements where !d.unit.hasPrefix("concurrentEdits") {
            recorded.append(sides.record(unit: d.unit, ours: d.ours, theirs: d.theirs, oursWon: d.oursWon, cause: .bothChanged))
        }
        let advanced = (sides.newOurs + sides.newTheirs).contains { $0.kind == EventKind.advanced.rawValue }
        if advanced, let catalog = loadCatalog() { recorded += GateKeeping.keep(&merged, sides: sides, catalog: catalog) }
        if !recorded.isEmpty {
            var list = merged["concurrentEdits"]?.arrayValue ?? []
            let known = Set(list.compactMap { $0.objectValue?["id"]?.stringValue })
            for r in recorded where !known.contains(r.id) { list.append(r.json) }
            merged["concurrentEdits"] = .array(list)
        }

        // Revision: an unchanged side keeps its own; a new combination is newer than both, so a
        // writer holding either side's revision is told the case changed under it.
        let ro = ours.objectValue?["revision"]?.intValue ?? 0, rt = theirs.objectValue?["revision"]?.intValue ?? 0
        let result = JSONValue.object(merged)
        let sameAsOurs = result == o, sameAsTheirs = result == t
        merged["revision"] = .int(sameAsOurs && sameAsTheirs ? max(ro, rt) : sameAsOurs ? ro : sameAsTheirs ? rt : max(ro, rt) + 1)
        merged["schemaVersion"] = .int(Case.schemaVersion)
        return CaseMergeResult(tree: finish(merged), recorded: recorded)
    }

    /// Joins stage and stageReason into one unit (a stage and why it was entered come from
    /// one move) and sets aside the counters the merge computes itself.
    static func prepare(_ tree: JSONValue) -> JSONValue {
        var o = tree.objectValue ?? [:]
        var stage: [String: JSONValue] = [:]
        if let s = o.removeValue(forKey: "stage") { stage["stage"] = s }
        if let r = o.removeValue(forKey: "stageReason") { stage["stageReason"] = r }
        if !stage.isEmpty { o["stage"] = .object(stage) }
        o["revision"] = nil
        o["schemaVersion"] = nil
        return .object(o)
    }

    static func finish(_ merged: [String: JSONValue]) -> JSONValue {
        var o = merged
        if let stage = o["stage"]?.objectValue {
            o["stage"] = stage["stage"]
            o["stageReason"] = stage["stageReason"]
        }
        return .object(o)
    }
}

/// What each side did since the base, for deciding and recording disagreements.
struct Sides {
    let base: JSONValue?
    let ours: JSONValue
    let theirs: JSONValue
    /// Events each side has that the other's history did not have at the base.
    let newOurs: [EventStamp]
    let newTheirs: [EventStamp]

    init(base: JSONValue?, ours: JSONValue, theirs: JSONValue) {
        self.base = base; self.ours = ours; self.theirs = theirs
        let o = EventLog.stamps(ours), t = EventLog.stamps(theirs)
        let known = Set(base.map { EventLog.stamps($0).map(\.id) } ?? [])
        if base != nil {
            newOurs = o.filter { !known.contains($0.id) }
            newTheirs = t.filter { !known.contains($0.id) }
        } else {
            let oi = Set(o.map(\.id)), ti = Set(t.map(\.id))
            newOurs = o.filter { !ti.contains($0.id) }
            newTheirs = t.filter { !oi.contains($0.id) }
        }
    }

    /// The latest change of `unit` on one side; a side that changed it without an event (by
    /// hand) is represented by its latest event of any kind.
    func latest(_ events: [EventStamp], touching unit: String) -> EventStamp? {
        let touching = events.filter { $0.touches(unit) }
        return (touching.isEmpty ? events : touching).max { EventStamp.laterWins($1, $0) }
    }

    func oursWins(_ unit: String, _ o: JSONValue?, _ t: JSONValue?) -> Bool {
        switch (latest(newOurs, touching: unit), latest(newTheirs, touching: unit)) {
        case let (a?, b?): return EventStamp.laterWins(a, b)
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return CanonicalText.of(o) > CanonicalText.of(t)
        }
    }

    func record(unit: String, ours o: JSONValue?, theirs t: JSONValue?, oursWon: Bool, cause: ConcurrentEdit.Cause) -> ConcurrentEdit {
        let lo = latest(newOurs, touching: unit), lt = latest(newTheirs, touching: unit)
        func side(_ e: EventStamp?) -> ConcurrentEdit.Side { ConcurrentEdit.Side(by: e?.actor, at: e?.at, event: e?.id) }
        // The id names the disagreement, not the side it was seen from: the same two changes
        // merged on any machine, in either direction, give the same record.
        let pair = [CanonicalText.of(o) + "@" + (lo?.id ?? ""), CanonicalText.of(t) + "@" + (lt?.id ?? "")].sorted()
        let id = "ce-" + IdentifierAlphabet.base32(SplitMix64.hash(unit + "|" + pair.joined(separator: "|")), width: 13)
        return ConcurrentEdit(id: id, unit: unit, field: MergeUnits.field(ofUnit: unit),
                              kept: (oursWon ? o : t) ?? .null, other: (oursWon ? t : o) ?? .null,
                              keptSide: side(oursWon ? lo : lt), otherSide: side(oursWon ? lt : lo), cause: cause)
    }
}

extension ConcurrentEdit {
    /// The stored form, as the case file's encoder would write it.
    var json: JSONValue {
        CaseTree.concurrentEdit(self) ?? (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(self))) ?? .null
    }
}
