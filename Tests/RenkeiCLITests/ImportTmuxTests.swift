import Foundation
import RenkeiTestSupport
import Testing

/// Issue 13's "done when", in a real terminal: a coordinator's Excel workbook and a kintone CSV
/// (CP932, with ① ㈱ 髙, half-width kana, 令和 dates, full-width digits, 千円) come in through
/// the workbench's `: 取り込み` — another sheet (s, on the mapping and on the preview), another
/// encoding (e), a value map (v; x clears a choice, u undoes that), the dry-run preview, one
/// mapping adjustment, the import — and the cases are on disk afterwards;
/// `u` takes the last import back.
@Suite(.serialized) struct ImportTmuxTests {
    typealias Tmux = TUIEndToEndTests.Tmux
    static let fixtures = Repo.url("Tests/RenkeiImportTests/Fixtures")

    /// kintone's clean rows saved as Excel's Japanese "CSV" would: CP932, ～ for 〜.
    static func kintoneCP932() throws -> Data {
        var text = try String(contentsOf: fixtures.appendingPathComponent("kintone-clean-utf8bom.csv"), encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try #require(text.replacingOccurrences(of: "〜", with: "～").data(using: .shiftJIS))
    }

    /// On the mapping: down to the column, Space (取り込まない), Enter (the preview: three new
    /// cases, nothing invalid), Enter (the import), and the toast.
    static func skipColumnAndImport(_ tmux: Tmux, at index: Int, _ column: String, previewShows title: String) throws {
        for _ in 0..<index { try tmux.keys("Down") }
        try tmux.keys("Space")
        _ = try tmux.waitFor("\(column) skipped") { $0.split(separator: "\n").contains { $0.contains(column) && $0.contains("取り込まない") } }
        try tmux.keys("Enter")
        let screen = try tmux.waitFor("合計: 新規 3、更新 0、変更なし 0、取り込めない行 0")
        #expect(screen.contains(title), "\(screen)")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("取り込みました: 新規 3 件")
    }

    func show(_ id: String, _ ws: URL) throws -> [String: Any] {
        let r = try CLI.run(["show", id, "--json"], workspace: ws)
        guard r.status == 0, let obj = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any] else {
            throw HarnessError("show \(id) failed: \(r.stderr)")
        }
        return obj
    }

    @Test(.enabled(if: Tmux.available)) func workbookAndKintoneCSVThroughTheWorkbench() throws {
        let ws = try CLI.tempWorkspace()
        let importDir = ws.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: importDir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("cases.xlsx"), to: importDir.appendingPathComponent("案件一覧.xlsx"))
        try Self.kintoneCP932().write(to: importDir.appendingPathComponent("kintone.csv"))
        let config = Scratch.url("import-e2e-config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let errLog = config.appendingPathComponent("stderr.log")
        let env = ["RENKEI_DATA=\(CLI.dataDir.path)", "RENKEI_ACTOR=tester", "LANG=C.UTF-8", "RENKEI_LANG=ja",
                   "XDG_CONFIG_HOME=\(config.path)"].joined(separator: " ")
        // A subscribed calendar feed (issue 13): the workbench rewrites it when it closes.
        let feed = ws.appendingPathComponent("共有/予算①.ics")
        try FileManager.default.createDirectory(at: feed.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try CLI.run(["ical", "--feed", feed.path], workspace: ws).status == 0)
        #expect(!(try String(contentsOf: feed, encoding: .utf8)).contains("BEGIN:VEVENT"), "an empty workspace has no events")
        let tmux = Tmux()
        defer {
            tmux.kill()
            if let err = try? String(contentsOf: errLog, encoding: .utf8), !err.isEmpty { Issue.record("renkei stderr:\n\(err.prefix(4000))") }
        }
        try tmux.start("env \(env) SWIFT_BACKTRACE=interactive=no '\(CLI.binary.path)' --workspace '\(ws.path)' --today 2026-11-23 2>'\(errLog.path)'",
                       width: 110, height: 32)
        _ = try tmux.waitFor("the empty list") { $0.contains("連携ワークベンチ") }

        // The workbook: the picker lists both files; typing narrows it, Enter reads it.
        try tmux.keys(":")
        try tmux.type("取り込み")
        _ = try tmux.waitFor("取り込み（Excel・CSV・kintone の一覧から）")
        try tmux.keys("Enter")
        var screen = try tmux.waitFor("the files") { $0.contains("import/案件一覧.xlsx") && $0.contains("import/kintone.csv") }
        try tmux.type("案件")
        try tmux.keys("Enter")
        screen = try tmux.waitFor("xlsx シート「案件一覧」（2 シート中 1 枚目）")
        #expect(screen.contains("予算・金額") && screen.contains("予算額(円)"), "the two-row header and its field:\n\(screen)")
        // s: the workbook's other sheet (its own columns), s again: back to the list.
        try tmux.keys("s")
        screen = try tmux.waitFor("xlsx シート「メモ」（2 シート中 2 枚目）")
        #expect(screen.contains("別シートの案件") && !screen.contains("予算・金額"), "\(screen)")
        try tmux.keys("s")
        screen = try tmux.waitFor("xlsx シート「案件一覧」（2 シート中 1 枚目）")
        // The dry run as guessed: row 5's total is a formula Excel never calculated.
        try tmux.keys("Enter")
        screen = try tmux.waitFor("取り込めない行 1")
        #expect(screen.contains("5行目、列「予算・金額」") && screen.contains("取り込めない行があるため書き込めません"), "\(screen)")
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("cases/SY-001.json").path), "the dry run wrote a case")
        // s from the preview: the other sheet's dry run (its own rows), s again: this one's again.
        try tmux.keys("s")
        screen = try tmux.waitFor("the メモ sheet's preview") { $0.contains("（2 シート中 2 枚目）") && $0.contains("合計:") && $0.contains("別シートの案件") }
        try tmux.keys("s")
        screen = try tmux.waitFor("the list's preview again") { $0.contains("（2 シート中 1 枚目）") && $0.contains("取り込めない行 1") }
        // One adjustment: skip that column (back, down to it, Space), preview again, import.
        try tmux.keys("Escape")
        _ = try tmux.waitFor("列の対応 — 案件一覧.xlsx")
        try Self.skipColumnAndImport(tmux, at: 4, "予算・金額", previewShows: "ﾃﾞｼﾞﾀﾙ窓口（髙島平）")
        let sy2 = try show("SY-002", ws)
        #expect(sy2["title"] as? String == "ﾃﾞｼﾞﾀﾙ窓口（髙島平）")
        #expect(sy2["stage"] as? String == "budgeting")
        #expect((sy2["budget"] as? [String: Any])?["fiscalYear"] as? Int == 2026)
        #expect(((sy2["budget"] as? [String: Any])?["items"] as? [Any] ?? []).isEmpty, "the skipped column was imported")
        #expect(((sy2["events"] as? [[String: Any]])?.last?["reason"] as? String) == "imported from 案件一覧.xlsx row 4")
        let sy1 = try show("SY-001", ws)
        #expect((sy1["budget"] as? [String: Any])?["fiscalYear"] as? Int == 2026, "令和8年度")

        // The kintone CSV: CP932 is detected; the preset maps レコード番号 to the key.
        try tmux.keys(":")
        try tmux.type("kintone")
        _ = try tmux.waitFor("取り込み（Excel・CSV・kintone の一覧から）")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("import/kintone.csv")
        try tmux.type("kintone")
        try tmux.keys("Enter")
        screen = try tmux.waitFor("CP932 (Shift_JIS)（自動判定）")
        #expect(screen.contains("kintone の既定の対応") && screen.contains("キー（案件ID）"), "\(screen)")
        // e: read as UTF-8 instead — it is not, so one line says so and the mapping stays.
        try tmux.keys("e")
        screen = try tmux.waitFor("kintone.csv: UTF-8 として読めません")
        #expect(screen.contains("CP932 (Shift_JIS)（自動判定）") && screen.contains("キー（案件ID）"), "\(screen)")
        // v on ステータス (the sixth column): its values and what each means; this office's
        // 見送り means 保留 (paused) — chosen from the list, saved into the mapping file with w.
        for _ in 0..<5 { try tmux.keys("Down") }
        try tmux.keys("v")
        screen = try tmux.waitFor("値の対応 — ステータス → 段階")
        #expect(screen.contains("調整・意思決定  (coordination)") && screen.contains("見送り  (dropped)"), "\(screen)")
        try tmux.keys("Down")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("この値の意味を選ぶ")
        try tmux.keys("Down")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("保留  (paused)")
        // x takes the choice back to renkei's own reading (dropped); u puts 保留 back.
        try tmux.keys("x")
        _ = try tmux.waitFor("見送り  (dropped)")
        try tmux.keys("u")
        _ = try tmux.waitFor("保留  (paused)")
        try tmux.keys("w")
        _ = try tmux.waitFor("対応表を保存しました")
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: importDir.appendingPathComponent("kintone.mapping.json"))) as? [String: Any]
        #expect((saved?["values"] as? [String: [String: String]])?["stage"]?["見送り"] == "paused", "\(String(describing: saved))")
        try tmux.keys("Escape")
        _ = try tmux.waitFor("列の対応 — kintone.csv")
        for _ in 0..<5 { try tmux.keys("Up") }
        // One adjustment: 担当課 (the fourth column) is not wanted.
        try Self.skipColumnAndImport(tmux, at: 3, "担当課", previewShows: "環境行動促進アプリ（髙橋案）")
        let k1 = try show("kintone-1", ws)
        #expect(k1["title"] as? String == "環境行動促進アプリ（髙橋案）")
        #expect(k1["department"] as? String ?? "" == "", "the skipped 担当課 was imported")
        #expect((k1["partners"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["㈱グリーンテック", "NPO法人エコ①"])
        #expect(((k1["nextAction"] as? [String: Any])?["due"] as? String) == "2026-04-01", "令和8年4月1日")
        let notes = (k1["notes"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(notes.contains { $0.contains("※第①期：ﾊﾝｶｸｶﾅ含む") }, "half-width kana kept: \(notes)")
        let k2 = try show("kintone-2", ws)
        #expect(((k2["budget"] as? [String: Any])?["items"] as? [[String: Any]])?.first?["yen"] as? Int == 1_200_000, "1,200千円")
        #expect((k2["budget"] as? [String: Any])?["fiscalYear"] as? Int == 2026, "２０２６")
        #expect(k2["stage"] as? String == "paused", "見送り as mapped on screen")

        // u in the list takes the kintone import back as one command; the workbook's stays.
        try tmux.keys("u")
        _ = try tmux.waitFor("取り消しました")
        let files = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == ["SY-001.json", "SY-002.json", "SY-003.json"])
        try tmux.keys("q")
        _ = try tmux.waitFor("exit", timeout: 10) { _ in (try? tmux.paneDead()) == true }
        let calendar = try String(contentsOf: feed, encoding: .utf8)
        #expect(calendar.contains("UID:SY-00") && !calendar.contains("UID:kintone-"), "the feed after the workbench closed:\n\(calendar.prefix(3000))")
    }
}
