// renkei-bench — in-process figures for BENCHMARKS.md (driven by Benchmarks/run.sh).
//
//   renkei-bench inproc --workspace DIR [--runs N]     index, portfolio, search, save, RSS
//   renkei-bench taskwarrior --tasks N --out FILE [--seed S] [--today YYYY-MM-DD]
//                                                      tasks for `task import` (same texts)
//   renkei-bench ui --workspace DIR [--runs N]         TUI first frame/keys/filter/board, reports,
//                                                      similar/funnel (warm index)
//   renkei-bench decode --workspace DIR                per-file decode cost, full vs index path
//   renkei-bench insight [--cases N]                   similar/joint/funnel over N synthetic cases
//   renkei-bench municipality [--runs N]               municipality table load, per-keystroke resolution
//
// Prints `key value` lines (milliseconds unless the key says otherwise) so the shell script
// can pick figures without parsing prose.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
@_spi(Benchmarks) import RenkeiStore
import RenkeiDevSupport



func arg(_ name: String) -> String? {
    let a = CommandLine.arguments
    guard let i = a.firstIndex(of: name), i + 1 < a.count else { return nil }
    return a[i + 1]
}

func die(_ s: String) -> Never {
    FileHandle.standardError.write(Data("renkei-bench: \(s)\n".utf8))
    exit(2)
}

func nowNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` `runs` times; returns the samples in ms.
func sample(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var out: [Double] = []
    for _ in 0..<runs {
        let t = nowNs()
        try body()
        out.append(Double(nowNs() - t) / 1e6)
    }
    return out
}

func stats(_ xs: [Double]) -> String {
    let s = xs.sorted()
    func q(_ p: Double) -> Double { s.isEmpty ? .nan : s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))] }
    return String(format: "median=%.3f p10=%.3f p90=%.3f p99=%.3f min=%.3f max=%.3f n=%d", q(0.5), q(0.1), q(0.9), q(0.99), s.first ?? .nan, s.last ?? .nan, s.count)
}

func report(_ key: String, _ xs: [Double]) { print("\(key) \(stats(xs))") }

/// Peak resident set (VmHWM) in MB.
func peakRSSMB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

func openStore(_ path: String) -> (Workspace, CaseStore) {
    do {
        let ws = try Workspace(root: URL(fileURLWithPath: path))
        let data = try DataDirectory.locate()
        let catalog = try CatalogLoader.load(data: data, workspace: ws).catalog
        return (ws, CaseStore(workspace: ws, catalog: catalog))
    } catch { die("\(error)") }
}

let command = CommandLine.arguments.dropFirst().first ?? "help"

switch command {
case "inproc":
    guard let path = arg("--workspace") else { die("inproc needs --workspace DIR") }
    let runs = Int(arg("--runs") ?? "") ?? 10
    let (ws, store) = openStore(path)
    let index = store.index!

    // Cold build in-process (index removed first), with the progress callback counting.
    try? FileManager.default.removeItem(at: ws.indexDir)
    let calls = ProgressCounter()
    let cold = try sample(1) {
        _ = try store.portfolio(PortfolioQuery(progress: { _, _ in calls.bump() }))
    }
    report("inproc.cold_build", cold)
    print("inproc.cold_build.progress_calls \(calls.value)")
    print("inproc.cases \(index.lastReport.entries)")
    // The files were just written? Then they are "racily clean" and re-read once more.
    Thread.sleep(forTimeInterval: 2.1)
    index.invalidate()
    _ = try store.portfolio()
    index.invalidate()

    // Warm, from disk (as a fresh process would), and from memory (as the TUI after a reload).
    report("inproc.warm_count_disk", try sample(runs) { index.invalidate(); _ = try store.caseCount() })
    report("inproc.warm_portfolio_disk", try sample(runs) { index.invalidate(); _ = try store.portfolio() })
    report("inproc.warm_portfolio_lean_disk", try sample(runs) { index.invalidate(); _ = try store.portfolio(PortfolioQuery(includeSearchText: false)) })
    report("inproc.warm_search_sayama_disk", try sample(runs) { index.invalidate(); _ = try store.portfolio(PortfolioQuery(search: "狭山", includeSearchText: false)) })
    report("inproc.warm_portfolio_memory", try sample(runs) { _ = try store.portfolio() })
    print("inproc.warm_reused \(index.lastReport.reused) decoded \(index.lastReport.decoded)")

    // One durable edit: lock, read, apply, write+fsync+rename+dir fsync, journal.
    let ids = try store.portfolio(PortfolioQuery(includeSearchText: false)).summaries.prefix(200).map(\.id)
    guard !ids.isEmpty else { die("empty workspace") }
    var k = 0
    let saves = try sample(max(runs * 5, 50)) {
        let id = ids[k % ids.count]
        k += 1
        try store.apply(id, .addNote(text: "ベンチマーク \(k)"), actor: "bench", now: Timestamp(Date()))
    }
    report("inproc.durable_edit", saves)
    // Its parts: one DurableFile.write of a case-sized file (write, fsync, rename, fsync dir) —
    // an edit does two (the case and the undo journal) — and reading + decoding one case.
    let probe = ws.root.appendingPathComponent("bench-probe.json")
    let payload = try RegularFile.read(ws.casesDir.appendingPathComponent(ids[0] + ".json"), limit: CaseCodec.maxFileSize)
    report("inproc.durable_write_one_file", try sample(max(runs * 5, 50)) { try DurableFile.write(payload, to: probe) })
    try? FileManager.default.removeItem(at: probe)
    report("inproc.load_one_case", sample(max(runs * 5, 50)) { _ = store.loadFile(ids[0] + ".json") })
    // After edits, the next portfolio re-reads only the edited files.
    let afterEdit = try sample(1) { _ = try store.portfolio() }
    report("inproc.portfolio_after_edits", afterEdit)
    print("inproc.after_edits_decoded \(index.lastReport.decoded)")

    print(String(format: "inproc.peak_rss_mb %.1f", peakRSSMB()))

case "ui":
    // TUI keystrokes, first frame, filter, board, reports, insight (warm index expected).
    guard let path = arg("--workspace") else { die("ui needs --workspace DIR") }
    let runs = Int(arg("--runs") ?? "") ?? 20
    let (ws, store) = openStore(path)
    _ = try store.portfolio()
    try uiFigures(ws: ws, store: store, runs: runs)

case "decode":
    guard let path = arg("--workspace") else { die("decode needs --workspace DIR") }
    let (_, store) = openStore(path)
    let names = store.caseFileNames()
    let n = min(names.count, Int(arg("--limit") ?? "") ?? 2000)
    var bytes = 0
    for name in names.prefix(n) { bytes += (try? RegularFile.read(store.workspace.casesDir.appendingPathComponent(name), limit: CaseCodec.maxFileSize).count) ?? 0 }
    let full = sample(1) { for name in names.prefix(n) { _ = store.loadFile(name) } }[0]
    let fast = sample(1) { for name in names.prefix(n) { _ = store.loadFileForIndex(name) } }[0]
    print(String(format: "decode.files %d bytes %d", n, bytes))
    print(String(format: "decode.index_path_per_file_ms %.4f (%.1f MB/s)", fast / Double(n), Double(bytes) / 1e6 / (fast / 1000)))
    print(String(format: "decode.casecodec_per_file_ms %.4f (%.1f MB/s)", full / Double(n), Double(bytes) / 1e6 / (full / 1000)))
    // The hand-written parser against Foundation, in memory (no file I/O): does the strict
    // parser earn its ~570 lines? Best of `runs` passes over the same n files.
    let files = names.prefix(n).compactMap { try? RegularFile.read(store.workspace.casesDir.appendingPathComponent($0), limit: CaseCodec.maxFileSize) }
    let runs = Int(arg("--runs") ?? "") ?? 5
    var strictHits = 0
    let strict = sample(runs) { strictHits = 0; for d in files where CaseCodec.strictParse(d) != nil { strictHits += 1 } }.min()!
    let typed = sample(runs) { for d in files { _ = try? JSONDecoder().decode(Case.self, from: d) } }.min()!
    let twoPass = sample(runs) {
        for d in files { _ = try? JSONDecoder().decode(Case.self, from: d); _ = try? JSONSerialization.jsonObject(with: d) }
    }.min()!
    let k = Double(files.count)
    print(String(format: "decode.strict_parser_per_file_ms %.4f (%d of %d files in its subset)", strict / k, strictHits, files.count))
    print(String(format: "decode.jsondecoder_per_file_ms %.4f", typed / k))
    print(String(format: "decode.jsondecoder_plus_tree_per_file_ms %.4f", twoPass / k))
    print(String(format: "decode.strict_speedup_vs_jsondecoder %.1f", typed / strict))
    print(String(format: "decode.strict_speedup_vs_two_pass %.1f", twoPass / strict))

case "municipality":
    municipalityFigures(runs: Int(arg("--runs") ?? "") ?? 20)

case "insight":
    insightFigures(n: Int(arg("--cases") ?? "") ?? 10_000)

case "taskwarrior":
    guard let n = Int(arg("--tasks") ?? ""), let out = arg("--out") else { die("taskwarrior needs --tasks N --out FILE") }
    let seed = UInt64(arg("--seed") ?? "") ?? 7
    let today = Day(arg("--today") ?? "2026-11-23") ?? Day(year: 2026, month: 11, day: 23)!
    // Same titles, municipalities and next-action due dates as `renkei dev generate` with the
    // same seed, so both tools hold the same text and a comparable share of overdue items.
    let data = try DataDirectory.locate()
    let catalog = try CatalogLoader.load(data: data, workspace: nil).catalog
    let gen = CaseGenerator(catalog: catalog, seed: seed, count: n, today: today)
    var lines: [String] = []
    lines.reserveCapacity(n)
    func uuid(_ i: Int) -> String {
        var r = SplitMix64(seed: seed ^ UInt64(i) &* 0x9E37_79B9)
        let a = r.next(), b = r.next()
        let h = String(format: "%016llx%016llx", a, b)
        let c = Array(h)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-" + String(c[20..<32])
    }
    func twDate(_ d: Day) -> String {
        let s = d.description.replacingOccurrences(of: "-", with: "")
        return s + "T000000Z"
    }
    for i in 0..<n {
        let c = gen.makeCase(i)
        var obj: [String: Any] = [
            "uuid": uuid(i),
            "status": "pending",
            "description": "\(c.title)（\(c.municipality.name)）",
            "entry": twDate(c.events.first?.at.day ?? today),
            "project": c.domain ?? "community",
        ]
        if let due = c.nextAction?.due { obj["due"] = twDate(due) }
        if !c.tags.isEmpty { obj["tags"] = c.tags.map { $0.replacingOccurrences(of: " ", with: "_") } }
        let line = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
        lines.append(String(decoding: line, as: UTF8.self))
    }
    try ("[\n" + lines.joined(separator: ",\n") + "\n]\n").write(toFile: out, atomically: true, encoding: .utf8)
    print("taskwarrior.tasks \(n) file \(out)")

default:
    print("""
    usage: renkei-bench inproc --workspace DIR [--runs N]
           renkei-bench ui --workspace DIR [--runs N]
           renkei-bench decode --workspace DIR [--limit N]
           renkei-bench insight [--cases N]
           renkei-bench taskwarrior --tasks N --out FILE [--seed S] [--today YYYY-MM-DD]
    """)
}

final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func bump() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
