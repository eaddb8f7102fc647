import Foundation
import RenkeiCore
import RenkeiTestSupport
import Testing

/// Whether this machine has the ja_JP.UTF-8 locale (`Scripts/install-deps.sh`, run by `make test`
/// and CI, generates it). Without it a terminal set to LANG=ja_JP.UTF-8 falls back to C: the
/// tests below would not test what a Japanese terminal does, so they skip and say why.
enum JapaneseLocale {
    static let available: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["locale", "-a"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.split(separator: "\n").contains { ["ja_jp.utf8", "ja_jp.utf-8"].contains($0.lowercased()) }
    }()
    static let skipReason: Comment = "the ja_JP.UTF-8 locale is not generated on this machine (`locale -a`); Scripts/install-deps.sh generates it"

    /// The environment of a Japanese terminal: LANG only (no RENKEI_LANG, no LC_ALL deciding for it).
    static let unsetting = "-u RENKEI_LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE"
}

/// Issue 14's "done when", on the real binary in a real terminal under LANG=ja_JP.UTF-8 at 80
/// columns: a coordinator's morning — overdue review, snooze, filter by ｻﾔﾏ, open a case, tick,
/// advance with the gate overridden, note, history, undo. Every screen is checked: Japanese (no
/// English prose), local times (no `…T15:32:39Z`), no internal code (stage, exit, event kind,
/// catalog ids), no cut title bar, column header or dialog title.
@Suite(.serialized) struct JapaneseLocaleTmuxTests {
    typealias Tmux = TUIEndToEndTests.Tmux

    static let catalog: Catalog = try! JSONDecoder().decode(Catalog.self, from: Data(contentsOf: CLI.dataDir.appendingPathComponent("catalog/guide.json")))

    /// The codes a Japanese screen must not show (bare English words that are also ids are left
    /// out: they would be found inside case ids).
    static let codes: [String] = {
        var out = Stage.allCases.map(\.rawValue) + Exit.allCases.map(\.rawValue) + EventKind.allCases.map(\.rawValue)
        out += catalog.methods.map(\.id) + catalog.domains.map(\.id) + (catalog.allItems + catalog.referenceItems).map(\.id)
        out += ["checklist.", "reference.", "snooze.", "unknown", "field-set"]
        return Set(out).filter { $0.count >= 5 || $0.contains("-") || $0.contains(".") }.sorted()
    }()

    /// What is wrong with a captured screen; `ids` (shown on purpose) are taken out first.
    static func problems(_ screen: String, ids: [String], freeTitle: Bool = false) -> [String] {
        var text = screen
        for id in ids.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: id, with: "") }
        var out = codes.filter { text.contains($0) }.map { "code \($0)" }
        if text.range(of: #"\d{2}:\d{2}(:\d{2})?Z"#, options: .regularExpression) != nil { out.append("a UTC time") }
        // Proper nouns in the sample cases' own text are the user's words, not the workbench's.
        for noun in ["JAPAN STARTUP SELECTION"] { text = text.replacingOccurrences(of: noun, with: "") }
        out += EnglishLeak.runs(in: text).map { "English '\($0)'" }
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !freeTitle, let title = rows.first, title.contains("…") { out.append("title bar cut: \(title)") }
        if rows.count > 1, rows[1].contains("ID"), rows[1].contains("…") { out.append("column header cut: \(rows[1])") }
        if let top = rows.dropFirst().first(where: { $0.contains("┌") }), top.contains("…") { out.append("dialog title cut: \(top)") }
        return out
    }

    @Test(.enabled(if: Tmux.available), .enabled(if: JapaneseLocale.available, JapaneseLocale.skipReason))
    func aMorningOnAJapaneseTerminal() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = Scratch.url("ja-locale-config")
        defer { try? FileManager.default.removeItem(at: config) }
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let errLog = config.appendingPathComponent("stderr.log")
        let ids = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        let env = "env \(JapaneseLocale.unsetting) LANG=ja_JP.UTF-8 RENKEI_DATA='\(CLI.dataDir.path)' RENKEI_ACTOR=髙橋 XDG_CONFIG_HOME='\(config.path)'"
        let tmux = Tmux()
        defer {
            tmux.kill()
            if let err = try? String(contentsOf: errLog, encoding: .utf8), !err.isEmpty { Issue.record("renkei stderr:\n\(err.prefix(4000))") }
        }
        try tmux.start("\(env) SWIFT_BACKTRACE=interactive=no '\(CLI.binary.path)' --workspace '\(ws.path)' --today 2026-11-23 2>'\(errLog.path)'",
                       width: 80, height: 30)
        var step = "start"
        func check(_ screen: String, freeTitle: Bool = false) {
            let found = Self.problems(screen, ids: ids, freeTitle: freeTitle)
            #expect(found.isEmpty, "\(step): \(found)\n\(screen)")
        }
        check(try tmux.waitFor("the list") { $0.contains("件名") && $0.contains("hamamatsu-midwife-support") })

        step = "overdue review"
        try tmux.keys("o")
        check(try tmux.waitFor("期限レビュー"))
        step = "snooze"
        try tmux.keys("z")
        check(try tmux.waitFor("the snooze form") { $0.contains("理由") && $0.contains("Ctrl-S") })
        try tmux.keys("Tab")
        try tmux.type("議会日程待ち")
        _ = try tmux.waitFor("議会日程待ち")
        try tmux.keys("C-s")
        _ = try tmux.waitFor("the review again") { $0.contains("期限レビュー") && !$0.contains("議会日程待ち") }
        try tmux.keys("G")      // the snoozed section is last
        check(try tmux.waitFor("the snoozed section") { $0.contains("期限レビュー") && $0.contains("スヌーズ中") })
        try tmux.keys("Escape")

        step = "filter by ｻﾔﾏ"
        try tmux.keys("/")
        try tmux.type("ｻﾔﾏ")
        check(try tmux.waitFor("two cases of 狭山市") { $0.contains("2/17件") && $0.contains("sayama-ntt-eco-action") })
        try tmux.keys("Enter")

        step = "open"
        try tmux.keys("Enter")
        check(try tmux.waitFor("1 概要"), freeTitle: true)

        step = "tick"
        try tmux.keys("2")
        _ = try tmux.waitFor("[ ]")
        try tmux.keys("Space")
        check(try tmux.waitFor("ticked") { $0.contains("[x]") && $0.contains("保存しました") }, freeTitle: true)

        step = "advance, then advance with the gate overridden"
        try tmux.keys(">")
        var screen = ""
        check(try tmux.waitFor("●●●●○ 連携方法の検討"), freeTitle: true)
        // The gate of 連携方法の検討 has unmet required items on this case: override it.
        try tmux.keys(">")
        check(try tmux.waitFor("次の段階へ進む前に"), freeTitle: true)
        try tmux.keys("y")
        check(try tmux.waitFor("未了のまま進める理由"), freeTitle: true)
        try tmux.type("関係課長会で了承済み")
        try tmux.keys("Enter")
        check(try tmux.waitFor("●●●●● 予算化"), freeTitle: true)

        step = "note"
        try tmux.keys("a")
        _ = try tmux.waitFor("メモを追加")
        try tmux.type("財政課と①の日程を調整。ｶﾀｶﾅ👍")
        _ = try tmux.waitFor("財政課と①の日程を調整。")
        try tmux.keys("C-s")
        check(try tmux.waitFor("note saved") { !$0.contains("メモを追加") && $0.contains("保存しました") }, freeTitle: true)

        step = "history"
        try tmux.keys("5")
        screen = try tmux.waitFor("the history") { $0.contains("段階ごとの滞在") && $0.contains("髙橋") }
        check(screen, freeTitle: true)
        // Local times: the machine's zone is what the coordinator reads; the day is the --today one.
        #expect(screen.contains("2026-") || screen.contains("令和"), "no date in the history:\n\(screen)")

        step = "undo"
        try tmux.keys("u")
        check(try tmux.waitFor("取り消しました"), freeTitle: true)

        try tmux.keys("Escape")
        _ = try tmux.waitFor("件名")
        try tmux.keys("q")
        _ = try tmux.waitFor("exit", timeout: 10) { _ in (try? tmux.paneDead()) == true }

        // On disk: the tick, the advance with its reason, the note undone.
        let r = try CLI.run(["show", "sayama-ntt-eco-action", "--json"], workspace: ws)
        let c = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(c["stage"] as? String == "budgeting")
        let events = c["events"] as? [[String: Any]] ?? []
        #expect(events.contains { ($0["kind"] as? String) == "gate-overridden" }, "no gate override in \(events.compactMap { $0["kind"] })")
        let notes = (c["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(!notes.contains { $0.contains("財政課と①の日程を調整。") }, "the undone note is still there: \(notes)")
    }
}
