import Foundation
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

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-1", "", "２０２６-01-01",
                       "+026-01-01", "-026-01-01", "2026-+1-01", "2026-01-+1", " 2026-01-01", "2026-01-01 ", "2026/01/01", "2026-01-01T00:00"])
    func impossibleDatesAreRejected(text: String) {
        #expect(Day(text) == nil)
    }

    /// `MonthDay`'s byte fast path and its general path agree on every short text over the
    /// characters a calendar file holds (digits, '-', spaces, a full-width space and digit).
    @Test func monthDayFastPathAgreesWithTheGeneralPath() {
        let alphabet: [Character] = ["0", "1", "2", "3", "9", "-", " ", "\u{3000}", "１", "+", "\t"]
        var rng = SplitMix64(seed: 31)
        for _ in 0..<20_000 {
            let text = String((0..<(1 + rng.below(6))).map { _ in alphabet[rng.below(alphabet.count)] })
            let general: MonthDay? = {
                let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                      let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
                return MonthDay(month: m, day: d)
            }()
            #expect(MonthDay(text) == general, "'\(text)'")
        }
        #expect(MonthDay("10-31") == MonthDay(month: 10, day: 31))
        #expect(MonthDay("\u{3000}4-1 ") == MonthDay(month: 4, day: 1))   // 全角スペース still trimmed
        #expect(MonthDay.yearOffset("N - 1") == -1 && MonthDay.yearOffset("N+1") == 1 && MonthDay.yearOffset("Ｎ") == nil)
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

@Suite struct TimestampTests {
    static let cases: [(String, Double)] = [
        ("2026-11-23T09:00:00+09:00", 1_795_392_000), ("2026-11-23T00:00:00Z", 1_795_392_000),
        ("1970-01-01T00:00:00Z", 0), ("2026-11-23T09:00:00.5+09:00", 1_795_392_000.5), ("2026-11-22T19:00:00-05:00", 1_795_392_000),
    ]
    @Test(arguments: cases)
    func parsesToEpochSeconds(text: String, epoch: Double) throws {
        #expect(try #require(Timestamp(text)).epochSeconds == epoch)
    }

    @Test(arguments: ["2026-11-23", "2026-11-23T25:00:00Z", "2026-02-30T00:00:00Z", "2026-11-23T09:00:00", "2026-11-23T09:00:00+9", "x2026-11-23T09:00:00Z", "2026-11-23T09:00:00Zjunk"])
    func rejectsMalformed(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func formatsWithOffsetAndRoundTrips() {
        let t = Timestamp(Date(timeIntervalSince1970: 1_795_392_000), timeZone: TimeZone(secondsFromGMT: 9 * 3600)!)
        #expect(t.text == "2026-11-23T09:00:00+09:00")
        #expect(Timestamp(t.text)?.epochSeconds == 1_795_392_000)
        #expect(Timestamp(Date(timeIntervalSince1970: 0), timeZone: TimeZone(secondsFromGMT: 0)!).text == "1970-01-01T00:00:00Z")
    }

    /// Found by the hostile sweep: `renkei ical --within 9223372036854775807` trapped in
    /// `adding(days:)` (arithmetic overflow, exit 132). Day arithmetic on a person's number
    /// saturates at the first and last day a file can hold, and every such day round-trips.
    @Test(arguments: [Int.max, Int.min, Int.max / 2, -Int.max / 2, 1_000_000_000, -1_000_000_000, 2_912_116, -739_942])
    func arithmeticOnAnyNumberStaysADayAFileCanHold(n: Int) throws {
        let today = try #require(Day("2026-11-23"))
        let d = today.adding(days: n)
        #expect((Day.firstOrdinal...Day.lastOrdinal).contains(d.ordinal), "\(n) → \(d)")
        #expect(Day(d.description) == d, "\(n) → \(d.description) does not read back")
        #expect(d == (n > 0 ? Day(year: 9999, month: 12, day: 31)! : Day(year: 1, month: 1, day: 1)!))
        #expect(Day(ordinal: d.ordinal) == d)
    }

    @Test func theEndsAreTheDaysTheParserAccepts() {
        #expect(Day(ordinal: Day.firstOrdinal).description == "0001-01-01")
        #expect(Day(ordinal: Day.lastOrdinal).description == "9999-12-31")
        #expect(Day(ordinal: 0).adding(days: 20_780).description == "2026-11-23")
    }
}
