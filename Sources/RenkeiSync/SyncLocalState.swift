import Foundation
import RenkeiCore
import RenkeiStore

/// What this person's machine remembers about syncing, and nobody else needs: the cases others
/// changed that this person has not opened since (`unseen.json` in the workspace, listed in
/// `.gitignore` like the undo journal), and the last sync attempt — when it reached the remote,
/// or why it did not (`.git/renkei-sync/last.json`, inside git's own directory).
public struct SyncLocalState: Sendable {
    public static let unseenFile = "unseen.json"
    let workspace: Workspace
    var unseenURL: URL { workspace.root.appendingPathComponent(Self.unseenFile) }
    var lastURL: URL { workspace.root.appendingPathComponent(".git/renkei-sync/last.json") }

    public init(workspace: Workspace) { self.workspace = workspace }

    struct Unseen: Codable { var cases: [String] }
    struct Last: Codable {
        var attempt: String
        var success: String?
        var reach: SyncStatus.Reach?
    }

    /// Cases changed by others and not opened here since (empty when the file is missing or
    /// unreadable: a lost mark is harmless, a crash is not).
    public func unseen() -> Set<String> {
        guard let d = try? RegularFile.read(unseenURL, limit: 16 * 1_048_576),
              let u = try? JSONDecoder().decode(Unseen.self, from: d) else { return [] }
        return Set(u.cases)
    }

    public func addUnseen(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try update { $0.formUnion(ids) }
    }

    public func markSeen(_ id: String) throws {
        guard unseen().contains(id) else { return }
        try update { $0.remove(id) }
    }

    /// Read-modify-write under the workspace lock: a sync from the CLI adds while the
    /// workbench takes one away.
    func update(_ change: (inout Set<String>) -> Void) throws {
        try workspace.lock.withLock(timeout: 10) {
            var set = unseen()
            change(&set)
            if set.isEmpty { try? FileManager.default.removeItem(at: unseenURL); return }
            let data = try JSONEncoder().encode(Unseen(cases: set.sorted()))
            try DurableFile.write(data, to: unseenURL, mode: 0o600)
        }
    }

    func last() -> Last? {
        guard let d = try? RegularFile.read(lastURL, limit: 65536) else { return nil }
        return try? JSONDecoder().decode(Last.self, from: d)
    }

    /// After a sync: reached the remote (`reach` nil) or not, and why.
    func record(at now: Timestamp, reach: SyncStatus.Reach?, reachedRemote: Bool) {
        var l = last() ?? Last(attempt: now.text)
        l.attempt = now.text
        l.reach = reach
        if reachedRemote { l.success = now.text }
        guard let data = try? JSONEncoder().encode(l) else { return }
        try? FileManager.default.createDirectory(at: lastURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? DurableFile.write(data, to: lastURL, mode: 0o600)
    }

    static func reach(of error: SyncError?) -> SyncStatus.Reach? {
        switch error?.message {
        case .unreachable?: return .unreachable
        case .authFailed?: return .authFailed
        default: return nil
        }
    }
}
