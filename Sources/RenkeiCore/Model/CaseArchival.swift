/// Whether a case is archived (issue 14): a finished (連携実現) or set-aside case taken out of
/// the daily views — list, overdue review, deadline feeds, the funnel's open figures — and kept
/// for reports and 横展開.
///
/// Like a gate override, it is a fact of the event log and nothing else: no key of the case
/// file holds it. The latest event (in the log's merge order, `Event.mergeOrder`) whose changes
/// include `archived` decides — an `archived`/`unarchived` event, or the undo/redo of one. So
/// the team-workspace merge, which keeps every event of both sides in one order, decides it the
/// same on every machine, and an edit made elsewhere meanwhile is simply kept beside it.
public struct Archival: Equatable, Sendable {
    public var at: Timestamp
    public var by: String
    /// The note given when archiving (`renkei archive --note`), if any.
    public var note: String?
}

extension Case {
    /// The change field that archiving and un-archiving record (`before`/`after` are booleans).
    public static let archivedField = "archived"

    /// When and by whom the case was archived; nil when it is not archived.
    public var archival: Archival? {
        var latest: Event?
        for e in events where e.changes.contains(where: { $0.field == Case.archivedField }) {
            if let l = latest, !Event.mergeOrder(l, e) { continue }
            latest = e
        }
        guard let e = latest, e.changes.last(where: { $0.field == Case.archivedField })?.after == .bool(true) else { return nil }
        // A redo replays the archiving: its note is the one the original command gave.
        let note = e.kind == .redo ? events.last(where: { $0.command == e.target && $0.kind == .archived })?.reason : e.reason
        return Archival(at: e.at, by: e.actor, note: note)
    }

    public var isArchived: Bool { archival != nil }
}
