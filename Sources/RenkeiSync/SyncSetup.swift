import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiStore

/// Making a workspace shareable (`renkei sync init`) and joining one (`renkei clone`).
public enum SyncSetup {
    /// Case files (live and trashed), municipality profiles and partner records merge through
    /// renkei; everything else is ordinary git.
    public static let attributes = ["cases/*.json merge=renkei", "trash/*.json merge=renkei",
                                    "municipalities/*.json merge=renkei", "partners/*.json merge=renkei"]
    /// Machine-local: the summary cache, the personal undo journal, the lock, temp files of an
    /// interrupted write, files set aside locally, exports, this machine's calendar feed state, the
    /// cases others changed that this person has not opened yet.
    public static let ignored = [".index/", "undo.json", ".lock", ".renkei-tmp-*", "quarantine/", "exports/", "ical/", SyncLocalState.unseenFile]

    /// The command git runs for a case file. The absolute path of the running binary, quoted
    /// for git's shell, so it works under plain `git merge` from any directory.
    public static func driverCommand(binary: String) -> String {
        "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "' merge-driver %O %A %B %P"
    }

    /// Registers the merge driver in this clone's `.git/config` (it does not travel with the
    /// repository); re-registers when the binary moved.
    public static func registerDriver(_ repo: Repository, binary: String) throws {
        let wanted = driverCommand(binary: binary)
        if try repo.config("merge.renkei.driver") != wanted {
            try repo.git.must(["config", "merge.renkei.name", "renkei: merge case files by their event logs"])
            try repo.git.must(["config", "merge.renkei.driver", wanted])
        }
    }

    /// Appends the lines a file lacks (keeps whatever the user wrote there).
    static func ensureLines(_ lines: [String], in url: URL) throws -> Bool {
        let existing = (try? RegularFile.read(url, limit: 1_048_576)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let have = Set(existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !have.contains($0) }
        guard !missing.isEmpty else { return false }
        let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
        try DurableFile.write(Data(text.utf8), to: url, mode: 0o644)
        return true
    }

    /// `git init` (or adopt an existing repository), attributes, ignores, driver, remote.
    /// The first commit and push are the engine's ordinary sync.
    public static func initialize(workspace: Workspace, git gitPath: String? = nil, binary: String, remote: String?) throws -> Repository {
        let git = try Git(root: workspace.root, executable: gitPath)
        let repo = Repository(git: git)
        if !repo.isRepository {
            if try !git.run(["init", "-q", "-b", "main"]).ok { try git.must(["init", "-q"]) }
        }
        _ = try ensureLines(attributes, in: workspace.root.appendingPathComponent(".gitattributes"))
        _ = try ensureLines(ignored, in: workspace.root.appendingPathComponent(".gitignore"))
        try registerDriver(repo, binary: binary)
        if let remote {
            if try repo.remoteURL() != nil { try git.must(["remote", "set-url", "origin", remote]) }
            else { try git.must(["remote", "add", "origin", remote]) }
        }
        return repo
    }

    /// `git clone` into an empty or new directory, then the driver and the workspace layout.
    public static func clone(url: String, into dir: URL, git gitPath: String? = nil, binary: String) throws -> (Repository, Workspace) {
        let fm = FileManager.default
        if fm.fileExists(atPath: dir.path), !((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).isEmpty {
            throw SyncError.targetNotEmpty(path: dir.path)
        }
        let parent = dir.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let outer = try Git(root: parent, executable: gitPath)
        let r = try outer.run(["clone", "-q", url, dir.path])
        if !r.ok {
            try? fm.removeItem(at: dir)
            throw SyncEngine.classify(r.err, remote: url, command: "clone")
        }
        let repo = Repository(git: try Git(root: dir, executable: gitPath))
        // A bare repository made with plain `git init --bare` names `master` as its HEAD while
        // renkei pushes `main`: the clone then checks out nothing. Take main (else any branch).
        if try repo.head() == nil {
            let heads = try repo.git.must(["ls-remote", "--heads", "origin"]).text.split(separator: "\n")
                .compactMap { $0.split(separator: "\t").last.map { String($0.dropFirst("refs/heads/".count)) } }
            if let b = heads.contains("main") ? "main" : heads.sorted().first {
                try repo.git.must(["checkout", "-q", "-B", b, "--track", "origin/" + b])
            }
        }
        chmod(dir.path, 0o700)   // contacts are personal data (as `renkei init` makes it)
        try registerDriver(repo, binary: binary)
        // git keeps no empty directories: give the clone the full layout (0700).
        let ws = try Workspace.create(at: dir)
        return (repo, ws)
    }
}
