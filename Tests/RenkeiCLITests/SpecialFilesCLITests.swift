import Foundation
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 18, finding 4: a FIFO (or another special file) anywhere renkei reads made `list`,
/// `overdue`, `note` and `export` block forever in `open(O_RDONLY)`. Every read now goes
/// through `RegularFile` (non-blocking open, then fstat); these tests put a real FIFO at each
/// path and run the built binary with a timeout, so a hang fails the test (status -1) instead
/// of hanging CI.
@Suite struct SpecialFilesCLITests {
    /// Long enough for a debug build under load, short enough that a hang costs little.
    static let timeout: TimeInterval = 40

    static func fifo(_ url: URL) throws {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        guard mkfifo(url.path, 0o600) == 0 else { throw HarnessError("mkfifo \(url.path): \(errno)") }
    }

    static func firstId(_ ws: URL) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).sorted()
        return String(names[0].dropLast(5))
    }

    /// Runs `args` and checks it neither hung nor crashed; returns the result.
    @discardableResult
    static func runs(_ args: [String], _ ws: URL, env: [String: String] = [:], _ where_: String) throws -> Sh.Result {
        let r = try Sh.renkei(args, ws: ws, env: env, timeout: timeout)
        #expect(r.status != -1, "\(where_): `\(args.joined(separator: " "))` hung on a FIFO")
        #expect(!r.signalled, "\(where_): `\(args.joined(separator: " "))` crashed: \(r.stderr)")
        return r
    }

    @Test func fifoAsACaseFileIsListedAsDamagedAndNothingHangs() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = try Self.firstId(ws)
        try Self.fifo(ws.appendingPathComponent("cases/zz-fifo.json"))
        // Cold (no index) and warm (the index remembers the FIFO as damaged) runs.
        for round in ["cold", "warm"] {
            let list = try Self.runs(["list"], ws, "cases/ \(round)")
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stderr.contains("zz-fifo.json") && list.stderr.contains("named pipe (FIFO)"), "\(list.stderr)")
            #expect(list.stdout.contains(id))
            try Self.runs(["list", "--json"], ws, "cases/ \(round)")
            try Self.runs(["list", "--count"], ws, "cases/ \(round)")
            try Self.runs(["overdue"], ws, "cases/ \(round)")
            try Self.runs(["overdue", "--count"], ws, "cases/ \(round)")
        }
        let validate = try Self.runs(["validate"], ws, "cases/")
        #expect(validate.status == 1 && validate.stdout.contains("zz-fifo.json") || validate.stderr.contains("zz-fifo.json"), "\(validate.stdout)\(validate.stderr)")
        for args in [["show", "zz-fifo"], ["note", "zz-fifo", "メモ"], ["history", "zz-fifo"], ["export", "zz-fifo"]] {
            let r = try Self.runs(args, ws, "cases/")
            #expect(r.status == 1 && r.stderr.contains("named pipe (FIFO), not a regular file"), "\(args): \(r.stderr)")
        }
        // The good cases still work around it.
        #expect(try Self.runs(["note", id, "①FIFOの隣"], ws, "cases/").status == 0)
        #expect(try Self.runs(["export", id], ws, "cases/").status == 0)
        #expect(try Self.runs(["export", "--all", "-f", "csv"], ws, "cases/").status == 0)
    }

    @Test func fifoAsTheIndexIsReportedAndTheRunCompletes() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = try Self.firstId(ws)
        try Self.fifo(ws.appendingPathComponent(".index/summaries.v1"))
        for args in [["list"], ["list", "--json"], ["list", "--count"], ["overdue"], ["overdue", "--count"]] {
            let r = try Self.runs(args, ws, ".index/")
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(try Self.runs(["note", id, "索引"], ws, ".index/").status == 0)
        #expect(try Self.runs(["list"], ws, ".index/").stdout.contains(id))
    }

    @Test func fifoInEverySideDirectoryIsNamedNotWaitedFor() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = try Self.firstId(ws)
        let fifos = ["funding/窓口.json", "catalog/追加.json", "calendars/狭山市.json", "templates/case.md.mustache"]
        for f in fifos { try Self.fifo(ws.appendingPathComponent(f)) }
        for args in [["list"], ["show", id], ["overdue"], ["calendar"], ["validate"], ["note", id, "㈱髙"], ["undo"],
                     ["export", id], ["export", id, "-f", "md", "--for", "internal"], ["export", id, "-f", "html"], ["export", "--all", "-f", "md"], ["ical"]] {
            try Self.runs(args, ws, "side directories")
        }
        // Each FIFO is named by the command that reads it.
        let validate = try Self.runs(["validate"], ws, "side directories")
        let said = validate.stdout + validate.stderr
        for f in ["funding/窓口.json", "catalog/追加.json", "calendars/狭山市.json"] {
            #expect(said.contains(f) && said.contains("named pipe"), "validate does not name \(f): \(said)")
        }
        let export = try Self.runs(["export", id, "-f", "md", "--for", "internal"], ws, "templates/")
        #expect(export.status == 1 && export.stderr.contains("case.md.mustache") && export.stderr.contains("named pipe"), "\(export.stderr)")
    }

    @Test func fifoAsTheJournalIsRefusedByUndoAndRedo() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        try Self.fifo(ws.appendingPathComponent("undo.json"))
        for args in [["undo"], ["redo"]] {
            let r = try Self.runs(args, ws, "undo.json")
            #expect(r.status == 1 && r.stderr.contains("undo.json") && r.stderr.contains("named pipe"), "\(args): \(r.stderr)")
        }
    }

    @Test func fifoAsSettingsOrImportSourceIsRefused() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = Scratch.url("cfg")
        defer { try? FileManager.default.removeItem(at: config) }
        try Self.fifo(config.appendingPathComponent("renkei/config.json"))
        let list = try Self.runs(["list"], ws, env: ["XDG_CONFIG_HOME": config.path], "config")
        #expect(list.status == 0, "\(list.stderr)")

        let source = config.appendingPathComponent("取込.csv")
        try Self.fifo(source)
        let imp = try Self.runs(["import", source.path], ws, "import source")
        #expect(imp.status == 1 && imp.stderr.contains("取込.csv: not a regular file (a pipe or a device)"), "\(imp.stderr)")
        let mapping = config.appendingPathComponent("mapping.json")
        try Self.fifo(mapping)
        try "件名,自治体\n※試験,狭山市\n".write(to: config.appendingPathComponent("ok.csv"), atomically: true, encoding: .utf8)
        let withMapping = try Self.runs(["import", config.appendingPathComponent("ok.csv").path, "--mapping", mapping.path], ws, "mapping")
        #expect(withMapping.status == 1 && withMapping.stderr.contains("named pipe"), "\(withMapping.stderr)")
    }
}
