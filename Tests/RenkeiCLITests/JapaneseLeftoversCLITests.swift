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
}
