import Foundation
import RenkeiCore
#if canImport(Glibc)
import Glibc
#endif

/// Every failure the store can report, phrased for the person at the keyboard: which file,
/// which case or field, what happened, what to do.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
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
    /// The directory given as the workspace is not one (worded in Core's `StatusMessage`).
    case notAWorkspace(path: String, problem: WorkspaceProblem)

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
            case EMFILE, ENFILE: hint = " — too many open files: raise the limit (ulimit -n 1024) and try again"
            case EIO: hint = " — the disk reported an error: check it (dmesg, the cable, the network share) and try again"
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
        case .notAWorkspace(let path, let problem): return StatusMessage.notAWorkspace(path: path, problem: problem).text(.en)
        }
    }

    /// Errors of the machine, not of the file: a file that cannot be opened or read because the
    /// process ran out of descriptors or memory, or the disk failed, says nothing about its
    /// content. Such a failure aborts the command with this error; it is never a "damaged
    /// case" verdict, never remembered in the index (its stat would not change, so the verdict
    /// would stick), never a reason to quarantine (issue 18, finding 9: `ulimit -n 8` listed
    /// ~1,400 good cases as damaged). Permission denied (EACCES/EPERM) is not among them: it is
    /// a property of that one file — a colleague's private file in a shared workspace is listed
    /// with its reason while the rest works — and a chmod changes its ctime, so the index
    /// re-reads it.
    public static func isEnvironmental(_ code: Int32) -> Bool {
        code == EMFILE || code == ENFILE || code == ENOMEM || code == ENOBUFS || code == EIO
    }

    /// The environmental failure behind this error, if it is one (see `isEnvironmental`).
    public var environmental: (op: String, code: Int32)? {
        if case .io(_, let op, let code) = self, Self.isEnvironmental(code) { return (op, code) }
        return nil
    }

    /// "16 MiB", "64 KiB", "512 bytes".
    static func bytes(_ n: Int) -> String {
        n >= 1_048_576 && n % 1_048_576 == 0 ? "\(n / 1_048_576) MiB" : n >= 1024 && n % 1024 == 0 ? "\(n / 1024) KiB" : "\(n) bytes"
    }
}
