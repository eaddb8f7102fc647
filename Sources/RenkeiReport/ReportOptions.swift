import RenkeiCore

/// What a report is built for: language, anonymisation and the day it is made (passed in, so
/// reports and goldens are reproducible).
public struct ReportOptions: Sendable, Equatable {
    public var lang: Lang
    public var anonymize: Bool
    /// Also replace the partners' names (startups, other bodies) by 連携先A, B, … (`--anonymize-partners`).
    public var anonymizePartners: Bool
    public var today: Day
    /// How many of the latest events the history summary lists.
    public var recentEvents: Int

    public init(lang: Lang = .ja, anonymize: Bool = false, anonymizePartners: Bool = false, today: Day, recentEvents: Int = 10) {
        self.lang = lang; self.anonymize = anonymize; self.anonymizePartners = anonymizePartners
        self.today = today; self.recentEvents = recentEvents
    }
}
