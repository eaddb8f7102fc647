import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// The workspace's undo/redo stacks, persisted in `undo.json` so `renkei undo` works after a
/// restart and across the CLI and the TUI. Entries point at commands in case event logs; the
/// logs themselves hold the before/after values.
///
/// Every entry names the person who acted (and the open workbench it came from, if any):
/// undo and redo only ever take back the acting person's own commands, so a colleague's or a
/// script's acknowledged edit is never removed by someone else's `undo`. The journal is
/// machine-local (git-ignored in a shared workspace): it is a list of pointers, the history
/// itself lives in the case files.
///
/// File format (`version` 2):
///
///     {"version": 2, "undo": [Entry…], "redo": [Entry…]}   oldest first
///
/// Version 1 (no `version` key, entries without `actor`) still opens: such entries belong to
/// whoever the case's event log says made the command (resolved at undo time).
public struct UndoJournal: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var command: String
        public var caseId: String
        public var label: String
        public var at: Timestamp
        /// Creation is undone by moving the file to trash/, not by replaying changes.
        public var creation: Bool
        /// One command over many cases (an import): every case it touched, and which of them it
        /// created. Undo reverses them all or none. Absent for single-case commands.
        public var batch: [String]? = nil
        public var batchCreated: [String]? = nil
        /// A batch journaled before its first case was renamed into place (write-ahead) and not
        /// yet settled: set only when the process died mid-import. Undo then reverses just the
        /// cases whose history holds the command — the rest were never written.
        public var pending: Bool? = nil
        /// A case moved to trash/ (`CaseStore.trash`): undo brings the file back. Absent otherwise.
        public var deletion: Bool? = nil
        /// Who made the command; nil only in version-1 journals.
        public var actor: String?
        /// The open workbench that made it (a random id per workbench run); nil for the CLI.
        public var session: String?
        /// A review of a municipality profile's or partner record's concurrent edit (`caseId`
        /// is then the record's file, e.g. `municipalities/112151.json`). Absent otherwise.
        public var record: RecordReview? = nil
        public init(command: String, caseId: String, label: String, at: Timestamp, creation: Bool = false,
                    actor: String? = nil, session: String? = nil) {
            self.command = command; self.caseId = caseId; self.label = label; self.at = at; self.creation = creation
            self.actor = actor; self.session = session
        }

        /// Whether `actor` (in `session`, when asking from a workbench) may undo this entry.
        /// A workbench only takes back what was done in it; the CLI takes back the person's own
        /// commands from anywhere on this machine.
        func belongs(to actor: String, session: String?) -> Bool {
            guard self.actor == actor else { return false }
            guard let session else { return true }
            return self.session == session
        }
    }

    /// What undoing a record review needs: records have no event log, so the field's value
    /// before and after the review is kept here (one field, never the whole file).
    public struct RecordReview: Codable, Equatable, Sendable {
        public var edit: String
        public var path: String
        public var before: JSONValue?
        public var after: JSONValue?
        public var takeOther: Bool
        public init(edit: String, path: String, before: JSONValue?, after: JSONValue?, takeOther: Bool) {
            self.edit = edit; self.path = path; self.before = before; self.after = after; self.takeOther = takeOther
        }
    }

    public static let currentVersion = 2
    public var version: Int = UndoJournal.currentVersion
    public var undo: [Entry] = []
    public var redo: [Entry] = []
    /// Entries kept per person (older ones fall off), and in total.
    public static let limit = 500
    public static let totalLimit = 5_000

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        undo = try c.decode([Entry].self, forKey: .undo)
        redo = try c.decode([Entry].self, forKey: .redo)
    }

    /// Why `undo.json` could not be used. The file is never silently replaced: a writer moves
    /// it aside (and says so), `undo`/`redo` refuse with the file named.
    public enum Problem: Error, Equatable, CustomStringConvertible, Sendable {
        case unreadable(path: String, reason: DamageReason)
        case newer(path: String, version: Int)

        /// The label table's words (`StoreMessage`).
        public var message: StoreMessage {
            switch self {
            case .unreadable(let path, let reason): return .undoUnreadable(path: path, reason)
            case .newer(let path, let version): return .undoNewer(path: path, version: version, supported: UndoJournal.currentVersion)
            }
        }
        public var description: String { message.text(.en) }
    }

    static let maxFileSize = 8 * 1_048_576

    /// Reads the journal; a missing file is an empty journal. Never blocks on a FIFO (the read
    /// refuses non-regular files before reading).
    static func load(_ url: URL) throws(Problem) -> UndoJournal {
        var st = stat()
        if lstat(url.path, &st) != 0 && errno == ENOENT { return UndoJournal() }
        let data: Data
        do { data = try RegularFile.read(url, limit: maxFileSize) } catch {
            throw .unreadable(path: url.path, reason: (error as? StoreError)?.damageReason ?? .text(ErrorText.line(error)))
        }
        // Look at the version first: a newer format is not "damaged", just not ours.
        if let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let v = obj["version"] as? Int, v > currentVersion {
            throw .newer(path: url.path, version: v)
        }
        do { return try JSONDecoder().decode(UndoJournal.self, from: data) } catch {
            let reason: DamageReason
            if let d = error as? DecodingError, case .dataCorrupted(let ctx) = d, ctx.codingPath.isEmpty {
                reason = CaseCodec.syntaxReason(data)
            } else if let d = error as? DecodingError {
                reason = CaseCodec.reason(d)
            } else {
                reason = .shape
            }
            throw .unreadable(path: url.path, reason: reason)
        }
    }

    /// Compact (one line per file is plenty for pointers, and it keeps the file small).
    func save(_ url: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var copy = self
        copy.version = Self.currentVersion
        try DurableFile.write(try e.encode(copy) + Data([0x0A]), to: url)
    }

    /// Records a new command: it goes on its person's undo stack and clears that person's redo
    /// stack in the same scope (someone else's redo is untouched).
    mutating func push(_ entry: Entry) {
        undo.append(entry)
        redo.removeAll { $0.actor == entry.actor && $0.session == entry.session }
        trim(&undo, actor: entry.actor)
        if undo.count > Self.totalLimit { undo.removeFirst(undo.count - Self.totalLimit) }
    }

    private func trim(_ stack: inout [Entry], actor: String?) {
        let mine = stack.indices.filter { stack[$0].actor == actor }
        guard mine.count > Self.limit else { return }
        let drop = Set(mine.prefix(mine.count - Self.limit))
        stack = stack.indices.filter { !drop.contains($0) }.map { stack[$0] }
    }
}
