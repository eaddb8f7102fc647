// In-process figures for the TUI, reports and insight (issues 3, 5, 8): the same calls the
// interactive runtime (Sources/renkei/Interactive/InteractiveApp.swift) and the CLI make.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiStore
import RenkeiReport
import RenkeiTUI

/// What `Runtime.portfolioData()` builds: summaries with search text, plus the next deadline
/// of every open case from the calendar engine.
func benchPortfolioData(_ store: CaseStore, data: DataDirectory, today: Day) throws -> PortfolioData {
    let p = try store.portfolio()
    let known = Set(p.summaries.map(\.municipality))
    let result = CalendarLoader.load(data: data, workspace: store.workspace, knownMunicipalities: known)
    var links: [String: [String]] = [:]
    for s in p.summaries where !s.fundingWindows.isEmpty { links[s.id] = s.fundingWindows }
    let ctx = result.context(today: today, catalog: store.catalog, fundingLinks: links)
    var out: [String: Deadline] = [:]
    for s in p.summaries where !s.stage.isEndState {
        if let item = DeadlineEngine.nextDeadline(for: s, context: ctx) {
            out[s.id] = Deadline(day: item.due, labelJa: item.ja, labelEn: item.en)
        }
    }
    return PortfolioData(summaries: p.summaries,
                         damaged: p.damaged.map { DamagedEntry(fileName: $0.fileName, reason: $0.reason) },
                         readOnly: p.readOnly, deadlines: out)
}

/// Drives `update` + `view` + the adapter's diff (Screen equality, then `rowEquals` per row,
/// counting the cells the adapter would repaint) for one message; returns ms.
struct Driver {
    var state: AppState
    var screen: Screen
    var repaintedRows = 0
    var effects: [Effect] = []

    init(_ state: AppState) { self.state = state; self.screen = view(state) }

    mutating func step(_ msg: Msg) -> Double {
        let t = nowNs()
        let (next, eff) = update(state, msg)
        let s = view(next)
        var rows = 0
        if s != screen {
            if s.width != screen.width || s.height != screen.height { rows = s.height } else {
                for y in 0..<s.height where !s.rowEquals(screen, y) { rows += 1 }
            }
        }
        let dt = Double(nowNs() - t) / 1e6
        state = next; screen = s; effects = eff; repaintedRows += rows
        return dt
    }
}

func uiFigures(ws: Workspace, store: CaseStore, runs: Int) throws {
    let index = store.index!
    let data = try DataDirectory.locate()
    let today = Day(ProcessInfo.processInfo.environment["RENKEI_TODAY"] ?? "") ?? Day(year: 2026, month: 11, day: 23)!
    let width = 120, height = 40

    // --- TUI first frame: index from disk (as a fresh process), deadlines, AppState, first view.
    var firstFrame: [Double] = []
    var loadOnly: [Double] = []
    var viewOnly: [Double] = []
    var base: AppState?
    for _ in 0..<runs {
        index.invalidate()
        let t0 = nowNs()
        let pd = try benchPortfolioData(store, data: data, today: today)
        let t1 = nowNs()
        var st = AppState(catalog: store.catalog, today: today, width: width, height: height)
        st = update(st, .loaded(pd, external: false)).0
        let scr = view(st)
        let t2 = nowNs()
        precondition(scr.width == width)
        firstFrame.append(Double(t2 - t0) / 1e6)
        loadOnly.append(Double(t1 - t0) / 1e6)
        viewOnly.append(Double(t2 - t1) / 1e6)
        base = st
    }
    report("ui.first_frame", firstFrame)
    // Its parts: the index read alone, and the calendar engine's next deadline for every case.
    report("ui.first_frame.part_portfolio_only", try sample(max(3, runs / 2)) { index.invalidate(); _ = try store.portfolio() })
    let sums = try store.portfolio().summaries
    report("ui.first_frame.part_deadlines_only", sample(max(3, runs / 2)) {
        let cal = CalendarLoader.load(data: data, workspace: ws, knownMunicipalities: Set(sums.map(\.municipality)))
        let ctx = cal.context(today: today, catalog: store.catalog)
        var n = 0
        for s in sums where !s.stage.isEndState { if DeadlineEngine.nextDeadline(for: s, context: ctx) != nil { n += 1 } }
    })
    report("ui.first_frame.portfolio_and_deadlines", loadOnly)
    report("ui.first_frame.loaded_update_and_view", viewOnly)
    print("ui.rows \(base!.summaries.count)")

    // --- Keystrokes on the list: j/k/PgDn/PgUp/G/g.
    var d = Driver(base!)
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
        var st = update(d.state, .key(.char("/"))).0
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

    // --- Card move on the board (`>`): the keystroke, then the durable save the runtime does,
    //     then the `.saved` message (which rebuilds rows and board columns).
    var moveKey: [Double] = [], moveSave: [Double] = [], moveSaved: [Double] = []
    var moved = 0, gated = 0
    let now = Timestamp(Date())
    for i in 0..<max(5, runs) {
        _ = d.step(.key(i % 2 == 0 ? .char("j") : .char("l")))
        moveKey.append(d.step(.key(.char(">"))))
        guard case .save(let id, let cmd, let expect)? = d.effects.first else { _ = d.step(.key(.esc)); continue }
        let t = nowNs()
        var reply: Msg
        do {
            let r = try store.apply(id, cmd, actor: "bench", now: now, expect: expect)
            reply = .saved(r.document.value, label: "advance")
            moved += 1
        } catch CommandError.gateBlocked(let cid, let stage, let problems) {
            reply = .gateBlocked(caseId: cid, stage: stage, problems: problems); gated += 1
        } catch { reply = .failed("\(error)") }
        moveSave.append(Double(nowNs() - t) / 1e6)
        moveSaved.append(d.step(reply))
        if case .gateBlocked = reply { _ = d.step(.key(.esc)) }
    }
    report("ui.board_move.key", moveKey)
    report("ui.board_move.save", moveSave)
    report("ui.board_move.saved_msg", moveSaved)
    print("ui.board_move.outcome saved \(moved) gate \(gated)")
    print("ui.repainted_rows_total \(d.repaintedRows)")

    // --- Reports: one case (md/html), end to end in process (exporter built as the CLI does,
    //     case loaded, rendered, written durably), and with the exporter reused (TUI `x`).
    let ids = base!.summaries.prefix(runs * 3).map(\.id)
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
            var links: [String: [String]] = [:]
            fallbacks = 0
            for s in p.summaries {
                byId[s.id] = s
                if !s.fundingWindows.isEmpty { links[s.id] = s.fundingWindows }
                if let x = s.insight { features.append(InsightFeatures(summary: s, index: x)) } else { fallbacks += 1 }
            }
            let cal = CalendarLoader.load(data: data, workspace: ws, knownMunicipalities: Set(byId.values.map(\.municipality)))
            let dctx = cal.context(today: today, catalog: store.catalog, fundingLinks: links)
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
