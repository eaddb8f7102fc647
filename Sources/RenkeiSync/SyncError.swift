import RenkeiCore

/// Why a sync (or clone, init, the merge driver) stopped. Each has one line in both languages
/// (`SyncMessage`) and an exit code from the contract: 4 where someone else's change blocks.
public enum SyncError: Error, Equatable {
    case gitMissing
    case notARepository(path: String)
    case noRemote
    case unreachable(remote: String, detail: String)
    case authFailed(remote: String)
    case unrelatedHistory(remote: String)
    case newerSchema(file: String, version: Int)
    case pushKeptFailing(tries: Int)
    case git(command: String, message: String)
    case targetNotEmpty(path: String)
    case busy

    public var message: SyncMessage {
        switch self {
        case .gitMissing: return .gitMissing
        case .notARepository(let p): return .notARepository(path: p)
        case .noRemote: return .noRemote
        case .unreachable(let r, let d): return .unreachable(remote: r, detail: d)
        case .authFailed(let r): return .authFailed(remote: r)
        case .unrelatedHistory(let r): return .unrelatedHistory(remote: r)
        case .newerSchema(let f, let v): return .newerSchema(file: f, version: v)
        case .pushKeptFailing(let n): return .pushKeptFailing(tries: n)
        case .git(let c, let m): return .gitFailed(command: c, detail: m)
        case .targetNotEmpty(let p): return .targetNotEmpty(path: p)
        case .busy: return .syncBusy
        }
    }

    /// 4: someone else's change blocks (a newer file, a push race that never settles, another
    /// sync running); 1 for everything the user fixes in their own setup.
    public var exitCode: Int32 {
        switch self {
        case .newerSchema, .pushKeptFailing, .busy, .unrelatedHistory: return 4
        default: return 1
        }
    }
}
