import Foundation
import RenkeiCore
import RenkeiStore

/// Shared by `overdue`, `calendar`, `snooze`: loads calendars, holidays and funding windows and
/// builds the deadline context for the portfolio.
enum Deadlines {
    struct Loaded {
        var result: CalendarLoader.Result
        var context: DeadlineContext
        var portfolio: Portfolio
    }

    static func load(_ ctx: AppContext) throws -> Loaded {
        let portfolio = try ctx.store.portfolio(PortfolioQuery(includeSearchText: false))  // deadlines never search: skip 10,000 strings
        for d in portfolio.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang)) }
        let calendars = ctx.store.calendars(for: portfolio.summaries, data: ctx.data, today: ctx.today)
        return Loaded(result: calendars.loaded, context: calendars.context, portfolio: portfolio)
    }

    /// Only what `overdue --count` needs: the index's deadline facts (no summaries decoded)
    /// and a context without funding links (a funding window is listed while open, never missed).
    static func loadFacts(_ ctx: AppContext) throws -> (facts: [DeadlineFacts], context: DeadlineContext) {
        let loaded = try ctx.store.deadlineFacts()
        for d in loaded.damaged { Output.warn(StatusMessage.damagedCaseFile(path: d.path, reason: d.reason.text(Output.lang), leftOut: false).text(Output.lang)) }
        // No case, no deadline: the calendars, holidays and catalog would be read for nothing
        // (issue 19: 22 M of the 30 M instructions of `overdue --count` on an empty workspace).
        if loaded.facts.isEmpty { return ([], DeadlineContext(today: ctx.today)) }
        let calendars = ctx.store.calendars(municipalities: Set(loaded.facts.map(\.municipality)),
                                            unlinked: Set(loaded.facts.lazy.filter { $0.municipalityCode == nil }.map(\.municipality)),
                                            fundingLinks: [:], data: ctx.data, today: ctx.today)
        return (loaded.facts, calendars.context)
    }

    static func date(_ d: Day, wareki: Bool, _ lang: Lang) -> String {
        wareki ? d.wareki : "\(d) (\(DeadlineText.weekday(d, lang)))"
    }
}

/// One deadline item as `renkei overdue --json` prints it.
struct DeadlineItemJSON: Encodable {
    var group: String?
    var caseId: String
    var title: String
    var municipality: String
    var prefecture: String?
    var kind: String
    var milestoneId: String
    var label: String
    var labelEn: String
    var due: String
    var dueWareki: String
    var scheduled: String
    var shiftReason: String?
    var daysOverdue: Int
    var status: String
    var currentStage: String
    var requiredStage: String?
    var requirement: String?
    var fiscalYear: Int?
    var earliestRoute: FundingRoute?
    var snoozed: Bool
    var snoozedUntil: String?
    var calendarId: String?
    var calendarNote: String?

    init(_ i: DeadlineItem, group: OverdueReview.GroupKind?) {
        self.group = group?.rawValue
        caseId = i.caseId; title = i.caseTitle; municipality = i.municipality; prefecture = i.prefecture
        kind = i.kind.rawValue; milestoneId = i.milestoneId; label = i.ja; labelEn = i.en
        due = i.due.description; dueWareki = i.due.wareki; scheduled = i.scheduled.description; shiftReason = i.shiftReason
        daysOverdue = i.daysOverdue; status = i.statusText(.ja)
        currentStage = i.currentStage.rawValue; requiredStage = i.requiredStage?.rawValue; requirement = i.requirementJa
        fiscalYear = i.fiscalYear; earliestRoute = i.earliestRoute; snoozed = i.snoozed; snoozedUntil = i.snoozedUntil?.description
        calendarId = i.calendarId; calendarNote = i.calendarNote(.ja)   // as --json always said it
    }
}
