import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one case: issue, checklist with guide pages, gate, budget, KPIs, notes.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id.") var id: String
    @Flag(help: "The case file as JSON (including fields this renkei does not know).") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        let doc = try ctx.load(id)
        if json {
            Output.document(try CaseCodec.encode(doc), json: true)
            return
        }
        let c = doc.value
        let lang = Output.lang
        let ja = lang == .ja
        Output.line("\(c.id)  \(c.title)" + (doc.readOnly ? "  [read-only: newer schema]" : ""))
        Output.line("  \(ja ? "自治体" : "Municipality"): \(c.municipality.name)\(c.municipality.prefecture.flatMap { $0 == c.municipality.name ? nil : "（\($0)）" } ?? "")  \(ja ? "原課" : "Dept"): \(c.department.isEmpty ? "—" : c.department)")
        Output.line("  \(ja ? "連携先" : "Partners"): \(c.partners.isEmpty ? "—" : c.partners.map { "\($0.name)（\($0.kind.ja)）" }.joined(separator: "、"))")
        Output.line("  \(ja ? "段階" : "Stage"): \(c.stage.progressGlyph) \(c.stage.label(lang)) [\(c.stage.rawValue)]\(c.stageReason.map { " — \($0)" } ?? "")")
        Output.line("  \(ja ? "出口" : "Exit"): \(c.exit.map { $0.label(lang) } ?? "—")  \(ja ? "手法" : "Method"): \(c.method.flatMap { ctx.catalog.method($0).map { ja ? $0.ja : $0.en } ?? $0 } ?? "—")")
        Output.line("  \(ja ? "目標年度" : "Target FY"): \(c.budget.fiscalYear.map { "\($0)年度" } ?? "—")  \(ja ? "予算額" : "Budget"): \(Yen.format(c.budget.totalYen))  \(ja ? "下見積もり" : "Rough quote"): \(c.budget.roughQuoteYen.map(Yen.format) ?? "—")")
        if let na = c.nextAction {
            Output.line("  \(ja ? "次のアクション" : "Next action"): \(na.text) \(na.due.map { "(\($0))" } ?? "")")
        }
        Output.line("")
        Output.line("WHY  " + (c.issue.why.isEmpty ? "—" : c.issue.why))
        Output.line("HOW  " + (c.issue.how.isEmpty ? "—" : c.issue.how))
        Output.line("WHAT " + (c.issue.what.isEmpty ? "—" : c.issue.what))
        if !c.stage.isEndState {
            Output.line("")
            Output.line(ja ? "チェックリスト（\(c.stage.ja)）" : "Checklist (\(c.stage.en))")
            for item in ctx.catalog.items(for: c.stage, exit: c.exit, method: c.method) {
                let mark = c.checklist[item.id] != nil ? "[x]" : "[ ]"
                Output.line("  \(mark) \(item.id)  \(item.label(lang))\(item.required ? " *" : "")  \(item.page)")
            }
            let problems = Gate.check(c, catalog: ctx.catalog)
            Output.line(problems.isEmpty ? (ja ? "  → 次の段階へ進めます (renkei advance \(c.id))" : "  → gate open: renkei advance \(c.id)")
                                         : (ja ? "  → 未了 \(problems.count) 件" : "  → \(problems.count) unmet") + ": " + problems.map(\.id).joined(separator: ", "))
        }
        if !c.notes.isEmpty {
            Output.line("")
            Output.line(ja ? "メモ" : "Notes")
            for (i, n) in c.notes.enumerated() { Output.line("  #\(i + 1) \(n.at.day) \(n.author): \(n.text)") }  // position: ids are random
        }
    }
}
