// `renkei-bench insight [--cases N]`: release timings for similar cases, joint procurement and
// the funnel over N synthetic cases (default 10,000; `InsightSynthetic.portfolio`). Once
// `Scripts/insight-bench`, a second harness compiled beside the package; now the one bench.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiDevSupport

func insightFigures(n: Int) {
    // Thread CPU time, not wall time: on a shared 2-core machine with other builds running, wall
    // time measures the queue for the CPU; CPU time measures our work. Set INSIGHT_BENCH_WALL=1 for wall.
    let useWall = ProcessInfo.processInfo.environment["INSIGHT_BENCH_WALL"] == "1"
    func now() -> Double {
        if useWall { return Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
    }
    func ms(_ block: () -> Void) -> Double {
        let t0 = now()
        block()
        return now() - t0
    }
    print(useWall ? "clock: wall" : "clock: thread CPU time")
    func cpuStats(_ xs: [Double]) -> String {
        let s = xs.sorted()
        let med = s[s.count / 2], p90 = s[min(s.count - 1, Int((0.9 * Double(s.count)).rounded(.up)) - 1)]
        return String(format: "median %.2f ms, p90 %.2f ms, max %.2f ms (n=%d)", med, p90, s.last!, s.count)
    }

    let today = Day("2026-11-23")!
    var feats: [InsightFeatures] = []
    let gen = ms { feats = InsightSynthetic.portfolio(count: n) }
    print("synthetic portfolio: \(n) cases in \(String(format: "%.1f", gen)) ms; mean \(feats.reduce(0) { $0 + $1.text.count } / n) text tokens per case")

    // Encoded size of the proposed index field, and decoding it back (what a warm index pays).
    let enc = JSONEncoder()
    var data = Data()
    let encT = ms { data = try! enc.encode(feats) }
    var back: [InsightFeatures] = []
    let decT = ms { back = try! JSONDecoder().decode([InsightFeatures].self, from: data) }
    precondition(back == feats)
    print(String(format: "features JSON: %.0f bytes/case, encode %.1f ms, decode %.1f ms for %d", Double(data.count) / Double(n), encT, decT, n))

    // The proposed index extension: only what CaseSummary lacks.
    let extras = feats.map(InsightIndexFields.init)
    var xdata = Data()
    let xencT = ms { xdata = try! enc.encode(extras) }
    var xback: [InsightIndexFields] = []
    let xdecT = ms { xback = try! JSONDecoder().decode([InsightIndexFields].self, from: xdata) }
    precondition(xback == extras)
    print(String(format: "InsightIndexFields JSON: %.0f bytes/case, encode %.1f ms, decode %.1f ms for %d", Double(xdata.count) / Double(n), xencT, xdecT, n))

    // Building features from full cases (the index build path), on a realistic Case.
    let sample = Case(id: "s", title: "市営住宅の高齢単身世帯の見守りセンサー実証", municipality: Municipality(name: "ひかり市", size: .smallMedium),
                      domain: "elderly-care", issue: IssueFrame(why: String(repeating: "市営住宅で高齢単身世帯が増え、孤立や発見の遅れが課題。", count: 2),
                                                              how: "市営住宅をフィールドとして提供し、スタートアップと実証実験を行う（共創）。",
                                                              what: "高齢単身世帯30戸に非接触型センサーを設置し、異常時に地域包括支援センターへ通知する。"),
                      exit: .coCreation, tags: ["見守り", "高齢者", "実証実験"])
    var sink = 0
    print("a realistic sample case has \(InsightFeatures(sample).text.count) text tokens")
    let buildT = ms { for _ in 0..<n { sink &+= InsightFeatures(sample).text.count } }
    print(String(format: "InsightFeatures(case) × %d: %.1f ms (%.1f µs each)", n, buildT, buildT * 1000 / Double(n)))

    // Rebuilding features from index rows (summary + InsightIndexFields), what a warm index pays.
    let sumRow = CaseSummary(sample), xRow = InsightIndexFields(sample)
    let rebuildT = ms { for _ in 0..<n { sink &+= InsightFeatures(summary: sumRow, index: xRow).text.count } }
    print(String(format: "InsightFeatures(summary:index:) × %d: %.1f ms", n, rebuildT))

    // Similar-case lookup: index build once, then lookups for many different queries.
    var finder: SimilarCaseFinder!
    let idxT = ms { finder = SimilarCaseFinder(feats) }
    print(String(format: "SimilarCaseFinder init over %d: %.2f ms", n, idxT))
    var times: [Double] = []
    for q in stride(from: 0, to: n, by: max(1, n / 100)) {
        times.append(ms { sink &+= finder.similar(to: feats[q], limit: 5).matches.count })
    }
    print("similar lookup (limit 5) over \(n): " + cpuStats(times))
    var times2: [Double] = []
    for q in stride(from: 0, to: n, by: max(1, n / 50)) {
        times2.append(ms { sink &+= SimilarCaseFinder(feats).similar(to: feats[q], limit: 5).matches.count })
    }
    print("similar lookup incl. finder init over \(n): " + cpuStats(times2))

    var ft: [Double] = []
    for _ in 0..<20 { ft.append(ms { sink &+= FunnelReport.build(feats, today: today, calendar: .typical(today: today)).total }) }
    print("funnel over \(n): " + cpuStats(ft))
    var ff: [Double] = []
    for _ in 0..<20 { ff.append(ms { sink &+= FunnelReport.build(feats, filter: .init(exit: .procurement, fiscalYear: 2027), today: today, calendar: .typical(today: today)).total }) }
    print("funnel filtered (exit+FY) over \(n): " + cpuStats(ff))
    var rt: [Double] = []
    let report = FunnelReport.build(feats, today: today, calendar: .typical(today: today))
    for _ in 0..<20 { rt.append(ms { sink &+= report.lines(width: 100, lang: .ja).count }) }
    print("funnel render (100 columns): " + cpuStats(rt))
    var jt: [Double] = []
    var groups = 0
    for _ in 0..<20 { jt.append(ms { groups = JointProcurementFinder.find(feats, today: today, calendar: .typical(today: today)).groups.count }) }
    print("joint over \(n): " + cpuStats(jt) + " — \(groups) groups")
    if sink == 42 { print("") }
}
