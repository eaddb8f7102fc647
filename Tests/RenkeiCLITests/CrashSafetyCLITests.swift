import Foundation
import Testing

/// Kills a writer mid-save again and again; every case file must still parse and every
/// acknowledged edit must be there. (The 1,000-run version is Scripts/reliability.)
@Suite struct CrashSafetyCLITests {
    @Test func killNineDuringSavesNeverTearsAFile() throws {
        let ws = try CLI.tempWorkspace()
        let made = try CLI.run(["new", "--title", "クラッシュ耐性 ※①", "--municipality", "狭山市"], workspace: ws)
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var acknowledged: [String] = []
        var rng = SystemRandomNumberGenerator()
        for i in 0..<25 {
            let text = "kill-\(i)"
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["note", "--workspace", ws.path, id, text]
            var env = ProcessInfo.processInfo.environment
            env["RENKEI_DATA"] = CLI.dataDir.path
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...60_000, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if p.terminationReason == .exit && p.terminationStatus == 0 && printed.contains("note added") { acknowledged.append(text) }
        }
        let v = try CLI.run(["validate"], workspace: ws)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        let shown = try CLI.json(try CLI.run(["show", id, "--json"], workspace: ws)) as! [String: Any]
        let notes = Set((shown["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String })
        for a in acknowledged { #expect(notes.contains(a), "acknowledged edit \(a) lost") }
        // A later writer cleans whatever temp file a killed one left behind.
        #expect(try CLI.run(["note", id, "after"], workspace: ws).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).filter { $0.hasPrefix(".renkei-tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func externalEditIsTheBaseOfTheNextChange() throws {
        let ws = try CLI.tempWorkspace()
        let id = try CLI.run(["new", "--title", "元の件名", "--municipality", "狭山市"], workspace: ws).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = ws.appendingPathComponent("cases/\(id).json")
        // An editor (or git pull) changes the title behind renkei's back.
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "元の件名", with: "エディタで変更")
        try edited.write(to: url, atomically: false, encoding: .utf8)
        #expect(try CLI.run(["note", id, "後から追記"], workspace: ws).status == 0)
        let shown = try CLI.json(try CLI.run(["show", id, "--json"], workspace: ws)) as! [String: Any]
        #expect(shown["title"] as? String == "エディタで変更")
        #expect((shown["notes"] as? [[String: Any]])?.count == 1)
    }
}
