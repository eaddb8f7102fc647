/// Where a shared workspace stands, for the workbench's header (issue 12): whether it is shared
/// at all (sync is opt-in), how many cases wait to be sent and to be brought in (as of the last
/// fetch), when it last synced and whether the last attempt reached the remote, and the cases
/// others changed that this person has not opened since. Read by the runtime (git, local
/// files); a plain value here so the workbench (Core only) can draw it.
public struct SyncStatus: Equatable, Sendable {
    public enum Sharing: Equatable, Sendable {
        /// No git repository: everything works as before; `renkei sync init` shares it.
        case notShared
        /// A repository without a remote: changes are recorded here only.
        case noRemote
        case shared
    }

    /// Why the last sync did not reach the remote (nil: it did, or none was tried).
    public enum Reach: String, Equatable, Sendable, Codable {
        case unreachable, authFailed
    }

    public var sharing: Sharing
    /// Cases changed here and not sent yet (committed or not).
    public var up: Int
    /// Cases others changed that the last fetch saw and this machine has not merged yet.
    public var down: Int
    /// The end of the last sync that reached the remote.
    public var lastSync: Timestamp?
    public var reach: Reach?
    /// Cases changed by others (brought in by a sync) and not opened here since.
    public var unseen: Set<String>
    /// Concurrent edits waiting for review (cases, profiles and partner records).
    public var openEdits: Int

    public init(sharing: Sharing, up: Int = 0, down: Int = 0, lastSync: Timestamp? = nil, reach: Reach? = nil, unseen: Set<String> = [],
                openEdits: Int = 0) {
        self.sharing = sharing; self.up = up; self.down = down; self.lastSync = lastSync; self.reach = reach; self.unseen = unseen
        self.openEdits = openEdits
    }

    public static let notShared = SyncStatus(sharing: .notShared)
}

/// What one sync from the workbench did: its one result line, the notices (files set aside,
/// cases brought back), or the failure's one line, and the status afterwards.
public struct SyncOutcome: Equatable, Sendable {
    public var line: SyncMessage?
    public var notices: [SyncMessage]
    public var failure: SyncMessage?
    /// Case files that changed here because of others (the list reloads when any did).
    public var incoming: Int
    public var status: SyncStatus?

    public init(line: SyncMessage?, notices: [SyncMessage] = [], failure: SyncMessage? = nil, incoming: Int = 0, status: SyncStatus?) {
        self.line = line; self.notices = notices; self.failure = failure; self.incoming = incoming; self.status = status
    }
}

/// One open concurrent edit and the case it belongs to, as `renkei conflicts` and the
/// workbench's review list show it (numbered in a stable order: case id, then record).
public struct ConcurrentEditRow: Equatable, Sendable {
    /// The case's id; for a record, its file (`municipalities/112151.json`, `partners/x.json`).
    public var caseId: String
    /// The case's title; for a record, its name.
    public var caseTitle: String
    public var edit: ConcurrentEdit
    /// Set for a municipality profile's or partner record's edit: the file, relative to the
    /// workspace (reviewed through the store's record review, not a case command).
    public var record: String?
    public init(caseId: String, caseTitle: String, edit: ConcurrentEdit, record: String? = nil) {
        self.caseId = caseId; self.caseTitle = caseTitle; self.edit = edit; self.record = record
    }
    /// The field path the values belong to (for names and value labels).
    public var path: String { edit.field ?? edit.unit }
}
