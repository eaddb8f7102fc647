import Foundation

/// A user command against one case. `CaseCommands.apply` is pure: it returns the new case with
/// one event appended, or throws. The store wraps it in lock → read → apply → durable write.
public enum Command: Sendable, Equatable {
    case setField(path: String, value: JSONValue)
    /// Several fields as one command (one event, one undo), applied in order.
    case setFields([FieldAssignment])
    case tick(item: String)
    case untick(item: String)
    case addNote(text: String)
    /// Forward one stage. With `override`, unmet gate items are accepted and the reason logged.
    case advance(note: String?, override: String?)
    /// To any stage or end state. Backwards and end states need a reason; so does skipping ahead.
    case move(to: Stage, reason: String)
    case snooze(item: String, until: Day, reason: String)
    case unsnooze(item: String)
    /// Review of a concurrent edit left by a merge: keep the merged value, or take the other.
    case resolveConcurrentEdit(id: String, takeOther: Bool)
    /// Out of the daily views, kept for reports (issue 14); the note is the event's reason.
    case archive(note: String?)
    case unarchive

    /// Short label for history, undo lists and toasts.
    public var label: String {
        switch self {
        case .setField(let p, _): return "set \(p)"
        case .setFields(let a): return "set " + a.map(\.path).joined(separator: ", ")
        case .tick(let i): return "tick \(i)"
        case .untick(let i): return "untick \(i)"
        case .addNote: return "note"
        case .advance: return "advance"
        case .move(let s, _): return "move to \(s.rawValue)"
        case .snooze(let i, _, _): return "snooze \(i)"
        case .unsnooze(let i): return "unsnooze \(i)"
        case .resolveConcurrentEdit(let id, _): return "resolve \(id)"
        case .archive: return "archive"
        case .unarchive: return "unarchive"
        }
    }
}

public struct FieldAssignment: Sendable, Equatable {
    public var path: String
    public var value: JSONValue
    public init(_ path: String, _ value: JSONValue) { self.path = path; self.value = value }
}

/// Who and when, passed in (the core has no clock).
public struct CommandContext: Sendable {
    public var actor: String
    public var now: Timestamp
    public var commandId: String
    public var catalog: Catalog
    /// Random bits from the caller for new ids (event, note); 0 → derived from the command id
    /// and time, which keeps tests and replays deterministic.
    public var random: UInt64
    public init(actor: String, now: Timestamp, commandId: String, catalog: Catalog, random: UInt64 = 0) {
        self.actor = actor; self.now = now; self.commandId = commandId; self.catalog = catalog; self.random = random
    }

    /// The generator for this command's ids.
    public func idSource() -> SplitMix64 {
        SplitMix64(seed: random != 0 ? random : SplitMix64.hash(commandId + "|" + now.text + "|" + actor))
    }
}

public enum CommandError: Error, Equatable, CustomStringConvertible {
    case gateBlocked(caseId: String, stage: Stage, problems: [GateProblem])
    case reasonRequired(CommandMessage)
    /// A refusal worded in the label table (`CommandMessage`), shown in the reader's language.
    case refused(CommandMessage)
    case invalid(CommandMessage)
    case field(FieldError)
    case noChange(CommandMessage)
    /// Undo/redo found the field changed since (someone else edited it).
    case conflict(CommandMessage)
    case readOnly(CommandMessage)

    public var description: String {
        switch self {
        case .gateBlocked(let id, let stage, let problems):
            return "\(id): cannot leave \(stage.rawValue) (\(stage.ja)) — \(problems.count) unmet: "
                + problems.map(\.id).joined(separator: ", ")
                + ". Tick them, or use --force --reason TEXT to override (logged)."
        case .reasonRequired(let m), .refused(let m), .noChange(let m), .invalid(let m), .conflict(let m), .readOnly(let m): return m.text(.en)
        case .field(let e): return e.description
        }
    }
}

public enum CaseCommands {
    public static func apply(_ command: Command, to original: Case, context ctx: CommandContext) throws -> Case {
        var c = original
        var kind = EventKind.fieldSet
        var reason: String?
        var changes: [Change] = []
        var ids = ctx.idSource()
        let eventId = EventID.make(at: ctx.now, random: ids.next())

        func change(_ path: String, to value: JSONValue) throws {
            let before = CaseFields.get(c, path)
            do { try CaseFields.set(&c, path, value) } catch let e as FieldError { throw CommandError.field(e) }
            let after = CaseFields.get(c, path)
            if before != after { changes.append(Change(field: path, before: before, after: after)) }
        }

        func setOne(_ path: String, _ value: JSONValue) throws {
            guard CaseFields.spec(path) != nil else { throw CommandError.field(.unknownField(path)) }
            if path == "title", (value.stringValue ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw CommandError.refused(.titleEmpty(caseId: c.id))
            }
            if path == "method", let m = value.stringValue, ctx.catalog.method(m) == nil {
                throw CommandError.field(.invalid(field: path, value: m, expected: .oneOf(ctx.catalog.methods.map(\.id))))
            }
            if path == "domain", let d = value.stringValue, !ctx.catalog.domains.isEmpty, ctx.catalog.domain(d) == nil {
                throw CommandError.field(.invalid(field: path, value: d, expected: .oneOf(ctx.catalog.domains.map(\.id))))
            }
            try change(path, to: value)
        }

        switch command {
        case .setField(let path, let value):
            try setOne(path, value)
            kind = .fieldSet

        case .setFields(let assignments):
            for a in assignments { try setOne(a.path, a.value) }
            kind = .fieldSet

        case .tick(let item), .untick(let item):
            guard ctx.catalog.item(item) != nil else {
                throw CommandError.refused(.unknownChecklistItem(caseId: c.id, item: item))
            }
            let on: Bool
            if case .tick = command { on = true } else { on = false }
            try change("checklist.\(item)", to: on ? .object(["at": .string(ctx.now.text), "by": .string(ctx.actor)]) : .null)
            kind = on ? .ticked : .unticked

        case .addNote(let text):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CommandError.refused(.noteEmpty(caseId: c.id)) }
            let id = c.newNoteId(random: ids.next())
            try change("note.\(id)", to: .object(["id": .int(id), "at": .string(ctx.now.text), "author": .string(ctx.actor), "text": .string(text)]))
            kind = .noteAdded

        case .advance(let note, let override):
            guard let next = c.stage.next else {
                throw CommandError.refused(.endStateAdvance(caseId: c.id, stage: c.stage))
            }
            let problems = Gate.check(c, catalog: ctx.catalog)
            if !problems.isEmpty {
                guard let why = override?.trimmingCharacters(in: .whitespacesAndNewlines), !why.isEmpty else {
                    throw CommandError.gateBlocked(caseId: c.id, stage: c.stage, problems: problems)
                }
                reason = why
                kind = .gateOverridden
            } else {
                kind = next == .realized ? .ended : .advanced
                reason = override.flatMap { $0.isEmpty ? nil : $0 }
            }
            try change("stage", to: .string(next.rawValue))
            if next == .realized { try change("stageReason", to: .string(reason ?? note ?? "予算化を経て連携実現")) }
            if let note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                let id = c.newNoteId(random: ids.next())
                try change("note.\(id)", to: .object(["id": .int(id), "at": .string(ctx.now.text), "author": .string(ctx.actor), "text": .string(note)]))
            }

        case .move(let target, let why):
            let why = why.trimmingCharacters(in: .whitespacesAndNewlines)
            guard target != c.stage else { throw CommandError.noChange(.alreadyAt(caseId: c.id, stage: target)) }
            guard !why.isEmpty else { throw CommandError.reasonRequired(.moveNeedsReason(caseId: c.id, stage: target)) }
            reason = why
            if target.isEndState { kind = .ended }
            else if c.stage.isEndState { kind = .reopened }
            else if target < c.stage { kind = .movedBack }
            else {
                // Skipping ahead is an override of every gate in between.
                kind = Gate.check(c, catalog: ctx.catalog).isEmpty && target == c.stage.next ? .advanced : .gateOverridden
            }
            try change("stage", to: .string(target.rawValue))
            try change("stageReason", to: .string(why))

        case .snooze(let item, let until, let why):
            let why = why.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !why.isEmpty else { throw CommandError.reasonRequired(.snoozeNeedsReason(item: item)) }
            guard until > ctx.now.day else { throw CommandError.refused(.snoozeNotAhead(caseId: c.id, until: until)) }
            try change("snooze.\(item)", to: .object(["item": .string(item), "until": .string(until.description), "reason": .string(why),
                                                       "at": .string(ctx.now.text), "by": .string(ctx.actor)]))
            reason = why
            kind = .snoozed

        case .unsnooze(let item):
            try change("snooze.\(item)", to: .null)
            kind = .snoozed

        case .resolveConcurrentEdit(let id, let takeOther):
            for a in try ConcurrentEditResolution.assignments(id, takeOther: takeOther, in: c, actor: ctx.actor, now: ctx.now) {
                try change(a.path, to: a.value)
            }
            kind = .fieldSet

        case .archive(let note):
            // Only the event records it (`Case.archival`): there is no stored field to set.
            guard !c.isArchived else { throw CommandError.noChange(.alreadyArchived(caseId: c.id)) }
            changes.append(Change(field: Case.archivedField, before: .bool(false), after: .bool(true)))
            reason = note.flatMap { n in n.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : n }
            kind = .archived

        case .unarchive:
            guard c.isArchived else { throw CommandError.noChange(.notArchived(caseId: c.id)) }
            changes.append(Change(field: Case.archivedField, before: .bool(true), after: .bool(false)))
            kind = .unarchived
        }

        guard !changes.isEmpty else { throw CommandError.noChange(.nothingChanged(caseId: c.id)) }
        c.events.append(Event(seq: c.nextEventSeq, at: ctx.now, actor: ctx.actor, kind: kind,
                              command: ctx.commandId, changes: changes, reason: reason, id: eventId))
        return c
    }

    /// Reverses the changes of `target` (one user command). Refuses when a field has changed
    /// since, so undo never silently overwrites someone else's edit.
    public static func undo(_ target: String, in original: Case, context ctx: CommandContext) throws -> Case {
        try replay(target, in: original, context: ctx, reverse: true)
    }

    public static func redo(_ target: String, in original: Case, context ctx: CommandContext) throws -> Case {
        try replay(target, in: original, context: ctx, reverse: false)
    }

    private static func replay(_ target: String, in original: Case, context ctx: CommandContext, reverse: Bool) throws -> Case {
        guard let event = original.events.last(where: { $0.command == target && $0.kind != .undo && $0.kind != .redo }) else {
            throw CommandError.invalid(.noCommandInHistory(caseId: original.id, command: target))
        }
        var c = original
        var changes: [Change] = []
        let ordered = reverse ? Array(event.changes.reversed()) : event.changes
        for ch in ordered {
            let expected = reverse ? ch.after : ch.before
            let wanted = reverse ? ch.before : ch.after
            let current = CaseFields.get(c, ch.field)
            guard current == expected else {
                throw CommandError.conflict(.changedSince(caseId: c.id, redo: !reverse, kind: event.kind, field: ch.field))
            }
            do { try CaseFields.set(&c, ch.field, wanted) } catch let e as FieldError { throw CommandError.field(e) }
            changes.append(Change(field: ch.field, before: expected, after: wanted))
        }
        var ids = ctx.idSource()
        c.events.append(Event(seq: c.nextEventSeq, at: ctx.now, actor: ctx.actor, kind: reverse ? .undo : .redo,
                              command: ctx.commandId, changes: changes, reason: nil, target: target,
                              id: EventID.make(at: ctx.now, random: ids.next())))
        return c
    }
}
