import RenkeiCore

/// What a report is built for: language, anonymisation and the day it is made (passed in, so
/// reports and goldens are reproducible).
public struct ReportOptions: Sendable, Equatable {
    public var lang: Lang
    public var anonymize: Bool
    public var today: Day
    /// How many of the latest events the history summary lists.
    public var recentEvents: Int

    public init(lang: Lang = .ja, anonymize: Bool = false, today: Day, recentEvents: Int = 10) {
        self.lang = lang; self.anonymize = anonymize; self.today = today; self.recentEvents = recentEvents
    }
}
