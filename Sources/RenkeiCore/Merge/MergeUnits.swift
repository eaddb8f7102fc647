/// Names of merge units and how they relate to the field paths events record
/// (`CaseFields`): `note.12` in an event is the unit `notes[12]`, `partnerList` is `partners`.
enum MergeUnits {
    static func unit(ofField f: String) -> String {
        if f.hasPrefix("note.") { return "notes[" + f.dropFirst(5) + "]" }
        if f.hasPrefix("snooze.") { return "snoozes[" + f.dropFirst(7) + "]" }
        if f.hasPrefix("reference.") { return "budget.reference." + f.dropFirst(10) }
        if f.hasPrefix("concurrentEdit.") { return "concurrentEdits[" + f.dropFirst(15) + "]" }
        switch f {
        case "budget.totalYen", "budgetItemList": return "budget.items"
        case "fundingList": return "budget.funding"
        case "partnerList", "partners": return "partners"
        case "kpiList": return "kpis"
        case "contactList": return "contacts"
        case "stageReason": return "stage"
        default: return f
        }
    }

    /// The field a person sets to change `unit` (what `renkei conflicts --take-other` sets);
    /// nil when no command sets it.
    static func field(ofUnit u: String) -> String? {
        func inside(_ prefix: String) -> String? {
            guard u.hasPrefix(prefix + "["), u.hasSuffix("]") else { return nil }
            return String(u.dropFirst(prefix.count + 1).dropLast())
        }
        if let n = inside("notes"), !n.contains("[") { return "note." + n }
        if let s = inside("snoozes"), !s.contains("[") { return "snooze." + s }
        if u.hasPrefix("partners[") { return "partnerList" }
        if u.hasPrefix("kpis[") { return "kpiList" }
        if u.hasPrefix("contacts[") { return "contactList" }
        if u.hasPrefix("budget.reference.") { return "reference." + u.dropFirst(17) }
        if u.hasPrefix("checklist.") { return u }
        if u == "budget.items" { return "budget.totalYen" }
        if u == "budget.funding" { return "fundingList" }
        if u == "stage" { return "stage" }
        return CaseFields.spec(u) != nil ? u : nil
    }

    /// One unit contains the other (or they are the same).
    static func related(_ a: String, _ b: String) -> Bool {
        a == b || contains(a, b) || contains(b, a)
    }
    private static func contains(_ outer: String, _ inner: String) -> Bool {
        inner.count > outer.count && inner.hasPrefix(outer)
            && (inner.dropFirst(outer.count).first == "." || inner.dropFirst(outer.count).first == "[")
    }
}
