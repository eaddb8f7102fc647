import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei joint` — 共同調達の候補 (実践ガイド p.36–40, p.83–99): open procurement cases in
/// different municipalities with the same issue domain and a fiscal year they can all still
/// budget for, with the latest common request deadline and the combined budget.
struct JointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "joint",
        abstract: "Joint-procurement (共同調達) candidates: same domain, different municipalities, one fiscal year.",
        discussion: """
        A case whose target year's budget request deadline has passed joins the next fiscal year
        (marked "slid"). Request deadlines: the typical cycle ((N-1)-10-31, weekend → Friday)
        until municipal calendars are configured.
        """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        let loaded = InsightLoading.load(ctx)
        let report = JointProcurementFinder.find(loaded.features, today: ctx.today,
                                                 calendar: .typical(today: ctx.today), catalog: ctx.catalog)
        if json { try Output.json(report); return }
        let lang = Output.lang, ja = lang == .ja
        Output.line(ja ? "共同調達の候補（\(ctx.today)時点・調達案件\(report.considered)件）" : "Joint-procurement candidates (as of \(ctx.today), \(report.considered) procurement cases)")
        if let note = report.note { Output.line("  " + note.text(lang)) }
        for g in report.groups {
            Output.line("")
            let deadline: String
            if let d = g.commonRequestDeadline, let left = g.daysLeft {
                deadline = "\(d)（\(d.wareki)）" + (ja ? (left >= 0 ? " あと\(left)日" : " \(-left)日超過") : (left >= 0 ? " in \(left) days" : " \(-left) days ago"))
            } else { deadline = "—" }
            Output.line(ja ? "■ \(g.domainJa)・\(g.fiscalYear)年度 — \(g.municipalities.count)自治体: \(g.municipalities.joined(separator: "・"))"
                           : "■ \(g.domainEn), FY\(g.fiscalYear) — \(g.municipalities.count) municipalities: \(g.municipalities.joined(separator: ", "))")
            Output.line("  " + (ja ? "共通の予算要求締切: " : "Latest common request deadline: ") + deadline)
            Output.line("  " + (ja ? "合計予算: " : "Combined budget: ") + Yen.format(g.combinedYen)
                        + (g.membersWithoutAmount.isEmpty ? "" : (ja ? "（金額未定: \(g.membersWithoutAmount.joined(separator: ", "))）" : " (no amount yet: \(g.membersWithoutAmount.joined(separator: ", ")))")))
            for m in g.members {
                let slid = m.slid ? (ja ? "  ※\(m.targetFiscalYear)年度の締切を過ぎたため翌年度" : "  * missed FY\(m.targetFiscalYear), joins the next year") : ""
                Output.line("  - \(m.id)  \(m.municipality)  \(m.title)  [\(m.stage.label(lang))\(m.method.map { "・" + $0 } ?? "")]  \(m.budgetYen > 0 ? Yen.format(m.budgetYen) : "—")\(slid)")
            }
        }
        if !report.skipped.isEmpty {
            Output.line("")
            Output.line(ja ? "対象外（情報不足）:" : "Not considered (missing data):")
            for s in report.skipped { Output.line("  - \(s.id): " + (ja ? s.ja : s.en)) }
        }
    }
}
