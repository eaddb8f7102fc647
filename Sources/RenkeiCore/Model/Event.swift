/// One entry of a case's append-only event log. Every user command produces one event carrying
/// the field-level changes it made (before/after as JSON), so history, undo and redo all read
/// from the same record.
public struct Event: Codable, Equatable, Sendable {
    public var seq: Int
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
                reason: String? = nil, target: String? = nil) {
        self.seq = seq; self.at = at; self.actor = actor; self.kind = kind; self.command = command
        self.changes = changes; self.reason = reason; self.target = target
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

}
