import Foundation
import RenkeiTestSupport
import Testing

/// Findings of the hostile sweep (`Scripts/reliability/hostile-sweep.sh`) that show only through
/// the built binary: what the importer writes beside the import, and how it names a bad path.
@Suite struct HostileImportCLITests {
    /// A header of thousands of long column names: the guessed mapping was written at any size
    /// (23 MB for a million columns) and every later import of the file then refused it as over
    /// the 1 MiB a mapping may be. Now it is not written, and the import says why in one line.
    @Test func aGuessedMappingTooLargeToReadBackIsNotWritten() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let long = String(repeating: "髙", count: 200)
        let header = ["件名", "自治体"] + (1...2_000).map { "\(long)\($0)" }
        let row = ["※巨大な見出し", "狭山市"] + Array(repeating: "①", count: 2_000)
        let file = ws.appendingPathComponent("見出し.csv")
        try (header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n").write(to: file, atomically: true, encoding: .utf8)
        for round in 1...2 {
            let r = try CLI.run(["import", file.path], workspace: ws)
            #expect(r.status == 0, "round \(round): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("見出し.mapping.json") && lines[0].contains("KB"), "round \(round): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("import/見出し.mapping.json").path))
        }
        let applied = try CLI.run(["import", file.path, "--apply"], workspace: ws)
        #expect(applied.status == 0, "\(applied.stderr)")
    }

    /// A symlink loop as the import source was called "not a regular file (a pipe or a device)".
    @Test func aSymlinkLoopIsNamedAsSuch() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let a = ws.appendingPathComponent("ループ.csv"), b = ws.appendingPathComponent("ループ2.csv")
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: b.lastPathComponent)
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: a.lastPathComponent)
        for args in [["import", a.path], ["import", ws.appendingPathComponent("ok.csv").path, "--mapping", a.path]] {
            if args.count > 2 { try "件名,自治体\n※,狭山市\n".write(to: ws.appendingPathComponent("ok.csv"), atomically: true, encoding: .utf8) }
            let r = try CLI.run(args, workspace: ws, env: ["RENKEI_LANG": "en"])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("ループ.csv"), "\(r.stderr)")
            #expect(r.stderr.contains("symbolic links") && !r.stderr.contains("pipe"), "\(r.stderr)")
        }
    }

    /// Found by the hostile sweep: the dry run printed a title cell whole — a 400,000-character
    /// title (or column name) was one 1.2 MB line in the terminal. The preview names a cell in at
    /// most a line's worth of characters (a last … says it was cut); `--json` keeps the whole text.
    @Test func aHugeCellIsNamedNotEchoed() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let title = "※" + String(repeating: "髙", count: 400_000), column = String(repeating: "見", count: 400_000)
        let file = ws.appendingPathComponent("巨大.csv")
        try "件名,自治体,\(column)\n\(title),狭山市,①\n".write(to: file, atomically: true, encoding: .utf8)
        for lang in ["ja", "en"] {
            let r = try CLI.run(["import", file.path], workspace: ws, env: ["RENKEI_LANG": lang])
            #expect(r.status == 0, "\(r.stderr)")
            let longest = r.stdout.split(separator: "\n").map(\.count).max() ?? 0
            #expect(longest < 200, "\(lang): a preview line of \(longest) characters")
            #expect(r.stdout.contains("※髙髙") && r.stdout.contains("髙…") && r.stdout.contains("見…"), "\(lang)")
        }
        let json = try CLI.run(["import", file.path, "--json"], workspace: ws)
        #expect(json.status == 0 && json.stdout.contains(title), "--json keeps the whole title")
    }
}
