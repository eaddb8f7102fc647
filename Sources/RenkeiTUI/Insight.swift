import Foundation
import RenkeiCore

// MARK: - Update: dashboard (funnel), 共同調達, 類似事例, calendar timeline, overdue actions

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
            if insight == nil { status = L.insightLoading.text(lang) }
            return []
        case .joint:
            if page == .detail { detail = nil }
            enter(.joint)
            refreshJoint()
            if insight == nil { status = L.insightLoading.text(lang) }
            return []
        case .calendar:
            let m = focusedCaseId.flatMap { summary($0)?.municipality }
            if page == .detail { detail = nil }
            if page != .calendar { calendarMunicipality = m; calendarYear = nil; calendarScroll = 0 }
            enter(.calendar)
            if insight == nil { status = L.insightLoading.text(lang) }
            return []
        case .filterMunicipality:
            if page == .calendar {
                calendarMunicipality = AppState.cycle(calendarMunicipality, in: insightMunicipalities.isEmpty ? Array(Set(summaries.map(\.municipality))).sorted() : insightMunicipalities)
                calendarScroll = 0
                status = "\(L.municipality.text(lang)): \(calendarMunicipality ?? (lang == .ja ? "標準カレンダー" : "default calendar"))"
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
        let ja = lang == .ja
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
            if readOnly.contains(item.caseId) { toast(L.readOnly.text(lang), .error); return [] }
            var until = FormField(key: "until", label: L.snoozeUntil.text(lang), kind: .text, input: TextInput(today.adding(days: 7).description))
            until.required = true; until.hint = "YYYY-MM-DD"
            var reason = FormField(key: "reason", label: L.snoozeReason.text(lang), kind: .text, input: TextInput())
            reason.required = true
            modalBehind = .overdue(review: review, selection: selection)
            modal = .form(Form(purpose: .snooze(caseId: item.caseId, item: item.milestoneId),
                               title: "\(L.snoozeTitle.text(lang)) — \(item.caseId) · \(item.label(lang))", fields: [until, reason]))
            return []
        case .setNextAction:
            if readOnly.contains(item.caseId) { toast(L.readOnly.text(lang), .error); return [] }
            var text = FormField(key: "text", label: L.nextActionText.text(lang), kind: .text, input: TextInput())
            text.required = true
            text.hint = ja ? "例: 財政課と下見積もりを確認" : "e.g. check the rough quote with finance"
            var due = FormField(key: "due", label: L.nextActionDue.text(lang), kind: .text, input: TextInput(today.adding(days: 7).description))
            due.required = true; due.hint = "YYYY-MM-DD"
            modalBehind = .overdue(review: review, selection: selection)
            modal = .form(Form(purpose: .nextAction(caseId: item.caseId), title: "\(L.nextActionTitle.text(lang)) — \(item.caseId)", fields: [text, due]))
            return []
        default:
            return []
        }
    }
}

// MARK: - View

extension AppState {
    func insightPlaceholder(_ scr: inout Screen) -> Bool {
        guard insight == nil else { return false }
        scr.put(2, 2, L.insightLoading.text(lang), theme.dim, limit: width)
        return true
    }

    /// Draws `lines` (plain text) from `scroll`, styling headings; returns the clamped scroll.
    func drawTextLines(_ lines: [(String, Style)], top: Int, height h: Int, scroll: Int, selected: Int? = nil, _ scr: inout Screen) {
        guard h > 0 else { return }
        var first = min(scroll, max(0, lines.count - h))
        if let sel = selected { first = max(0, min(sel - h / 2, lines.count - h)) }
        for i in 0..<h {
            let li = first + i
            guard li < lines.count else { break }
            let y = top + i
            if li == selected {
                scr.fill(Rect(x: 0, y: y, width: width, height: 1), theme.selected)
                scr.put(1, y, lines[li].0, theme.selected, limit: width - 1)
            } else {
                scr.put(1, y, lines[li].0, lines[li].1, limit: width - 1)
            }
        }
        if lines.count > h {
            let pos = top + Int(Double(h - 1) * Double(first) / Double(max(1, lines.count - h)))
            scr.put(width - 1, pos, "▐", theme.dim)
        }
    }

    func headingStyle(_ l: String) -> Style { l.hasPrefix("■") ? theme.accent : .plain }

    func renderDashboard(_ scr: inout Screen) {
        titleBar(&scr, L.dashboardTitle.text(lang))
        if insightPlaceholder(&scr) { return }
        guard let f = funnel else { return }
        let w = max(1, width - 2)
        var lines: [(String, Style)] = []
        for l in f.lines(width: w, lang: lang) {
            var st = headingStyle(l)
            if l.hasPrefix(lang == .ja ? "期限超過" : "Overdue"), f.overdue.overdue > 0 { st = theme.warning }
            lines.append((l, st))
        }
        if !lines.isEmpty { lines[0].1 = .plain.withBold }
        drawTextLines(lines, top: 1, height: height - 2, scroll: dashScroll, &scr)
    }

    func renderJoint(_ scr: inout Screen) {
        titleBar(&scr, L.jointTitle.text(lang))
        if insightPlaceholder(&scr) { return }
        guard let r = joint else { return }
        let members = jointMembers
        var lines: [(String, Style)] = []
        var selLine: Int?
        var mi = 0
        for l in r.lines(lang: lang, width: max(1, width - 2)) {
            if mi < members.count, l.hasPrefix("  - \(members[mi])  ") || l == "  - \(members[mi])" {
                if mi == jointSelection { selLine = lines.count }
                lines.append((l, .plain)); mi += 1
            } else {
                lines.append((l, headingStyle(l)))
            }
        }
        if !lines.isEmpty { lines[0].1 = .plain.withBold }
        drawTextLines(lines, top: 1, height: height - 2, scroll: 0, selected: selLine, &scr)
    }

    func renderCalendar(_ scr: inout Screen) {
        guard let (t, res) = timeline else {
            titleBar(&scr, L.calendarTitle.text(lang))
            _ = insightPlaceholder(&scr)
            return
        }
        let ja = lang == .ja
        let who = calendarMunicipality ?? (ja ? "標準" : "default")
        titleBar(&scr, "\(L.calendarTitle.text(lang)) \(Fmt.fiscalYear(t.fiscalYear, lang)) · \(who)")
        var y = 1
        let name = ja ? "\(res.calendar.ja) [\(res.calendar.id)]" : "\(res.calendar.en) [\(res.calendar.id)]"
        scr.put(1, y, name, theme.dim, limit: width - 1); y += 1
        if let note = res.note(lang), height >= 16 { scr.put(1, y, "! " + note, theme.warning, limit: width - 1); y += 1 }
        // The timeline bar: milestones as ┬, today as ▼ above it.
        let barW = max(1, width - 4)
        if height >= 10 && width >= 20 {
            var bar = Array(repeating: Character("─"), count: barW)
            for r in t.rows where !r.isToday { bar[min(barW - 1, Int(t.fraction(of: r.due) * Double(barW - 1)))] = r.kind == .milestone ? "┼" : "┬" }
            let tx = min(barW - 1, Int(t.fraction(of: t.today) * Double(barW - 1)))
            scr.put(2 + tx, y, "▼", theme.error)
            scr.put(2 + tx + 1, y, ja ? "今日" : "today", theme.error, limit: width - 1)
            y += 1
            scr.put(2, y, String(bar), theme.border, limit: width - 1)
            scr.put(2 + tx, y, "█", theme.error)
            y += 1
            let left = "\(t.start.month)/\(t.start.day)", right = "\(t.end.month)/\(t.end.day)"
            scr.put(2, y, left, theme.dim, limit: width - 1)
            scr.put(max(2, width - 2 - DisplayWidth.of(right)), y, right, theme.dim, limit: width - 1)
            y += 1
        }
        var lines: [(String, Style)] = []
        for r in t.rows {
            let mark = r.isToday ? "▶" : (r.isPast ? "✓" : "·")
            let date = settings.wareki ? r.due.wareki : r.due.description
            var l = "\(mark) \(date)  \(r.label(lang))"
            if !r.isToday { l += "  " + r.relativeText(lang) }
            if r.shiftReason != nil { l += ja ? "（前営業日へ）" : " (moved earlier)" }
            lines.append((l, r.isToday ? theme.error : r.isPast ? theme.dim : r.kind == .milestone ? .plain : theme.accent))
        }
        drawTextLines(lines, top: y, height: height - 1 - y, scroll: calendarScroll, &scr)
    }

    func similarLines(_ d: DetailState, width: Int) -> [Line] {
        guard insight != nil else { return [Line(L.insightLoading.text(lang), theme.dim)] }
        guard let r = d.similar else {
            return [Line(lang == .ja ? "この案件の分析データがありません（一覧を再読み込み: Ctrl-L）" : "No insight data for this case (reload: Ctrl-L)", theme.dim)]
        }
        var out: [Line] = []
        if let note = r.note { out += paragraph(note.text(lang), width: width, indent: 0, style: theme.warning) }
        if r.matches.isEmpty {
            out.append(Line(L.noSimilar.text(lang), theme.dim))
            return out
        }
        out.append(Line(L.similarHint.text(lang), theme.dim))
        let single = SimilarResult(caseId: r.caseId, matches: [], compared: r.compared)
        _ = single
        for (n, m) in r.matches.enumerated() {
            out.append(.blank)
            let one = SimilarResult(caseId: r.caseId, matches: [m], compared: r.compared).lines(lang: lang, width: nil)
            for (k, l) in one.enumerated() {
                let text = k == 0 ? l.replacingOccurrences(of: "1. ", with: "\(n + 1). ", options: .anchored) : l
                if k == 0 {
                    out.append(Line([Span(DisplayWidth.clip(text, to: width), .plain.withBold)], selected: n == d.similarSelection))
                } else {
                    for w in wrapText(text.trimmingCharacters(in: .whitespaces), width: max(1, width - 3)) {
                        out.append(Line(w, k == 1 ? theme.accent : .plain, indent: 3))
                    }
                }
            }
        }
        return out
    }
}
