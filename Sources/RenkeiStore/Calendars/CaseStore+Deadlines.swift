import Foundation
import RenkeiCore

/// What the deadline engine needs for a set of cases, and the loaded files it came from (their
/// calendars and holidays are what the calendar views draw; their problems what the review lists).
public struct CalendarsForCases: Sendable {
    public var loaded: CalendarLoader.Result
    public var context: DeadlineContext
}

extension CaseStore {
    /// The one place a deadline context is assembled: the budget calendars (shipped, then the
    /// workspace's), holidays and funding windows, checked against the cases' municipalities,
    /// with each case's linked funding windows, for `today`.
    /// - Parameter summaries: the cases the context is for; nil loads the calendars without
    ///   checking workspace calendars' municipalities and without funding links.
    /// - Parameter linkFunding: false leaves funding links out (a funding window is listed while
    ///   open, never missed, so `overdue --count` does not need them).
    public func calendars(for summaries: [CaseSummary]?, data: DataDirectory, today: Day, linkFunding: Bool = true) -> CalendarsForCases {
        calendars(municipalities: summaries.map { Set($0.map(\.municipality)) },
                  unlinked: summaries.map { Set($0.lazy.filter { $0.municipalityCode == nil }.map(\.municipality)) },
                  fundingLinks: linkFunding ? Self.fundingLinks(summaries ?? []) : [:], relying: linkFunding ? summaries ?? [] : [],
                  data: data, today: today)
    }

    /// The same from municipality names and funding links directly (for callers that hold
    /// `DeadlineFacts` or whole cases rather than summaries).
    /// - Parameter unlinked: the names of the cases without a municipality code (their profile's
    ///   calendar is found by name); nil treats every name in `municipalities` so.
    /// - Parameter relying: cases whose funding sources may name a programme: they get its
    ///   windows (`program` = the programme's id) as links. The programmes are read only when
    ///   some window names a program.
    public func calendars(municipalities: Set<String>?, unlinked: Set<String>? = nil, fundingLinks: [String: [String]],
                          relying: [CaseSummary] = [], data: DataDirectory, today: Day) -> CalendarsForCases {
        var loaded = CalendarLoader.load(data: data, workspace: workspace, knownMunicipalities: municipalities)
        let chosen = ProfileCalendars.chosen(workspace: workspace, data: data, unlinkedNames: unlinked ?? municipalities ?? [])
        loaded.calendars.chosenByCode = chosen.byCode
        loaded.calendars.chosenByMunicipality = chosen.byName
        var fundingLinks = fundingLinks
        if !relying.isEmpty, loaded.fundingWindows.contains(where: { $0.program != nil }) {
            fundingLinks = GrantRules.links(relying, windows: loaded.fundingWindows,
                                            programmes: ProgrammeLoader.load(data: data, workspace: workspace).programmes, adding: fundingLinks)
        }
        return CalendarsForCases(loaded: loaded, context: loaded.context(today: today, catalog: catalog, fundingLinks: fundingLinks))
    }

    /// Case id → linked funding window ids, for the cases that have any.
    public static func fundingLinks(_ summaries: [CaseSummary]) -> [String: [String]] {
        var links: [String: [String]] = [:]
        for s in summaries where !s.fundingWindows.isEmpty { links[s.id] = s.fundingWindows }
        return links
    }
}
