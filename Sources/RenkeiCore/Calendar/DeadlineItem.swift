/// What kind of deadline a `DeadlineItem` is.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable {
    /// A budget-calendar milestone the case must reach in time (`info-provision`, `request`).
    case milestone
    /// The vote (議決) of the target fiscal year has passed and the case is not realized.
    case followUp = "follow-up"
    /// The case's own next action with a due date.
    case nextAction = "next-action"
    /// No event for longer than the stage's stale limit.
    case stale
    /// The application deadline of a linked external funding window (交付金・補助金・公募).
    case fundingWindow = "funding-window"
}

/// One dated thing a case must do, from `DeadlineEngine.items(for:context:)`.
///
/// `daysOverdue` is today − due: positive = missed by that many days, 0 = due today,
/// negative = days left. `milestoneId` is also the id to snooze the item with
/// (`Command.snooze(item:until:reason:)`): a milestone id, "follow-up", "next-action",
/// "stale" or "funding:<window id>".
public struct DeadlineItem: Codable, Equatable, Sendable {
    public var caseId: String
    public var caseTitle: String
    public var municipality: String
    public var prefecture: String?
    public var kind: DeadlineKind
    public var milestoneId: String
    public var ja: String
    public var en: String
    /// The business day the item is due (after the weekend/holiday shift).
    public var due: Day
    /// The calendar date before the shift (equal to `due` when no shift was needed).
    public var scheduled: Day
    /// Why `scheduled` moved to `due` (土曜日, 振替休日, 年末年始 …), nil when it did not.
    public var shiftReason: String?
    public var daysOverdue: Int
    public var currentStage: Stage
    /// The stage the case should have reached by `due` (nil for next actions and funding windows).
    public var requiredStage: Stage?
    /// What exactly is required, e.g. 「予算化（下見積もり取得済み）」.
    public var requirementJa: String?
    public var requirementEn: String?
    /// Target fiscal year N the milestone belongs to.
    public var fiscalYear: Int?
    /// For a missed request or a follow-up: the earliest way to still fund the case.
    public var earliestRoute: FundingRoute?
    public var snoozed: Bool
    public var snoozedUntil: Day?
    /// The budget calendar the date comes from (nil for next actions, stale, funding windows).
    public var calendarId: String?
    /// Set when the case's own calendar file was rejected and the default was used.
    public var calendarFallback: CalendarFallbackNote?

    public init(caseId: String, caseTitle: String = "", municipality: String = "", prefecture: String? = nil,
                kind: DeadlineKind, milestoneId: String, ja: String, en: String, due: Day, scheduled: Day? = nil,
                shiftReason: String? = nil, daysOverdue: Int, currentStage: Stage, requiredStage: Stage? = nil,
                requirementJa: String? = nil, requirementEn: String? = nil, fiscalYear: Int? = nil,
                earliestRoute: FundingRoute? = nil, snoozed: Bool = false, snoozedUntil: Day? = nil,
                calendarId: String? = nil, calendarFallback: CalendarFallbackNote? = nil) {
        self.caseId = caseId; self.caseTitle = caseTitle; self.municipality = municipality; self.prefecture = prefecture
        self.kind = kind; self.milestoneId = milestoneId; self.ja = ja; self.en = en; self.due = due
        self.scheduled = scheduled ?? due; self.shiftReason = shiftReason; self.daysOverdue = daysOverdue
        self.currentStage = currentStage; self.requiredStage = requiredStage; self.requirementJa = requirementJa
        self.requirementEn = requirementEn; self.fiscalYear = fiscalYear; self.earliestRoute = earliestRoute
        self.snoozed = snoozed; self.snoozedUntil = snoozedUntil; self.calendarId = calendarId; self.calendarFallback = calendarFallback
    }

    /// Which calendar file was set aside and why, in the reader's language.
    public func calendarNote(_ lang: Lang) -> String? { calendarFallback?.text(lang) }

    /// Missed: the due day has passed (`daysOverdue > 0`).
    public var isMissed: Bool { daysOverdue > 0 }
    public var daysLeft: Int { -daysOverdue }

    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
    public func requirement(_ lang: Lang) -> String? { lang == .ja ? requirementJa : requirementEn }

    /// 「24日超過」「本日締切」「あと5日」 / "24 days overdue", "due today", "5 days left".
    public func statusText(_ lang: Lang) -> String { DeadlineText.status(daysOverdue: daysOverdue, lang) }

    /// The due day as 2026-10-30, or in 和暦 as R8.10.30.
    public func dueText(wareki: Bool = false) -> String { wareki ? due.wareki : due.description }

    /// 「調整・意思決定 → 予算化」: current vs required stage, or just the current one.
    public func stageText(_ lang: Lang) -> String {
        guard let r = requiredStage else { return currentStage.label(lang) }
        return "\(currentStage.label(lang)) → \(r.label(lang))"
    }
}

/// The short human texts the review, the list column and the CLI share.
public enum DeadlineText {
    public static func status(daysOverdue n: Int, _ lang: Lang) -> String {
        switch (lang, n) {
        case (.ja, let n) where n > 0: return "\(n)日超過"
        case (.ja, 0): return "本日締切"
        case (.ja, let n): return "あと\(-n)日"
        case (.en, let n) where n > 0: return n == 1 ? "1 day overdue" : "\(n) days overdue"
        case (.en, 0): return "due today"
        case (.en, let n): return n == -1 ? "1 day left" : "\(-n) days left"
        }
    }

    /// 「2027年度」 / "FY2027".
    public static func fiscalYear(_ n: Int, _ lang: Lang) -> String { lang == .ja ? "\(n)年度" : "FY\(n)" }

    /// 日 月 火 水 木 金 土 / Sun … Sat.
    public static func weekday(_ d: Day, _ lang: Lang) -> String {
        lang == .ja ? ["日", "月", "火", "水", "木", "金", "土"][d.weekday] : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.weekday]
    }
}
