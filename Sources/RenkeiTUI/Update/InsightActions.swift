import Foundation
import RenkeiCore

/// Update for the insight pages: dashboard (funnel), 共同調達, 類似事例, calendar timeline, overdue actions.
extension AppState {
    /// Municipalities for the dashboard's filter cycle (from the insight features, sorted).
    var insightMunicipalities: [String] { insight?.insight.municipalities ?? [] }
    var insightFiscalYears: [Int] { insight?.insight.fiscalYears ?? [] }

    /// Recomputes the funnel for the current filter (on load and on a filter key; ~10 ms at 10,000 cases).
    mutating func refreshFunnel() {
        guard let insight else { funnel = nil; return }
        funnel = insight.insight.funnel(funnelFilter)
    }

    mutating func refreshJoint() {
        joint = insight?.insight.joint()
        jointSelection = min(max(0, jointSelection), max(0, jointMembers.count - 1))
    }

    /// Case ids of the joint view's member rows, in display order.
    var jointMembers: [String] { joint?.groups.flatMap { $0.members.map(\.id) } ?? [] }

    /// Computes the 類似事例 of the open case when its tab shows (pure; lessons come back from the runtime).
    mutating func refreshSimilar() -> [Effect] {
        guard var d = detail, d.tab == .similar, d.similar == nil, let insight else { return [] }
        guard let r = insight.insight.similar(to: d.id, limit: 5) else { return [] }
        d.similar = r
        d.similarSelection = 0
        detail = d
        return r.matches.isEmpty ? [] : [.attachLessons(r)]
    }

    mutating func openSimilarSelection() -> [Effect] {
        guard let d = detail, let r = d.similar, r.matches.indices.contains(d.similarSelection) else { return [] }
        let id = r.matches[d.similarSelection].id
        let back = d.returnTo
        var eff = openDetail(id)
        detail?.returnTo = back
        detail?.tab = .similar
        eff += refreshSimilar()
        return eff
    }

    static func cycle<T: Equatable>(_ current: T?, in values: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        guard let c = current, let i = values.firstIndex(of: c) else { return values[0] }
        return i + 1 < values.count ? values[i + 1] : nil
    }

    /// The calendar for a municipality (its own, its prefecture's or kind's, else the default).
    func calendarResolution(_ municipality: String?) -> CalendarResolution? {
        guard let data = insight else { return nil }
        guard let m = municipality else { return CalendarResolution(calendar: data.calendars.defaultCalendar, fallback: nil) }
        if let s = summaries.first(where: { $0.municipality == m }) { return data.calendars.resolve(for: s) }
        return data.calendars.resolve(municipality: m, prefecture: nil, kind: nil)
    }

    /// The fiscal year whose budget cycle is under way today (info-provision … vote), else the current one.
    func currentCycle(_ cal: BudgetCalendar, _ h: HolidaySet) -> Int {
        let next = today.fiscalYear + 1
        if let first = cal.milestones.compactMap({ $0.rawDate(fiscalYear: next) }).min(), h.previousBusinessDay(onOrBefore: first) <= today { return next }
        return today.fiscalYear
    }

    var timeline: (FiscalTimeline, CalendarResolution)? {
        guard let data = insight, let res = calendarResolution(calendarMunicipality) else { return nil }
        let n = calendarYear ?? currentCycle(res.calendar, data.holidays)
        return (FiscalTimeline.build(calendar: res.calendar, holidays: data.holidays, fiscalYear: n, today: today), res)
    }

    mutating func enter(_ p: Page) {
        if page != p {
            if page == .list || page == .board || page == .detail || page == .dashboard { pageReturn = page }
            if page == .detail && p != .detail { /* keep the detail for Esc back */ }
        }
        page = p
    }

    mutating func performInsight(_ action: Action) -> [Effect] {
        switch action {
        case .dashboard:
            if page == .dashboard { return [] }
            if page == .detail { detail = nil }
            enter(.dashboard)
            dashScroll = 0
            if insight == nil { status = Label.insightLoading.text(lang) }
            return []
        case .joint:
            if page == .detail { detail = nil }
            enter(.joint)
            refreshJoint()
            if insight == nil { status = Label.insightLoading.text(lang) }
            return []
        case .calendar:
            let m = focusedCaseId.flatMap { summary($0)?.municipality }
            if page == .detail { detail = nil }
            if page != .calendar { calendarMunicipality = m; calendarYear = nil; calendarScroll = 0 }
            enter(.calendar)
            if insight == nil { status = Label.insightLoading.text(lang) }
            return []
        case .filterMunicipality:
            if page == .calendar {
                calendarMunicipality = AppState.cycle(calendarMunicipality, in: insightMunicipalities.isEmpty ? Array(Set(summaries.map(\.municipality))).sorted() : insightMunicipalities)
                calendarScroll = 0
                status = "\(Label.municipality.text(lang)): \(calendarMunicipality ?? Label.defaultCalendar.text(lang))"
                return []
            }
            guard page == .dashboard else { return [] }
            funnelFilter.municipality = AppState.cycle(funnelFilter.municipality, in: insightMunicipalities)
        case .filterExit:
            guard page == .dashboard else { return [] }
            funnelFilter.exit = AppState.cycle(funnelFilter.exit, in: Exit.allCases)
        case .filterYear:
            guard page == .dashboard else { return [] }
            funnelFilter.fiscalYear = AppState.cycle(funnelFilter.fiscalYear, in: insightFiscalYears)
        case .clearFilters:
            guard page == .dashboard else { return [] }
            funnelFilter = FunnelFilter()
        case .prevYear, .nextYear:
            guard page == .calendar, let (t, _) = timeline else { return [] }
            calendarYear = min(2100, max(2000, t.fiscalYear + (action == .prevYear ? -1 : 1)))
            calendarScroll = 0
            return []
        case .snooze, .setNextAction:
            return []   // from the overdue review only (see `overdueAction`)
        default:
            return []
        }
        dashScroll = 0
        refreshFunnel()
        return []
    }

    mutating func navigateInsight(_ action: Action) {
        let h = max(1, height - 3)
        func scrolled(_ v: Int) -> Int {
            switch action {
            case .down: return v + 1
            case .up: return max(0, v - 1)
            case .top: return 0
            case .bottom: return Int.max / 2
            case .pageDown: return v + h
            case .pageUp: return max(0, v - h)
            default: return v
            }
        }
        switch page {
        case .dashboard: dashScroll = scrolled(dashScroll)
        case .calendar: calendarScroll = scrolled(calendarScroll)
        case .joint:
            let n = jointMembers.count
            var i = jointSelection
            switch action {
            case .down: i += 1
            case .up: i -= 1
            case .top: i = 0
            case .bottom: i = n - 1
            case .pageDown: i += max(1, h / 2)
            case .pageUp: i -= max(1, h / 2)
            default: break
            }
            jointSelection = n == 0 ? 0 : min(max(0, i), n - 1)
        default: break
        }
    }

    /// Snooze / set next action / calendar from a row of the overdue review.
    mutating func overdueAction(_ a: Action, _ item: DeadlineItem, review: OverdueReview, selection: Int) -> [Effect] {
        switch a {
        case .calendar:
            modal = nil
            if page == .detail { detail = nil }
            calendarMunicipality = item.municipality
            calendarYear = item.fiscalYear
            calendarScroll = 0
            enter(.calendar)
            return []
        case .snooze:
            if readOnly.contains(item.caseId) { toast(Label.readOnly.text(lang), .error); return [] }
            if item.snoozed {
                // On a row of the snoozed section: lift the snooze, then refresh the review.
                modal = nil
                pending += 2
                return [.save(caseId: item.caseId, command: .unsnooze(item: item.milestoneId), expect: [:]), .overdue]
            }
            var until = FormField(key: "until", label: Label.snoozeUntil.text(lang), kind: .text, input: TextInput(today.adding(days: 7).description))
            until.required = true; until.hint = "YYYY-MM-DD"
            var reason = FormField(key: "reason", label: Label.snoozeReason.text(lang), kind: .text, input: TextInput())
            reason.required = true
            modalBehind = .overdue(review: review, selection: selection)
            modal = .form(Form(purpose: .snooze(caseId: item.caseId, item: item.milestoneId),
                               title: "\(Label.snoozeTitle.text(lang)) — \(item.caseId)", fields: [until, reason], note: item.label(lang)))
            return []
        case .setNextAction:
            if readOnly.contains(item.caseId) { toast(Label.readOnly.text(lang), .error); return [] }
            var text = FormField(key: "text", label: Label.nextActionText.text(lang), kind: .text, input: TextInput())
            text.required = true
            text.hint = Label.nextActionHint.text(lang)
            var due = FormField(key: "due", label: Label.nextActionDue.text(lang), kind: .text, input: TextInput(today.adding(days: 7).description))
            due.required = true; due.hint = "YYYY-MM-DD"
            modalBehind = .overdue(review: review, selection: selection)
            modal = .form(Form(purpose: .nextAction(caseId: item.caseId), title: "\(Label.nextActionTitle.text(lang)) — \(item.caseId)", fields: [text, due]))
            return []
        default:
            return []
        }
    }
}
