import Foundation
import RenkeiCore
#if canImport(Glibc)
import Glibc
#endif

/// Every failure the store can report: typed values whose words live in Core's label table
/// (`StoreMessage`, `DamageReason`, `FileProblem`) — which file, which case or field, what
/// happened, what to do — rendered in the reader's language with `text(lang)` where they are
/// shown (the CLI's error line, the workbench's toast). `description` is the English one.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    case io(path: String, op: String, code: Int32)
    case notRegular(path: String, what: FileKind)
    case tooLarge(path: String, size: Int, limit: Int)
    /// A save refused before writing: the case would no longer be readable.
    case caseTooLarge(path: String, id: String, size: Int, limit: Int)
    case damaged(path: String, reason: DamageReason)
    case caseNotFound(String)
    case duplicateId(String, [String])
    case invalidId(String)
    case newerSchema(path: String, version: Int)
    case conflict(StoreMessage)
    case locked(StoreMessage)
    case workspace(StoreMessage)
    /// The directory given as the workspace is not one (worded in Core's `StatusMessage`).
    case notAWorkspace(path: String, problem: WorkspaceProblem)

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        message.map { $0.text(lang) } ?? {
            if case .notAWorkspace(let path, let problem) = self { return StatusMessage.notAWorkspace(path: path, problem: problem).text(lang) }
            return ""
        }()
    }

    /// (`WordedError`: `ErrorText.line(error, lang)` renders it.)
    /// The label table's message for this error (nil only for `notAWorkspace`, a status line).
    public var message: StoreMessage? {
        switch self {
        case .io(let path, let op, let code): return .io(path: path, Self.problem(op: op, code: code))
        case .notRegular(let path, let what): return .io(path: path, .notRegular(what))
        case .tooLarge(let path, let size, let limit): return .io(path: path, .tooLarge(size: size, limit: limit))
        case .caseTooLarge(let path, let id, let size, let limit): return .caseTooLarge(path: path, caseId: id, size: size, limit: limit)
        case .damaged(let path, let reason): return .damaged(path: path, reason)
        case .caseNotFound(let id): return .caseNotFound(id)
        case .duplicateId(let id, let files): return .duplicateId(id, files: files)
        case .invalidId(let id): return .invalidId(id)
        case .newerSchema(let path, let v): return .newerSchema(path: path, version: v, supported: Case.schemaVersion)
        case .conflict(let m), .locked(let m), .workspace(let m): return m
        case .notAWorkspace: return nil
        }
    }

    /// The file problem an errno stands for, typed so it can be said in Japanese (the C
    /// library's strerror is English); an errno without words of its own keeps strerror's.
    public static func problem(op: String, code: Int32) -> FileProblem {
        let reason: IOReason
        switch code {
        case ENOSPC, EDQUOT: reason = .diskFull
        case EACCES, EPERM: reason = .permission
        case EROFS: reason = .readOnlyFileSystem
        case ENOENT: reason = .missing
        case EISDIR: reason = .isDirectory
        case EMFILE, ENFILE: reason = .tooManyFiles
        case EIO: reason = .diskError
        case ENOMEM: reason = .outOfMemory
        default: reason = .other(String(cString: strerror(code)))
        }
        return .io(op: op, reason: reason)
    }

    /// What a failed read says about the file, for the damaged-file list.
    public var damageReason: DamageReason {
        switch self {
        case .damaged(_, let r): return r
        case .io(_, let op, let code): return .unreadable(Self.problem(op: op, code: code))
        case .notRegular(_, let what): return .unreadable(.notRegular(what))
        case .tooLarge(_, let size, let limit): return .unreadable(.tooLarge(size: size, limit: limit))
        default: return message.map(DamageReason.failure) ?? .text(description)
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
    static func bytes(_ n: Int) -> String { ByteSize.text(n) }
}

extension StoreError: WordedError {}
