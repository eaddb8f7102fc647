/// The CLI's review, calendar, similar-cases and history lines with values (issue 14: they
/// were inline `ja ? … : …` in Sources/renkei), typed like `Message` and worded only here.
public enum ReviewMessage: Equatable, Sendable {
    /// `renkei overdue`'s first line.
    case overdueHeader(today: String, wareki: String, missed: Int, within: Int, dueSoon: Int, snoozed: Int)
    /// A date moved to the business day before: ［5/3は憲法記念日→前営業日］.
    case movedEarlier(month: Int, day: Int, scheduled: String, reason: String)
    case earliestRoute(String, closed: String?)
    case alternativeRoute(String)
    /// A case whose own calendar file was rejected: the note says which file and why.
    case defaultCalendarUsed(String)
    /// `renkei calendar`: the holiday data does not cover the years shown.
    case holidayCoverage(from: Int?, to: Int?)
    case snoozedHeader(Int)
    case snoozedUntil(String)
    case andMore(Int)
    case noTargetFiscalYear(String)
    /// `renkei calendar`'s first line.
    case calendarHeader(fiscalYear: Int, name: String, municipality: String?)
    /// `renkei similar`'s first line.
    case similarHeader(id: String, title: String, compared: Int)
    /// A history time with 和暦 and 年度: 2026/11/23 09:00（令和8年・2026年度）.
    case timeWithEra(base: String, wareki: String, fiscalYear: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .overdueHeader(let today, let wareki, let missed, let within, let dueSoon, let snoozed):
            return ja ? "超過レビュー \(today)（\(wareki)） — 超過 \(missed) ・ \(within)日以内 \(dueSoon) ・ スヌーズ中 \(snoozed)"
                      : "Overdue review \(today) (\(wareki)) — missed \(missed) · due within \(within) days \(dueSoon) · snoozed \(snoozed)"
        case .movedEarlier(let month, let day, let scheduled, let reason):
            return ja ? "［\(month)/\(day)は\(reason)→前営業日］" : "[\(scheduled): \(reason) → previous business day]"
        case .earliestRoute(let route, let closed):
            return (ja ? "最短ルート: " : "earliest route: ") + route + (closed.map { ja ? "（\($0)）" : "; \($0)" } ?? "")
        case .alternativeRoute(let route): return (ja ? "代替: " : "alternative: ") + route
        case .defaultCalendarUsed(let why):
            return ja ? "暦ファイルに誤りがあるため標準の予算編成カレンダーを使用: \(why)" : "using the default budget calendar because of a bad calendar file: \(why)"
        case .holidayCoverage(let from, let to):
            let years = from.flatMap { f in to.map { "\(f)–\($0)" } }
            return ja ? "祝日データは\(years.map { "\($0)年の分" } ?? "どの年の分も")しかありません。範囲外の日付は土日と年末年始だけを休みとして扱います — Scripts/gen-holidays.py で範囲を広げてください"
                      : "holiday data covers \(years ?? "no years"); dates outside it only skip weekends and 年末年始 (extend it with Scripts/gen-holidays.py)"
        case .snoozedHeader(let n): return ja ? "スヌーズ中 (\(n))" : "Snoozed (\(n))"
        case .snoozedUntil(let day): return ja ? "〜" + day : "until " + day
        case .andMore(let n): return ja ? " ほか\(n)件" : " and \(n) more"
        case .noTargetFiscalYear(let ids):
            return (ja ? "目標年度が未設定（予算の締切を計算できません）: " : "No target fiscal year (budget deadlines unknown): ")
                + ids + " — renkei set ID budget.fiscalYear N"
        case .calendarHeader(let fy, let name, let municipality):
            // The calendar's name, not its file id (issue 14: `[default]` in the header).
            return ja ? "\(fy)年度 予算編成カレンダー — \(name)\(municipality.map { "（\($0)）" } ?? "")"
                      : "FY\(fy) budget calendar — \(name)\(municipality.map { " (\($0))" } ?? "")"
        case .similarHeader(let id, let title, let compared):
            return ja ? "類似事例 — \(id)  \(title)（\(compared)件と比較）" : "Similar cases — \(id)  \(title) (compared with \(compared))"
        case .timeWithEra(let base, let wareki, let fy):
            return ja ? "\(base)（\(wareki)・\(fy)）" : "\(base) (\(wareki), \(fy))"
        }
    }
}

extension MilestoneSpec: Bilingual {}
extension DeadlineItem: Bilingual {}
extension FundingProgramme.Track: Bilingual {}
extension FundingProgramme.Reference: Bilingual {}

extension FundingProgramme {
    /// The programme's name; English falls back to the Japanese name when it has none.
    public func title(_ lang: Lang) -> String { lang == .ja ? name : (en ?? name) }
}
