import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// Keys of the dashboard, 類似事例 tab, 共同調達 view, calendar timeline and the overdue
/// review's snooze / next-action actions.
@Suite struct InsightScreenTests {
    func k(_ s: String) -> [Msg] { TUIFixtures.keys(s) }
    func open(_ id: String) -> [Msg] { [.key(.char("/"))] + k(id) + [.key(.enter), .key(.enter)] }

    @Test func dashboardKeysCycleFilters() {
        var h = Harness(TUIFixtures.state())
        h.send(k("d"))
        #expect(h.state.page == .dashboard)
        #expect(h.state.funnel?.total == TUIFixtures.cases.count)
        h.send(k("e"))
        #expect(h.state.funnelFilter.exit == Exit.allCases[0])
        #expect(h.state.funnel?.filter.exit == Exit.allCases[0])
        h.send(k("m"))
        #expect(h.state.funnelFilter.municipality == h.state.insightMunicipalities.first)
        h.send(k("y"))
        #expect(h.state.funnelFilter.fiscalYear == h.state.insightFiscalYears.first)
        h.send(k("0"))
        #expect(h.state.funnelFilter.isEmpty)
        // cycling past the last value returns to "all"
        for _ in 0..<(Exit.allCases.count + 1) { h.send(k("e")) }
        #expect(h.state.funnelFilter.exit == nil)
        h.send(.key(.esc))
        #expect(h.state.page == .list)
        // keymap-driven: help and the palette know the dashboard
        #expect(h.state.paletteMatches("dashboard").first == .dashboard)
        #expect(Keymap.default.action(for: .char("d"), in: .list) == .dashboard)
        #expect(Keymap.default.action(for: .char("e"), in: .dashboard) == .filterExit)
    }

    @Test func similarTabAndEnterJumps() {
        var h = Harness(TUIFixtures.state())
        h.send(open("toyonaka"))
        h.send(k("7"))
        let d = h.state.detail!
        #expect(d.tab == .similar)
        let matches = d.similar?.matches ?? []
        #expect(!matches.isEmpty)
        #expect(matches.first?.lessons != nil)   // the runtime attached lessons
        h.send(k("j"))
        #expect(h.state.detail?.similarSelection == 1)
        h.effects = []
        h.send(.key(.enter))
        #expect(h.state.detail?.id == matches[1].id)
        #expect(h.state.detail?.tab == .similar)
        #expect(h.effects.contains(.loadCase(matches[1].id)))
    }

    @Test func jointView() {
        var h = Harness(TUIFixtures.state())
        h.send(k("J"))
        #expect(h.state.page == .joint)
        #expect(h.state.joint != nil)
        h.send(.key(.esc))
        #expect(h.state.page == .list)
        h.send(k("dJ"))
        #expect(h.state.page == .joint)
        h.send(.key(.esc))
        #expect(h.state.page == .dashboard)
    }

    @Test func calendarTimelineKeys() {
        var h = Harness(TUIFixtures.state())
        let m = h.state.selectedSummary?.municipality
        h.send(k("c"))
        #expect(h.state.page == .calendar)
        #expect(h.state.calendarMunicipality == m)
        let y0 = h.state.timeline!.0.fiscalYear
        h.send(k("l"))
        #expect(h.state.timeline!.0.fiscalYear == y0 + 1)
        h.send(k("hh"))
        #expect(h.state.timeline!.0.fiscalYear == y0 - 1)
        #expect(h.state.timeline!.0.rows.contains { $0.isToday })
        h.send(.key(.esc))
        #expect(h.state.page == .list)
    }

    func overdueItem(_ h: Harness) -> DeadlineItem? {
        if case .overdue(let r, let sel)? = h.state.modal { return r.allItems[sel] }
        return nil
    }

    @Test func overdueSnoozeAsksDateAndReason() {
        var h = Harness(TUIFixtures.state())
        h.send(k("o"))
        let item = overdueItem(h)!
        h.send(k("z"))
        guard case .form(let f)? = h.state.modal else { Issue.record("no form"); return }
        #expect(f.purpose == .snooze(caseId: item.caseId, item: item.milestoneId))
        // Esc goes back to the review
        h.send(.key(.esc))
        #expect(overdueItem(h) == item)
        h.send(k("z"))
        h.send(.key(.ctrl("s")))                         // reason missing → stays open
        if case .form(let f2)? = h.state.modal { #expect(f2.fields[1].error != nil) } else { Issue.record("form closed") }
        h.send(k("議会日程待ち"))                       // focus moved to the reason field
        h.effects = []
        h.send(.key(.ctrl("s")))
        let until = TUIFixtures.today.adding(days: 7)
        #expect(h.effects.contains(.save(caseId: item.caseId, command: .snooze(item: item.milestoneId, until: until, reason: "議会日程待ち"), expect: [:])))
        #expect(h.effects.contains(.overdue))
    }

    @Test func overdueSnoozeRejectsBadDates() {
        var h = Harness(TUIFixtures.state())
        h.send(k("oz"))
        guard case .form(var f)? = h.state.modal else { Issue.record("no form"); return }
        f.fields[0].input = TextInput("2026-02-30"); f.fields[1].input = TextInput("理由")
        h.state.modal = .form(f)
        h.send(.key(.ctrl("s")))
        if case .form(let f2)? = h.state.modal { #expect(f2.fields[0].error == Label.dateInvalid.text(.ja)) } else { Issue.record("closed") }
        f.fields[0].input = TextInput("2026-11-01")
        h.state.modal = .form(f)
        h.send(.key(.ctrl("s")))
        if case .form(let f3)? = h.state.modal { #expect(f3.fields[0].error == Label.dateNotAhead.text(.ja)) } else { Issue.record("closed") }
    }

    @Test func overdueSetNextAction() {
        var h = Harness(TUIFixtures.state())
        h.send(k("o"))
        let item = overdueItem(h)!
        h.send(k("a"))
        h.send(k("財政課と協議"))
        h.effects = []
        h.send(.key(.ctrl("s")))
        let due = TUIFixtures.today.adding(days: 7).description
        #expect(h.effects.contains(.save(caseId: item.caseId, command: .setFields([FieldAssignment("nextAction.due", .string(due)),
                                                                                   FieldAssignment("nextAction.text", .string("財政課と協議"))]), expect: [:])))
        #expect(h.effects.contains(.overdue))
        // the harness re-opened the review
        #expect(overdueItem(h) != nil)
    }

    @Test func overdueCalendarKey() {
        var h = Harness(TUIFixtures.state())
        h.send(k("o"))
        let item = overdueItem(h)!
        h.send(k("c"))
        #expect(h.state.modal == nil)
        #expect(h.state.page == .calendar)
        #expect(h.state.calendarMunicipality == item.municipality)
    }

    @Test func helpListsNewScreens() {
        let s = update(TUIFixtures.state(), .key(.char("?"))).0
        let text = s.helpLines(width: 200).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        for a in [Action.dashboard, .joint, .calendar, .snooze, .setNextAction, .filterExit] { #expect(text.contains(a.label(.ja))) }
    }

    @Test func emptyWorkspaceDoesNotDivideByZero() {
        var s = AppState(catalog: TUIFixtures.catalog, today: TUIFixtures.today)
        s = update(s, .loaded(PortfolioData(summaries: []), external: false)).0
        s = update(s, .insightLoaded(InsightData(insight: PortfolioInsight([], catalog: nil, calendar: .typical(today: TUIFixtures.today), today: TUIFixtures.today)))).0
        for key in "dmey0Jjc" {
            s = update(s, .key(.char(key))).0
            for (w, h) in [(80, 24), (40, 12), (1, 1)] { #expect(view(s, width: w, height: h).isWellFormed) }
        }
    }
}
