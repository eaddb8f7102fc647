import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiReport

/// RFC 5545 text (folding, escaping, CRLF) and the deadline feed (UIDs, SEQUENCE, snooze ends).
@Suite struct ICalTests {
    /// Unfolds and checks every physical line: ≤ 75 octets, valid UTF-8, CRLF.
    func physicalLines(_ text: String) -> [Data] {
        Data(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Data($0) }
    }

    @Test(arguments: [
        "【予算要求締切】狭山市 環境行動促進アプリの4市共同展開（実証後の本格導入）と髙橋㈱①の連携",
        String(repeating: "👩‍👩‍👧", count: 30),
        String(repeating: "a", count: 74) + "漢字" + String(repeating: "ｶﾅ", count: 40),
        "短い",
    ])
    func foldingNeverSplitsACharacter(_ value: String) throws {
        var ical = ICalText()
        ical.text("SUMMARY", value)
        for line in physicalLines(ical.output) {
            #expect(line.last == 0x0D)
            #expect(line.count - 1 <= 75)
            #expect(String(data: line, encoding: .utf8) != nil)
        }
        // Unfolding (CRLF + space removed) gives the property back.
        let unfolded = ical.output.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded == "SUMMARY:" + ICalText.escape(value) + "\r\n")
    }

    @Test func escapingAndDates() {
        #expect(ICalText.escape("a,b;c\\d\ne\r\nf\u{7}g\th") == "a\\,b\\;c\\\\d\\ne\\nfg h")
        #expect(ICalText.date(Day("2027-01-05")!) == "20270105")
        #expect(ICalText.utc(Timestamp("2026-11-23T09:00:00+09:00")!) == "20261123T000000Z")
        #expect(ICalText.utc(Timestamp("2026-12-31T23:59:59-05:00")!) == "20270101T045959Z")
    }

    func context(_ today: String) -> DeadlineContext { DeadlineContext(today: Day(today)!) }

    func summary(fy: Int = 2027, due: String? = "2026-12-01", snooze: String? = nil) -> CaseSummary {
        var c = Case(id: "sayama-eco", title: "環境行動促進アプリの4市共同展開（実証後の本格導入）, 第2期",
                     municipality: Municipality(name: "狭山市", prefecture: "埼玉県", kind: .city))
        c.stage = .coordination
        c.exit = .procurement
        c.budget = Budget(fiscalYear: fy, items: [BudgetItem(label: "委託料", yen: 4_800_000)])
        c.nextAction = due.map { NextAction(text: "庁内調整; 資料作成", due: Day($0)) }
        if let snooze {
            c.snoozes = [Snooze(item: "next-action", until: Day(snooze)!, reason: "出張", at: Timestamp("2026-11-01T09:00:00+09:00")!, by: "佐藤")]
        }
        return CaseSummary(c)
    }

    @Test func eventsHaveStableUIDsJapaneseSummariesAndCategories() throws {
        let events = DeadlineFeed.events([summary()], context: context("2026-09-01"))
        let request = try #require(events.first { $0.uid == "sayama-eco.request@renkei" })
        #expect(request.summary.hasPrefix("【予算要求締切】狭山市 環境行動促進アプリの4市共同展開"))
        #expect(request.summary.hasSuffix("…"))
        #expect(request.description.contains("案件ID: sayama-eco"))
        #expect(request.description.contains("段階: 調整・意思決定"))
        #expect(request.description.contains("必要なこと: 予算化（下見積もり取得済み）"))
        #expect(request.description.contains("最短の予算化ルート: 2027年度当初予算"))
        #expect(request.categories == ["renkei", "予算要求"])
        #expect(events.contains { $0.uid == "sayama-eco.info-provision@renkei" && $0.categories.last == "予算編成・情報提供" })
        let next = try #require(events.first { $0.uid == "sayama-eco.next-action@renkei" })
        #expect(next.date == Day("2026-12-01"))
        #expect(next.summary.hasPrefix("【次のアクション】狭山市"))
        // --within keeps what is due by the horizon.
        #expect(DeadlineFeed.events([summary()], context: context("2026-09-01"), within: 40).allSatisfy { $0.date <= Day("2026-10-11")! })
    }

    @Test func snoozeEndIsAnEvent() {
        let events = DeadlineFeed.events([summary(snooze: "2026-12-20")], context: context("2026-11-23"))
        #expect(events.contains { $0.uid == "sayama-eco.snooze.next-action@renkei" && $0.date == Day("2026-12-20") && $0.summary.hasPrefix("【スヌーズ終了】") })
    }

    @Test func sequenceGoesUpOnlyWhenTheDateMoves() throws {
        let stamp = Timestamp("2026-11-23T09:00:00+09:00")!
        let first = DeadlineFeed.render(DeadlineFeed.events([summary()], context: context("2026-09-01")), previous: .init(), stamp: stamp)
        #expect(first.state.events["sayama-eco.next-action@renkei"]?.sequence == 0)
        #expect(first.text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(first.text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(first.text.contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n"))
        let same = DeadlineFeed.render(DeadlineFeed.events([summary()], context: context("2026-09-01")), previous: first.state, stamp: stamp)
        #expect(same.state == first.state)
        let moved = DeadlineFeed.render(DeadlineFeed.events([summary(due: "2026-12-08")], context: context("2026-09-01")), previous: same.state, stamp: stamp)
        #expect(moved.state.events["sayama-eco.next-action@renkei"] == .init(date: Day("2026-12-08")!, sequence: 1))
        #expect(moved.state.events["sayama-eco.request@renkei"]?.sequence == 0)
        // A later target year moves the request milestone: same UID, next sequence.
        let later = DeadlineFeed.render(DeadlineFeed.events([summary(fy: 2028, due: "2026-12-08")], context: context("2026-09-01")), previous: moved.state, stamp: stamp)
        #expect(later.state.events["sayama-eco.request@renkei"]?.sequence == 1)
        #expect(later.text.contains("UID:sayama-eco.request@renkei\r\n"))
    }

    /// Found by the hostile sweep: `ical/state.json` is a file a person or a tool can edit. A
    /// SEQUENCE of Int.max trapped on `+ 1` when the date moved (SIGILL, no calendar written);
    /// a negative one was written as SEQUENCE:-6. RFC 5545's INTEGER ends at 2^31 − 1.
    @Test(arguments: [Int.max, Int(Int32.max), Int(Int32.max) + 5, -7, Int.min])
    func aHandEditedSequenceNeverTrapsAndStaysARealSequence(_ stored: Int) throws {
        let stamp = Timestamp("2026-11-23T09:00:00+09:00")!
        let events = DeadlineFeed.events([summary()], context: context("2026-09-01"))
        var state = DeadlineFeed.State()
        state.events["sayama-eco.next-action@renkei"] = .init(date: Day("2000-01-01")!, sequence: stored)   // the date moved
        state.events["sayama-eco.request@renkei"] = .init(date: try #require(events.first { $0.uid == "sayama-eco.request@renkei" }).date, sequence: stored)   // it did not
        let out = DeadlineFeed.render(events, previous: state, stamp: stamp)
        for uid in ["sayama-eco.next-action@renkei", "sayama-eco.request@renkei"] {
            let sequence = try #require(out.state.events[uid]?.sequence)
            #expect((0...Int(Int32.max)).contains(sequence), "\(uid): \(sequence)")
            #expect(out.text.contains("SEQUENCE:\(sequence)\r\n"))
        }
        // A moved date still counts up wherever there is room to.
        if (0..<Int(Int32.max)).contains(stored) { #expect(out.state.events["sayama-eco.next-action@renkei"]?.sequence == stored + 1) }
    }

    /// Found by the hostile sweep: a next action or snooze on 9999-12-31 (the last day a file
    /// holds) got DTEND = DTSTART, which RFC 5545 forbids and icalendar reads as a zero-length
    /// event. The last day lasts one day by DURATION instead; every other day keeps DTEND.
    @Test func theLastDayOfTheCalendarLastsOneDay() {
        let stamp = Timestamp("2026-11-23T09:00:00+09:00")!
        let last = DeadlineFeed.events([summary(due: "9999-12-31", snooze: "9999-12-31")], context: context("2026-09-01"))
        let text = DeadlineFeed.render(last, previous: .init(), stamp: stamp).text
        #expect(text.contains("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n"))
        #expect(!text.contains("DTEND;VALUE=DATE:99991231"))
        let before = DeadlineFeed.render(DeadlineFeed.events([summary(due: "9999-12-30")], context: context("2026-09-01")), previous: .init(), stamp: stamp).text
        #expect(before.contains("DTSTART;VALUE=DATE:99991230\r\nDTEND;VALUE=DATE:99991231\r\n"))
    }
}
