import Foundation
import RenkeiCore

/// A planned row → the case to save, with exactly one `imported` event ("imported from FILE row
/// N") carrying every field it set, so history shows where the values came from and undo can
/// reverse them like any other command.
public enum ImportApplier {
    public static func apply(_ row: PlannedRow, to existing: Case?, file: String, context ctx: CommandContext) throws -> Case {
        guard let id = row.id, row.action == .create || row.action == .update else {
            throw CommandError.invalid(.importRowEmpty(row: row.row))
        }
        var c = existing ?? newCase(id: id, row: row)
        var changes: [Change] = []
        if existing == nil {
            changes.append(Change(field: "stage", before: .null, after: .string(c.stage.rawValue)))
        }
        let wanted = existing == nil ? Set(row.assignments.map(\.path)) : Set(row.changedFields)
        for a in row.assignments where wanted.contains(a.path) {
            let before = existing == nil && a.path != "stage" ? JSONValue.null : CaseFields.get(c, a.path)
            do { try CaseFields.set(&c, a.path, a.value) } catch let e as FieldError { throw CommandError.field(e) }
            let after = CaseFields.get(c, a.path)
            if a.path == "stage", let i = changes.firstIndex(where: { $0.field == "stage" }) { changes[i].after = after; continue }
            if before != after { changes.append(Change(field: a.path, before: before, after: after)) }
        }
        // One command writes many cases: each case's new ids (event, note) come from the
        // command's random bits mixed with the case id (ids are collision-free since issue 12).
        var commandIds = ctx.idSource()
        var ids = SplitMix64(seed: commandIds.next() ^ SplitMix64.hash(c.id))
        let eventId = EventID.make(at: ctx.now, random: ids.next())
        if let note = row.note, !c.notes.contains(where: { $0.text == note }) {
            let nid = c.newNoteId(random: ids.next())
            let value: JSONValue = .object(["id": .int(nid), "at": .string(ctx.now.text), "author": .string(ctx.actor), "text": .string(note)])
            try CaseFields.set(&c, "note.\(nid)", value)
            changes.append(Change(field: "note.\(nid)", before: .null, after: value))
        }
        if existing == nil && c.municipality.kind == nil { c.municipality.kind = CaseFactory.municipalityKind(c.municipality.name) }
        c.events.append(Event(seq: c.nextEventSeq, at: ctx.now, actor: ctx.actor, kind: .imported, command: ctx.commandId,
                              changes: changes, reason: "imported from \(file) row \(row.row)", id: eventId))
        return c
    }

    static func newCase(id: String, row: PlannedRow) -> Case {
        func text(_ p: String) -> String { row.assignments.first(where: { $0.path == p })?.value.stringValue ?? "" }
        return Case(id: id, title: text("title"), municipality: Municipality(name: text("municipality.name")))
    }
}
