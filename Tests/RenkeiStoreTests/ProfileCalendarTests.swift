import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 16: the budget calendar a municipality's profile chooses drives its cases' deadlines
/// through `store.calendars(for:)`, the one deadline context (list, overdue review, TUI alike).
@Suite struct ProfileCalendarTests {
    static let today = Day("2026-11-23")!

    func context(_ store: CaseStore) throws -> (DeadlineContext, [CaseSummary]) {
        let summaries = try store.portfolio().summaries
        return (store.calendars(for: summaries, data: StoreFixtures.dataDir, today: Self.today).context, summaries)
    }

    func requestDue(_ id: String, _ store: CaseStore) throws -> (calendar: String, due: Day?) {
        let (ctx, summaries) = try context(store)
        let s = try #require(summaries.first { $0.id == id })
        return (ctx.calendars.resolve(for: s).calendar.id,
                DeadlineEngine.items(for: s, context: ctx).first { $0.milestoneId == "request" }?.due)
    }

    @Test func theProfilesCalendarMovesTheRequestDeadline() throws {
        let ws = try StoreFixtures.workspace("profile-calendar")
        _ = try ws.seedSamples(from: StoreFixtures.dataDir)
        let store = try StoreFixtures.store(ws)
        // 狭山市 (a 市) runs on the default calendar: request 10-31 (a Saturday → Friday 10-30).
        let before = try requestDue("sayama-ntt-eco-action", store)
        #expect(before.calendar == "default" && before.due == Day("2026-10-30"))
        // Its profile chooses the designated-city calendar: request 11-07 (Saturday → 11-06).
        let file = ws.municipalitiesDir.appendingPathComponent("112151.json")
        var profile = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        profile["calendar"] = "designated-city-example"
        try JSONSerialization.data(withJSONObject: profile).write(to: file)
        let after = try requestDue("sayama-ntt-eco-action", store)
        #expect(after.calendar == "designated-city-example" && after.due == Day("2026-11-06"))
        // Both 狭山市 cases follow it; 豊川市's do not.
        #expect(try requestDue("sayama-saitama-robot-field", store).calendar == "designated-city-example")
        #expect(try requestDue("toyokawa-horn-solo-travel", store).calendar == "default")
        // A calendar id no file has leaves the case on the calendar it would have had.
        profile["calendar"] = "no-such-calendar"
        try JSONSerialization.data(withJSONObject: profile).write(to: file)
        #expect(try requestDue("sayama-ntt-eco-action", store).calendar == "default")
    }

    @Test func anAmbiguousNameGetsNoProfileCalendar() throws {
        let ws = try StoreFixtures.workspace("profile-calendar-fuchu")
        let store = try StoreFixtures.store(ws)
        _ = try store.create(NewCaseInput(id: "fuchu-x", title: "府中の案件", municipality: "府中市", fiscalYear: 2027),
                             actor: "試験者", now: StoreFixtures.now)
        try FileManager.default.createDirectory(at: ws.municipalitiesDir, withIntermediateDirectories: true)
        try Data(#"{"code": "132063", "calendar": "designated-city-example"}"#.utf8)
            .write(to: ws.municipalitiesDir.appendingPathComponent("132063.json"))
        // 府中市 is in 東京都 and in 広島県: which profile applies is a person's choice, never a guess.
        #expect(try requestDue("fuchu-x", store).calendar == "default")
    }

    /// The profile's calendar is keyed by the body's code: a linked 府中市 (東京都, chosen by a
    /// person) follows its profile although the name alone fits two bodies, and a case whose name
    /// reads 狭山市 but that a person linked to 入間市 follows 入間市's profile, not 狭山市's.
    @Test func theProfileCalendarFollowsTheCodeNotTheName() throws {
        let ws = try StoreFixtures.workspace("profile-calendar-code")
        let store = try StoreFixtures.store(ws)
        for (id, name) in [("fuchu-x", "府中市"), ("sayama-x", "狭山市"), ("sayama-free", "ｻﾔﾏ市")] {
            _ = try store.create(NewCaseInput(id: id, title: "案件①", municipality: name, fiscalYear: 2027), actor: "試験者", now: StoreFixtures.now)
        }
        try FileManager.default.createDirectory(at: ws.municipalitiesDir, withIntermediateDirectories: true)
        try Data(#"{"code": "132063", "calendar": "designated-city-example"}"#.utf8)
            .write(to: ws.municipalitiesDir.appendingPathComponent("132063.json"))
        try Data(#"{"code": "112151", "calendar": "designated-city-example"}"#.utf8)
            .write(to: ws.municipalitiesDir.appendingPathComponent("112151.json"))
        // Not linked yet: 府中市 is ambiguous (default), 狭山市 resolves by name to its profile.
        #expect(try requestDue("fuchu-x", store).calendar == "default")
        #expect(try requestDue("sayama-x", store).calendar == "designated-city-example")
        try store.apply("fuchu-x", .setField(path: "municipality.code", value: .string("132063")), actor: "試験者", now: StoreFixtures.now)
        try store.apply("sayama-x", .setField(path: "municipality.code", value: .string("112259")), actor: "試験者", now: StoreFixtures.now)
        try store.apply("sayama-free", .setField(path: "municipality.code", value: .string("112151")), actor: "試験者", now: StoreFixtures.now)
        #expect(try requestDue("fuchu-x", store).calendar == "designated-city-example")
        #expect(try requestDue("sayama-x", store).calendar == "default")   // 入間市 (112259) has no profile
        #expect(try requestDue("sayama-free", store).calendar == "designated-city-example")
        // overdue --count's lean path (the index's deadline facts) resolves the same way.
        let facts = try store.deadlineFacts().facts
        #expect(Set(facts.compactMap(\.municipalityCode)) == ["132063", "112259", "112151"])
    }
}
