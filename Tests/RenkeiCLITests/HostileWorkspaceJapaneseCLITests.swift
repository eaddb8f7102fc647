import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import RenkeiTestSupport

/// Issue 14, the class check: every command's failure and warning paths, run under
/// LANG=ja_JP.UTF-8 against a hostile workspace (readable by others, an unreadable undo
/// history, a truncated case file, a broken index) and hostile files, say nothing in English.
/// The per-type walks (`StoreMessageWalkTests`) only see messages that went through the label
/// table; this sees what actually reaches the terminal, so an English sentence built anywhere
/// else (a store warning, an error's `description`, a parser's tail) fails here.
@Suite struct HostileWorkspaceJapaneseCLITests {
    static let ja = ["LANG": "ja_JP.UTF-8"]
    static let caseId = "tamba-sagri-farmland"

    /// A sample workspace made hostile: mode 755, `undo.json` not JSON, a truncated case, an
    /// index file that is not one.
    static func hostileWorkspace() throws -> URL {
        let ws = try CLI.tempWorkspace(sample: true)
        chmod(ws.path, 0o755)
        try Data("garbage{".utf8).write(to: ws.appendingPathComponent("undo.json"))
        try Data(#"{"id": "broken", "title": "①途中で"#.utf8).write(to: ws.appendingPathComponent("cases/broken.json"))
        // A workspace programme with a rate that is not a percentage, one that is not JSON, and a
        // partner record whose kind is unknown (validate, grant, partner list read them).
        let programmes = ws.appendingPathComponent("programmes")
        try FileManager.default.createDirectory(at: programmes, withIntermediateDirectories: true)
        let shipped = try FileManager.default.contentsOfDirectory(at: CLI.dataDir.appendingPathComponent("funding"), includingPropertiesForKeys: nil)
            .first { $0.pathExtension == "json" }!
        var tree = try JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as! [String: Any]
        tree["id"] = "x-rate"; tree["ratePercent"] = 150
        try JSONSerialization.data(withJSONObject: tree).write(to: programmes.appendingPathComponent("x-rate.json"))
        try Data(#"{"id": "x-cut", "tracks": [[["#.utf8).write(to: programmes.appendingPathComponent("x-cut.json"))
        try Data(#"{"name": "㈱ミライ", "kind": "alien"}"#.utf8).write(to: ws.appendingPathComponent("partners/mirai.json"))
        return ws
    }

    /// Hostile input files: a ragged CSV, a workbook that is not a zip, a binary, bad dates and
    /// amounts, a mapping that is not JSON.
    static func hostileFiles() throws -> URL {
        let dir = try Scratch.directory("hostile-files")
        try Data("件名,自治体\n①案件,狭山市,余分\n".utf8).write(to: dir.appendingPathComponent("ragged.csv"))
        try Data([0x50, 0x4B, 0x03, 0x04] + Array("garbage".utf8)).write(to: dir.appendingPathComponent("bad.xlsx"))
        try Data([0xFF, 0xFE, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("bin.csv"))
        try Data("件名,自治体,年度,期限\n㈱テスト,狭山市,令和99年,2026/13/45\n".utf8).write(to: dir.appendingPathComponent("dates.csv"))
        try Data("{".utf8).write(to: dir.appendingPathComponent("map.json"))
        // Output targets that cannot take a file: a FIFO nobody reads, a symlink loop.
        _ = mkfifo(dir.appendingPathComponent("予定.ics").path, 0o600)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a.ics").path, withDestinationPath: "b.ics")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("b.ics").path, withDestinationPath: "a.ics")
        return dir
    }

    static func commands(files f: URL) -> [[String]] {
        [["list"], ["validate"], ["overdue"], ["show", "broken"], ["show", "nope"], ["note", caseId, "髙橋さんに連絡 ※確認"],
         ["undo"], ["redo"], ["export", "broken"], ["history", caseId], ["sync"], ["conflicts"], ["conflicts", "--keep", "9"],
         ["calendar", "--municipality", "さやま"], ["import", "/nonexistent/一覧.csv"],
         ["import", f.appendingPathComponent("ragged.csv").path], ["import", f.appendingPathComponent("bin.csv").path],
         ["import", f.appendingPathComponent("dates.csv").path], ["import", f.appendingPathComponent("bad.xlsx").path],
         ["import", f.appendingPathComponent("dates.csv").path, "--mapping", f.appendingPathComponent("map.json").path],
         ["grant", caseId], ["partner", "list"],
         ["ical", "-o", f.path], ["ical", "-o", f.appendingPathComponent("予定.ics").path], ["export", "--all", "-o", f.appendingPathComponent("a.ics").path],
         ["merge-driver", "/nonexistent/base", "/nonexistent/ours", "/nonexistent/theirs", "cases/x.json"]]
    }

    @Test func noEnglishProseOnAnyFailurePath() throws {
        let ws = try Self.hostileWorkspace(), files = try Self.hostileFiles()
        var leaks: [String] = []
        for args in Self.commands(files: files) {
            let r = try CLI.run(args, workspace: ws, env: Self.ja)
            for (stream, text) in [("stderr", r.stderr), ("stdout", r.stdout)] {
                let runs = EnglishLeak.runs(in: text)
                if !runs.isEmpty { leaks.append("renkei \(args.joined(separator: " ")) (\(stream)): \(runs)") }
            }
        }
        #expect(leaks.isEmpty, "English under LANG=ja_JP.UTF-8:\n\(leaks.joined(separator: "\n"))")
    }

    /// The warnings themselves are there (the test above would pass on silence): the
    /// permission warning, the undo history kept aside, in Japanese.
    @Test func warningsAreSaidInJapanese() throws {
        let ws = try Self.hostileWorkspace()
        let r = try CLI.run(["note", Self.caseId, "メモ①"], workspace: ws, env: Self.ja)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("他のユーザーも読めます"), "\(r.stderr)")
        #expect(r.stderr.contains("取り消し履歴を読めませんでした") && r.stderr.contains("undo.json.damaged"), "\(r.stderr)")
        // English readers keep their words.
        chmod(ws.path, 0o700)
        try Data("garbage{".utf8).write(to: ws.appendingPathComponent("undo.json"))
        let en = try CLI.run(["note", Self.caseId, "memo"], workspace: ws)
        #expect(en.stderr.contains("the undo history could not be read"), "\(en.stderr)")
    }

    /// The programme and partner problems are there, in Japanese (the sweep above would pass on silence).
    @Test func recordProblemsAreSaidInJapanese() throws {
        let ws = try Self.hostileWorkspace()
        let r = try CLI.run(["validate"], workspace: ws, env: Self.ja)
        #expect(r.status != 0)
        let all = r.stdout + r.stderr
        #expect(all.contains("x-rate.json") && all.contains("百分率"), "\(all)")
        #expect(all.contains("x-cut.json") && all.contains("JSON の書き方に誤り"), "\(all)")
        #expect(all.contains("mirai.json") && all.contains("値が不明です"), "\(all)")
        // A mapping that is not JSON, a workbook that is not a zip: said, in Japanese.
        let files = try Self.hostileFiles()
        let xlsx = try CLI.run(["import", files.appendingPathComponent("bad.xlsx").path], workspace: ws, env: Self.ja)
        #expect(xlsx.stderr.contains("zip 形式ではありません"), "\(xlsx.stderr)")
        let map = try CLI.run(["import", files.appendingPathComponent("dates.csv").path, "--mapping", files.appendingPathComponent("map.json").path],
                              workspace: ws, env: Self.ja)
        #expect(map.stderr.contains("map.json") && map.stderr.contains("JSON ではありません"), "\(map.stderr)")
    }

    /// The merge driver names the file and says in Japanese why it cannot read it.
    @Test func mergeDriverReadFailureIsJapanese() throws {
        let r = try CLI.run(["merge-driver", "/nonexistent/base", "/nonexistent/ours", "/nonexistent/theirs", "cases/狭山.json"], env: Self.ja)
        #expect(r.status != 0)
        #expect(r.stderr.contains("cases/狭山.json") && EnglishLeak.hasJapanese(r.stderr), "\(r.stderr)")
    }
}
