// In-process figures for the TUI, reports and insight (issues 3, 5, 8): the TUI through the
// same runtime `renkei open` drives (RenkeiApp's `Program` + `StoreEffects`), reports and
// insight through the calls the CLI makes.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiStore
import RenkeiReport
import RenkeiTUI
import RenkeiApp

/// Times one message through the shared runtime (`Program.send`: update, foreground effects
/// such as a durable save, and their answers) and the view with the terminal adapter's diff
/// (Screen equality, then `rowEquals` per row, counting the rows it would repaint); returns ms.
struct TimedProgram {
    let program: Program
    var screen: Screen
    var repaintedRows = 0

    init(_ program: Program) { self.program = program; screen = program.screen }

    mutating func step(_ msg: Msg) -> Double {
        let t = nowNs()
        program.send(msg)
        let s = program.screen
        var rows = 0
        if s != screen {
            if s.width != screen.width || s.height != screen.height { rows = s.height } else {
                for y in 0..<s.height where !s.rowEquals(screen, y) { rows += 1 }
            }
        }
        let dt = Double(nowNs() - t) / 1e6
        screen = s; repaintedRows += rows
        return dt
    }
}

func uiFigures(ws: Workspace, store: CaseStore, runs: Int) throws {
    let index = store.index!
    let data = try DataDirectory.locate()
    let today = Day(ProcessInfo.processInfo.environment["RENKEI_TODAY"] ?? "") ?? Day(year: 2026, month: 11, day: 23)!
    let width = 120, height = 40

    let environment = RuntimeEnvironment(store: store, data: data, today: today, actor: "bench", now: { Timestamp(Date()) })

    // --- TUI first frame, as `renkei open` makes it: the index read from disk (as a fresh
    //     process), the `.loaded` update, the deadlines of the rows on screen, the first view.
    //     Background work (insight, the other deadlines) is not part of it; `settle()` after.
    var firstFrame: [Double] = []
    var loadOnly: [Double] = []
    var viewOnly: [Double] = []
    var settleAll: [Double] = []
    var opened: Program?
    for _ in 0..<runs {
        index.invalidate()
        let effects = StoreEffects(environment)
        let t0 = nowNs()
        let first = effects.firstLoad()
        let t1 = nowNs()
        let program = Program(state: AppState(catalog: store.catalog, today: today, width: width, height: height), performer: effects)
        program.send(first)
        let scr = program.screen
        let t2 = nowNs()
        program.settle()
        settleAll.append(Double(nowNs() - t2) / 1e6)
        precondition(scr.width == width)
        firstFrame.append(Double(t2 - t0) / 1e6)
        loadOnly.append(Double(t1 - t0) / 1e6)
        viewOnly.append(Double(t2 - t1) / 1e6)
        opened = program
    }
    report("ui.first_frame", firstFrame)
    report("ui.first_frame.part_portfolio_only", loadOnly)
    report("ui.first_frame.part_update_onscreen_deadlines_view", viewOnly)
    report("ui.background_insight_and_deadlines", settleAll)
    // Every deadline before the frame (what a deadline-sorted list waits for).
    let sums = opened!.state.summaries
    report("ui.first_frame.part_all_deadlines", sample(max(3, runs / 2)) { _ = StoreEffects(environment).deadlines(sums) })
    print("ui.rows \(sums.count)")

    // --- Keystrokes on the list: j/k/PgDn/PgUp/G/g.
    var d = TimedProgram(opened!)
    var listKeys: [Double] = []
    let listSeq: [Key] = Array(repeating: .char("j"), count: 100) + Array(repeating: .char("k"), count: 40)
        + Array(repeating: .pageDown, count: 40) + Array(repeating: .pageUp, count: 20) + [.char("G"), .char("k"), .char("k"), .char("g")]
    for _ in 0..<max(1, runs / 4) { for k in listSeq { listKeys.append(d.step(.key(k))) } }
    report("ui.key_list", listKeys)
    for (name, k) in [("j", Key.char("j")), ("pgdn", Key.pageDown), ("G", Key.char("G")), ("g", Key.char("g"))] {
        var xs: [Double] = []
        for _ in 0..<50 { xs.append(d.step(.key(k))) }
        report("ui.key_list.\(name)", xs)
    }

    // --- Filter as you type: `/` then one key at a time, Backspace, Esc.
    var filt: [Double] = []
    var perChar: [String: [Double]] = [:]
    for _ in 0..<max(1, runs / 2) {
        _ = d.step(.key(.char("/")))
        for c in "狭山" { let t = d.step(.key(.char(c))); filt.append(t); perChar["type", default: []].append(t) }
        for _ in 0..<2 { let t = d.step(.key(.backspace)); filt.append(t); perChar["backspace", default: []].append(t) }
        for c in "さいたま市" { let t = d.step(.key(.char(c))); filt.append(t); perChar["type", default: []].append(t) }
        for _ in 0..<5 { let t = d.step(.key(.backspace)); filt.append(t); perChar["backspace", default: []].append(t) }
        for c in "robot" { let t = d.step(.key(.char(c))); filt.append(t); perChar["type", default: []].append(t) }
        let t = d.step(.key(.esc)); filt.append(t); perChar["esc", default: []].append(t)
        _ = d.step(.key(.esc))
    }
    report("ui.filter_key", filt)
    // Its parts for one typed key: update (re-filter + sort 10,000 rows) vs view.
    do {
        var st = update(d.program.state, .key(.char("/"))).0
        var upd: [Double] = [], vw: [Double] = []
        for c in "狭山さいたま" {
            let t0 = nowNs(); st = update(st, .key(.char(c))).0; let t1 = nowNs(); _ = view(st); let t2 = nowNs()
            upd.append(Double(t1 - t0) / 1e6); vw.append(Double(t2 - t1) / 1e6)
            let t3 = nowNs(); st = update(st, .key(.backspace)).0; upd.append(Double(nowNs() - t3) / 1e6)
        }
        report("ui.filter_key.part_update", upd)
        report("ui.filter_key.part_view", vw)
    }
    for (k, v) in perChar.sorted(by: { $0.key < $1.key }) { report("ui.filter_key.\(k)", v) }

    // --- Board: `b`, then h/l/j/k/G/g.
    _ = d.step(.key(.char("g")))
    let toBoard = d.step(.key(.char("b")))
    print(String(format: "ui.board_open %.3f", toBoard))
    var board: [Double] = []
    let boardSeq: [Key] = [.char("l"), .char("j"), .char("j"), .char("j"), .char("k"), .char("l"), .pageDown, .char("j"),
                           .char("h"), .char("G"), .char("g"), .char("l"), .char("l"), .char("j"), .char("h"), .char("h")]
    for _ in 0..<max(1, runs * 2) { for k in boardSeq { board.append(d.step(.key(k))) } }
    report("ui.key_board", board)

    // --- Card move on the board (`>`): the keystroke, the durable save the runtime performs,
    //     the `.saved` message (rows and board columns rebuilt) and the view, as one step.
    var moveKey: [Double] = []
    var moved = 0, gated = 0
    for i in 0..<max(5, runs) {
        _ = d.step(.key(i % 2 == 0 ? .char("j") : .char("l")))
        d.program.effects = []
        moveKey.append(d.step(.key(.char(">"))))
        if case .gate? = d.program.state.modal { gated += 1; _ = d.step(.key(.esc)) }
        else if d.program.effects.contains(where: \.writes) { moved += 1 }
    }
    report("ui.board_move.key_save_and_view", moveKey)
    print("ui.board_move.outcome saved \(moved) gate \(gated)")
    print("ui.repainted_rows_total \(d.repaintedRows)")

    // --- Reports: one case (md/html), end to end in process (exporter built as the CLI does,
    //     case loaded, rendered, written durably), and with the exporter reused (TUI `x`).
    let ids = sums.prefix(runs * 3).map(\.id)
    let outDir = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-bench-exports-\(getpid())")
    try? FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outDir) }
    for fmt in [CaseFormat.md, .html] {
        var e2e: [Double] = [], reused: [Double] = []
        let shared = ReportExporter(store: store, data: data, today: today)
        for (k, id) in ids.enumerated() {
            let file = outDir.appendingPathComponent("\(id).\(fmt.fileExtension)")
            e2e.append(try sample(1) {
                let ex = ReportExporter(store: store, data: data, today: today)
                try ex.export(caseId: id, format: fmt, lang: .ja, to: .file(file, overwrite: true))
            }[0])
            if k < ids.count { reused.append(try sample(1) { try shared.export(caseId: id, format: fmt, lang: .ja, to: .file(file, overwrite: true)) }[0]) }
        }
        report("report.case_\(fmt.rawValue).end_to_end", e2e)
        report("report.case_\(fmt.rawValue).exporter_reused", reused)
    }
    // CSV portfolio of the whole workspace, from a fresh index read (as `renkei export --all`).
    var csv: [Double] = []
    var csvBytes = 0
    for _ in 0..<max(3, runs / 4) {
        index.invalidate()
        csv.append(try sample(1) {
            let ex = ReportExporter(store: store, data: data, today: today)
            let url = try ex.exportPortfolio(format: .csv, lang: .ja, to: .file(outDir.appendingPathComponent("p.csv"), overwrite: true))
            csvBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }[0])
    }
    report("report.portfolio_csv", csv)
    print("report.portfolio_csv.bytes \(csvBytes)")

    // --- Insight over the index summaries (`InsightFeatures(summary:index:)`), as the CLI loads it.
    var loadInsight: [Double] = []
    var insight: PortfolioInsight?
    var fallbacks = 0
    for _ in 0..<max(3, runs / 4) {
        index.invalidate()
        loadInsight.append(try sample(1) {
            let p = try store.portfolio(PortfolioQuery(includeSearchText: false))
            var features: [InsightFeatures] = []
            var byId: [String: CaseSummary] = [:]
            fallbacks = 0
            for s in p.summaries {
                byId[s.id] = s
                if let x = s.insight { features.append(InsightFeatures(summary: s, index: x)) } else { fallbacks += 1 }
            }
            let dctx = store.calendars(for: p.summaries, data: data, today: today).context
            insight = PortfolioInsight(features, catalog: store.catalog, calendar: .engine(dctx, summaries: byId), today: today)
        }[0])
    }
    report("insight.load_features_and_build", loadInsight)
    print("insight.features \(insight!.features.count) without_index_fields \(fallbacks)")
    let qids = insight!.features.map(\.id)
    let stride = max(1, qids.count / 100)
    var sim: [Double] = []
    for i in Swift.stride(from: 0, to: qids.count, by: stride).prefix(100) {
        sim.append(sample(1) { _ = insight!.similar(to: qids[i], limit: 5) }[0])
    }
    report("insight.similar_lookup", sim)
    report("insight.finder_init", sample(max(3, runs / 4)) { _ = SimilarCaseFinder(insight!.features, catalog: store.catalog) })
    report("insight.funnel", sample(max(5, runs)) { _ = insight!.funnel() })
    let typical = PortfolioInsight(insight!.features, catalog: store.catalog, calendar: .typical(today: today), today: today)
    report("insight.funnel_typical_calendar", sample(max(5, runs)) { _ = typical.funnel() })
    report("insight.joint", sample(max(3, runs / 4)) { _ = insight!.joint() })
    print(String(format: "ui.peak_rss_mb %.1f", peakRSSMB()))
}
