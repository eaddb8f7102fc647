import Foundation
import Testing
@testable import RenkeiCore

@Suite struct InsightJointTests {
    static let today = Day("2026-11-23")!
    static let typical = InsightCalendar.typical(today: today)

    func proc(_ id: String, _ muni: String, domain: String? = "disaster", fy: Int? = 2028, yen: Int = 0,
                     rough: Int? = nil, stage: Stage = .coordination, exit: Exit = .procurement) -> InsightFeatures {
        InsightFeatures(id: id, title: id, municipality: muni, domain: domain, exit: exit, method: "joint", stage: stage,
                        fiscalYear: fy, totalYen: yen, roughQuoteYen: rough)
    }

    @Test func typicalRequestDeadlineMovesOffWeekends() {
        #expect(InsightCalendar.typicalRequestDeadline(fiscalYear: 2027) == Day("2026-10-30"))   // 10-31 is a Saturday
        #expect(InsightCalendar.typicalRequestDeadline(fiscalYear: 2028) == Day("2027-10-29"))   // Sunday → Friday
        #expect(InsightCalendar.typicalRequestDeadline(fiscalYear: 2029) == Day("2028-10-31"))   // Tuesday
    }

    @Test func groupsDifferentMunicipalitiesWithCommonDeadlineAndCombinedBudget() throws {
        let r = JointProcurementFinder.find([proc("a", "広島県", yen: 40_800_000), proc("b", "呉市", rough: 3_000_000), proc("c", "三原市")],
                                            today: Self.today, calendar: Self.typical)
        let g = try #require(r.groups.first)
        #expect(r.groups.count == 1)
        #expect(g.fiscalYear == 2028)
        #expect(g.members.map(\.id).sorted() == ["a", "b", "c"])
        #expect(g.municipalities.count == 3)
        #expect(g.combinedYen == 43_800_000)
        #expect(g.membersWithoutAmount == ["c"])
        #expect(g.commonRequestDeadline == Day("2027-10-29"))
        #expect(g.daysLeft == 340)
    }

    @Test func sameMunicipalityAloneIsNoGroup() {
        let r = JointProcurementFinder.find([proc("a", "狭山市"), proc("b", "狭山市"), proc("c", "狭山市\u{3000}")],
                                            today: Self.today, calendar: Self.typical)
        #expect(r.groups.isEmpty)
        #expect(r.considered == 3)
        #expect(r.note?.ja.contains("3件の調達案件") == true)
    }

    @Test func differentFiscalYearsDoNotGroupButAMissedYearSlides() throws {
        // 2028 and 2029 are both still reachable: no common call.
        let apart = JointProcurementFinder.find([proc("a", "A市", fy: 2028), proc("b", "B市", fy: 2029)],
                                                today: Self.today, calendar: Self.typical)
        #expect(apart.groups.isEmpty)
        // 2027's request deadline (2026-10-30) has passed: "a" slides to 2028 and meets "b".
        let slid = JointProcurementFinder.find([proc("a", "A市", fy: 2027), proc("b", "B市", fy: 2028)],
                                               today: Self.today, calendar: Self.typical)
        let g = try #require(slid.groups.first)
        #expect(g.fiscalYear == 2028)
        #expect(g.members.first { $0.id == "a" }?.slid == true)
        #expect(g.members.first { $0.id == "b" }?.slid == false)
    }

    @Test func municipalCalendarsPlugInAndTheEarliestDeadlineIsCommon() throws {
        let cal = InsightCalendar(requestDeadline: { f, fy in
            f.municipality == "A市" ? Day(year: fy - 1, month: 10, day: 10) : Day(year: fy - 1, month: 11, day: 5)
        }, isOverdue: { _ in false })
        let r = JointProcurementFinder.find([proc("a", "A市"), proc("b", "B市")], today: Self.today, calendar: cal)
        #expect(r.groups.first?.commonRequestDeadline == Day("2027-10-10"))
        #expect(r.groups.first?.members.first { $0.id == "b" }?.requestDeadline == Day("2027-11-05"))
    }

    @Test func onlyOpenProcurementCasesWithDomainAndYear() {
        let r = JointProcurementFinder.find([
            proc("done", "A市", stage: .realized), proc("promo", "B市", exit: .promotion),
            proc("nodomain", "C市", domain: nil), proc("noyear", "D市", fy: nil), proc("ok", "E市"),
        ], today: Self.today, calendar: Self.typical)
        #expect(r.groups.isEmpty)
        #expect(r.considered == 1)
        #expect(r.skipped.map(\.id) == ["nodomain", "noyear"])
    }

    @Test func emptyWorkspaceExplains() {
        let r = JointProcurementFinder.find([], today: Self.today, calendar: Self.typical)
        #expect(r.groups.isEmpty)
        #expect(r.considered == 0)
        #expect(r.note?.en.contains("No open procurement cases") == true)
    }

    @Test func catalogLabelsTheDomain() {
        let cat = Catalog(domains: [Domain(id: "disaster", ja: "防災・災害対応", en: "Disaster preparedness")])
        let r = JointProcurementFinder.find([proc("a", "A市"), proc("b", "B市")], today: Self.today, calendar: Self.typical, catalog: cat)
        #expect(r.groups.first?.domainJa == "防災・災害対応")
    }
}
