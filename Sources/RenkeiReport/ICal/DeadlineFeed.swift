import Foundation
import RenkeiCore

/// The portfolio's dated items as all-day calendar events (`renkei ical`, the subscribed feed):
/// budget milestones that matter to a case, next actions, funding-window deadlines, follow-ups
/// and snooze ends. Google Calendar has no VTODO, so everything is a VEVENT with
/// `DTSTART;VALUE=DATE` and DTEND the next day; the UID is stable per case and item so a
/// re-import updates the event, and SEQUENCE goes up whenever its date moves.
public enum DeadlineFeed {
    public struct Event: Equatable, Sendable {
        public var uid: String
        public var date: Day
        public var summary: String
        public var description: String
        public var categories: [String]
    }

    /// What the feed remembers between runs: per UID the date it last had and its SEQUENCE.
    public struct State: Codable, Equatable, Sendable {
        public struct Entry: Codable, Equatable, Sendable {
            public var date: Day
            public var sequence: Int
        }
        public var format = "renkei.ical-state"
        public var events: [String: Entry] = [:]
        public init() {}
    }

    public static func events(_ summaries: [CaseSummary], context ctx: DeadlineContext, within: Int? = nil) -> [Event] {
        var out: [Event] = []
        let horizon = within.map { ctx.today.adding(days: $0) }
        for s in summaries {
            for item in DeadlineEngine.items(for: s, context: ctx) where item.kind != .stale {
                out.append(event(for: item, summary: s))
            }
            for z in s.snoozes where z.until > ctx.today {
                out.append(Event(uid: uid(s.id, "snooze." + z.item), date: z.until,
                                 summary: headline("スヌーズ終了", s),
                                 description: ["案件ID: \(s.id)", "段階: \(s.stage.ja)", "スヌーズしていた項目: \(z.item)（この日から再び表示）",
                                               "renkei show \(s.id)"].joined(separator: "\n"),
                                 categories: ["renkei", "スヌーズ"]))
            }
        }
        if let horizon { out.removeAll { $0.date > horizon } }
        return out.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
    }

    static func uid(_ caseId: String, _ item: String) -> String { "\(caseId).\(item)@renkei" }

    /// 【予算要求締切】狭山市 環境行動促進アプリ… — the kind first, so a day cell stays readable.
    static func headline(_ kind: String, _ s: CaseSummary) -> String {
        let title = s.title.count > 30 ? String(s.title.prefix(29)) + "…" : s.title
        return "【\(kind)】\(s.municipality) \(title)"
    }

    static func event(for item: DeadlineItem, summary s: CaseSummary) -> Event {
        let kind: String
        let phase: String
        switch item.kind {
        case .milestone:
            kind = item.ja   // 予算要求締切, 情報提供 (the calendar's own names)
            phase = item.milestoneId == MilestoneSpec.infoProvision ? "予算編成・情報提供" : "予算要求"
        case .followUp: kind = "議決後フォローアップ"; phase = "議決後"
        case .nextAction: kind = "次のアクション"; phase = "次のアクション"
        case .fundingWindow: kind = "申請締切"; phase = "補助金・交付金"
        case .stale: kind = "停滞"; phase = "停滞"
        }
        var lines = ["案件ID: \(s.id)", "段階: \(s.stage.ja)"]
        if item.kind == .nextAction || item.kind == .fundingWindow { lines.append(item.ja) }
        if let need = item.requirementJa { lines.append("必要なこと: \(need)") }
        if let fy = item.fiscalYear, item.kind != .fundingWindow { lines.append("目標年度: \(fy)年度") }
        if let route = item.earliestRoute {
            lines.append("最短の予算化ルート: \(route.ja)")
            lines.append(route.alternativeJa)
        } else if let fy = item.fiscalYear, item.kind == .milestone {
            lines.append("最短の予算化ルート: \(fy)年度当初予算")
        }
        if let reason = item.shiftReason { lines.append("\(item.scheduled)が\(reason)のため前倒し") }
        if item.snoozed, let until = item.snoozedUntil { lines.append("スヌーズ中（\(until)まで）") }
        lines.append("renkei show \(s.id)")
        return Event(uid: uid(s.id, item.milestoneId), date: item.due, summary: headline(kind, s),
                     description: lines.joined(separator: "\n"), categories: ["renkei", phase])
    }

    /// The calendar text, and the state to remember: SEQUENCE + 1 for an event whose date
    /// moved since the state was written, kept otherwise. Entries of events not in this output
    /// (another --case, an item done since) are kept, so a date that comes back still counts up.
    public static func render(_ events: [Event], previous: State, stamp: Timestamp, name: String = "renkei 予算・期限") -> (text: String, state: State) {
        var ical = ICalText()
        var state = previous
        ical.line("BEGIN", "VCALENDAR")
        ical.line("VERSION", "2.0")
        ical.line("PRODID", "-//renkei//renkei ical//JA")
        ical.line("CALSCALE", "GREGORIAN")
        ical.line("METHOD", "PUBLISH")
        ical.text("X-WR-CALNAME", name)
        let dtstamp = ICalText.utc(stamp)
        for e in events {
            let sequence = previous.events[e.uid].map { nextSequence($0, date: e.date) } ?? 0
            state.events[e.uid] = .init(date: e.date, sequence: sequence)
            ical.line("BEGIN", "VEVENT")
            ical.text("UID", e.uid)
            ical.line("DTSTAMP", dtstamp)
            ical.line("DTSTART;VALUE=DATE", ICalText.date(e.date))
            // 9999-12-31 has no next day to end on (DTEND = DTSTART is forbidden): one day by DURATION.
            let end = e.date.adding(days: 1)
            if end > e.date { ical.line("DTEND;VALUE=DATE", ICalText.date(end)) } else { ical.line("DURATION", "P1D") }
            ical.line("SEQUENCE", String(sequence))
            ical.text("SUMMARY", e.summary)
            ical.text("DESCRIPTION", e.description)
            ical.line("CATEGORIES", e.categories.map(ICalText.escape).joined(separator: ","))
            ical.line("TRANSP", "TRANSPARENT")
            ical.line("END", "VEVENT")
        }
        ical.line("END", "VCALENDAR")
        return (ical.output, state)
    }

    /// The SEQUENCE for an event last written as `old`: one more when its date moved. The state is
    /// a file anyone can edit, so the stored number is brought into RFC 5545's range first
    /// (0…2^31 − 1: never negative, and Int.max + 1 would trap).
    static func nextSequence(_ old: State.Entry, date: Day) -> Int {
        let top = Int(Int32.max)
        let kept = min(max(old.sequence, 0), top)
        return old.date == date ? kept : min(kept, top - 1) + 1
    }
}
