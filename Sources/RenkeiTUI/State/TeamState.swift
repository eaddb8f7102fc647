import RenkeiCore

/// The workbench's view of a shared workspace (issue 12): the sync state the header shows and
/// whether a sync started here is still running. Nil status: not known yet (the header then
/// shows nothing — and a workspace without git says 「未共有」 once the runtime has looked).
public struct TeamState: Equatable, Sendable {
    public var status: SyncStatus?
    public var syncing = false
    public init(status: SyncStatus? = nil, syncing: Bool = false) { self.status = status; self.syncing = syncing }

    /// Whether the case changed by others since this person last opened it.
    public func isUnseen(_ id: String) -> Bool { status?.unseen.contains(id) ?? false }
}
