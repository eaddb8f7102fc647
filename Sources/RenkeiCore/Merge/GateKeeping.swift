import Foundation

/// A merged case must not stand at a stage its gates forbid: when one side advanced through a
/// gate (without an override) while the other side emptied something that gate needs (unticked
/// an item, cleared a required field), the advancing side's value is kept and the emptying is
/// recorded as a concurrent edit to review.
enum GateKeeping {
    static func keep(_ merged: inout [String: JSONValue], sides: Sides, catalog: Catalog) -> [ConcurrentEdit] {
        var out: [ConcurrentEdit] = []
        for (advancer, events, otherTree, otherEvents, oursAdvanced) in [
            (sides.ours, sides.newOurs, sides.theirs, sides.newTheirs, true),
            (sides.theirs, sides.newTheirs, sides.ours, sides.newOurs, false),
        ] {
            // Only the side whose stage the merged case took.
            guard let stage = CaseMerge.finish(merged).objectValue?["stage"], stage == advancer.objectValue?["stage"] else { continue }
            for e in events where e.kind == EventKind.advanced.rawValue {
                guard let from = e.json.objectValue?["changes"]?.arrayValue?
                    .first(where: { $0.objectValue?["field"]?.stringValue == "stage" })?.objectValue?["before"]?.stringValue,
                      let fromStage = Stage(rawValue: from),
                      var probe = decode(CaseMerge.finish(merged)) else { continue }
                probe.stage = fromStage
                for problem in Gate.check(probe, catalog: catalog) {
                    let unit: String
                    switch problem.kind {
                    case .item(let item): unit = "checklist." + item.id
                    case .field(let f): unit = MergeUnits.unit(ofField: f)
                    }
                    let path = TreePath(unit)
                    guard let wanted = path.get(advancer), !wanted.isNull, path.get(.object(merged)) != wanted else { continue }
                    let lost = path.get(otherTree)
                    path.set(&merged, wanted)
                    let other = sides.latest(otherEvents, touching: unit)
                    let record = sides.record(unit: unit, ours: oursAdvanced ? wanted : lost, theirs: oursAdvanced ? lost : wanted,
                                              oursWon: oursAdvanced, cause: .gateKept)
                    var r = record
                    r.keptSide = ConcurrentEdit.Side(by: e.actor, at: e.at, event: e.id)
                    r.otherSide = ConcurrentEdit.Side(by: other?.actor, at: other?.at, event: other?.id)
                    out.append(r)
                }
            }
        }
        return out
    }

    /// The merged tree as a case (it has no schemaVersion yet: the merge sets that last).
    static func decode(_ tree: JSONValue) -> Case? {
        var o = tree.objectValue ?? [:]
        o["schemaVersion"] = .int(Case.schemaVersion)
        guard let data = try? JSONEncoder().encode(JSONValue.object(o)) else { return nil }
        return try? JSONDecoder().decode(Case.self, from: data)
    }
}

/// A dotted path into a case tree (`issue.why`, `checklist.<item id>`, `budget.items`).
/// Checklist item ids are data and taken whole, dots and all.
struct TreePath {
    let keys: [String]
    init(_ unit: String) {
        if unit.hasPrefix("checklist.") { keys = ["checklist", String(unit.dropFirst(10))] }
        else { keys = unit.split(separator: ".").map(String.init) }
    }
    func get(_ tree: JSONValue) -> JSONValue? {
        var v: JSONValue? = tree
        for k in keys { v = v?.objectValue?[k] }
        return v
    }
    func set(_ root: inout [String: JSONValue], _ value: JSONValue) {
        func put(_ o: [String: JSONValue], _ rest: ArraySlice<String>) -> [String: JSONValue] {
            var o = o
            guard let k = rest.first else { return o }
            if rest.count == 1 { o[k] = value } else { o[k] = .object(put(o[k]?.objectValue ?? [:], rest.dropFirst())) }
            return o
        }
        root = put(root, keys[...])
    }
}
