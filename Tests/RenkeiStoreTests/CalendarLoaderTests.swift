import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Loading calendars, holidays and funding windows from the shipped Data/ and a workspace.
@Suite struct CalendarLoaderTests {
    func write(_ ws: Workspace, _ path: String, _ text: String) throws {
        let url = ws.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func shippedDataLoadsClean() throws {
        let ws = try StoreFixtures.workspace()
        let r = CalendarLoader.load(data: StoreFixtures.dataDir, workspace: ws)
        #expect(r.problems == [])
        #expect(r.calendars.defaultCalendar.id == "default")
        #expect(Set(r.calendars.calendars.map(\.id)) == ["prefecture-example", "designated-city-example"])
        #expect(r.holidays.covers(2020) && r.holidays.covers(2035))
        #expect(r.holidays.holidayName(Day("2026-05-06")!) == "振替休日")
        let ctx = r.context(today: Day("2026-11-23")!)
        #expect(ctx.staleDays[.issueDefinition] == 60)
    }

    @Test func workspaceCalendarsOverrideAndBadOnesAreRejectedWithFileAndField() throws {
        let ws = try StoreFixtures.workspace()
        try write(ws, "calendars/designated.json", """
        {"id": "designated-city-example", "appliesTo": {"kinds": ["designated-city"]},
         "milestones": [{"id": "request", "year": "N-1", "date": "11-20"}, {"id": "submission", "year": "N", "date": "02-20"},
                        {"id": "vote", "year": "N", "date": "03-20"}]}
        """)
        try write(ws, "calendars/札幌市.json", "{\"id\": \"sapporo\", \"milestones\": [")
        try write(ws, "calendars/typo.json", """
        {"id": "typo", "appliesTo": {"municipalities": ["福岡氏"]},
         "milestones": [{"id": "request", "year": "N-1", "date": "10-31"}, {"id": "submission", "year": "N", "date": "02-15"},
                        {"id": "vote", "year": "N", "date": "03-20"}]}
        """)
        try write(ws, "calendars/missing.json", "{\"milestones\": []}")
        let r = CalendarLoader.load(data: StoreFixtures.dataDir, workspace: ws, knownMunicipalities: ["札幌市", "福岡市"])
        // The workspace's designated-city calendar replaces the shipped one with that id.
        #expect(r.calendars.calendars.filter { $0.id == "designated-city-example" }.count == 1)
        #expect(r.calendars.resolve(municipality: "福岡市", prefecture: "福岡県", kind: .designatedCity).calendar.milestone("request")?.date == "11-20")
        // A file that does not parse is taken to be for the municipality it is named after.
        let sapporo = r.calendars.resolve(municipality: "札幌市", prefecture: "北海道", kind: .designatedCity)
        #expect(sapporo.calendar.id == "default" && sapporo.fallback?.file.hasSuffix("札幌市.json") == true)
        let lines = r.problems.map(\.description)
        #expect(lines.contains { $0.hasSuffix("typo.json: appliesTo.municipalities[0]: unknown municipality '福岡氏' — no case in this workspace has it; did you mean 福岡市?") })
        #expect(lines.contains { $0.contains("missing.json: id: is missing") })
        #expect(lines.contains { $0.contains("札幌市.json") })
    }

    @Test func brokenOrMissingShippedFilesFallBackToBuiltIns() throws {
        let data = Scratch.url("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("calendars"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data.appendingPathComponent("holidays"), withIntermediateDirectories: true)
        try Data("{\"days\": {\"2026-02-30\": \"x\", \"2026-01-01\": \"元日\"}}".utf8).write(to: data.appendingPathComponent("holidays/jp.json"))
        let r = CalendarLoader.load(data: DataDirectory(url: data), workspace: nil)
        #expect(r.calendars.defaultCalendar == .builtInDefault)
        #expect(r.problems.contains { $0.message.contains("default budget calendar is missing") })
        #expect(r.problems.contains { $0.field == "days.2026-02-30" })
        #expect(r.holidays.holidayName(Day("2026-01-01")!) == "元日")
    }

    @Test func fundingWindowsFromTheWorkspace() throws {
        let ws = try StoreFixtures.workspace()
        try write(ws, "funding/grants.json", """
        [{"id": "dden-2027", "name": "新しい地方経済・生活環境創生交付金", "kind": "grant", "closes": "2027-02-20", "ratePercent": 50},
         {"id": "bad-rate", "name": "x", "kind": "subsidy", "closes": "2027-01-10", "ratePercent": 150}]
        """)
        try write(ws, "funding/uij.json", """
        {"id": "uij-2026-2", "name": "Urban Innovation JAPAN 2026年度第2期", "kind": "other", "program": "Urban Innovation JAPAN", "closes": "2026-12-15"}
        """)
        try write(ws, "funding/zz-dup.json", """
        {"id": "dden-2027", "name": "dup", "kind": "grant", "closes": "2027-03-01"}
        """)
        try write(ws, "funding/broken.json", """
        {"id": "x", "name": "x", "kind": "grant", "closes": "2027-02-30"}
        """)
        let r = CalendarLoader.load(data: StoreFixtures.dataDir, workspace: ws)
        #expect(r.fundingWindows.map(\.id) == ["uij-2026-2", "dden-2027"])
        #expect(r.fundingWindows.last?.localSharePercent == 50)
        let lines = r.problems.map(\.description)
        #expect(lines.contains { $0.contains("grants.json: [1].ratePercent") })
        #expect(lines.contains { $0.contains("zz-dup.json: id: 'dden-2027' is also defined in") })
        #expect(lines.contains { $0.contains("broken.json: closes") })
    }
}
