import Foundation
import RenkeiTestSupport
import Testing

/// The first run in a real terminal (issue 14): no workspace and no name configured. The
/// workbench asks for the coordinator's name, saves it in config.json, offers the sample
/// portfolio with one key, signs the first change with the name; the second start asks nothing.
@Suite(.serialized) struct FirstRunTmuxTests {
    typealias Tmux = TUIEndToEndTests.Tmux

    @Test(.enabled(if: Tmux.available)) func firstRunAsksTheNameAndOffersTheSamples() throws {
        try firstRun(locale: "LANG=C.UTF-8 RENKEI_LANG=ja")
    }

    /// The same first run on a Japanese terminal: LANG=ja_JP.UTF-8 alone decides the language.
    @Test(.enabled(if: Tmux.available), .enabled(if: JapaneseLocale.available, JapaneseLocale.skipReason))
    func firstRunOnAJapaneseTerminal() throws {
        try firstRun(locale: "LANG=ja_JP.UTF-8", unsetting: JapaneseLocale.unsetting)
    }

    func firstRun(locale: String, unsetting: String = "") throws {
        let base = Scratch.url("first-run-e2e")
        defer { try? FileManager.default.removeItem(at: base) }
        let dataHome = base.appendingPathComponent("data"), config = base.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let errLog = base.appendingPathComponent("stderr.log")
        // No RENKEI_ACTOR, no RENKEI_WORKSPACE: the default location under XDG_DATA_HOME.
        let env = ["RENKEI_DATA=\(CLI.dataDir.path)", "USER=login", locale,
                   "XDG_DATA_HOME=\(dataHome.path)", "XDG_CONFIG_HOME=\(config.path)"].joined(separator: " ")
        let command = "env -u RENKEI_ACTOR -u RENKEI_WORKSPACE \(unsetting) \(env) SWIFT_BACKTRACE=interactive=no '\(CLI.binary.path)' --today 2026-11-23 2>>'\(errLog.path)'"
        defer {
            if let err = try? String(contentsOf: errLog, encoding: .utf8), err.contains("rror") { Issue.record("renkei stderr:\n\(err.prefix(4000))") }
        }

        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(command, width: 100, height: 30)
        var screen = try tmux.waitFor("ようこそ")
        #expect(screen.contains("login"), "the login name is offered:\n\(screen)")
        #expect(EnglishLeak.runs(in: screen).isEmpty, "English on the first screen:\n\(screen)")
        try tmux.keys("C-u")
        try tmux.type("髙橋 花子")
        _ = try tmux.waitFor("髙橋 花子")
        try tmux.keys("Enter")
        screen = try tmux.waitFor("サンプル案件を読み込む")
        #expect(screen.contains("空のまま始める") && EnglishLeak.runs(in: screen).isEmpty, "\(screen)")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("the samples in the list") { $0.contains("サンプル案件を 17 件読み込みました") || $0.contains("パーソナル助産師") }
        // A note on the selected case: signed with the name given.
        try tmux.keys("a")
        _ = try tmux.waitFor("メモを追加")
        try tmux.type("初回起動のメモ")
        try tmux.keys("C-s")
        _ = try tmux.waitFor("保存しました")
        try tmux.keys("q")
        _ = try tmux.waitFor("exit", timeout: 10) { _ in (try? tmux.paneDead()) == true }

        let cfg = try JSONSerialization.jsonObject(with: Data(contentsOf: config.appendingPathComponent("renkei/config.json"))) as? [String: Any]
        #expect(cfg?["actor"] as? String == "髙橋 花子")
        let cases = dataHome.appendingPathComponent("renkei/cases")
        let files = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 17)
        let signed = try files.filter { f in
            let text = try String(contentsOf: cases.appendingPathComponent(f), encoding: .utf8)
            return text.contains("初回起動のメモ") && (text.contains("\"author\" : \"髙橋 花子\"") || text.contains("\"author\":\"髙橋 花子\""))
        }
        #expect(signed.count == 1, "the note is signed 髙橋 花子")

        // The second start asks nothing: the name is configured and the workspace exists.
        let again = Tmux()
        defer { again.kill() }
        try again.start(command, width: 100, height: 30)
        screen = try again.waitFor("the list") { $0.contains("連携ワークベンチ") && $0.contains("パーソナル助産師") }
        #expect(!screen.contains("ようこそ") && !screen.contains("空のまま始める"))
        try again.keys("q")
        _ = try again.waitFor("exit", timeout: 10) { _ in (try? again.paneDead()) == true }
    }
}
