import Foundation
import RenkeiCore
import RenkeiStore

/// Merges two commits file by file, in memory and in git's object store: case files through
/// `CaseFileMerge`, a trashed-here-but-edited-there case brought back, a damaged side set
/// aside. Produces a tree; the work tree is not touched.
struct CommitMerge {
    let repo: Repository
    let workspace: Workspace
    let catalog: Catalog?
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

    func merge(base: String, ours: String, theirs: String) throws -> Outcome {
        let dOurs = try repo.diff(base, ours), dTheirs = try repo.diff(base, theirs)
        var changes: [String: String?] = [:]
        var out = Outcome(tree: "")
        var restored: [String] = []
        let both = dTheirs.keys.filter { dOurs[$0] != nil }
        let bodies = try repo.read(blobs: both.flatMap { [dOurs[$0]?.blob, dTheirs[$0]?.blob] }.compactMap { $0 })

        for (path, t) in dTheirs.sorted(by: { $0.key < $1.key }) {
            guard let o = dOurs[path] else { changes[path] = .some(t.blob); continue }
            if o.blob == t.blob { continue }
            if RecordFileMerge.isRecord(path), let ob = o.blob, let tb = t.blob,
               let r = try? RecordFileMerge.merge(base: try repo.blob(base, path).map { try repo.read(blob: $0) },
                                                  ours: bodies[ob] ?? Data(), theirs: bodies[tb] ?? Data()) {
                // A municipality profile or partner record: field by field, like a case.
                changes[path] = .some(try repo.write(blob: r.data))
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
                let baseData = try repo.blob(base, path).map { try repo.read(blob: $0) }
                do {
                    let r = try CaseFileMerge.merge(base: baseData, ours: bodies[ob] ?? Data(), theirs: bodies[tb] ?? Data(), path: path, catalog: catalog)
                    changes[path] = .some(try repo.write(blob: r.data))
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
                let edited = try repo.read(blob: tb)
                guard let doc = try? CaseCodec.decode(edited, path: path) else {
                    if o.blob == nil { changes[path] = .some(tb) }
                    continue
                }
                var back = doc
                back.value = CaseRestore.restored(doc.value, context: restoreContext())
                changes[path] = .some(try repo.write(blob: try CaseCodec.encode(back)))
                if path.hasPrefix("cases/") { restored.append(String(path.dropFirst(6))) }
                out.notices.append(.restoredFromTrash(caseId: String(path.dropFirst(6).dropLast(5))))
            case (nil, nil):
                continue
            }
        }
        // A case brought back is not also in trash/.
        for name in restored { changes["trash/" + name] = .some(nil) }
        out.tree = try repo.tree(from: ours, changes: changes)
        return out
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
