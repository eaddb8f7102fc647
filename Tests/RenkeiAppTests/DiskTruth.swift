import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// What the workbench must agree with: a fresh load of the workspace from disk by another
/// process's store (its own index), the deadlines and insight the runtime would compute from
/// it. Used by the reload tests and the model-based run.
struct DiskTruth {
    let summaries: [String: CaseSummary]
    let damagedCount: Int
    let deadlines: [String: Deadline]
    let insight: InsightData

    init(_ ws: TempWorkspace) throws {
        let store = try ws.otherStore()
        let p = try store.portfolio()
        summaries = Dictionary(p.summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        damagedCount = p.damaged.count
        let fresh = StoreEffects(RuntimeEnvironment(store: store, data: ws.environment.data, today: ws.environment.today,
                                                    actor: "検査", now: ws.environment.now))
        deadlines = fresh.deadlines(p.summaries)
        insight = fresh.insightData(p.summaries)
    }

    /// Every way the running program's state can disagree with the disk or with itself; empty
    /// when it agrees. Call after `settle()` and once any outside change has been picked up.
    func disagreements(with state: AppState) -> [String] {
        var out: [String] = []
        // The state's own indices point into its arrays.
        for r in state.rows {
            switch r {
            case .summary(let i) where !state.summaries.indices.contains(i): out.append("row → summary \(i) out of range")
            case .damaged(let i) where !state.damaged.indices.contains(i): out.append("row → damaged \(i) out of range")
            default: break
            }
        }
        for col in state.boardColumns where col.contains(where: { !state.summaries.indices.contains($0) }) {
            out.append("board card out of range")
        }
        if !state.rows.isEmpty && !state.rows.indices.contains(state.selection) { out.append("selection \(state.selection) outside \(state.rows.count) rows") }
        // The list is the disk.
        let mine = Dictionary(state.summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if Set(mine.keys) != Set(summaries.keys) {
            out.append("cases: list has \(mine.count) \(Set(mine.keys).subtracting(summaries.keys).sorted()) extra, "
                       + "\(Set(summaries.keys).subtracting(mine.keys).sorted()) missing; disk has \(summaries.count)")
        }
        for (id, s) in summaries {
            guard let m = mine[id] else { continue }
            if m.revision != s.revision || m.stage != s.stage || m.title != s.title || m.totalYen != s.totalYen {
                out.append("\(id): list r\(m.revision) \(m.stage) vs disk r\(s.revision) \(s.stage)")
            }
        }
        if state.counts.total != summaries.count { out.append("count \(state.counts.total) vs disk \(summaries.count)") }
        if state.damaged.count != damagedCount { out.append("damaged \(state.damaged.count) vs disk \(damagedCount)") }
        // Deadlines of every case, as the engine computes them from the disk.
        for id in Set(deadlines.keys).union(state.deadlines.keys) where summaries[id] != nil && state.deadlines[id] != deadlines[id] {
            out.append("deadline of \(id): \(state.deadlines[id].map { "\($0.day)" } ?? "—") vs disk \(deadlines[id].map { "\($0.day)" } ?? "—")")
        }
        // The dashboard (funnel) under the filter on screen.
        if let shown = state.funnel {
            let fresh = insight.insight.funnel(state.funnelFilter)
            if shown.total != fresh.total || shown.stages != fresh.stages {
                out.append("dashboard: \(shown.total) cases \(shown.stages.map(\.count)) vs disk \(fresh.total) \(fresh.stages.map(\.count))")
            }
        } else if state.loaded {
            out.append("dashboard: no funnel after settle")
        }
        // The open case is the case on disk.
        if let d = state.detail, let doc = d.doc {
            if let s = summaries[d.id] {
                if doc.revision != s.revision { out.append("open case \(d.id): r\(doc.revision) vs disk r\(s.revision)") }
            } else {
                out.append("open case \(d.id) shown but not on disk")
            }
        }
        return out
    }
}
