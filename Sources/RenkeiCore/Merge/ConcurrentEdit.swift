/// Two people changed the same field of a case on different machines before either saw the
/// other's change. The merge keeps one value (deterministically) and records the other here,
/// in the case file itself, so that every replica lists the same edits for review
/// (`renkei conflicts`) and either person can take the other value with one command.
public struct ConcurrentEdit: Codable, Equatable, Sendable {
    /// Stable across replicas: derived from the field and the two competing changes, so merging
    /// the same two sides again (on any machine) yields the same record, not a second one.
    public var id: String
    /// Where the two sides disagreed, as a merge unit (e.g. `title`, `checklist.ps-1`,
    /// `partners[㈱髙橋]`, `stage`).
    public var unit: String
    /// The field path `CaseFields` understands (what taking the other value sets); nil when the
    /// unit has no command that sets it (e.g. funding lines edited by hand).
    public var field: String?
    /// The value the merged case holds (of `field` when there is one, else of `unit`).
    public var kept: JSONValue
    /// The value that lost.
    public var other: JSONValue
    public var keptSide: Side
    public var otherSide: Side
    /// Why the record exists: two edits of one field, or a change undone to keep a gate valid.
    public var cause: Cause
    /// Set when someone has reviewed it (kept the winner or took the other value).
    public var resolution: Resolution?

    public struct Side: Codable, Equatable, Sendable {
        public var by: String?
        public var at: Timestamp?
        public var event: String?
        public init(by: String?, at: Timestamp?, event: String?) { self.by = by; self.at = at; self.event = event }
    }

    public enum Cause: String, Codable, Sendable, CaseIterable {
        /// Both sides changed the field; the later change was kept.
        case bothChanged = "both-changed"
        /// One side advanced through a gate while the other emptied what the gate needs; the
        /// gate's requirement was kept so the merged stage stays valid.
        case gateKept = "gate-kept"
    }

    public struct Resolution: Codable, Equatable, Sendable {
        public var choice: Choice
        public var by: String
        public var at: Timestamp
        public init(choice: Choice, by: String, at: Timestamp) { self.choice = choice; self.by = by; self.at = at }
    }

    public enum Choice: String, Codable, Sendable, CaseIterable { case kept, other }

    public init(id: String, unit: String, field: String?, kept: JSONValue, other: JSONValue,
                keptSide: Side, otherSide: Side, cause: Cause, resolution: Resolution? = nil) {
        self.id = id; self.unit = unit; self.field = field; self.kept = kept; self.other = other
        self.keptSide = keptSide; self.otherSide = otherSide; self.cause = cause; self.resolution = resolution
    }

    public var isOpen: Bool { resolution == nil }
}
