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
        for args in lists {
            let full = args + ["--workspace", ws.path]
            let quick = try CLI.run(full)
            let parsed = try CLI.run(full, env: ["RENKEI_NO_QUICK": "1"])
            #expect(quick.status == parsed.status, "\(args): \(quick.status) vs \(parsed.status)")
            #expect(quick.stdout == parsed.stdout, "\(args)")
            #expect(quick.stderr == parsed.stderr, "\(args)")
        }
    }
}
