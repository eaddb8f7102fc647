import Foundation
import Testing

/// Issue 18: a crash of the workbench leaves the terminal usable. The built `renkei` runs in a
/// tmux pane under a plain `sh` script, with Swift's backtracer left at its defaults (the
/// interactive prompt is on for a terminal); the test-only hook `RENKEI_TEST_CRASH` makes F12
/// crash it. Afterwards the same script runs `stty -a` on the pane's terminal.
@Suite(.serialized) struct CrashGuardTests {
    typealias Tmux = TUIEndToEndTests.Tmux

    @Test(.enabled(if: Tmux.available), arguments: [("index", 132), ("segv", 139), ("abort", 134)])
    func aCrashRestoresTheTerminalAndSaysWhereTheLogIs(kind: String, status: Int) throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-crash-\(UUID().uuidString.prefix(8))")
        defer {
            try? FileManager.default.removeItem(at: ws)
            try? FileManager.default.removeItem(at: dir)
        }
        let state = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let stty = dir.appendingPathComponent("stty.txt"), exit = dir.appendingPathComponent("status.txt")
        let script = dir.appendingPathComponent("run.sh")
        try """
        #!/bin/sh
        ulimit -c 0
        RENKEI_DATA='\(CLI.dataDir.path)' RENKEI_ACTOR=tester LANG=C.UTF-8 RENKEI_LANG=ja XDG_STATE_HOME='\(state.path)' \\
        XDG_CONFIG_HOME='\(dir.path)' RENKEI_TEST_CRASH=\(kind) '\(CLI.binary.path)' --workspace '\(ws.path)' --today 2026-11-23
        echo "status=$?" > '\(exit.path)'
        stty -a > '\(stty.path)'
        echo "SCRIPT-DONE"
        """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)

        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("'\(script.path)'", width: 100, height: 30)
        _ = try tmux.waitFor("the list") { $0.contains("連携ワークベンチ") && $0.contains("パーソナル助産師") }
        try tmux.keys("j")                                      // the workbench is in use
        try tmux.keys("F12")
        let screen = try tmux.waitFor("SCRIPT-DONE", timeout: 60)

        // The terminal is back in canonical mode with echo, and the process died of the signal.
        let modes = try String(contentsOf: stty, encoding: .utf8)
        let flags = Set(modes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && !flags.contains("-icanon"), "\(modes)")
        #expect(flags.contains("echo") && !flags.contains("-echo"), "\(modes)")
        #expect(flags.contains("icrnl") && flags.contains("isig"), "\(modes)")
        #expect(try String(contentsOf: exit, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "status=\(status)")

        // The one line, naming the log; the UI and the backtracer's prompt are gone.
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix("renkei: 内部エラーで終了しました") },
                                "no crash line on the screen:\n\(screen)")
        #expect(!screen.contains("連携ワークベンチ"), "the UI is still on the screen:\n\(screen)")
        #expect(!screen.contains("Program crashed") && !screen.contains("Press space"), "\(screen)")
        if kind == "index" { #expect(line.contains("SIGILL") && line.contains("Index out of range"), "\(line)") }
        let logs = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("renkei").path)
            .filter { $0.hasPrefix("renkei-crash-") && $0.hasSuffix(".log") }
        #expect(logs.count == 1, "\(logs)")
        // The path on the screen is cut by the pane width; the start of it is enough to match.
        let log = try String(contentsOf: state.appendingPathComponent("renkei").appendingPathComponent(logs.first ?? "-"), encoding: .utf8)
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains(logs.first ?? "?"), "\(screen)")
        #expect(log.contains("signal: ") && log.contains("--- backtrace") && log.contains("--- /proc/self/maps ---"))
        if kind == "index" { #expect(log.contains("Fatal error: Index out of range")) }

    }

    /// Without the hook's variable, F12 is an ordinary (unbound) key.
    @Test(.enabled(if: Tmux.available)) func f12DoesNothingWithoutTheTestVariable() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("env RENKEI_DATA='\(CLI.dataDir.path)' LANG=C.UTF-8 RENKEI_LANG=ja '\(CLI.binary.path)' --workspace '\(ws.path)' --today 2026-11-23",
                       width: 100, height: 30)
        _ = try tmux.waitFor("the list") { $0.contains("連携ワークベンチ") && $0.contains("パーソナル助産師") }
        try tmux.keys("F12")
        try tmux.keys("j")
        _ = try tmux.waitFor("still running") { $0.contains("連携ワークベンチ") }
        #expect(try !tmux.paneDead())
        try tmux.keys("q")
    }
}
