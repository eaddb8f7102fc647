/// One entry of a case's append-only event log. Every user command produces one event carrying
/// the field-level changes it made (before/after as JSON), so history, undo and redo all read
/// from the same record.
public struct Event: Codable, Equatable, Sendable {
    /// Lamport clock within the case: one more than the highest seq the writer had seen. Two
    /// machines may give the same seq to different events; `id` tells them apart and
    /// `(seq, at, actor, id)` orders a merged log the same way everywhere.
    public var seq: Int
    /// Unique across machines (`EventID`); files from before ids get `s<seq>` when read.
    public var id: String
    public var at: Timestamp
    public var actor: String
    public var kind: EventKind
    /// Groups the events of one user command (undo/redo work on commands).
    public var command: String
    public var changes: [Change]
    /// Reason for a move back, an end state, a gate override or a snooze.
    public var reason: String?
    /// For undo/redo events: the command they reverse or replay.
    public var target: String?

    public init(seq: Int, at: Timestamp, actor: String, kind: EventKind, command: String, changes: [Change],
                reason: String? = nil, target: String? = nil, id: String? = nil) {
        self.seq = seq; self.id = id ?? EventID.legacy(seq: seq); self.at = at; self.actor = actor; self.kind = kind
        self.command = command; self.changes = changes; self.reason = reason; self.target = target
    }

    enum CodingKeys: String, CodingKey { case seq, id, at, actor, kind, command, changes, reason, target }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? EventID.legacy(seq: seq)
        at = try c.decode(Timestamp.self, forKey: .at)
        actor = try c.decode(String.self, forKey: .actor)
        kind = try c.decode(EventKind.self, forKey: .kind)
        command = try c.decode(String.self, forKey: .command)
        changes = try c.decode([Change].self, forKey: .changes)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        target = try c.decodeIfPresent(String.self, forKey: .target)
    }

    /// The order of a merged log: Lamport clock, then wall time, then actor, then id — the same
    /// on every machine, and causal (an event always sorts after every event its writer had).
    public static func mergeOrder(_ a: Event, _ b: Event) -> Bool {
        if a.seq != b.seq { return a.seq < b.seq }
        if a.at.epochSeconds != b.at.epochSeconds { return a.at.epochSeconds < b.at.epochSeconds }
        if a.actor != b.actor { return a.actor < b.actor }
        return a.id < b.id
    }
}

public struct Change: Codable, Equatable, Sendable {
    /// A field path understood by `CaseFields` (e.g. "title", "stage", "checklist.ps-check-1", "note.3").
    public var field: String
    public var before: JSONValue
    public var after: JSONValue
    public init(field: String, before: JSONValue, after: JSONValue) { self.field = field; self.before = before; self.after = after }
}

public enum EventKind: String, Codable, Sendable, CaseIterable {
    case created
    case advanced           // forward one stage (gate passed)
    case gateOverridden = "gate-overridden"  // forward with unmet items, reason logged
    case movedBack = "moved-back"
    case ended              // to realized/dropped/paused
    case reopened           // from an end state back into the pipeline
    case ticked, unticked
    case fieldSet = "field-set"
    case noteAdded = "note-added"
    case snoozed
    case undo, redo
    case imported
    /// Trashed on one machine, edited on another: the merge brings the case back (issue 12).
    case restored
    /// Set aside out of the daily views / brought back (issue 14). A fact of the log, not a
    /// stored field: `Case.archival` reads the latest event that changed `archived`.
    case archived, unarchived
}
