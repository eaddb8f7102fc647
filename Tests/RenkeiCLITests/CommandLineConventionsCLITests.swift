import Foundation
import Testing

/// Issue 19's command-line conventions, on the built binary: global options before the command
/// (the git/kubectl way), `--version` with the commit, `help COMMAND`, the nearest command for a
/// typo, plain output to a pipe and `--json` on every listing.
@Suite struct CommandLineConventionsCLITests {
    let ws: URL
    init() throws { ws = try CLI.tempWorkspace(sample: true) }

    /// Runs with the arguments exactly as given (CLI.run puts --workspace after the first word).
    func raw(_ args: [String], env: [String: String] = [:]) throws -> CLI.Result { try CLI.run(args, env: env) }

    @Test func globalOptionsBeforeTheCommandMeanTheSameAsAfter() throws {
        defer { try? FileManager.default.removeItem(at: ws) }
        let after = try CLI.run(["list", "--json"], workspace: ws)
        #expect(after.status == 0)
        for args in [["--workspace", ws.path, "list", "--json"], ["--workspace=\(ws.path)", "list", "--json"],
                     ["--today", "2026-11-23", "--workspace", ws.path, "list", "--json"]] {
            let before = try raw(args)
            #expect(before.status == 0, "\(args): \(before.stderr)")
            #expect(before.stdout == after.stdout, "\(args)")
        }
        let overdueAfter = try raw(["overdue", "--count", "--workspace", ws.path, "--today", "2027-03-01"])
        let overdueBefore = try raw(["--today", "2027-03-01", "--workspace", ws.path, "overdue", "--count"])
        #expect(overdueBefore.status == 0 && overdueBefore.stdout == overdueAfter.stdout, "\(overdueBefore.stderr)")
        // A nested command (`dev index`) gets the globals after its whole path.
        let nested = try raw(["--workspace", ws.path, "dev", "index"])
        #expect(nested.status == 0, "\(nested.stderr)")
    }

    @Test func versionNamesTheReleaseAndTheCommit() throws {
        defer { try? FileManager.default.removeItem(at: ws) }
        let r = try raw(["--version"])
        #expect(r.status == 0)
        let version = try String(contentsOf: CLI.dataDir.deletingLastPathComponent().appendingPathComponent("VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(r.stdout.hasPrefix("renkei \(version) (commit "), "\(r.stdout)")
        #expect(r.stdout.range(of: #"\(commit ([0-9a-f]{7,}(\+dirty)?|unknown)\)"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    @Test func helpForOneCommand() throws {
        defer { try? FileManager.default.removeItem(at: ws) }
        let r = try raw(["help", "overdue"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: renkei overdue"), "\(r.stdout)")
    }

    @Test func aTypoGetsTheNearestCommandInOneLine() throws {
        defer { try? FileManager.default.removeItem(at: ws) }
        let typo = try raw(["--workspace", ws.path, "lst"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "renkei: unknown command 'lst' — did you mean 'list'? (renkei --help lists them)\n", "\(typo.stderr)")
        let ja = try raw(["overdu"], env: ["LANG": "ja_JP.UTF-8"])
        #expect(ja.status == 2 && ja.stderr.contains("「overdue」のことですか"), "\(ja.stderr)")
        // Two neighbours swapped is one typo, not two edits.
        for (typed, meant) in [("lsit", "list"), ("sycn", "sync"), ("shwo", "show")] {
            let swapped = try raw([typed])
            #expect(swapped.status == 2 && swapped.stderr.contains("did you mean '\(meant)'?"), "\(typed): \(swapped.stderr)")
        }
        let none = try raw(["狭山市"])
        #expect(none.status == 2 && none.stderr.split(separator: "\n").count == 1, "\(none.stderr)")
        #expect(!none.stderr.contains("did you mean"))
    }

    @Test func outputToAPipeIsPlainAndUncut() throws {
        defer { try? FileManager.default.removeItem(at: ws) }
        let title = String(repeating: "狭山市の環境行動促進アプリ実証※①㈱髙ｻﾔﾏ🌱", count: 3)  // ~135 columns: longer than a terminal list cuts to (36)
        let made = try CLI.run(["new", "--title", title, "--municipality", "狭山市", "--id", "long-title"], workspace: ws)
        #expect(made.status == 0, "\(made.stderr)")
        let list = try CLI.run(["list"], workspace: ws)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("\u{1B}"), "no colour escapes in a pipe")
        #expect(list.stdout.contains(title), "a pipe has no terminal width to cut to")
    }

    @Test func everyListingSpeaksJSON() throws {
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = "sayama-ntt-eco-action"
        let listings: [[String]] = [
            ["list", "--json"], ["show", id, "--json"], ["history", id, "--json"], ["overdue", "--json"],
            ["calendar", "--json"], ["similar", id, "--json"], ["joint", "--json"], ["funnel", "--json"],
            ["validate", "--json"],
        ]
        for args in listings {
            let r = try CLI.run(args, workspace: ws)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: r.stdoutData)) != nil, "\(args) is not JSON: \(r.stdout.prefix(200))")
        }
    }
}
