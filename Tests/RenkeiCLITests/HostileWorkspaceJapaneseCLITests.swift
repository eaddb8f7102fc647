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

    /// Deadline data broken every way a person breaks it (a calendar with impossible dates, a
    /// wrong type, a cut file; funding windows with a rate over 100, closes before opens, an
    /// empty id, an id twice, an unknown kind; a catalog extension with a bad item id, no page and
    /// a method needing an unknown field, and one that is not JSON), and a case title CP932
    /// cannot hold (more than the 50 replacements the export names one by one).
    static func addHostileDeadlineData(_ ws: URL) throws {
        func write(_ path: String, _ text: String) throws {
            let url = ws.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("calendars/狭山市.json", #"""
        {"id": "Sayama City", "appliesTo": {"municipalities": ["狭山氏"], "prefectures": ["埼玉"]},
         "milestones": [{"id": "request", "year": "N-2", "date": "02-30"}, {"id": "request", "year": "N-1", "date": "02-29"},
                        {"id": "policy", "date": "１０-０１"}, {"id": "vote", "year": "N", "date": "04-05"}],
         "supplementary": [{"id": "june", "request": "05-10", "vote": "04-30"}, {"id": "june", "request": "03-01", "vote": "03-20"}]}
        """#)
        try write("calendars/髙山市.json", #"{"id": "takayama", "milestones": [{"id": "request", "year": 2026, "date": "10-31"}]}"#)
        try write("calendars/途中.json", #"{"id": "cut", "milestones": [[["#)
        try write("funding/窓口.json", #"""
        [{"id": "", "name": "①交付金", "kind": "grant", "opens": "2027-03-01", "closes": "2027-02-20", "ratePercent": 150},
         {"id": "dup-2027", "name": "㈱ミライ補助", "kind": "subsidy", "closes": "2027-01-10"},
         {"id": "dup-2027", "name": "髙橋基金", "kind": "subsidy", "closes": "2027-01-11"}]
        """#)
        try write("funding/種類.json", #"{"id": "alien-1", "name": "ｶﾞｲｱ", "kind": "alien", "closes": "2027-01-10"}"#)
        try write("funding/日付.json", #"{"id": "date-1", "name": "令和9年度", "kind": "grant", "closes": "2027-02-30"}"#)
        try write("funding/途中.json", #"[{"id": "cut""#)
        try write("catalog/追加.json", #"""
        {"schemaVersion": 1, "source": "①独自の手引き", "stages": [], "exits": [], "domains": [],
         "methods": [{"id": "x-method", "ja": "独自手法", "en": "Own method", "page": "p.1", "exit": "procurement",
                      "requiredFields": ["nosuch"], "items": []}],
         "referenceItems": [{"id": "Bad Item", "ja": "髙い参考", "en": "x", "page": ""}]}
        """#)
        try write("catalog/壊れ.json", #"{"schemaVersion": 1, "source": "#)
    }

    /// Issue 14's class check for the deadline data and the CP932 export: validate, calendar,
    /// overdue and export say nothing in English about them under LANG=ja_JP.UTF-8, and they
    /// do say it (the sweep alone would pass on silence).
    @Test func deadlineDataCatalogAndCP932SayNothingInEnglish() throws {
        let ws = try Self.hostileWorkspace()
        try Self.addHostileDeadlineData(ws)
        let title = String(repeating: "🌸", count: 60) + "①髙"
        #expect(try CLI.run(["set", Self.caseId, "title", title], workspace: ws, env: Self.ja).status == 0)
        let csv = try Scratch.directory("cp932").appendingPathComponent("一覧.csv")
        let commands: [[String]] = [["validate"], ["calendar"], ["calendar", "--municipality", "狭山市"], ["overdue", "--all"],
                                    ["export", "--all", "--format", "csv", "--encoding", "cp932", "-o", csv.path]]
        var leaks: [String] = [], said = ""
        for args in commands {
            let r = try CLI.run(args, workspace: ws, env: Self.ja)
            said += r.stdout + r.stderr
            for (stream, text) in [("stderr", r.stderr), ("stdout", r.stdout)] {
                // A sample's next action names a programme in capitals (JAPAN STARTUP SELECTION): data, not prose.
                let runs = EnglishLeak.runs(in: text).filter { $0 != $0.uppercased() }
                if !runs.isEmpty { leaks.append("renkei \(args.joined(separator: " ")) (\(stream)): \(runs)") }
            }
        }
        #expect(leaks.isEmpty, "English under LANG=ja_JP.UTF-8:\n\(leaks.joined(separator: "\n"))")
        for (file, words) in [("狭山市.json", "日付ではありません"), ("髙山市.json", "型が違います"), ("途中.json", "JSON の書き方に誤り"),
                              ("窓口.json", "百分率"), ("窓口.json", "受付開始"), ("窓口.json", "dup-2027"), ("種類.json", "値が不明です"),
                              ("日付.json", "日付（YYYY-MM-DD）ではありません"), ("追加.json", "requiredFields"), ("壊れ.json", "JSON")] {
            #expect(said.split(separator: "\n").contains { $0.contains(file) && $0.contains(words) }, "\(file) / \(words) not said:\n\(said)")
        }
        #expect(said.contains("〓") && said.contains("文字も 〓 にしました"), "\(said)")
    }
}
