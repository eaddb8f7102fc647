/// Checked when a case is created (CLI `new`, the TUI's new-case form): a target fiscal year
/// whose budget request deadline has already passed cannot be reached through the initial
/// budget any more, so the coordinator is told at once, with the earliest route that is left.
public enum TargetYearCheck {
    public struct Late: Equatable, Sendable {
        public var fiscalYear: Int
        public var requestDeadline: Day
        public var route: FundingRoute

        public func text(_ lang: Lang) -> String {
            Message.targetYearLate(fiscalYear: fiscalYear, deadline: requestDeadline.description,
                                   route: route.label(lang), alternative: route.alternative(lang)).text(lang)
        }
    }

    /// Nil when the year is still reachable (or the calendar has no request milestone).
    public static func check(fiscalYear n: Int, calendar: BudgetCalendar, holidays: HolidaySet, today: Day) -> Late? {
        guard let raw = calendar.milestone(MilestoneSpec.request)?.rawDate(fiscalYear: n) else { return nil }
        let due = holidays.previousBusinessDay(onOrBefore: raw)
        guard due < today else { return nil }
        return Late(fiscalYear: n, requestDeadline: due,
                    route: FundingRoute.earliest(fiscalYear: n, calendar: calendar, holidays: holidays, today: today))
    }
}
