import Foundation
import RenkeiTestSupport

/// Runs the built `renkei` binary end to end, as a script or a person would.
/// The binary sits next to the test bundle (`.build/<config>/renkei`).
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    static var binary: URL { BuiltBinary.renkei }

    /// The repo's Data/ directory (tests never write to it).
    static var dataDir: URL { Repo.data }

    /// The environment renkei runs with in tests: the repo's Data/, a pinned day, actor and
    /// locale, and no inherited workspace.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["RENKEI_DATA"] = dataDir.path
        env["RENKEI_TODAY"] = "2026-11-23"
        env["RENKEI_ACTOR"] = "tester"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "RENKEI_WORKSPACE")
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs renkei with `args`. Defaults pin the clock and the actor so outputs are reproducible.
    @discardableResult
    static func run(_ args: [String], workspace: URL? = nil, env extra: [String: String] = [:], stdin: Data? = nil,
                    timeout: TimeInterval = 60) throws -> Result {
        var full: [String] = []
        if let first = args.first { full.append(first) }
        if let ws = workspace, !args.isEmpty, args.first != "init" { full += ["--workspace", ws.path] }
        full += args.dropFirst()
        let r = try Proc.run([binary.path] + full, environment: environment(extra), stdin: stdin, timeout: timeout)
        return Result(status: r.status, stdout: r.stdout, stderr: r.stderr, stdoutData: r.out)
    }

    /// A fresh temp workspace, optionally seeded with the sample portfolio.
    static func tempWorkspace(sample: Bool = false, _ name: String = #function) throws -> URL {
        let base = Scratch.url("test")   // removed when the test process exits, whatever the test does
        let r = try run(["init", base.path] + (sample ? ["--sample"] : []))
        guard r.status == 0 else { throw HarnessError("init failed: \(r.stderr)") }
        return base
    }

    static func json(_ r: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: r.stdoutData)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
