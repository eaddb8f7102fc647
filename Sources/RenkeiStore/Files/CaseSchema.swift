import RenkeiCore

/// The shape of a case file as this renkei knows it, used to find the keys it does *not* know
/// (so they can be carried through a save) without re-encoding the whole case.
indirect enum KeySchema: Sendable {
    /// A value whose inner structure is free-form (strings, numbers, before/after values).
    case leaf
    /// An object with these known keys.
    case object([String: KeySchema])
    /// An object whose keys are data (checklist item ids, reference ids), values of one shape.
    case map(KeySchema)
    /// An array whose elements have one shape.
    case array(KeySchema)

    static func keys(_ names: [String], _ nested: [String: KeySchema] = [:]) -> KeySchema {
        var d: [String: KeySchema] = [:]
        for n in names { d[n] = .leaf }
        for (k, v) in nested { d[k] = v }
        return .object(d)
    }

    static let caseFile: KeySchema = .keys(
        ["schemaVersion", "id", "revision", "title", "department", "domain", "exit", "method", "stage", "stageReason", "tags", "fundingWindows",
         // Written by the merge (issue 12); free-form inside, like a change's before/after.
         "concurrentEdits"],
        [
            "municipality": .keys(["name", "prefecture", "size", "kind", "code"]),
            "contacts": .array(.keys(["name", "organization", "role", "email", "phone"])),
            "partners": .array(.keys(["name", "kind", "role"])),
            "issue": .keys(["why", "how", "what"]),
            "checklist": .map(.keys(["at", "by"])),
            "budget": .keys(["fiscalYear", "expenditureItem", "roughQuoteYen"], [
                "items": .array(.keys(["label", "yen"])),
                "funding": .array(.keys(["name", "kind", "ratePercent", "yen", "windowId"])),
                "reference": .map(.leaf),
            ]),
            "kpis": .array(.keys(["name", "unit", "baseline", "target"], ["actuals": .array(.keys(["date", "value"]))])),
            "notes": .array(.keys(["id", "at", "author", "text"])),
            "nextAction": .keys(["text", "due"]),
            "snoozes": .array(.keys(["item", "until", "reason", "at", "by"])),
            "events": .array(.keys(["seq", "id", "at", "actor", "kind", "command", "reason", "target"], [
                "changes": .array(.keys(["field", "before", "after"])),
            ])),
        ])

    /// Unknown keys of `raw`, as a sparse tree: objects keep only unknown keys (or known keys
    /// with unknown content inside); arrays become objects keyed by element index ("#3").
    func unknown(in raw: JSONValue) -> JSONValue? {
        switch (self, raw) {
        case (.object(let known), .object(let o)):
            var out: [String: JSONValue] = [:]
            for (k, v) in o {
                if let sub = known[k] { if let u = sub.unknown(in: v) { out[k] = u } } else { out[k] = v }
            }
            return out.isEmpty ? nil : .object(out)
        case (.map(let element), .object(let o)):
            var out: [String: JSONValue] = [:]
            for (k, v) in o { if let u = element.unknown(in: v) { out[k] = u } }
            return out.isEmpty ? nil : .object(out)
        case (.array(let element), .array(let a)):
            var out: [String: JSONValue] = [:]
            for (i, v) in a.enumerated() { if let u = element.unknown(in: v) { out["#\(i)"] = u } }
            return out.isEmpty ? nil : .object([JSONValue.arrayMarker: .object(out)])
        default:
            return nil
        }
    }
}
