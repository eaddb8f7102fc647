import Foundation
import RenkeiTestSupport
import Testing

/// The command line itself as hostile input, over every subcommand ArgumentParser knows (read
/// from `renkei --experimental-dump-help`, so a new command or option is covered without
/// editing this file): empty paths, negative/zero/huge numbers, malformed lines. Each failure
/// must be one line (exit 2 for usage), never a signal, a hang, the parser's English block, or
/// an empty word taken as the current directory.
@Suite struct ArgumentLineCLITests {
    struct Argument { var command: [String]; var name: String; var isOption: Bool; var isFlag: Bool }

    /// Every subcommand path and its arguments, from ArgumentParser's own description.
    static let commands: [(path: [String], arguments: [Argument])] = {
        guard let r = try? Proc.run([CLI.binary.path, "--experimental-dump-help"], environment: CLI.environment()),
              let tree = try? JSONSerialization.jsonObject(with: r.out) as? [String: Any], let root = tree["command"] as? [String: Any]
        else { return [] }
        var out: [([String], [Argument])] = []
        func walk(_ c: [String: Any], _ path: [String]) {
            let args = (c["arguments"] as? [[String: Any]] ?? []).compactMap { a -> Argument? in
                let kind = a["kind"] as? String ?? ""
                let long = (a["names"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "long" }?["name"] as? String
                if kind == "positional" { return Argument(command: path, name: a["valueName"] as? String ?? "", isOption: false, isFlag: false) }
                guard let long else { return nil }
                return Argument(command: path, name: long, isOption: kind == "option", isFlag: kind == "flag")
            }
            if !path.isEmpty { out.append((path, args)) }
            for s in c["subcommands"] as? [[String: Any]] ?? [] { walk(s, path + [s["commandName"] as? String ?? ""]) }
        }
        walk(root, [])
        return out
    }()

    /// Runs the binary in `cwd` (an empty path used to mean this directory).
    static func run(_ args: [String], in cwd: URL, env: [String: String] = [:]) throws -> Proc.Result {
        try Proc.run(["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", cwd.path, CLI.binary.path] + args,
                     environment: CLI.environment(env), timeout: 60)
    }

    static func oneLine(_ r: Proc.Result) -> Bool { r.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2 && r.stderr.hasSuffix("\n") }

    @Test func theCommandsWereRead() {
        #expect(Self.commands.count > 40, "renkei --experimental-dump-help gave \(Self.commands.count) commands")
    }

    // MARK: empty paths

    /// What each path-taking argument needs around it to reach its check (the rest of the line).
    static func lineWithEmpty(_ a: Argument, caseId: String, workspace: URL) -> [String]? {
        let ws = ["--workspace", workspace.path]
        switch (a.command, a.name) {
        case (["init"], "directory"): return ["init", ""]
        case (["import"], "file"): return ["import", ""] + ws
        case (["import"], "mapping"): return ["import", "x.csv", "--mapping", ""] + ws
        case (["ical"], "output"): return ["ical", "--output", ""] + ws
        case (["ical"], "feed"): return ["ical", "--feed", ""] + ws
        case (["export"], "output"): return ["export", "--all", "--output", ""] + ws
        case (["sync", "init"], "remote"): return ["sync", "init", "--remote", ""] + ws
        case (["clone"], "url"): return ["clone", "", "x"]
        case (["clone"], "dir"): return ["clone", "/nonexistent/repo.git", ""]
        case (["merge-driver"], "base"): return ["merge-driver", "", "a", "b"]
        case (["merge-driver"], "ours"): return ["merge-driver", "a", "", "b"]
        case (["merge-driver"], "theirs"): return ["merge-driver", "a", "b", ""]
        default: return nil
        }
    }

    /// Names that are paths wherever they appear (options and positionals).
    static let pathNames: Set<String> = ["workspace", "output", "feed", "mapping", "remote", "directory", "file", "url", "dir", "base", "ours", "theirs"]

    @Test func anEmptyPathIsOneLineEverywhereAPathIsTaken() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let caseId = try #require(try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).sorted().first?
            .replacingOccurrences(of: ".json", with: ""))
        let cwd = try Scratch.directory("empty-path-cwd")
        var missing: [String] = [], bad: [String] = []
        // --workspace is one option of every command, read in one place (`AppContext`): the
        // start-up shortcut's commands, a reading, a writing and the generator hold it.
        var lines = [["list"], ["overdue"], ["show", caseId], ["sync"], ["note", caseId, "①"], ["dev", "generate", "--cases", "1"]].map {
            (Argument(command: [$0[0]], name: "workspace", isOption: true, isFlag: false), $0 + ["--workspace", ""])
        }
        for (_, arguments) in Self.commands {
            // `quarantine FILE` names a file inside cases/ by its case id (checked as one: `quarantine ''` is "invalid case id").
            for a in arguments where Self.pathNames.contains(a.name) && a.name != "workspace" && !a.isFlag && a.command != ["quarantine"] {
                guard let line = Self.lineWithEmpty(a, caseId: caseId, workspace: ws) else { missing.append("\(a.command.joined(separator: " ")) \(a.name)"); continue }
                lines.append((a, line))
            }
        }
        for (a, line) in lines {
                for lang in ["C.UTF-8", "ja_JP.UTF-8"] {
                    let r = try Self.run(line, in: cwd, env: ["LANG": lang])
                    let named = a.isOption ? "--\(a.name)" : "<\(a.name)>"
                    if r.signalled || r.status != 2 || !Self.oneLine(r) || !r.stderr.contains(named) || !(r.stderr.contains("empty") || r.stderr.contains("空")) {
                        bad.append("renkei \(line.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ")) [\(lang)] → \(r.status): \(r.stderr)")
                    }
                }
        }
        #expect(missing.isEmpty, "path arguments this test does not know how to reach: \(missing)")
        #expect(bad.isEmpty, "\n\(bad.joined(separator: "\n"))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.path).isEmpty, "something was written into the current directory")
    }

    // MARK: numbers

    /// A line reaching each numeric option's check (`V` is the value under test).
    static func numericLine(_ a: Argument, caseId: String) -> [String]? {
        let v = "V"
        switch (a.command, a.name) {
        case (["list"], "limit"), (["overdue"], "within"), (["ical"], "within"), (["calendar"], "fiscal-year"), (["funnel"], "fiscal-year"):
            return a.command + ["--\(a.name)", v]
        case (["similar"], "limit"): return ["similar", caseId, "--limit", v]
        case (["municipality", "find"], "limit"): return ["municipality", "find", "狭山", "--limit", v]
        case (["new"], "fiscal-year"): return ["new", "--title", "①数値", "--municipality", "狭山市", "--fiscal-year", v]
        case (["dev", "generate"], "cases"): return ["dev", "generate", "--cases", v]
        case (["dev", "generate"], "threads"): return ["dev", "generate", "--cases", "1", "--threads", v]
        case (["dev", "generate"], "seed"): return ["dev", "generate", "--cases", "1", "--seed", v]
        case (["funding"], "rate"), (["funding"], "yen"): return ["funding", caseId, "補助金", "--\(a.name)", v]
        case (["budget-line"], "yen"): return ["budget-line", caseId, "委託料", "--yen", v]
        case (["kpi"], "baseline"), (["kpi"], "target"), (["kpi"], "actual"): return ["kpi", caseId, "参加者数", "--\(a.name)", v]
        case (["conflicts"], "keep"), (["conflicts"], "take-other"): return ["conflicts", "--\(a.name)", v]
        default: return nil
        }
    }

    /// Options whose value is a number though ArgumentParser takes it as text (parsed by the command).
    static let textNumbers: Set<String> = ["rate", "yen", "baseline", "target", "actual", "keep", "take-other"]

    /// Negative, zero and huge values for every numeric option: exit 0 (taken, meaningfully) or one
    /// line naming the option (before: `--within -1` said "--within needs a value", `--rate 101`
    /// and `--threads -1` were taken, `list --limit -1` printed nothing).
    @Test func negativeZeroAndHugeNumbersAreTakenOrOneLineForEveryNumericOption() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let caseId = try #require(try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).sorted().first?
            .replacingOccurrences(of: ".json", with: ""))
        let cwd = try Scratch.directory("numbers-cwd")
        var numeric: [Argument] = []
        for (_, arguments) in Self.commands {
            for a in arguments where a.isOption && !["workspace", "today"].contains(a.name) {
                if Self.textNumbers.contains(a.name) { numeric.append(a); continue }
                // ArgumentParser's integer options refuse a letter with "is not a valid": that is how they are found.
                let positionals = arguments.filter { !$0.isOption && !$0.isFlag }.map { _ in "p" }
                let probe = try Self.run(a.command + positionals + ["--\(a.name)", "x"], in: cwd)
                if probe.stderr.contains("is not a valid") { numeric.append(a) }
            }
        }
        #expect(numeric.count >= 17, "found only \(numeric.map { "\($0.command) --\($0.name)" })")
        var missing: [String] = [], bad: [String] = []
        for a in numeric {
            guard let template = Self.numericLine(a, caseId: caseId) else { missing.append("\(a.command.joined(separator: " ")) --\(a.name)"); continue }
            for value in ["-1", "0", "-9223372036854775808", "9223372036854775807", "99999999999999999999", "-0.5"] {
                var line = template.map { $0 == "V" ? value : $0 }
                line += a.command == ["dev", "generate"] ? ["--workspace", ws.appendingPathComponent("gen-\(a.name)").path, "--quiet"] : ["--workspace", ws.path]
                let r = try Self.run(line, in: cwd, env: ["LANG": "ja_JP.UTF-8"])
                let ok = !r.signalled && [0, 1, 2].contains(r.status) && (r.status == 0 || Self.oneLine(r))
                    && !r.stderr.contains("の値を指定してください") && (r.status == 0 || r.stderr.contains("--\(a.name)") || r.stderr.contains("「\(value)」"))
                if !ok { bad.append("renkei \(line.joined(separator: " ")) → \(r.status)\(r.signalled ? " (signal)" : ""): \(r.stderr)") }
            }
        }
        #expect(missing.isEmpty, "numeric options this test does not know how to reach: \(missing)")
        #expect(bad.isEmpty, "\n\(bad.joined(separator: "\n"))")
    }

    /// Values that are not what the option means are refused, not clamped or stored.
    @Test func valuesOutsideAnOptionsMeaningAreRefused() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let caseId = try #require(try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).sorted().first?
            .replacingOccurrences(of: ".json", with: ""))
        let before = try Data(contentsOf: ws.appendingPathComponent("cases/\(caseId).json"))
        for line in [["ical", "--within", "-1"], ["overdue", "--within", "-1"], ["list", "--limit", "0"], ["list", "--limit", "-1"],
                     ["municipality", "find", "狭山", "--limit", "0"], ["similar", caseId, "--limit", "-3"],
                     ["funding", caseId, "補助金", "--rate", "101"], ["funding", caseId, "補助金", "--rate", "-1"], ["funding", caseId, "補助金", "--rate", "1e300"],
                     ["dev", "generate", "--cases", "1", "--threads", "0"]] {
            let r = try Self.run(line + ["--workspace", ws.path], in: ws)
            #expect(r.status == 2 && r.stderr.contains("out of range") && r.stderr.split(separator: "\n").count == 1, "\(line): \(r.stderr)")
        }
        #expect(try Data(contentsOf: ws.appendingPathComponent("cases/\(caseId).json")) == before, "a refused value changed the case")
        #expect(try Self.run(["funding", caseId, "補助金", "--rate", "50", "--workspace", ws.path], in: ws).status == 0)
    }

    // MARK: malformed lines

    /// Every subcommand × malformed endings: one line, exit 2, in Japanese under ja (the
    /// parser's own sentences are translated by `UsageError`), never a help block.
    @Test func everyUsageErrorOfEverySubcommandIsOneLine() throws {
        let cwd = try Scratch.directory("usage-cwd")
        var bad: [String] = []
        for (path, arguments) in Self.commands where path != ["help"] {
            var endings: [[String]] = [["--bogus"], ["-x"], ["--", "a", "b", "c", "d", "e"], ["a", "b", "c", "d", "e", "f"]]
            if let option = arguments.first(where: { $0.isOption }) { endings.append(["--\(option.name)"]) }
            if let flag = arguments.first(where: { $0.isFlag && !["version", "help"].contains($0.name) }) { endings.append(["--\(flag.name)=1"]) }
            for ending in endings {
                let r = try Self.run(path + ending, in: cwd, env: ["LANG": "ja_JP.UTF-8", "RENKEI_WORKSPACE": cwd.appendingPathComponent("none").path])
                // A subcommand group takes the words as its default subcommand's; that may legitimately run.
                if r.status == 0 { continue }
                let leak = EnglishLeak.runs(in: r.stderr)
                if r.signalled || !Self.oneLine(r) || (r.status == 2 && !leak.isEmpty) {
                    bad.append("renkei \(path.joined(separator: " ")) \(ending.joined(separator: " ")) → \(r.status): \(r.stderr) \(leak)")
                }
            }
        }
        for line in [["help", "nope"], ["help", "import", "x"], ["--generate-completion-script=foo"]] {
            let r = try Self.run(line, in: cwd, env: ["LANG": "ja_JP.UTF-8"])
            if r.status != 2 || !Self.oneLine(r) || !EnglishLeak.runs(in: r.stderr).isEmpty { bad.append("renkei \(line.joined(separator: " ")) → \(r.status): \(r.stderr)") }
        }
        #expect(bad.isEmpty, "\n\(bad.joined(separator: "\n"))")
    }

    /// `CommandLineShape.optionsWithValue` (which keeps `--within -1` together) is exactly
    /// ArgumentParser's list of options that take a value.
    @Test func theShapersListOfValuedOptionsIsArgumentParsers() throws {
        let source = try String(contentsOf: Repo.root.appendingPathComponent("Sources/renkei/Support/CommandLineShape.swift"), encoding: .utf8)
        let block = try #require(source.range(of: "optionsWithValue: Set<String> = [").map { source[$0.upperBound...] }?.prefix { $0 != "]" })
        let listed = Set(block.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
        let actual = Set(Self.commands.flatMap { $0.arguments.filter(\.isOption).map(\.name) })
        #expect(listed == actual, "missing: \(actual.subtracting(listed).sorted()), extra: \(listed.subtracting(actual).sorted())")
    }
}
