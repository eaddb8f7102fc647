import Foundation
import RenkeiCore
import RenkeiStore

/// Where a workspace stands for the workbench's header, without touching the network: whether
/// it is shared, cases to send (committed and not, since the common base with the last fetched
/// remote state) and to bring in (as of the last fetch), the last sync and the unseen marks.
public enum SyncStatusReader {
    public static func read(workspace: Workspace, git gitPath: String? = nil) -> SyncStatus {
        let local = SyncLocalState(workspace: workspace)
        let unseen = local.unseen()
        // Sync is opt-in: without git nothing is run at all.
        guard FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent(".git").path),
              let git = try? Git(root: workspace.root, executable: gitPath) else {
            return SyncStatus(sharing: .notShared, unseen: unseen)
        }
        let repo = Repository(git: git)
        // Only merges record concurrent edits, so only a shared workspace has any to count.
        let openEdits = ConcurrentEditScan.open(CaseStore(workspace: workspace, loadCatalog: { Catalog() }, useIndex: false)).count
        do {
            let dirty = try changedHere(repo)
            let head = try repo.head()
            guard try repo.remoteURL() != nil else {
                let committed = try head.map { try casePaths(repo.diff(SyncEngine.emptyTree, $0)) } ?? []
                return SyncStatus(sharing: .noRemote, up: committed.union(dirty).count, unseen: unseen, openEdits: openEdits)
            }
            let upstream = try repo.resolve("refs/remotes/origin/" + repo.branch())
            var up = dirty, down = 0
            if let head {
                let base = try upstream.flatMap { try repo.mergeBase(head, $0) } ?? SyncEngine.emptyTree
                up.formUnion(try casePaths(repo.diff(base, head)))
                if let upstream { down = try casePaths(repo.diff(base, upstream)).count }
            }
            let last = local.last()
            return SyncStatus(sharing: .shared, up: up.count, down: down, lastSync: last?.success.flatMap(Timestamp.init),
                              reach: last?.reach, unseen: unseen, openEdits: openEdits)
        } catch {
            return SyncStatus(sharing: .shared, unseen: unseen, openEdits: openEdits)
        }
    }

    static func casePaths(_ diff: [String: Repository.Entry]) -> Set<String> {
        Set(diff.keys.filter { CommitMerge.isCase($0) })
    }

    /// Case files changed in the work tree and not committed (new ones included).
    static func changedHere(_ repo: Repository) throws -> Set<String> {
        let r = try repo.git.must(["status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", "cases", "trash"])
        return Set(r.out.split(separator: 0).compactMap { entry -> String? in
            let s = String(decoding: entry, as: UTF8.self)
            guard s.count > 3 else { return nil }
            let path = String(s.dropFirst(3))
            return CommitMerge.isCase(path) ? path : nil
        })
    }
}
