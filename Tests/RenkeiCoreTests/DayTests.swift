import Testing
@testable import RenkeiCore

@Suite struct DayTests {
    @Test(arguments: [
        ("1970-01-01", 0, 4), ("2026-10-31", 20757, 6), ("2026-11-23", 20780, 1), ("2000-02-29", 11016, 2), ("2027-05-10", 20948, 1),
    ])
    func ordinalAndWeekday(text: String, ordinal: Int, weekday: Int) throws {
        let d = try #require(Day(text))
        #expect(d.ordinal == ordinal)
        #expect(d.weekday == weekday)
        #expect(Day(ordinal: ordinal) == d)
        #expect(d.description == text)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-1", "", "２０２６-01-01"])
    func impossibleDatesAreRejected(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func fiscalYearRollsOverInApril() {
        #expect(Day("2027-03-31")!.fiscalYear == 2026)
        #expect(Day("2027-04-01")!.fiscalYear == 2027)
    }

    @Test func warekiAndArithmetic() {
        #expect(Day("2026-11-23")!.wareki == "R8.11.23")
        #expect(Day("2019-04-30")!.wareki == "H31.4.30")
        #expect(Day("2026-10-30")!.days(until: Day("2026-11-23")!) == 24)
        #expect(Day("2028-02-28")!.adding(days: 1).description == "2028-02-29")
    }

    @Test func roundTripEveryDayOfFourHundredYears() {
        var d = Day("2000-01-01")!
        for _ in 0..<146_097 {
            let next = d.adding(days: 1)
            #expect(next.ordinal == d.ordinal + 1)
            d = next
        }
        #expect(d.description == "2400-01-01")
    }
}
