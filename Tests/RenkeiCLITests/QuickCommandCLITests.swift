import Foundation
import Testing
import RenkeiCore

/// The start-up shortcut (`QuickCommand`) must be invisible: for generated argument lists of
/// `list`, `overdue` and `show` — ordinary, odd and wrong — the binary prints the same stdout and
/// stderr and exits with the same status with the shortcut on and off (RENKEI_NO_QUICK=1).
@Suite struct QuickCommandCLITests {
    @Test func theShortcutAndArgumentParserAgree() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        var rng = SplitMix64(seed: 19)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let words: [[String]] = [
            ["--count"], ["--json"], ["--stage", "予算化"], ["--stage=budgeting"], ["--stage", "nope"], ["--exit", "調達"],
            ["--search", "狭山"], ["--search=ｻﾔﾏ"], ["--limit", "3"], ["--limit", "x"], ["--limit"], ["--within", "30"],
            ["--within=abc"], ["--all"], ["--wareki"], ["--today", "2027-03-01"], ["--today", "bad"], ["--count", "--count"],
            ["--unknown"], ["-h"], ["--json=1"], ["sayama-ntt"], ["sayama-ntt-eco-action"], ["no-such-case"], ["--"],
        ]
        // Every word with every command once (on a day with overdue items), then random mixes.
        var lists: [[String]] = [["show"]]
        for command in ["list", "overdue", "show"] {
            for w in words { lists.append([command] + w + (command == "show" ? ["sayama-ntt-eco-action"] : ["--today", "2027-03-01"])) }
        }
        for _ in 0..<60 {
            var args = [pick(["list", "overdue", "show"])]
            for _ in 0..<Int(rng.next() % 4) { args += pick(words) }
            lists.append(args)
        }
        for (n, args) in lists.enumerated() {
            // Global options after the command and, every other list, before it (the git way).
            let full = n % 2 == 0 ? args + ["--workspace", ws.path] : ["--workspace", ws.path] + args
            let quick = try CLI.run(full)
            let parsed = try CLI.run(full, env: ["RENKEI_NO_QUICK": "1"])
            #expect(quick.status == parsed.status, "\(args): \(quick.status) vs \(parsed.status)")
            #expect(quick.stdout == parsed.stdout, "\(args)")
            #expect(quick.stderr == parsed.stderr, "\(args)")
        }
        let version = try CLI.run(["--version"]), parsedVersion = try CLI.run(["--version"], env: ["RENKEI_NO_QUICK": "1"])
        #expect(version.status == 0 && version.stdout.hasPrefix("renkei "))
        #expect(version.stdout == parsedVersion.stdout && version.stderr == parsedVersion.stderr)
    }

    /// The catalog is loaded when a command reads it, not at start-up: a damaged guide catalog
    /// leaves `list --count` working and stops `show` with one line naming the file.
    @Test func theCatalogIsReadOnlyByCommandsThatNeedIt() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: ws); try? FileManager.default.removeItem(at: data) }
        try FileManager.default.copyItem(at: CLI.dataDir, to: data)
        let guide = data.appendingPathComponent("catalog/guide.json")
        try Data("{\"stages\": [※ 壊れた".utf8).write(to: guide)
        let env = ["RENKEI_DATA": data.path]
        let count = try CLI.run(["list", "--count"], workspace: ws, env: env)
        #expect(count.status == 0 && count.stdout == "17\n", "\(count.stderr)")
        let id = try #require(try CLI.run(["list", "--json"], workspace: ws, env: env).stdout
            .components(separatedBy: "\"id\" : \"").dropFirst().first?.components(separatedBy: "\"").first)
        let show = try CLI.run(["show", id], workspace: ws, env: env)
        #expect(show.status == 1)
        #expect(show.stderr.split(separator: "\n").count == 1 && show.stderr.contains("guide.json"), "\(show.stderr)")
        // A write stops before anything is written: the case file is unchanged.
        let file = ws.appendingPathComponent("cases/\(id).json")
        let before = try Data(contentsOf: file)
        let note = try CLI.run(["note", id, "メモ①"], workspace: ws, env: env)
        #expect(note.status == 1 && note.stderr.contains("guide.json"))
        #expect(try Data(contentsOf: file) == before)
    }
}
