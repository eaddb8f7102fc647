import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `git` as a subprocess: the distributed engine renkei trusts (issue 12). Every call names the
/// repository explicitly (`-C`), never reads stdin from the terminal and never opens an editor
/// or a credential prompt (credential helpers that work without a prompt still do).
public struct Git: Sendable {
    public let root: URL
    public let executable: String
    /// Extra environment for every call (e.g. `GIT_INDEX_FILE` for a temporary index).
    public var environment: [String: String] = [:]

    public struct Result: Sendable {
        public var status: Int32
        public var out: Data
        public var err: String
        public var text: String { String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        public var ok: Bool { status == 0 }
    }

    public init(root: URL, executable: String? = nil) throws {
        // git may exit before reading all of stdin; that must be an error result, not SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        self.root = root
        guard let exe = executable ?? Git.find() else { throw SyncError.gitMissing }
        self.executable = exe
    }

    /// The git on PATH, if any.
    public static func find(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = String(dir) + "/git"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs git; never throws for a non-zero status (callers decide what it means).
    @discardableResult
    public func run(_ args: [String], input: Data? = nil, extraEnv: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"          // no password prompt: fail and say so instead
        env["GIT_EDITOR"] = "true"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["GIT_SSH_COMMAND"] = env["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes -o ConnectTimeout=15"
        env["LC_ALL"] = "C"                        // stable messages to classify (auth, network)
        for (k, v) in environment { env[k] = v }
        for (k, v) in extraEnv { env[k] = v }
        let (status, out, errData) = try Spawn.run(executable, ["git", "-C", root.path] + args, env: env, input: input)
        return Result(status: status, out: out, err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs git and fails with `SyncError.git` (the command and git's own first line) when it fails.
    @discardableResult
    public func must(_ args: [String], input: Data? = nil, extraEnv: [String: String] = [:]) throws -> Result {
        let r = try run(args, input: input, extraEnv: extraEnv)
        guard r.ok else { throw SyncError.git(command: args.prefix(2).joined(separator: " "), message: Git.firstLine(r.err)) }
        return r
    }

    static func firstLine(_ s: String) -> String {
        s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("hint:") } ?? ""
    }
}

/// posix_spawn + waitpid: Foundation's `Process.waitUntilExit` polls every 50 ms, which made
/// a no-op sync (a dozen git calls) take over half a second.
enum Spawn {
    static func run(_ exe: String, _ argv: [String], env: [String: String], input: Data?) throws -> (Int32, Data, Data) {
        var outFds: [Int32] = [0, 0], errFds: [Int32] = [0, 0], inFds: [Int32] = [0, 0]
        guard pipe(&outFds) == 0, pipe(&errFds) == 0, pipe(&inFds) == 0 else { throw SyncError.gitMissing }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Without input, stdin is a pipe closed at once: git reads end of input, never a terminal.
        posix_spawn_file_actions_adddup2(&actions, inFds[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outFds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errFds[1], 2)
        for fd in outFds + errFds + inFds { posix_spawn_file_actions_addclose(&actions, fd) }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, exe, &actions, nil, cArgs, cEnv)
        close(outFds[1]); close(errFds[1]); close(inFds[0])
        guard rc == 0 else { close(outFds[0]); close(errFds[0]); close(inFds[1]); throw SyncError.gitMissing }
        let errBox = DataBox()
        let group = DispatchGroup()
        let errFd = errFds[0], inFd = inFds[1]
        DispatchQueue.global().async(group: group) { errBox.data = readAll(errFd) }
        if let input {
            DispatchQueue.global().async(group: group) {
                input.withUnsafeBytes { raw in
                    var off = 0
                    while off < raw.count {
                        let n = write(inFd, raw.baseAddress! + off, raw.count - off)
                        if n <= 0 { if n < 0 && errno == EINTR { continue }; break }
                        off += n
                    }
                }
                close(inFd)
            }
        } else { close(inFd) }
        let out = readAll(outFds[0])
        group.wait()
        close(outFds[0]); close(errFd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand (macros are not imported into Swift).
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, out, errBox.data)
    }

    static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buf, buf.count)
            if n > 0 { data.append(buf, count: n) } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return data
    }
}

/// Bytes handed from a reader thread to the caller, which reads them only after the join.
private final class DataBox: @unchecked Sendable { var data = Data() }
