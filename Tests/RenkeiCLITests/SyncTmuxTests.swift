import Foundation
import Testing
import RenkeiTestSupport

/// Issue 12, end to end in a real terminal: the workbench is open on `a` with a note half
/// typed, a colleague's change arrives through `renkei sync` run in another terminal, and the
/// person keeps typing. The new state reaches the screen while the keys keep coming (the loop
/// looks by the clock, not only when idle), the note being typed is not lost, and it saves on
/// top of the colleague's change. Waits are generous; nothing here asserts timing.
@Suite(.serialized) struct SyncTmuxTests {
    typealias Tmux = TUIEndToEndTests.Tmux
    static let id = "aichi-station-ai-drone"
    static let other = "toyonaka-cureapp-sotsuen"

    @Test(.enabled(if: Tmux.available)) func aSyncFromAnotherTerminalShowsWhileTypingAndTheNoteIsKept() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        let tmux = Tmux()
        defer { tmux.kill() }
        let errLog = lab.dir.appendingPathComponent("tui-stderr.log")
        defer {
            if let err = try? String(contentsOf: errLog, encoding: .utf8), !err.isEmpty { Issue.record("renkei stderr:\n\(err.prefix(4000))") }
        }
        var env = lab.env("a")
        env["RENKEI_LANG"] = "ja"
        env["RENKEI_DATA"] = CLI.dataDir.path
        env["LANG"] = "C.UTF-8"
        env["XDG_CONFIG_HOME"] = lab.dir.appendingPathComponent("config").path
        let vars = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux.start("env \(vars) SWIFT_BACKTRACE=interactive=no '\(CLI.binary.path)' --workspace '\(lab.ws("a").path)' --today 2026-11-23 2>'\(errLog.path)'",
                       width: 120, height: 32)
        _ = try tmux.waitFor("the list") { $0.contains("連携ワークベンチ") && ($0.contains("aichi") || $0.contains("愛知")) }
        // Open the case and start a note.
        try tmux.keys("/")
        try tmux.type(Self.id)
        _ = try tmux.waitFor("/ \(Self.id)")
        try tmux.keys("Enter")
        try tmux.keys("Enter")
        _ = try tmux.waitFor("1 概要")
        try tmux.keys("a")
        let typed = "打合せの記録 ㈱ミライ ①"
        try tmux.type(typed)
        _ = try tmux.waitFor(typed)

        // The colleague edits two cases and syncs; then `renkei sync` runs in a second terminal on a.
        #expect(try lab.run("b", ["set", Self.id, "department", "企画課 髙橋"]).status == 0)
        #expect(try lab.run("b", ["set", Self.other, "title", "豊中 卒園支援 ②"]).status == 0)
        #expect(try lab.run("b", ["sync"]).status == 0)

        // Typing goes on (a key every 0.1 s, never a pause the old idle-only look needed) from
        // before a's sync starts until the header counts the colleague's changes.
        var more = ""
        func typeOne() throws { try tmux.type("ｶ"); more += "ｶ"; usleep(100_000) }
        for _ in 0..<3 { try typeOne() }
        let sync = Process()
        sync.executableURL = CLI.binary
        sync.arguments = ["sync", "--workspace", lab.ws("a").path]
        sync.environment = CLI.environment(lab.env("a"))
        let out = Pipe()
        sync.standardOutput = out
        sync.standardError = FileHandle.nullDevice
        try sync.run()
        let deadline = Date().addingTimeInterval(40)
        var screen = try tmux.capture()
        while !screen.contains("他の人の変更") && Date() < deadline {
            try typeOne()
            screen = try tmux.capture()
        }
        sync.waitUntilExit()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(sync.terminationStatus == 0 && said.contains("↓2"), "\(said)")
        #expect(screen.contains("他の人の変更"), "the new state never reached the screen while typing:\n\(screen)")
        #expect(screen.contains(typed), "the note being typed is gone:\n\(screen)")

        // Saved on top of the colleague's change.
        try tmux.keys("C-s")
        _ = try tmux.waitFor("保存しました")
        let c = try lab.caseJSON("a", Self.id)
        let notes = (c["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(notes.contains { $0.hasPrefix(typed) && $0.count == typed.count + more.count }, "\(notes)")
        #expect(c["department"] as? String == "企画課 髙橋")
    }

    /// A shared workspace opened where git is not on PATH (a PC without git): the header says
    /// 「未共有」/ "not shared" in both languages, `Y` says in one line to install git, and the
    /// workspace stays usable — a note saves and waits in the work tree for the next sync.
    @Test(.enabled(if: Tmux.available)) func aSharedWorkspaceWithoutGitOnPathIsUsableAndSaysWhatToDo() throws {
        let lab = try SyncLab()
        try lab.setUp(["a"])
        let noGit = lab.dir.appendingPathComponent("bin-without-git")
        try FileManager.default.createDirectory(at: noGit, withIntermediateDirectories: true)
        for (lang, notShared, missing, saved) in [("ja", "未共有", "git が見つかりません", "保存しました"), ("en", "not shared", "git is not installed", "Saved")] {
            let tmux = Tmux()
            defer { tmux.kill() }
            var env = lab.env("a")
            env["RENKEI_LANG"] = lang
            env["RENKEI_DATA"] = CLI.dataDir.path
            env["LANG"] = "C.UTF-8"
            env["XDG_CONFIG_HOME"] = lab.dir.appendingPathComponent("config").path
            env["PATH"] = noGit.path
            let vars = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
            try tmux.start("/usr/bin/env \(vars) SWIFT_BACKTRACE=interactive=no '\(CLI.binary.path)' --workspace '\(lab.ws("a").path)' --today 2026-11-23",
                           width: 120, height: 32)
            let first = try tmux.waitFor("the list") { $0.contains("aichi") || $0.contains("愛知") }
            #expect(first.split(separator: "\n").first?.contains(notShared) == true, "\(lang): \(first)")
            try tmux.keys("Y")
            let said = try tmux.waitFor(missing)
            #expect(said.split(separator: "\n").filter { $0.contains(missing) }.count == 1, "\(lang): \(said)")
            // Still usable: open the case, add a note, save.
            try tmux.keys("/")
            try tmux.type(Self.id)
            _ = try tmux.waitFor("/ \(Self.id)")
            try tmux.keys("Enter")
            try tmux.keys("Enter")
            try tmux.keys("a")
            let typed = "git なしのメモ ① \(lang)"
            try tmux.type(typed)
            _ = try tmux.waitFor(typed)
            try tmux.keys("C-s")
            _ = try tmux.waitFor(saved)
            let notes = (try lab.caseJSON("a", Self.id)["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(notes.contains(typed), "\(lang): \(notes)")
        }
        #expect(try lab.git("a", ["status", "--porcelain"]).1.contains("cases/\(Self.id).json"))
    }
}
