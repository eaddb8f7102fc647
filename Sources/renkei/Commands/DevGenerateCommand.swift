import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiDevSupport

/// `renkei dev …` — tools for developers and the benchmark harness (not for coordinators).
struct DevCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "dev", abstract: CommandHelp.abstract("Developer tools (benchmark workspaces).", Output.lang),
        subcommands: [DevGenerateCommand.self, DevIndexCommand.self]) }
}

struct DevGenerateCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "generate",
        abstract: CommandHelp.abstract("Fill a workspace with N deterministic, realistic synthetic cases (same seed → same bytes).", Output.lang),
        discussion: """
        Case ids are c-0001 … (zero-padded to the width of N). Case i depends only on the seed and i,
        so a smaller N with the same seed is a prefix of a larger one. Files are written without a
        per-file fsync (test data); the cases/ directory is fsynced once at the end.
        The workspace (--workspace, required) is created when it does not exist; --today (default 2026-11-23)
        is the day the histories are built around (events end the day before).
        """) }

    @Option(help: "Number of cases.") var cases: Int
    @Option(help: "PRNG seed.") var seed: UInt64 = 1
    @OptionGroup var global: GlobalOptions
    @Option(help: "Worker threads (default: number of cores).") var threads: Int?
    @Flag(help: "Print nothing but errors.") var quiet = false

    func run() throws {
        try OptionValue.check(cases, "--cases", 0...10_000_000, command: "dev generate")
        try OptionValue.check(threads, "--threads", 1...256, command: "dev generate")
        let today = global.today ?? "2026-11-23"
        guard let day = Day(today) else { throw CLIError.usage(.notADate(option: "--today", value: today), "dev generate") }
        guard let workspace = global.workspace else { throw CLIError.usage(.generateNeedsWorkspace, "dev generate") }
        let root = try OptionValue.path(workspace, "--workspace", command: "dev generate")
        let ws = FileManager.default.fileExists(atPath: root.appendingPathComponent("cases").path)
            ? try Workspace(root: root) : try Workspace.create(at: root)
        let data: DataDirectory
        do { data = try DataDirectory.locate() } catch { throw CLIError(ErrorText.line(error, Output.lang)) }
        let catalog = try CatalogLoader.load(data: data, workspace: nil).catalog
        let gen = CaseGenerator(catalog: catalog, seed: seed, count: cases, today: day)
        let start = Date()
        let quiet = self.quiet
        try gen.write(to: ws, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount) { done in
            if !quiet { FileHandle.standardError.write(Data("\r\(done) / \(cases)".utf8)) }
        }
        if !quiet {
            FileHandle.standardError.write(Data("\r".utf8))
            Output.line("generated \(cases) cases (seed \(seed)) in \(ws.casesDir.path) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        }
    }
}

/// `renkei dev index` — load the portfolio through the summary index and say what it did.
struct DevIndexCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "index", abstract: CommandHelp.abstract("Validate (and refresh) the summary index; print what was reused, decoded and written.", Output.lang)) }
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Delete the index first (cold build).") var rebuild = false
    @Flag(help: "Count only (no summary decoded).") var count = false

    func run() throws {
        let ctx = try AppContext.make(global)
        if rebuild { try? FileManager.default.removeItem(at: ctx.workspace.indexDir) }
        let t0 = Date()
        let n: Int
        if count { n = try ctx.store.caseCount().count } else { n = try ctx.store.portfolio().summaries.count }
        let dt = Date().timeIntervalSince(t0)
        guard let r = ctx.store.index?.lastReport else { Output.line("no index"); return }
        Output.line("cases \(n) · entries \(r.entries) · source \(r.source.rawValue)\(r.problem.map { " (\($0))" } ?? "") · reused \(r.reused) · decoded \(r.decoded) · removed \(r.removed) · wrote \(r.wrote) · \(String(format: "%.1f", dt * 1000)) ms")
    }
}
