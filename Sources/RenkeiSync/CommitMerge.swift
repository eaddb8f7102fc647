import Foundation
import RenkeiCore
import RenkeiStore

/// Merges two commits file by file, in memory and in git's object store: case files through
/// `CaseFileMerge`, a trashed-here-but-edited-there case brought back, a damaged side set
/// aside. Produces a tree; the work tree is not touched.
struct CommitMerge {
    let repo: Repository
    let workspace: Workspace
    /// Decoded only when a merge needs the gates (a side advanced a stage).
    let catalog: LoadOnce<Catalog?>
    let restoreContext: () -> CommandContext

    struct Outcome {
        var tree: String
        var merged = 0
        var concurrent = 0
        var notices: [SyncMessage] = []
    }

    static func isCase(_ path: String) -> Bool {
        (path.hasPrefix("cases/") || path.hasPrefix("trash/")) && path.hasSuffix(".json") && !path.dropFirst(6).contains("/")
    }

    /// One `cat-file --batch` reads every version the merge needs and one `hash-object` writes
    /// every result: git processes per sync, not per case (three per case made 300 processes
    /// for 100 cases — over a second of a 10,000-case sync under load, BENCHMARKS.md).
    func merge(base: String, ours: String, theirs: String) throws -> Outcome {
        let dOurs = try repo.diff(base, ours), dTheirs = try repo.diff(base, theirs)
        var changes: [String: String?] = [:]
        /// Merged files not yet in git's object store (written in one call at the end).
        var results: [String: Data] = [:]
        var out = Outcome(tree: "")
        var restored: [String] = []
        let both = dTheirs.keys.filter { dOurs[$0] != nil }
        // The base version of a path both sides changed is the old side of either diff.
        let bodies = try repo.read(blobs: both.flatMap { [dOurs[$0]?.oldBlob, dOurs[$0]?.blob, dTheirs[$0]?.blob] }.compactMap { $0 })
        func baseData(_ path: String) -> Data? { dOurs[path]?.oldBlob.flatMap { bodies[$0] } }
        // The case merges themselves are pure and independent: both cores at once.
        let caseJobs = both.filter { Self.isCase($0) && dOurs[$0]?.blob != nil && dTheirs[$0]?.blob != nil && dOurs[$0]?.blob != dTheirs[$0]?.blob }.sorted()
        let caseResults = Self.mergeConcurrently(caseJobs.map { path in
            (path, baseData(path), bodies[dOurs[path]!.blob!] ?? Data(), bodies[dTheirs[path]!.blob!] ?? Data())
        }, catalog: catalog)

        for (path, t) in dTheirs.sorted(by: { $0.key < $1.key }) {
            guard let o = dOurs[path] else { changes[path] = .some(t.blob); continue }
            if o.blob == t.blob { continue }
            if RecordFileMerge.isRecord(path), let ob = o.blob, let tb = t.blob,
               let r = try? RecordFileMerge.merge(base: baseData(path), ours: bodies[ob] ?? Data(), theirs: bodies[tb] ?? Data()) {
                // A municipality profile or partner record: field by field, like a case.
                results[path] = r.data
                out.concurrent += r.recorded
                continue
            }
            guard Self.isCase(path) else {
                // Not a case (a calendar, .gitignore): keep one version whole, the other aside.
                // The larger object id is kept, so every machine keeps the same one.
                let keepTheirs = (t.blob ?? "") > (o.blob ?? "")
                let aside = try setAside(path, keepTheirs ? o.blob.flatMap { bodies[$0] } : t.blob.flatMap { bodies[$0] }, side: keepTheirs ? .ours : .theirs)
                if keepTheirs { changes[path] = .some(t.blob) }
                out.notices.append(.otherFileKept(file: path, aside: aside))
                continue
            }
            switch (o.blob, t.blob) {
            case let (ob?, tb?):
                do {
                    let r = try caseResults[path]?.get()
                        ?? CaseFileMerge.merge(base: baseData(path), ours: bodies[ob] ?? Data(), theirs: bodies[tb] ?? Data(), path: path, loadCatalog: { catalog.value })
                    results[path] = r.data
                    out.merged += 1
                    out.concurrent += r.recorded.count
                } catch CaseFileMerge.Failure.newerSchema(_, let v) {
                    throw SyncError.newerSchema(file: path, version: v)
                } catch CaseFileMerge.Failure.damaged(let side, let reason) {
                    // The readable side stays; the unreadable one is kept aside, never lost.
                    let keepTheirs = side == .ours
                    let aside = try setAside(path, bodies[keepTheirs ? ob : tb], side: keepTheirs ? .ours : .theirs)
                    if keepTheirs { changes[path] = .some(tb) }
                    out.notices.append(.quarantinedSide(file: path, side: side, reason: reason, kept: keepTheirs ? .theirs : .ours, aside: aside))
                }
            case let (nil, tb?), let (tb?, nil):
                // Deleted (trashed) on one side, edited on the other: the edit wins.
                let edited = try bodies[tb] ?? repo.read(blob: tb)
                guard var doc = try? CaseCodec.decode(edited, path: path) else {
                    if o.blob == nil { changes[path] = .some(tb) }
                    continue
                }
                // What the trashing side did before it trashed is in its trash/ copy: merged in,
                // or its events would be lost with that copy (found by SyncConvergencePropertyTests).
                let trashedHere = o.blob == nil
                if path.hasPrefix("cases/"), let trashedBlob = (trashedHere ? dOurs : dTheirs)["trash/" + path.dropFirst(6)]?.blob {
                    let trashed = try repo.read(blob: trashedBlob)
                    do {
                        let m = try CaseFileMerge.merge(base: baseData(path), ours: trashedHere ? trashed : edited, theirs: trashedHere ? edited : trashed,
                                                        path: path, loadCatalog: { catalog.value })
                        doc = try CaseCodec.decode(m.data, path: path)
                        out.concurrent += m.recorded.count
                    } catch CaseFileMerge.Failure.newerSchema(_, let v) {
                        throw SyncError.newerSchema(file: path, version: v)
                    } catch CaseFileMerge.Failure.damaged(let side, let reason) {
                        // An unreadable trashed copy: the edit comes back alone, the copy is kept aside.
                        let aside = try setAside("trash/" + path.dropFirst(6), trashed, side: trashedHere ? .ours : .theirs)
                        out.notices.append(.quarantinedSide(file: "trash/" + path.dropFirst(6), side: side, reason: reason,
                                                            kept: trashedHere ? .theirs : .ours, aside: aside))
                    }
                }
                var back = doc
                back.value = CaseRestore.restored(doc.value, context: restoreContext())
                results[path] = try CaseCodec.encode(back)
                if path.hasPrefix("cases/") { restored.append(String(path.dropFirst(6))) }
                out.notices.append(.restoredFromTrash(caseId: String(path.dropFirst(6).dropLast(5))))
            case (nil, nil):
                continue
            }
        }
        let paths = results.keys.sorted()
        for (path, blob) in zip(paths, try repo.write(blobs: paths.map { results[$0]! })) { changes[path] = .some(blob) }
        // A case brought back is not also in trash/.
        for name in restored { changes["trash/" + name] = .some(nil) }
        out.tree = try repo.tree(from: ours, changes: changes)
        return out
    }

    /// `CaseFileMerge` over many files on all cores (a sync brings in hundreds); each result
    /// is the same as merging it alone — the merge has no shared state.
    static func mergeConcurrently(_ jobs: [(path: String, base: Data?, ours: Data, theirs: Data)], catalog: LoadOnce<Catalog?>)
        -> [String: Result<CaseFileMerge.Output, Error>] {
        let slots = ResultSlots(count: jobs.count)
        let lanes = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 8, max(1, jobs.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for i in stride(from: lane, to: jobs.count, by: lanes) {
                let j = jobs[i]
                slots.set(i, Result { try CaseFileMerge.merge(base: j.base, ours: j.ours, theirs: j.theirs, path: j.path, loadCatalog: { catalog.value }) })
            }
        }
        var out: [String: Result<CaseFileMerge.Output, Error>] = [:]
        for (i, j) in jobs.enumerated() { if let r = slots.get(i) { out[j.path] = r } }
        return out
    }

    final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Result<CaseFileMerge.Output, Error>?]
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<CaseFileMerge.Output, Error>) { lock.lock(); items[i] = r; lock.unlock() }
        func get(_ i: Int) -> Result<CaseFileMerge.Output, Error>? { lock.lock(); defer { lock.unlock() }; return items[i] }
    }

    func setAside(_ path: String, _ data: Data?, side: MergeSide) throws -> String {
        try Self.setAside(path, data, side: side, in: workspace)
    }

    /// Keeps a version that is not used in `quarantine/` (machine-local, not synced).
    static func setAside(_ path: String, _ data: Data?, side: MergeSide, in workspace: Workspace) throws -> String {
        guard let data else { return "-" }
        let name = (path as NSString).lastPathComponent
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        let target = workspace.quarantineDir.appendingPathComponent("\(stem).\(side.rawValue).\(SplitMix64.hash(String(decoding: data, as: UTF8.self)) % 1_000_000)" + (name.hasSuffix(".json") ? ".json" : ""))
        try FileManager.default.createDirectory(at: workspace.quarantineDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try DurableFile.write(data, to: target)
        return "quarantine/" + target.lastPathComponent
    }
}
