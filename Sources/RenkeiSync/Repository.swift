import Foundation

/// The git plumbing sync needs, on the workspace's repository. Work happens on objects and a
/// private index (`.git/renkei-sync/index`), never half-way in the work tree.
public struct Repository: Sendable {
    public let git: Git
    public var root: URL { git.root }
    public var gitDir: URL { root.appendingPathComponent(".git") }
    public var stateDir: URL { gitDir.appendingPathComponent("renkei-sync") }

    public init(git: Git) { self.git = git }

    public var isRepository: Bool {
        guard let r = try? git.run(["rev-parse", "--show-toplevel"]), r.ok else { return false }
        return URL(fileURLWithPath: r.text).resolvingSymlinksInPath().path == root.resolvingSymlinksInPath().path
    }

    public func head() throws -> String? {
        let r = try git.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"])
        return r.ok ? r.text : nil
    }

    public func branch() throws -> String {
        let r = try git.run(["symbolic-ref", "--short", "-q", "HEAD"])
        return r.ok && !r.text.isEmpty ? r.text : "main"
    }

    public func resolve(_ ref: String) throws -> String? {
        let r = try git.run(["rev-parse", "--verify", "-q", ref + "^{commit}"])
        return r.ok ? r.text : nil
    }

    public func remoteURL(_ name: String = "origin") throws -> String? {
        let r = try git.run(["remote", "get-url", name])
        return r.ok ? r.text : nil
    }

    public func config(_ key: String) throws -> String? {
        let r = try git.run(["config", "--get", key])
        return r.ok && !r.text.isEmpty ? r.text : nil
    }

    public func isAncestor(_ a: String, of b: String) throws -> Bool {
        try git.run(["merge-base", "--is-ancestor", a, b]).ok
    }

    public func mergeBase(_ a: String, _ b: String) throws -> String? {
        let r = try git.run(["merge-base", a, b])
        return r.ok ? r.text : nil
    }

    public enum Status: Equatable, Sendable { case added, modified, deleted }
    public struct Entry: Equatable, Sendable {
        public var path: String
        public var status: Status
        /// The object before and after; nil where the file is absent.
        public var oldBlob: String?
        public var blob: String?
        /// The file mode after (`100644`, `100755`, `120000`).
        public var mode = "100644"
    }

    /// What changed from one commit to another, path by path (no rename detection: a case
    /// moved to trash/ is a delete in cases/ and an add in trash/).
    public func diff(_ from: String, _ to: String) throws -> [String: Entry] {
        let r = try git.must(["diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", from, to])
        var out: [String: Entry] = [:]
        let parts = r.out.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var i = 0
        while i + 1 < parts.count {
            // ":100644 100644 <old> <new> M" then the path
            let meta = parts[i].split(separator: " ")
            let path = parts[i + 1]
            i += 2
            guard meta.count >= 5 else { continue }
            let oldBlob = String(meta[2]), newBlob = String(meta[3])
            let status: Status = meta[4].hasPrefix("A") ? .added : meta[4].hasPrefix("D") ? .deleted : .modified
            out[path] = Entry(path: path, status: status, oldBlob: status == .added ? nil : oldBlob, blob: status == .deleted ? nil : newBlob,
                              mode: String(meta[1]))
        }
        return out
    }

    /// What `git add` staged against HEAD: status letter (A, M, D, T) and path, renames off.
    public func stagedChanges() throws -> [(status: String, path: String)] {
        let parts = try git.must(["diff", "--cached", "--name-status", "--no-renames", "-z"]).out
            .split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var out: [(status: String, path: String)] = []
        var i = 0
        while i + 1 < parts.count {
            out.append((String(parts[i].prefix(1)), parts[i + 1]))
            i += 2
        }
        return out
    }

    public func read(blob: String) throws -> Data {
        try git.must(["cat-file", "blob", blob]).out
    }

    /// Many blobs in one process (a pull can bring thousands of files).
    public func read(blobs: [String]) throws -> [String: Data] {
        guard !blobs.isEmpty else { return [:] }
        let unique = Array(Set(blobs))
        let r = try git.must(["cat-file", "--batch"], input: Data(unique.joined(separator: "\n").utf8 + [0x0A]))
        var out: [String: Data] = [:]
        let bytes = [UInt8](r.out)
        var i = 0
        while i < bytes.count {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[i..<nl], as: UTF8.self).split(separator: " ")
            i = nl + 1
            guard header.count == 3, let size = Int(header[2]) else { continue }
            out[String(header[0])] = Data(bytes[i..<(i + size)])
            i += size + 1
        }
        return out
    }

    /// Many blobs in one process, in order, their contents on stdin: `fast-import` writes them
    /// (one pack, or loose objects when few) and names each (`get-mark`). It replaced
    /// `hash-object --stdin-paths`, which needed a scratch file per blob — creating those 100
    /// files was more of the sync's own time than the merges' decoding (perf). A fast-import
    /// killed half-way leaves only an unreferenced temporary pack, which git's gc removes.
    public func write(blobs: [Data]) throws -> [String] {
        guard !blobs.isEmpty else { return [] }
        var input = Data()
        input.reserveCapacity(blobs.reduce(0) { $0 + $1.count + 40 })
        for (i, data) in blobs.enumerated() {
            input.append(contentsOf: "blob\nmark :\(i + 1)\ndata \(data.count)\n".utf8)
            input.append(data)
            input.append(0x0A)
        }
        for i in blobs.indices { input.append(contentsOf: "get-mark :\(i + 1)\n".utf8) }
        input.append(contentsOf: "done\n".utf8)
        let ids = try git.must(["fast-import", "--quiet", "--done"], input: input).text.split(separator: "\n").map(String.init)
        guard ids.count == blobs.count else {
            throw SyncError.git(command: "fast-import", message: "\(ids.count) objects written for \(blobs.count) files")
        }
        return ids
    }

    /// A tree: `base` with `changes` applied (path → blob, or nil to remove), built in a
    /// private index so the user's index and work tree are untouched.
    public func tree(from base: String, changes: [String: String?]) throws -> String {
        try FileManager.default.createDirectory(at: stateDir, withIntermediateDirectories: true)
        let env = ["GIT_INDEX_FILE": stateDir.appendingPathComponent("index").path]
        try git.must(["read-tree", base], extraEnv: env)
        if !changes.isEmpty {
            var lines = ""
            for (path, blob) in changes.sorted(by: { $0.key < $1.key }) {
                lines += blob.map { "100644 \($0)\t\(path)\n" } ?? "0 0000000000000000000000000000000000000000\t\(path)\n"
            }
            try git.must(["update-index", "--index-info"], input: Data(lines.utf8), extraEnv: env)
        }
        return try git.must(["write-tree"], extraEnv: env).text
    }

    public func commitTree(_ tree: String, parents: [String], message: String, identity: [String: String]) throws -> String {
        try git.must(["commit-tree", tree] + parents.flatMap { ["-p", $0] } + ["-m", message], extraEnv: identity).text
    }

    /// Author and committer: git's own `user.name`/`user.email` when set, else the renkei actor.
    /// One `config` call for both (it was three per commit).
    public func identity(actor: String) throws -> [String: String] {
        let r = try git.run(["config", "--get-regexp", "^user\\.(name|email)$"])
        var values: [String: String] = [:]
        // The last value of a key wins, as for `config --get`.
        for line in r.ok ? String(decoding: r.out, as: UTF8.self).split(separator: "\n") : [] {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, !parts[1].isEmpty { values[String(parts[0])] = String(parts[1]) }
        }
        if values["user.name"] != nil, values["user.email"] != nil { return [:] }
        let email = values["user.email"] ?? "renkei@localhost"
        let name = values["user.name"] ?? actor
        return ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email]
    }
}
