import Foundation
import RenkeiTestSupport
import Testing

/// The workbench in a real terminal: tmux runs the built `renkei` on a temp workspace, keys go
/// in with send-keys (Japanese text too), the screen comes back with capture-pane, and the
/// result is checked on disk with `renkei show --json`. No sleeps as assertions: every step
/// polls until the screen shows what it should and stops changing.
@Suite(.serialized) struct TUIEndToEndTests {
    final class Tmux {
        let socket = "renkei-e2e-\(UUID().uuidString.prefix(8))"
        let session = "w"
        static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || which("tmux") != nil }

        static func which(_ name: String) -> String? {
            for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
                let p = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
            return nil
        }

        /// Runs a tmux client with posix_spawn + waitpid (stdout to a temp file): the server
        /// forks from `new-session` and must not inherit a pipe we wait on.
        @discardableResult
        func run(_ args: [String]) throws -> String {
            let tmux = Tmux.which("tmux") ?? "/usr/bin/tmux"
            let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
            defer { unlink(outPath) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = [tmux, "-u", "-L", socket] + args
            var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            defer { for a in cargs { free(a) } }
            // A clean signal mask and default dispositions: the test runner's threads block
            // signals, and tmux (and renkei under it) would inherit that.
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var empty = sigset_t(), defaults = sigset_t()
            sigemptyset(&empty)
            sigemptyset(&defaults)
            for sig in [SIGWINCH, SIGHUP, SIGTERM, SIGINT, SIGCHLD, SIGPIPE] { sigaddset(&defaults, sig) }
            posix_spawnattr_setsigmask(&attr, &empty)
            posix_spawnattr_setsigdefault(&attr, &defaults)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, tmux, &actions, &attr, &cargs, environ)
            guard rc == 0 else { throw HarnessError("posix_spawn tmux failed: \(rc)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        }

        func start(_ command: String, width: Int, height: Int) throws {
            try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
            try run(["set-option", "-t", session, "remain-on-exit", "on"])
        }
        func keys(_ k: String...) throws { try run(["send-keys", "-t", session] + k) }
        func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }
        func capture() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
        func resize(_ w: Int, _ h: Int) throws { try run(["resize-window", "-t", session, "-x", "\(w)", "-y", "\(h)"]) }
        func paneDead() throws -> Bool { try run(["list-panes", "-t", session, "-F", "#{pane_dead}"]).hasPrefix("1") }
        func kill() { _ = try? run(["kill-server"]) }

        /// Polls until `predicate` holds on two identical consecutive captures.
        func waitFor(_ what: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < deadline {
                let s = try capture()
                if predicate(s) && s == last { return s }
                last = s
                usleep(50_000)
            }
            throw HarnessError("timed out waiting for \(what); screen was:\n\(last)")
        }
        func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
            try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
        }
    }

    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            if v < 0x300 { return w + 1 }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) { return w + 2 }
            return w + 1
        }
    }

    func show(_ id: String, _ ws: URL) throws -> [String: Any] {
        let r = try CLI.run(["show", id, "--json"], workspace: ws)
        guard r.status == 0, let obj = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any] else {
            throw HarnessError("show failed: \(r.stderr)")
        }
        return obj
    }

    @Test(.enabled(if: Tmux.available)) func advanceTickNoteUndoAndResize() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = Scratch.url("e2e-config")
        defer { try? FileManager.default.removeItem(at: config) }
        let id = "hamamatsu-midwife-support"
        let before = try show(id, ws)
        #expect(before["stage"] as? String == "partner-search")

        let tmux = Tmux()
        defer { tmux.kill() }
        let env = ["RENKEI_DATA=\(CLI.dataDir.path)", "RENKEI_ACTOR=tester", "LANG=C.UTF-8", "RENKEI_LANG=ja",
                   "XDG_CONFIG_HOME=\(config.path)" ].joined(separator: " ")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let errLog = config.appendingPathComponent("stderr.log")
        defer {
            // A crash in the TUI would otherwise only show as a frozen screen (give the
            // backtracer a moment to finish writing).
            if (try? tmux.paneDead()) == true { usleep(3_000_000) }
            if let err = try? String(contentsOf: errLog, encoding: .utf8), !err.isEmpty { Issue.record("renkei stderr:\n\(err.prefix(4000))") }
        }
        try tmux.start("env \(env) SWIFT_BACKTRACE=interactive=no '\(CLI.binary.path)' --workspace '\(ws.path)' --today 2026-11-23 2>'\(errLog.path)'", width: 100, height: 30)
        // The header is drawn before the list (progressive first frame): on a loaded machine a
        // loading frame can sit still long enough to look settled, so wait for the rows too.
        var screen = try tmux.waitFor("the list with the case") {
            $0.contains("連携ワークベンチ") && ($0.contains("hamamatsu") || $0.contains("パーソナル助産師"))
        }

        // Filter to the case and open it.
        try tmux.keys("/")
        try tmux.type("助産師")
        _ = try tmux.waitFor("/ 助産師")
        try tmux.keys("Enter")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("1 概要")

        // Advance: the gate lists unmet items; override with a Japanese reason.
        try tmux.keys(">")
        screen = try tmux.waitFor("gate or saved") { $0.contains("次の段階へ進む前に") || $0.contains("保存しました") }
        if screen.contains("次の段階へ進む前に") {
            try tmux.keys("y")
            _ = try tmux.waitFor("未了のまま進める理由")
            try tmux.type("候補Aと面談済みのため")
            try tmux.keys("Enter")
        }
        _ = try tmux.waitFor("保存しました")
        _ = try tmux.waitFor("●●●○○ 調整・意思決定")

        // Tick the first item of the new stage's checklist.
        try tmux.keys("2")
        _ = try tmux.waitFor("[ ]")
        try tmux.keys("Space")
        _ = try tmux.waitFor("ticked") { $0.contains("[x]") && $0.contains("保存しました") }

        // A note typed in Japanese (two lines), saved with Ctrl-S.
        try tmux.keys("a")
        _ = try tmux.waitFor("メモを追加")
        try tmux.type("狭山市の担当者と打合せ。")
        try tmux.keys("Enter")
        try tmux.type("ｶﾀｶﾅと①も確認")
        _ = try tmux.waitFor("ｶﾀｶﾅと①も確認")
        try tmux.keys("C-s")
        _ = try tmux.waitFor("note saved") { !$0.contains("Ctrl-S 保存") && $0.contains("保存しました") }
        try tmux.keys("6")
        _ = try tmux.waitFor("狭山市の担当者と打合せ。")

        // Shrink to 40×12 and back: nothing wider than the window, then the full screen returns.
        try tmux.resize(40, 12)
        screen = try tmux.waitFor("40×12") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count <= 13 && lines.allSatisfy { Self.displayWidth(String($0)) <= 40 } && s.contains("連携")
        }
        #expect(screen.split(separator: "\n").allSatisfy { Self.displayWidth(String($0)) <= 40 })
        try tmux.resize(100, 30)
        _ = try tmux.waitFor("1 概要   2 チェックリスト")

        // Undo the note.
        try tmux.keys("u")
        _ = try tmux.waitFor("取り消しました")
        _ = try tmux.waitFor("the note gone") { !$0.contains("狭山市の担当者と打合せ。") && $0.contains("#1") }

        // Quit from the list.
        try tmux.keys("Escape")
        _ = try tmux.waitFor("件名")
        try tmux.keys("q")
        _ = try tmux.waitFor("exit", timeout: 10) { _ in (try? tmux.paneDead()) == true }

        // On disk: the advance, the tick, the note (then undone) all happened.
        let after = try show(id, ws)
        #expect(after["stage"] as? String == "coordination")
        let checklist = after["checklist"] as? [String: Any] ?? [:]
        let beforeChecklist = before["checklist"] as? [String: Any] ?? [:]
        #expect(checklist.count == beforeChecklist.count + 1)
        let events = after["events"] as? [[String: Any]] ?? []
        let kinds = events.compactMap { $0["kind"] as? String }
        #expect(kinds.contains { $0 == "advanced" || $0 == "gate-overridden" })
        #expect(kinds.contains("ticked"))
        #expect(kinds.contains("note-added"))
        #expect(kinds.last == "undo")
        let noteEvent = events.last { ($0["kind"] as? String) == "note-added" }
        let noteText = ((noteEvent?["changes"] as? [[String: Any]])?.first?["after"] as? [String: Any])?["text"] as? String
        #expect(noteText == "狭山市の担当者と打合せ。\nｶﾀｶﾅと①も確認")
        #expect((after["notes"] as? [Any] ?? []).count == (before["notes"] as? [Any] ?? []).count)
        #expect(events.contains { ($0["actor"] as? String) == "tester" })
    }

    @Test func noTerminalGetsAClearMessage() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let r = try CLI.run(["open"], workspace: ws, env: ["TERM": "dumb"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("terminal") || r.stderr.contains("TERM"))
        #expect(r.stdout.isEmpty)
    }
}
