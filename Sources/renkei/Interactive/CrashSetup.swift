import Foundation
import RenkeiStore
import RenkeiCore
import RenkeiTUI
import RenkeiTerminal

/// Where the workbench writes a crash log, and the test-only way to make it crash.
enum CrashSetup {
    /// `$XDG_STATE_HOME/renkei` (else `~/.local/state/renkei`): logs are per person and machine,
    /// not part of a (possibly shared) workspace.
    static func settings(lang: Lang) -> CrashGuard.Settings {
        let env = ProcessEnvironment.current
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state")
        return CrashGuard.Settings(directory: base.appendingPathComponent("renkei"),
                                   stopped: Label.crashStopped.text(lang),
                                   restored: Label.crashTerminalRestored.text(lang),
                                   noLog: Label.crashNoLog.text(lang))
    }

    /// TEST HOOK — `RENKEI_TEST_CRASH=<kind>`: pressing F12 in the workbench crashes it on
    /// purpose, so the crash guard can be tested in a real terminal (Tests/RenkeiCLITests/
    /// CrashGuardTests.swift). Read only here, only by `renkei open`; unset, F12 does nothing.
    /// Kinds: `index` (an array index out of range, like issue 18's crash → SIGILL), `segv`
    /// (a write through a bad pointer → SIGSEGV), `abort` (→ SIGABRT).
    static let testCrash: String? = ProcessEnvironment.current["RENKEI_TEST_CRASH"].flatMap { $0.isEmpty ? nil : $0 }

    static func crashIfAsked(by msg: Msg) {
        guard let kind = testCrash, case .key(.f(12)) = msg else { return }
        switch kind {
        case "segv":
            UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
        case "abort":
            abort()
        default:
            let rows: [Int] = []
            _ = rows[Int(getpid()) % 7 + 1]
        }
    }
}
