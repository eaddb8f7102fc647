import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiStore

/// Brings a commit's files into the work tree, then moves HEAD — in that order, with a note
/// (`.git/renkei-sync/pending`) written first: a sync killed half-way leaves the note, and the
/// next sync finishes the same move before anything else. Files are written one by one with
/// the store's durable write (never torn), under the workspace lock (no renkei edit interleaves).
struct MoveIn {
    let repo: Repository
    let workspace: Workspace
    let catalog: LoadOnce<Catalog?>

    /// Case files are capped by the codec; calendars and templates are small too.
    static let fileLimit = 64 * 1_048_576

    struct Pending: Codable, Equatable { var from: String; var to: String }
    var pendingURL: URL { repo.stateDir.appendingPathComponent("pending") }

    func pending() -> Pending? {
        guard let d = try? RegularFile.read(pendingURL, limit: 65536) else { return nil }
        return try? JSONDecoder().decode(Pending.self, from: d)
    }

    struct Moved {
        /// The case files that changed here.
        var changed: [String] = []
        /// Incoming case files that did not read and were set aside.
        var setAside: [SyncMessage] = []
    }

    /// Work tree from `from` to `to`, then HEAD. A file changed in the work tree meanwhile (an
    /// edit saved during the fetch, or after a crash) is merged with the incoming version, not
    /// overwritten: the next sync commits it. An incoming case that does not read (conflict
    /// markers someone's plain git committed, a broken hand edit) does not replace a readable
    /// one here: it goes to `quarantine/`, and the readable version is what the next commit sends.
    @discardableResult
    func run(from: String, to: String) throws -> Moved {
        let diff = try repo.diff(from, to)
        let blobs = try repo.read(blobs: diff.values.flatMap { [$0.blob, $0.oldBlob] }.compactMap { $0 })
        try FileManager.default.createDirectory(at: repo.stateDir, withIntermediateDirectories: true)
        return try workspace.lock.withLock(timeout: 30) {
            try DurableFile.write(try JSONEncoder().encode(Pending(from: from, to: to)), to: pendingURL)
            var moved = Moved()
            var writes: [DurableBatch.Item] = []
            for (path, e) in diff.sorted(by: { $0.key < $1.key }) {
                let url = repo.root.appendingPathComponent(path)
                let current = try? RegularFile.read(url, limit: Self.fileLimit)
                let before = e.oldBlob.flatMap { blobs[$0] }, after = e.blob.flatMap { blobs[$0] }
                if current == after { continue }
                if let after, let current, let reason = Self.unreadable(path, after), Self.unreadable(path, current) == nil {
                    let aside = try CommitMerge.setAside(path, after, side: .theirs, in: workspace)
                    moved.setAside.append(.quarantinedSide(file: path, side: .theirs, reason: reason, kept: .ours, aside: aside))
                    continue
                }
                var wanted = after
                if current != before, let current {
                    wanted = try reconcile(path, local: current, before: before, incoming: after)
                }
                if wanted != nil {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                            attributes: [.posixPermissions: 0o700])
                }
                writes.append(DurableBatch.Item(url: url, data: wanted, mode: path.hasPrefix("cases/") || path.hasPrefix("trash/") ? 0o600 : 0o644))
                if path.hasPrefix("cases/") { moved.changed.append(path) }
            }
            // One flush round for all files (each still old or new, never torn; the pending
            // note above makes the whole move complete after a kill). An unconfirmed directory
            // fsync stops the sync as before: the pending note finishes the move next time.
            if let unconfirmed = try DurableBatch.apply(writes) { throw StoreError.workspace(.notConfirmed(unconfirmed)) }
            let head = try repo.head()
            if head != to {
                try repo.git.must(["update-ref", "-m", "renkei sync", "HEAD", to] + (head.map { [$0] } ?? []))
            }
            refreshGitIndex(diff)
            try? FileManager.default.removeItem(at: pendingURL)
            return moved
        }
    }

    /// git's own index still describes the old HEAD: point the changed paths at the new
    /// objects (work tree untouched), so `git status` by hand shows nothing to commit. Only
    /// these paths — `git reset` re-read all 10,000 entries and stat'ed every file. git
    /// re-checks these entries' stat data the next time it looks (they carry none). Only a
    /// cache: failure is harmless (the next commit's `add -A` puts it right).
    func refreshGitIndex(_ diff: [String: Repository.Entry]) {
        guard !diff.isEmpty else { return }
        var lines = ""
        for (path, e) in diff.sorted(by: { $0.key < $1.key }) {
            lines += e.blob.map { "\(e.mode) \($0)\t\(path)\n" } ?? "0 \(String(repeating: "0", count: 40))\t\(path)\n"
        }
        _ = try? repo.git.run(["update-index", "--index-info"], input: Data(lines.utf8))
    }

    /// Why a case file does not read (nil: it does, or it is not a case file).
    static func unreadable(_ path: String, _ data: Data) -> DamageReason? {
        guard CommitMerge.isCase(path) else { return nil }
        do { _ = try CaseCodec.decode(data, path: path); return nil } catch { return SyncEngine.reason(error) }
    }

    /// Finishes a move a killed sync left half-done.
    func finishPending() throws {
        guard let p = pending() else { return }
        let head = try repo.head()
        if head == p.from || head == p.to { try run(from: p.from, to: p.to) }
        try? FileManager.default.removeItem(at: pendingURL)
    }

    /// A local change to a file the sync is also changing: a case, profile or partner record is
    /// merged (local on top of what came in); anything else keeps the local version, the
    /// incoming one stays in git.
    func reconcile(_ path: String, local: Data, before: Data?, incoming: Data?) throws -> Data? {
        if RecordFileMerge.isRecord(path), let incoming {
            return (try? RecordFileMerge.merge(base: before, ours: local, theirs: incoming))?.data ?? local
        }
        guard CommitMerge.isCase(path), let incoming,
              let merged = try? CaseFileMerge.merge(base: before, ours: local, theirs: incoming, path: path, loadCatalog: { catalog.value })
        else { return local }
        return merged.data
    }
}
