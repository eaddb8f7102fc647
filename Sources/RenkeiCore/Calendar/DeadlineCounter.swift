/// The fast path behind `renkei overdue --count`: the number of missed, unsnoozed deadline
/// items of many cases, with exactly the rules of `DeadlineEngine.items` but no labels, routes
/// or allocations per case — milestone dates are computed once per (calendar, fiscal year) and
/// calendar resolution once per (municipality, prefecture, kind).
/// `CalendarCounterTests` checks it against `DeadlineEngine.items` on varied portfolios.
public struct DeadlineCounter {
    public let context: DeadlineContext
    private struct Dates { var info: Day?; var request: Day?; var vote: Day? }
    private var dates: [Int: [Int: Dates]] = [:]          // calendar index → fiscal year → dates
    private var resolved: [String: Int] = [:]              // resolution key → calendar index
    private var calendars: [BudgetCalendar] = []

    public init(context: DeadlineContext) { self.context = context }

    /// Missed, unsnoozed items of one case.
    /// An archived case has none (issue 14; the index leaves archived cases' facts out).
    public mutating func missedCount(_ s: CaseSummary) -> Int { s.archived ? 0 : missedCount(DeadlineFacts(s)) }

    /// Missed, unsnoozed items of one case, from the index's lean deadline section.
    public mutating func missedCount(_ s: DeadlineFacts) -> Int {
        if s.stage == .dropped { return 0 }
        let today = context.today
        var n = 0
        func snoozed(_ item: String) -> Bool {
            s.snoozes.isEmpty ? false : s.snoozes.contains { $0.item == item && $0.until > today }
        }
        if let due = s.nextActionDue, due < today, !snoozed("next-action") { n += 1 }
        if s.stage.isEndState { return n }
        if s.needsBudget, let fy = s.fiscalYear {
            let d = milestoneDates(s, fy)
            if let vote = d.vote, vote < today {
                if !snoozed("follow-up") { n += 1 }
            } else if !(s.stage == .budgeting && s.roughQuoteTicked), let req = d.request, req < today {
                if !snoozed(MilestoneSpec.request) { n += 1 }
            } else if (s.stage.pipelineIndex ?? 0) < 3, let info = d.info, info < today {
                if !snoozed(MilestoneSpec.infoProvision) { n += 1 }
            }
        }
        if let limit = context.staleDays[s.stage], let since = s.lastEventDay ?? s.stageEnteredDay,
           since.adding(days: limit) < today, !snoozed("stale") { n += 1 }
        return n
    }

    public mutating func missedCount(_ summaries: [CaseSummary]) -> Int {
        var n = 0
        for s in summaries { n += missedCount(s) }
        return n
    }

    public mutating func missedCount(_ facts: [DeadlineFacts]) -> Int {
        var n = 0
        for f in facts { n += missedCount(f) }
        return n
    }

    private mutating func milestoneDates(_ s: DeadlineFacts, _ fy: Int) -> Dates {
        let key = s.municipality + "\u{1F}" + (s.prefecture ?? "") + "\u{1F}" + (s.municipalityKind?.rawValue ?? "")
            + "\u{1F}" + (s.municipalityCode ?? "")
        let index: Int
        if let i = resolved[key] { index = i } else {
            let cal = context.calendars.resolve(municipality: s.municipality, prefecture: s.prefecture, kind: s.municipalityKind,
                                                code: s.municipalityCode).calendar
            if let i = calendars.firstIndex(where: { $0.id == cal.id && $0 == cal }) { index = i } else { calendars.append(cal); index = calendars.count - 1 }
            resolved[key] = index
        }
        if let d = dates[index]?[fy] { return d }
        let cal = calendars[index], h = context.holidays
        func shifted(_ id: String) -> Day? { cal.rawDate(of: id, fiscalYear: fy).map { h.previousBusinessDay(onOrBefore: $0) } }
        let d = Dates(info: shifted(MilestoneSpec.infoProvision), request: shifted(MilestoneSpec.request), vote: shifted(MilestoneSpec.vote))
        dates[index, default: [:]][fy] = d
        return d
    }
}
