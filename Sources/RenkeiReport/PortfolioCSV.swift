import Foundation
import RenkeiCore

/// The portfolio as the CSV a coordinator opens in Excel: the list columns plus 原課, 課題分野,
/// WHY/HOW/WHAT, the next action and its date and the next deadline. An amount nobody entered is
/// an empty cell, not 0 (Excel would sum it as a real zero); partners are joined with 、 like
/// tags, because names often hold ・ and `renkei import` splits the cell back into partners.
extension PortfolioReport {
    static func csvHeader(_ lang: Lang) -> [String] {
        lang == .ja
            ? ["ID", "件名", "自治体", "都道府県", "原課", "課題分野", "連携先", "段階", "進捗", "出口", "手法", "目標年度",
               "予算額(円)", "下見積もり(円)", "課題と理想像 (WHY)", "連携の方法 (HOW)", "実施内容 (WHAT)",
               "次のアクション", "次のアクション期限", "段階滞留日数", "次のマイルストーン", "マイルストーン期限", "超過日数", "タグ"]
            : ["ID", "Title", "Municipality", "Prefecture", "Department", "Issue domain", "Partners", "Stage", "Progress", "Exit",
               "Method", "Fiscal year", "Budget (yen)", "Rough quote (yen)", "Issue & ideal (WHY)", "Approach (HOW)",
               "Activities (WHAT)", "Next action", "Next action due", "Days in stage", "Next milestone", "Milestone due",
               "Days overdue", "Tags"]
    }

    /// The cells of each row, in header order (also what tests compare a CSV reader's output to).
    public func csvCells() -> [[CSVWriter.Cell]] {
        var out: [[CSVWriter.Cell]] = [PortfolioReport.csvHeader(lang).map { .text($0) }]
        out.reserveCapacity(rows.count + 1)
        let list = lang == .ja ? "、" : "; "
        for r in rows {
            out.append([.text(r.id), .text(r.title), .text(r.municipality), .text(r.prefecture ?? ""),
                        .text(r.department ?? ""), .text(r.domain ?? ""), .text(r.partners.joined(separator: list)),
                        .text(r.stageLabel), .text(r.progressGlyph), .text(r.exitLabel ?? ""), .text(r.methodLabel ?? ""),
                        .int(r.fiscalYear), .int(r.totalYen == 0 ? nil : r.totalYen), .int(r.roughQuoteYen),
                        .text(r.issue?.why ?? ""), .text(r.issue?.how ?? ""), .text(r.issue?.what ?? ""),
                        .text(r.nextAction ?? ""), .text(r.nextActionDue?.description ?? ""), .int(r.daysInStage),
                        .text(r.nextMilestone ?? ""), .text(r.nextMilestoneDue?.description ?? ""), .int(r.daysOverdue),
                        .text(r.tags.joined(separator: list))])
        }
        return out
    }

    public func csv() -> Data { csv(cp932: false).data }

    /// UTF-8 with BOM, or CP932 with every character it cannot hold replaced by 〓 and listed.
    public func csv(cp932: Bool) -> (data: Data, replacements: [CP932Replacement]) {
        var w = CSVWriter(cp932: cp932)
        for r in csvCells() { w.row(r) }
        return (w.data, w.replacements)
    }

    /// Fills WHY/HOW/WHAT from the case files (`lookup` returns nil for a case it cannot read).
    public mutating func addIssueFrames(_ lookup: (String) -> IssueFrame?) {
        for i in rows.indices { rows[i].issue = lookup(rows[i].id) }
    }
}
