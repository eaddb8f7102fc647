import Foundation
import Testing
import RenkeiTestSupport
@testable import RenkeiCore
@testable import RenkeiStore

/// The start-up paths for calendars and holidays (issue 19) must read exactly what the slow
/// paths read: `BudgetCalendar.init(tree:)` never answers differently from `JSONDecoder` over the
/// shipped calendars and thousands of mutations of them, and the holiday file read from the
/// strict tree equals the JSONSerialization reading.
@Suite struct CalendarTreeTests {
    static let calendarFiles = ["default", "designated-city-example", "prefecture-example"].map {
        try! Data(contentsOf: Repo.data.appendingPathComponent("calendars/\($0).json"))
    }

    @Test func theShippedCalendarsTakeTheFastPathAndEqualJSONDecoder() throws {
        for bytes in Self.calendarFiles {
            let fast = try #require(BudgetCalendar(tree: try JSONDocument.parse(bytes)))
            #expect(fast == (try JSONDecoder().decode(BudgetCalendar.self, from: bytes)))
            #expect(!fast.milestones.isEmpty)
        }
    }

    @Test func mutatedCalendarsNeverDisagree() throws {
        var rng = SplitMix64(seed: 2_0_2_6)
        var fastAnswers = 0, declined = 0
        for n in 0..<2_000 {
            var tree = try JSONDocument.parse(Self.calendarFiles[n % Self.calendarFiles.count])
            for _ in 0...rng.below(3) { tree = JSONTreeMutation.mutate(tree, &rng) }
            let bytes = try JSONEncoder().encode(tree)
            let decoded = try? JSONDecoder().decode(BudgetCalendar.self, from: bytes)
            guard let fast = BudgetCalendar(tree: try JSONDocument.parse(bytes)) else { declined += 1; continue }
            fastAnswers += 1
            #expect(fast == decoded, "the tree path accepted what JSONDecoder decodes differently: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
        }
        #expect(fastAnswers > 0 && declined > 0, "fast \(fastAnswers), declined \(declined)")
    }

    /// A calendar the loader takes through either path gives the same validation result, with
    /// the file and field named (the loader is what users meet).
    @Test func aBrokenWorkspaceCalendarIsStillNamedByFileAndField() throws {
        let ws = try StoreFixtures.workspace()
        let url = ws.calendarsDir.appendingPathComponent("髙山市.json")
        try FileManager.default.createDirectory(at: ws.calendarsDir, withIntermediateDirectories: true)
        try Data(#"{"id": "takayama", "appliesTo": {"municipalities": ["髙山市"]}, "milestones": [{"id": "request", "year": 2026, "date": "10-31"}]}"#.utf8).write(to: url)
        guard case .failure(let rejected) = CalendarLoader.loadCalendar(url, known: nil) else { Issue.record("accepted a year that is a number"); return }
        #expect(rejected.problems.contains { $0.field.contains("milestones[0].year") || $0.field.contains("year") }, "\(rejected.problems)")
        #expect(rejected.file == url.path)
    }

    @Test func holidaysFromTheTreeEqualTheJSONSerializationReading() throws {
        let url = Repo.data.appendingPathComponent("holidays/jp.json")
        let (fast, problems) = CalendarLoader.loadHolidays(url)
        #expect(problems.isEmpty)
        // The reference: the same file through JSONSerialization, the way the loader read it before.
        let o = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let days = try #require(o["days"] as? [String: String])
        #expect(fast.names.count == days.count)
        for (k, v) in days { #expect(fast.names[Day(k)!] == v, "\(k)") }
        #expect(fast.source == (o["source"] as? String ?? ""))
        if let from = o["from"] as? Int, let to = o["to"] as? Int { #expect(fast.years == from...to) }
    }

    /// What the strict parser declines still loads through JSONSerialization's leniency (a
    /// byte-order mark) or is named as a syntax error (a key without a value) — never a crash.
    @Test func holidayFilesTheStrictParserDeclines() throws {
        let dir = try Scratch.directory("holidays")
        let bom = dir.appendingPathComponent("bom.json")
        try Data([0xEF, 0xBB, 0xBF] + Array(#"{"source": "内閣府", "days": {"2026-05-06": "振替休日"}}"#.utf8)).write(to: bom)
        let (h, p) = CalendarLoader.loadHolidays(bom)
        #expect(p.isEmpty && h.holidayName(Day("2026-05-06")!) == "振替休日", "\(p)")

        let comma = dir.appendingPathComponent("comma.json")
        try Data(#"{"days": {"2026-05-06": "振替休日", "2026-05-07"}}"#.utf8).write(to: comma)
        let (_, q) = CalendarLoader.loadHolidays(comma)
        #expect(q.count == 1 && q[0].file == comma.path)

        let badDay = dir.appendingPathComponent("badday.json")
        try Data(#"{"days": {"令和8年5月6日": "振替休日", "２０２６-05-06": "全角", "+026-05-06": "符号"}}"#.utf8).write(to: badDay)
        let (_, r) = CalendarLoader.loadHolidays(badDay)
        #expect(r.map(\.field).sorted() == ["days.+026-05-06", "days.令和8年5月6日", "days.２０２６-05-06"], "\(r)")
    }
}
