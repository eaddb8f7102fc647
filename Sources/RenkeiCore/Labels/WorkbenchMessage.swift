/// Sentences with values the workbench shows — durations, due dates, progress — typed like
/// `Message` and worded only here (issue 17: they were inline `ja ? … : …` in the TUI).
public enum WorkbenchMessage: Equatable, Sendable {
    /// 3日 / 5週 / 4か月 / 1年2か月 (3d, 5w, 4mo, 1y 2mo); the sign is ignored.
    case span(days: Int)
    /// 3日前 / あと5日 (3d ago / in 5d), from a span.
    case ago(days: Int)
    case ahead(days: Int)
    /// Days until a due date: 24日超過 / あと5日 (24d over / in 5d).
    case dueOver(days: Int)
    case dueIn(days: Int)
    /// 12日 / 12d.
    case days(Int)
    /// 2027年度 / FY2027.
    case fiscalYear(Int)
    /// A qualifier after a name: （埼玉県） / " (埼玉県)".
    case parenthetical(String)
    /// 索引を作成しています… 1,200 / 10,000件.
    case buildingIndex(done: String, total: String)
    /// The overdue review's detail lines.
    case needs(String)
    case earliestRoute(ja: String, en: String)
    case noTargetFiscalYear([String])
    /// A damaged case file in the list.
    case damagedRow(file: String, reason: String)
    /// The detail tabs.
    case list([String])
    case inStageFor(String)
    case checklistDone(done: Int, total: Int)
    case unmetBeforeAdvancing(Int)
    case fiscalYearSpan(Int)
    case notePreview(String)
    /// A record list in the field picker: 連絡先（2件） / Contacts (2).
    case recordCount(String, Int)
    /// The first run: the actor's name saved, the samples loaded.
    case signedAs(String)
    case samplesLoaded(Int)
    /// Under a selected snoozed item of the overdue review.
    case unsnoozeHint(key: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .span(let n):
            let d = abs(n)
            if d < 14 { return ja ? "\(d)日" : "\(d)d" }
            if d < 60 { return ja ? "\(d / 7)週" : "\(d / 7)w" }
            if d < 365 { return ja ? "\(d / 30)か月" : "\(d / 30)mo" }
            let y = d / 365, m = (d % 365) / 30
            if ja { return m == 0 ? "\(y)年" : "\(y)年\(m)か月" }
            return m == 0 ? "\(y)y" : "\(y)y \(m)mo"
        case .ago(let n):
            let s = WorkbenchMessage.span(days: n).text(lang)
            return ja ? s + "前" : s + " ago"
        case .ahead(let n):
            let s = WorkbenchMessage.span(days: n).text(lang)
            return ja ? "あと" + s : "in " + s
        case .dueOver(let n): return ja ? "\(n)日超過" : "\(n)d over"
        case .dueIn(let n): return ja ? "あと\(n)日" : "in \(n)d"
        case .days(let n): return ja ? "\(n)日" : "\(n)d"
        case .fiscalYear(let y): return Message.fiscalYearValue(y).text(lang)
        case .parenthetical(let s): return ja ? "（\(s)）" : " (\(s))"
        case .buildingIndex(let done, let total):
            return ja ? "索引を作成しています… \(done) / \(total)件" : "Building the index… \(done) / \(total) cases"
        case .needs(let r): return (ja ? "要件: " : "needs: ") + r
        case .earliestRoute(let routeJa, let routeEn): return ja ? "最短の予算化: " + routeJa : "earliest route: " + routeEn
        case .noTargetFiscalYear(let ids): return (ja ? "目標年度が未設定: " : "No target fiscal year: ") + ids.joined(separator: ", ")
        case .damagedRow(let file, let reason): return "\(ja ? "破損" : "DAMAGED") \(file) — \(reason)"
        case .list(let items): return items.joined(separator: ja ? "、" : ", ")
        case .inStageFor(let span): return ja ? "（\(span)滞在）" : " (for \(span))"
        case .checklistDone(let done, let total): return ja ? " \(done)/\(total) 完了" : " \(done)/\(total) done"
        case .unmetBeforeAdvancing(let n): return ja ? "→ 次へ進むには未了 \(n) 件:" : "→ \(n) unmet before advancing:"
        case .fiscalYearSpan(let fy): return ja ? "（\(fy)-04-01〜\(fy + 1)-03-31）" : " (\(fy)-04-01 – \(fy + 1)-03-31)"
        case .notePreview(let text): return (ja ? "メモ: " : "note: ") + text
        case .recordCount(let list, let n): return ja ? "\(list)（\(n)件）" : "\(list) (\(n))"
        case .signedAs(let name): return ja ? "変更は「\(name)」の名前で記録します" : "Changes are signed “\(name)”"
        case .samplesLoaded(let n): return ja ? "サンプル案件を \(n) 件読み込みました" : "Loaded \(n) sample cases"
        case .unsnoozeHint(let key): return ja ? "\(key) でスヌーズを解除" : "\(key) to lift the snooze"
        }
    }
}
