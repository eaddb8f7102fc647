import Foundation
import Testing

/// Issue 14's last audit on the command line: no file id in the calendar header, help examples
/// that name real sample cases, and "—" (never a blank cell) for an unset value.
@Suite struct JapaneseLeftoversCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    @Test func theCalendarHeaderNamesTheCalendarNotItsFile() throws {
        let ws = try CLI.tempWorkspace(sample: true); defer { try? FileManager.default.removeItem(at: ws) }
        for env in [ja, ["LANG": "C"]] {
            let r = try CLI.run(["calendar"], workspace: ws, env: env)
            let header = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!header.contains("[") && !header.contains("default"), "\(header)")
            #expect(header.contains(env == ja ? "標準的な自治体の予算編成スケジュール" : "budget calendar"), "\(header)")
            // The list of calendars says whom each applies to in the reader's words.
            if env == ja { #expect(!r.stdout.contains("→ designated-city") && !r.stdout.contains("→ prefecture"), "\(r.stdout)") }
        }
    }

    /// Every `renkei <command> <id>` in any command's help names a case the samples have.
    @Test func helpExamplesUseSampleIds() throws {
        let samples = Set(try FileManager.default.contentsOfDirectory(atPath: CLI.dataDir.appendingPathComponent("samples/cases").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        let top = try CLI.run(["--help"]).stdout
        let commands = top.split(separator: "\n").compactMap { line -> String? in
            let t = line.drop { $0 == " " }
            guard line.hasPrefix("  "), let w = t.split(separator: " ").first, w.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            return String(w)
        }
        #expect(commands.contains("export"), "\(top)")
        for command in commands {
            let help = try CLI.run([command, "--help"]).stdout
            for line in help.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let at = words.firstIndex(of: "renkei"), words.count > at + 2, words[at + 1] == command else { continue }
                let arg = words[at + 2]
                // A case id in an example: lower-case words joined by '-', not an option, file or value.
                guard arg.contains("-"), !arg.hasPrefix("-"),
                      arg.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else { continue }
                #expect(samples.contains(arg), "renkei \(command) --help: '\(arg)' is not a sample case")
            }
        }
    }

    /// A case without partners, exit or method shows "—" there, so every row has every column.
    @Test func unsetValuesAreADashInTheList() throws {
        let ws = try CLI.tempWorkspace(sample: true); defer { try? FileManager.default.removeItem(at: ws) }
        for env in [ja, ["LANG": "C", "COLUMNS": "250"]] {
            let r = try CLI.run(["list"], workspace: ws, env: env)
            #expect(r.status == 0, "\(r.stderr)")
            let rows = r.stdout.split(separator: "\n").dropFirst()
            #expect(rows.contains { $0.hasPrefix("okayama-momosta-field") })
            for row in rows {
                let cells = row.components(separatedBy: "  ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                #expect(cells.count == 7, "\(cells.count) cells: \(row)")
            }
        }
    }

    static func hasJapanese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The argument parser's refusals and the commands' own usage checks: one Japanese line,
    /// exit 2, the command's help named (issue 14: "Error: Missing expected argument" + usage).
    @Test func usageErrorsAreOneJapaneseLine() throws {
        let ws = try CLI.tempWorkspace(sample: true); defer { try? FileManager.default.removeItem(at: ws) }
        let cases: [[String]] = [["show"], ["move", "tamba-sagri-farmland"], ["list", "余分"], ["list", "--bogus"], ["move", "tamba", "--to"],
                                 ["calendar", "--fiscal-year", "abc"], ["calendar", "--fiscal-year", "1800"], ["export"],
                                 ["export", "--all", "--anonymize"], ["similar", "tamba", "--limit", "0"], ["advance", "tamba", "--force"],
                                 ["import", "x.csv", "--preset", "excel"], ["new", "--id", "a/b", "--title", "t", "--municipality", "狭山市"],
                                 ["snooze", "tamba", "stale", "--until", "令和"], ["overdue", "--today", "明日"],
                                 ["export", "tamba", "--format", "xyz"], ["export", "tamba", "--for", "x"], ["export", "tamba", "--lang", "xx"],
                                 ["export", "tamba", "--template", "../x"]]
        for args in cases {
            let r = try CLI.run(args, workspace: ws, env: ja)
            let lines = r.stderr.split(separator: "\n")
            #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
            #expect(lines.count == 1, "\(args): one line: \(r.stderr)")
            #expect(Self.hasJapanese(r.stderr), "\(args): \(r.stderr)")
            for english in ["Error:", "Usage:", "Missing", "Unexpected", "Unknown option", "is invalid", "give ", "must be", "is not a date", "invalid case id",
                            "unknown format", "unknown audience", "unknown language", "invalid template"] {
                #expect(!r.stderr.contains(english), "\(args): '\(english)' in \(r.stderr)")
            }
            let en = try CLI.run(args, workspace: ws)
            #expect(en.status == 2 && en.stderr.split(separator: "\n").count == 1, "\(args) en: \(en.status) \(en.stderr)")
        }
        #expect(try CLI.run(["show"], workspace: ws, env: ja).stderr.contains("renkei show --help"))
    }

    /// The store's failures reach the person in Japanese: a damaged case, the undo that cannot
    /// take a command back because the field changed since, an id that is already used.
    @Test func storeErrorsAreJapanese() throws {
        let ws = try CLI.tempWorkspace(sample: true); defer { try? FileManager.default.removeItem(at: ws) }
        let bad = ws.appendingPathComponent("cases/x-broken.json")
        try Data("{\"id\": \"x-broken\", ".utf8).write(to: bad)
        let show = try CLI.run(["show", "x-broken"], workspace: ws, env: ja)
        #expect(show.status == 1 && Self.hasJapanese(show.stderr) && show.stderr.contains("x-broken.json"), "\(show.stderr)")
        #expect(show.stderr.contains("renkei quarantine x-broken") && !show.stderr.contains("fix the file"), "\(show.stderr)")
        let list = try CLI.run(["list"], workspace: ws, env: ja)
        #expect(list.stderr.contains("破損") && list.stderr.contains("ファイルが途中で終わっています"), "\(list.stderr)")
        let validate = try CLI.run(["validate"], workspace: ws, env: ja)
        #expect(validate.stdout.contains("ファイルが途中で終わっています") || validate.stderr.contains("ファイルが途中で終わっています"), "\(validate.stdout)\(validate.stderr)")

        // Undo after someone else changed the same field since: exit 4, one Japanese line.
        let env = ja.merging(["RENKEI_ACTOR": "髙橋"]) { $1 }
        #expect(try CLI.run(["set", "tamba-sagri-farmland", "title", "①の件名"], workspace: ws, env: env).status == 0)
        #expect(try CLI.run(["set", "tamba-sagri-farmland", "title", "②の件名"], workspace: ws, env: ja.merging(["RENKEI_ACTOR": "佐藤"]) { $1 }).status == 0)
        let undo = try CLI.run(["undo"], workspace: ws, env: env)
        #expect(undo.status == 4, "\(undo.status) \(undo.stderr)")
        #expect(Self.hasJapanese(undo.stderr) && undo.stderr.contains("tamba-sagri-farmland") && undo.stderr.contains("件名"), "\(undo.stderr)")
        #expect(!undo.stderr.contains("cannot undo") && !undo.stderr.contains("changed since"), "\(undo.stderr)")

        let dup = try CLI.run(["new", "--id", "tamba-sagri-farmland", "--title", "重複", "--municipality", "丹波市"], workspace: ws, env: ja)
        #expect(dup.status != 0 && Self.hasJapanese(dup.stderr) && dup.stderr.contains("tamba-sagri-farmland"), "\(dup.stderr)")
    }

    /// `--help` under ja: the overview, the discussion and every command's one line come from
    /// the label table (option help stays English: it names flags a script types).
    @Test func helpAbstractsAreJapanese() throws {
        for args in [["--help"], ["partner", "--help"], ["municipality", "--help"], ["sync", "--help"], ["dev", "--help"]] {
            let r = try CLI.run(args, env: ja)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let overview = lines.first(where: { $0.hasPrefix("OVERVIEW:") }) { #expect(Self.hasJapanese(overview), "\(args): \(overview)") }
            guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { Issue.record("\(args): no SUBCOMMANDS"); continue }
            var described = 0
            for line in lines[(start + 1)...] {
                if line.isEmpty || !line.hasPrefix("  ") { break }
                // "  list                    案件の一覧…" — the name, then its line.
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                guard words.count == 2 else { continue }
                described += 1
                #expect(Self.hasJapanese(String(words[1])), "\(args): \(line)")
            }
            #expect(described > 1, "\(args): \(r.stdout)")
        }
        #expect(try CLI.run(["--help"], env: ja).stdout.contains("終了コード"))
        #expect(try CLI.run(["--help"]).stdout.contains("Exit codes"))
    }
}
