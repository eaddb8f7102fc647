import RenkeiCore
import RenkeiStore

/// The budget-calendar position from the deadline engine (`DeadlineEngine`, RenkeiCore/Calendar):
/// the municipality's milestones for the target year met or missed, the next deadline, days
/// overdue and the earliest funding route. This is the provider the CLI and the TUI use.
public struct CalendarDeadlines: DeadlineProvider {
    public let context: DeadlineContext
    public init(context: DeadlineContext) { self.context = context }

    public func deadlines(for c: Case, today: Day, lang: Lang) -> DeadlineInfo? {
        var ctx = context
        if ctx.fundingLinks[c.id] == nil, !c.linkedFundingWindowIds.isEmpty { ctx.fundingLinks[c.id] = c.linkedFundingWindowIds }
        return CalendarDeadlines(context: ctx).deadlines(for: CaseSummary(c), today: today, lang: lang)
    }

    public func deadlines(for s: CaseSummary, today: Day, lang: Lang) -> DeadlineInfo? {
        var ctx = context
        ctx.today = today
        let items = DeadlineEngine.items(for: s, context: ctx)
        let (resolution, rows) = DeadlineEngine.schedule(for: s, context: ctx)
        guard !items.isEmpty || !rows.isEmpty else { return nil }

        let milestones: [DeadlineInfo.Milestone] = rows.map { r in
            let status: DeadlineInfo.Status
            switch r.status {
            case .met: status = .met
            case .missed: status = .missed
            case .pending, .info: status = r.due < today ? .passed : .upcoming
            }
            return .init(id: r.milestoneId, label: lang == .ja ? r.ja : r.en, due: r.due, status: status,
                         source: (lang == .ja ? resolution.calendar.ja : resolution.calendar.en))
        }
        let open = items.filter { !$0.snoozed && ($0.kind != .stale || $0.isMissed) }
        let next = open.first.map { i in
            DeadlineInfo.Milestone(id: i.milestoneId, label: i.label(lang), due: i.due, status: i.isMissed ? .missed : .upcoming)
        }
        let overdue = open.filter(\.isMissed).map(\.daysOverdue).max()
        let route = items.compactMap(\.earliestRoute).first
        var routeText = route.map { r in r.label(lang) + (r.closed(lang).map { lang == .ja ? "（\($0)）" : " (\($0))" } ?? "") }
        if let r = route { routeText! += (lang == .ja ? " ／ 代替: " : " / alternative: ") + r.alternative(lang) }
        var position: String? = nil
        if let fy = s.fiscalYear {
            let cal = (lang == .ja ? resolution.calendar.ja : resolution.calendar.en)
            let head = lang == .ja ? "\(cal)・\(fy)年度" : "\(cal), FY\(fy)"
            position = head + (open.first.map { ": \($0.label(lang)) — \($0.statusText(lang))" } ?? "")
            if let note = resolution.note(lang) { position! += lang == .ja ? "（\(note)）" : " (\(note))" }
        }
        return DeadlineInfo(position: position, milestones: milestones, earliestRoute: routeText, nextMilestone: next,
                            daysOverdue: overdue)
    }
}
