import Foundation
import RenkeiCore
#if canImport(Glibc)
import Glibc
#endif

/// Every failure the store can report, phrased for the person at the keyboard: which file,
/// which case or field, what happened, what to do.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case io(path: String, op: String, code: Int32)
    case notRegular(path: String, what: String)
    case tooLarge(path: String, size: Int, limit: Int)
    /// A save refused before writing: the case would no longer be readable.
    case caseTooLarge(path: String, id: String, size: Int, limit: Int)
    case damaged(path: String, reason: String)
    case caseNotFound(String)
    case duplicateId(String, [String])
    case invalidId(String)
    case newerSchema(path: String, version: Int)
    case conflict(String)
    case locked(String)
    case workspace(String)

    public var description: String {
        switch self {
        case .io(let path, let op, let code):
            let reason = String(cString: strerror(code))
            var hint = ""
            switch code {
            case ENOSPC, EDQUOT: hint = " — the disk is full; nothing was changed on disk: free space and try again"
            case EACCES, EPERM: hint = " — check the permissions of the workspace"
            case EROFS: hint = " — the file system is read-only"
            case ENOENT: hint = " — it does not exist (was the workspace moved or deleted?)"
            case EISDIR: hint = " — a directory is in the way"
            default: break
            }
            return "\(path): \(op) failed: \(reason)\(hint)"
        case .notRegular(let path, let what): return "\(path): \(what); renkei only reads regular files inside the workspace"
        case .tooLarge(let path, let size, let limit):
            return "\(path): \(size) bytes is larger than the \(Self.bytes(limit)) limit for this kind of file; it was not read"
        case .caseTooLarge(let path, let id, let size, let limit):
            return "\(path): this change would make case '\(id)' \(size) bytes, over the \(Self.bytes(limit)) renkei can read back; nothing was saved — keep long texts (minutes, transcripts) in a file outside renkei and note where they are"
        case .damaged(let path, let reason): return "\(path): \(reason)"
        case .caseNotFound(let id): return "no case '\(id)' in this workspace; 'renkei list' shows the ids"
        case .duplicateId(let id, let files): return "case id '\(id)' appears in several files: \(files.joined(separator: ", ")); rename one id"
        case .invalidId(let id): return "invalid case id '\(id)': use letters, digits and '-' only"
        case .newerSchema(let path, let v):
            return "\(path): schemaVersion \(v) is newer than this renkei understands (\(Case.schemaVersion)); it is read-only here — upgrade renkei to edit it"
        case .conflict(let m): return m
        case .locked(let m): return m
        case .workspace(let m): return m
        }
    }

    /// "16 MiB", "64 KiB", "512 bytes".
    static func bytes(_ n: Int) -> String {
        n >= 1_048_576 && n % 1_048_576 == 0 ? "\(n / 1_048_576) MiB" : n >= 1024 && n % 1024 == 0 ? "\(n / 1024) KiB" : "\(n) bytes"
    }
}
