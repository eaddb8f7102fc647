import RenkeiCore

/// Why a sync (or clone, init) stopped: its one line in both languages (`SyncMessage`) and an
/// exit code from the contract — 4 where someone else's change blocks.
public struct SyncError: Error, Equatable {
    public let message: SyncMessage
    public init(_ message: SyncMessage) { self.message = message }

    public static let gitMissing = SyncError(.gitMissing)
    public static let noRemote = SyncError(.noRemote)
    public static let busy = SyncError(.syncBusy)
    public static func notARepository(path: String) -> SyncError { SyncError(.notARepository(path: path)) }
    public static func unreachable(remote: String, detail: String) -> SyncError { SyncError(.unreachable(remote: remote, detail: detail)) }
    public static func authFailed(remote: String) -> SyncError { SyncError(.authFailed(remote: remote)) }
    public static func unrelatedHistory(remote: String) -> SyncError { SyncError(.unrelatedHistory(remote: remote)) }
    public static func newerSchema(file: String, version: Int) -> SyncError { SyncError(.newerSchema(file: file, version: version)) }
    public static func pushKeptFailing(tries: Int) -> SyncError { SyncError(.pushKeptFailing(tries: tries)) }
    public static func git(command: String, message: String) -> SyncError { SyncError(.gitFailed(command: command, detail: message)) }
    public static func targetNotEmpty(path: String) -> SyncError { SyncError(.targetNotEmpty(path: path)) }

    /// 4: someone else's change blocks (a newer renkei's file, pushes that never settle, another
    /// sync running, a remote holding another workspace); 1 for what the user fixes in their setup.
    public var exitCode: Int32 {
        switch message {
        case .newerSchema, .pushKeptFailing, .syncBusy, .unrelatedHistory: return 4
        default: return 1
        }
    }
}
