import Foundation
import RenkeiTestSupport

/// Temp git set-ups for the sync tests: a bare repository (the 庁内 file server) and several
/// workspaces, each a renkei CLI with its own person and clock.
struct SyncLab {
    let dir: URL
    var hub: URL { dir.appendingPathComponent("hub.git") }

    init() throws {
        dir = try Scratch.directory("sync")   // removed when the test process exits
        try Self.git(["init", "-q", "--bare", hub.path], in: dir)
    }

    func ws(_ name: String) -> URL { dir.appendingPathComponent(name) }

    /// `a` with `cases` generated cases (or the samples), shared with `sync init --remote`;
    /// the others cloned from the hub.
    func setUp(_ names: [String], sample: Bool = true) throws {
        let first = ws(names[0])
        let r = try CLI.run(["init", first.path] + (sample ? ["--sample"] : []))
        guard r.status == 0 else { throw HarnessError("init: \(r.stderr)") }
        let s = try run(names[0], ["sync", "init", "--remote", hub.path])
        guard s.status == 0 else { throw HarnessError("sync init: \(s.stderr)") }
        for n in names.dropFirst() {
            let c = try CLI.run(["clone", hub.path, ws(n).path], env: env(n))
            guard c.status == 0 else { throw HarnessError("clone: \(c.stderr)") }
        }
    }

    func env(_ who: String, at: String? = nil) -> [String: String] {
        var e = ["RENKEI_ACTOR": "職員" + who, "RENKEI_LANG": "en",
                 // No personal git identity: renkei's actor is the author (as on a fresh 庁内 PC).
                 "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
        if let at { e["RENKEI_NOW"] = at }
        return e
    }

    @discardableResult
    func run(_ who: String, _ args: [String], at: String? = nil) throws -> CLI.Result {
        // The workspace goes last, so `sync init --remote …` reaches its subcommand.
        try CLI.run(args + ["--workspace", ws(who).path], env: env(who, at: at))
    }

    /// Every file under `sub` (path → bytes).
    func files(_ who: String, _ sub: String = "cases") -> [String: Data] {
        let root = ws(who).appendingPathComponent(sub)
        var out: [String: Data] = [:]
        for f in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where !f.hasPrefix(".") {
            out[f] = try? Data(contentsOf: root.appendingPathComponent(f))
        }
        return out
    }

    func caseJSON(_ who: String, _ id: String) throws -> [String: Any] {
        let d = try Data(contentsOf: ws(who).appendingPathComponent("cases/\(id).json"))
        return try JSONSerialization.jsonObject(with: d) as! [String: Any]
    }

    /// Plain git, as a person would type it (with an identity, as configured people have).
    @discardableResult
    static func git(_ args: [String], in dir: URL, allowFail: Bool = false) throws -> (Int32, String) {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        // The driver the workspace registered must find the shipped data, as `renkei` does here.
        env["RENKEI_DATA"] = CLI.dataDir.path
        let r = try Proc.run(["git", "-C", dir.path, "-c", "user.name=手作業", "-c", "user.email=hand@example.jp"] + args, environment: env)
        if r.status != 0 && !allowFail { throw HarnessError("git \(args.joined(separator: " ")): \(r.output)") }
        return (r.status, r.output)
    }

    func git(_ who: String, _ args: [String], allowFail: Bool = false) throws -> (Int32, String) {
        try Self.git(args, in: ws(who), allowFail: allowFail)
    }
}
