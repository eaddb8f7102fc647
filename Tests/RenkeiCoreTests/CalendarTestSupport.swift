import Foundation
import RenkeiTestSupport
@testable import RenkeiCore

/// Fixtures for the calendar and deadline tests: the repo's shipped data and case summaries
/// built from small cases with pinned dates.
enum CalendarFixtures {
    static var dataDir: URL { Repo.data }

    /// Data/holidays/jp.json, parsed here so the core tests need no store.
    static let holidays: HolidaySet = {
        let data = try! Data(contentsOf: dataDir.appendingPathComponent("holidays/jp.json"))
        let o = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var names: [Day: String] = [:]
        for (k, v) in o["days"] as! [String: String] { names[Day(k)!] = v }
        return HolidaySet(names: names, years: (o["from"] as! Int)...(o["to"] as! Int), source: o["source"] as! String)
    }()

    static func shippedCalendar(_ name: String) -> BudgetCalendar {
        let data = try! Data(contentsOf: dataDir.appendingPathComponent("calendars/\(name).json"))
        return try! JSONDecoder().decode(BudgetCalendar.self, from: data)
    }

    static func context(_ today: String, calendars: CalendarSet = CalendarSet(), staleDays: [Stage: Int] = DeadlineContext.defaultStaleDays,
                        windows: [FundingWindow] = [], links: [String: [String]] = [:]) -> DeadlineContext {
        DeadlineContext(calendars: calendars, holidays: holidays, today: Day(today)!, staleDays: staleDays,
                        fundingWindows: windows, fundingLinks: links)
    }

    /// A case summary with exactly the fields the deadline rules read.
    static func summary(_ id: String = "c-0001", stage: Stage = .coordination, fiscalYear: Int? = 2027,
                        exit: Exit? = .procurement, amount: Int = 0, ticked: Bool = false,
                        municipality: String = "狭山市", prefecture: String? = "埼玉県", kind: MunicipalityKind? = .city,
                        lastEvent: String? = nil, nextAction: (String, String)? = nil,
                        snoozes: [(String, String)] = []) -> CaseSummary {
        var c = Case(id: id, title: "件名 \(id)", municipality: Municipality(name: municipality, prefecture: prefecture, kind: kind))
        c.exit = exit
        c.stage = stage
        c.budget.fiscalYear = fiscalYear
        if amount > 0 { c.budget.items = [BudgetItem(label: "委託料", yen: amount)] }
        var s = CaseSummary(c)
        s.roughQuoteTicked = ticked
        s.lastEventDay = lastEvent.flatMap(Day.init)
        s.stageEnteredDay = s.lastEventDay
        s.nextActionText = nextAction?.0
        s.nextActionDue = nextAction.flatMap { Day($0.1) }
        s.snoozes = snoozes.map { CaseSummary.SnoozeMark(item: $0.0, until: Day($0.1)!) }
        return s
    }
}

extension Day {
    /// Test shorthand: `Day.d("2026-10-30")`.
    static func d(_ s: String) -> Day { Day(s)! }
}
