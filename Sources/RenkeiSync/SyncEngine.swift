import Foundation
import RenkeiCore
import RenkeiStore

/// The outcome of one `renkei sync`, for its one line.
public struct SyncReport: Equatable, Sendable {
    /// Case files this machine sent.
    public var up = 0
    /// Case files that changed here because of others.
    public var down = 0
    /// Case files changed on both sides and merged.
    public var merged = 0
    /// Concurrent edits the merges recorded.
    public var concurrent = 0
    /// Files set aside, cases brought back from trash.
    public var notices: [SyncMessage] = []
    /// Changes were committed here but could not be sent (no remote, offline, no access).
    public var offline: SyncError?
    /// The cases others changed that this sync brought in (marked in the workbench until opened).
    public var incoming: [String] = []
    public var line: SyncMessage { .result(up: up, down: down, merged: merged, concurrent: concurrent) }
}

/// `renkei sync`: commit what changed here, fetch, merge case by case away from the work tree,
/// move the result in, push; again when someone pushed in between.
public final class SyncEngine {
    let workspace: Workspace
    let repo: Repository
    /// The guide's gates, decoded only when a merge needs them (a side advanced a stage) or a
    /// trashed case comes back: most syncs never do, and decoding cost a no-op sync 7.5 M
    /// instructions (callgrind).
    let catalogOnce: LoadOnce<Catalog?>
    var catalog: Catalog? { catalogOnce.value }
    let actor: String
    let now: Timestamp
    /// The renkei registered as git's merge driver; nil keeps the one registered (the workbench
    /// in tests runs inside a test runner, not the renkei binary).
    let binary: String?
    public var maxTries = 6

    public convenience init(workspace: Workspace, git gitPath: String? = nil, catalog: Catalog?, actor: String, now: Timestamp, binary: String?) throws {
        try self.init(workspace: workspace, git: gitPath, loadCatalog: { catalog }, actor: actor, now: now, binary: binary)
    }

    public init(workspace: Workspace, git gitPath: String? = nil, loadCatalog: @escaping @Sendable () -> Catalog?, actor: String,
                now: Timestamp, binary: String?) throws {
        self.workspace = workspace
        self.repo = Repository(git: try Git(root: workspace.root, executable: gitPath))
        self.catalogOnce = LoadOnce(loadCatalog); self.actor = actor; self.now = now; self.binary = binary
    }

    public func sync() throws -> SyncReport {
        guard repo.isRepository else { throw SyncError.notARepository(path: workspace.root.path) }
        try FileManager.default.createDirectory(at: repo.stateDir, withIntermediateDirectories: true)
        let lock = WorkspaceLock(path: repo.stateDir.appendingPathComponent("lock").path)
        let local = SyncLocalState(workspace: workspace)
        do {
            let report = try lock.withLock(timeout: 60) { try run() }
            local.record(at: now, reach: SyncLocalState.reach(of: report.offline), reachedRemote: report.offline == nil)
            try local.addUnseen(report.incoming)
            return report
        } catch StoreError.locked {
            throw SyncError.busy
        } catch let e as SyncError {
            local.record(at: now, reach: SyncLocalState.reach(of: e), reachedRemote: false)
            throw e
        }
    }

    func run() throws -> SyncReport {
        clearStaleLocks()
        if let binary { try SyncSetup.registerDriver(repo, binary: binary) }
        // Machine-local files stay out of git also in workspaces shared by an older renkei.
        _ = try SyncSetup.ensureLines(SyncSetup.ignored, in: workspace.root.appendingPathComponent(".gitignore"))
        _ = try SyncSetup.ensureLines(SyncSetup.attributes, in: workspace.root.appendingPathComponent(".gitattributes"))
        let moveIn = MoveIn(repo: repo, workspace: workspace, catalog: catalogOnce)
        try moveIn.finishPending()
        var report = SyncReport()
        report.notices += try commitLocal()
        guard let remote = try repo.remoteURL() else {
            report.offline = .noRemote
            return report
        }
        let branch = try repo.branch()
        let tracking = "refs/remotes/origin/" + branch
        var counted = false
        for _ in 0..<maxTries {
            do { try fetch(remote: remote) } catch let e as SyncError { report.offline = e; return report }
            guard let head = try repo.head() else { return report }
            let upstream = try repo.resolve(tracking)
            if !counted {
                let from = try upstream.flatMap { try repo.mergeBase(head, $0) } ?? Self.emptyTree
                report.up = try repo.diff(from, head).keys.filter { $0.hasPrefix("cases/") }.count
                counted = true
            }
            var target = head
            if let upstream, try !repo.isAncestor(upstream, of: head) {
                if try repo.isAncestor(head, of: upstream) {
                    target = upstream
                } else {
                    guard let base = try repo.mergeBase(head, upstream) else { throw SyncError.unrelatedHistory(remote: remote) }
                    let merger = CommitMerge(repo: repo, workspace: workspace, catalog: catalogOnce, restoreContext: restoreContext)
                    let m = try merger.merge(base: base, ours: head, theirs: upstream)
                    report.merged += m.merged
                    report.concurrent += m.concurrent
                    report.notices += m.notices
                    target = try repo.commitTree(m.tree, parents: [head, upstream],
                                                 message: "renkei sync: merge (\(m.merged) cases merged)", identity: try repo.identity(actor: actor))
                }
                let moved = try moveIn.run(from: head, to: target)
                report.down += moved.changed.count
                report.incoming += moved.changed.map { String($0.dropFirst("cases/".count).dropLast(".json".count)) }
                if !moved.setAside.isEmpty {
                    // The readable versions kept here go back out in this same sync.
                    report.notices += moved.setAside
                    report.notices += try commitLocal()
                    continue
                }
            }
            if target == upstream { return report }
            let r = try repo.git.run(["push", "-q", "-u", "origin", "HEAD:refs/heads/" + branch])
            if r.ok { return report }
            if Self.isRace(r.err) { continue }
            report.offline = Self.classify(r.err, remote: remote, command: "push")
            return report
        }
        throw SyncError.pushKeptFailing(tries: maxTries)
    }

    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// Commits what changed here (hand edits included). A case file that does not read is not
    /// sent — it stays here, named, for `renkei quarantine` or a fix.
    func commitLocal() throws -> [SyncMessage] {
        var notices: [SyncMessage] = []
        try workspace.lock.withLock(timeout: 30) {
            forgetHalfWayMerge()
            try repo.git.must(["add", "-A"])
            // Everything staged, in one call (it was two: the case files to check, then "anything?").
            let staged = try repo.stagedChanges()
            var held = 0
            for (status, path) in staged where status != "D" && CommitMerge.isCase(path) {
                let url = repo.root.appendingPathComponent(path)
                guard let data = try? RegularFile.read(url, limit: CaseCodec.maxFileSize) else { continue }
                do { _ = try CaseCodec.decode(data, path: path) } catch {
                    try repo.git.must(["reset", "-q", "--", path])
                    held += 1
                    notices.append(.localDamaged(file: path, reason: Self.reason(error)))
                }
            }
            if try staged.count > held || repo.head() == nil {
                let n = staged.filter { $0.status != "D" && ($0.path.hasPrefix("cases/") || $0.path.hasPrefix("trash/")) }.count - held
                try repo.git.must(["commit", "-q", "--allow-empty", "-m", "renkei: \(n) file\(n == 1 ? "" : "s") changed by \(actor)"],
                                  extraEnv: try repo.identity(actor: actor))
            }
        }
        return notices
    }

    /// A plain `git pull`/`git merge` that stopped half-way (the driver refused an unreadable
    /// side) leaves MERGE_HEAD: our commit would then record that commit as merged although
    /// its changes are not in the tree, and the sync would never merge them. Forget it (as
    /// `git reset` does; index and work tree untouched) — the sync merges that commit itself.
    func forgetHalfWayMerge() {
        for name in ["MERGE_HEAD", "MERGE_MSG", "MERGE_MODE", "MERGE_RR", "AUTO_MERGE", "CHERRY_PICK_HEAD", "REVERT_HEAD", "SQUASH_MSG"] {
            try? FileManager.default.removeItem(at: repo.gitDir.appendingPathComponent(name))
        }
    }

    func fetch(remote: String) throws {
        let r = try repo.git.run(["fetch", "-q", "origin"])
        if !r.ok { throw Self.classify(r.err, remote: remote, command: "fetch") }
    }

    func restoreContext() -> CommandContext {
        CommandContext(actor: actor, now: now, commandId: "sync-restore-" + IdentifierAlphabet.base32(UInt64.random(in: 1...UInt64.max), width: 8),
                       catalog: catalog ?? Catalog(), random: UInt64.random(in: 1...UInt64.max))
    }

    /// Lock files of a git killed with us (kill -9 leaves them). Only this sync runs (we hold
    /// the sync lock); one a live git still holds is young, so wait a moment first.
    func clearStaleLocks() {
        let g = repo.gitDir
        var candidates = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "packed-refs.lock", "config.lock", "shallow.lock",
                          "renkei-sync/index.lock"].map { g.appendingPathComponent($0) }
        for dir in ["refs/heads", "refs/remotes/origin"] {
            let d = g.appendingPathComponent(dir)
            for f in (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? [] where f.hasSuffix(".lock") {
                candidates.append(d.appendingPathComponent(f))
            }
        }
        for url in candidates {
            for _ in 0..<25 {
                guard let attrs = try? FileManager.default.attributesOfItem(atPath: url.path) else { break }
                let age = Date().timeIntervalSince((attrs[.modificationDate] as? Date) ?? .distantPast)
                if age > 2 { try? FileManager.default.removeItem(at: url); break }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// Why a file does not read, typed so the notice is said in the reader's language.
    static func reason(_ e: Error) -> DamageReason {
        (e as? StoreError)?.damageReason ?? .text("\(e)")
    }

    /// Someone pushed between our fetch and our push: fetch and merge again.
    static func isRace(_ err: String) -> Bool {
        ["[rejected]", "non-fast-forward", "fetch first", "cannot lock ref", "failed to update ref", "stale info"].contains { err.contains($0) }
    }

    static func classify(_ err: String, remote: String, command: String) -> SyncError {
        let e = err.lowercased()
        if ["authentication failed", "permission denied", "could not read username", "terminal prompts disabled",
            "access denied", "401", "403", "host key verification failed"].contains(where: { e.contains($0) }) {
            return .authFailed(remote: remote)
        }
        if ["could not resolve", "unable to access", "connection refused", "timed out", "does not appear to be a git repository",
            "could not read from remote", "not found", "no such file or directory", "network is unreachable"].contains(where: { e.contains($0) }) {
            return .unreachable(remote: remote, detail: Git.firstLine(err))
        }
        return .git(command: command, message: Git.firstLine(err))
    }
}
