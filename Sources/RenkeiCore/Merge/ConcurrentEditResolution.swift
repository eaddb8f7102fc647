/// Reviewing a concurrent edit (`renkei conflicts --keep N | --take-other N`): an ordinary
/// command, one event, undoable. Keeping only marks the record reviewed; taking the other value
/// also sets the field to it — with the case as it is now, so later edits of other parts of a
/// list (another partner, another KPI) are not undone.
public enum ConcurrentEditResolution {
    public static func assignments(_ id: String, takeOther: Bool, in c: Case, actor: String, now: Timestamp) throws -> [FieldAssignment] {
        guard let edit = c.concurrentEdits?.first(where: { $0.id == id }) else {
            throw CommandError.invalid(.noConcurrentEdit(file: c.id, id: id))
        }
        var out: [FieldAssignment] = []
        if takeOther {
            out = try otherValue(edit, in: c)
        }
        let resolution: JSONValue = .object(["choice": .string((takeOther ? ConcurrentEdit.Choice.other : .kept).rawValue),
                                             "by": .string(actor), "at": .string(now.text)])
        out.append(FieldAssignment("concurrentEdit." + id, resolution))
        return out
    }

    static func otherValue(_ edit: ConcurrentEdit, in c: Case) throws -> [FieldAssignment] {
        guard let field = edit.field else {
            throw CommandError.invalid(.noCommandSets(caseId: c.id, unit: edit.unit))
        }
        if edit.unit == "stage" {
            let o = edit.other.objectValue ?? [:]
            return [FieldAssignment("stage", o["stage"] ?? .null), FieldAssignment("stageReason", o["stageReason"] ?? .null)]
        }
        if let open = edit.unit.firstIndex(of: "["), ["partnerList", "kpiList", "contactList"].contains(field) {
            // One element of a list: replace (or remove, or put back) just that element.
            let name = String(edit.unit[edit.unit.index(after: open)...].dropLast())
            var list = CaseFields.get(c, field).arrayValue ?? []
            let at = list.firstIndex { $0.objectValue?["name"]?.stringValue == name }
            if let at { list.remove(at: at) }
            if !edit.other.isNull { list.insert(edit.other, at: at ?? list.count) }
            return [FieldAssignment(field, .array(list))]
        }
        if edit.unit == "budget.items" {
            let items = edit.other.arrayValue ?? []
            guard items.count <= 1 else {
                throw CommandError.invalid(.severalBudgetLines(caseId: c.id))
            }
            return [FieldAssignment(field, items.first?.objectValue?["yen"] ?? .null)]
        }
        return [FieldAssignment(field, edit.other)]
    }
}
