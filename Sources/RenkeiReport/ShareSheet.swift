import RenkeiCore

/// The 事例シート: what another municipality wants to learn from a case (guide p.45–47) and
/// nothing internal. Built by `ShareSheetBuilder`; rendered by `share.html` / `share.md`.
///
/// It has no memos, no change log, no checklist, no next action and no people: every free
/// text has passed the `Anonymizer`, decisions carry no actor, and the contact point is the
/// desk (原課) unless the user opts in to name a person (`contactPerson`).
public struct ShareSheet: Codable, Equatable, Sendable {
    public var format = "renkei.share-sheet"
    public var formatVersion = 1
    public var generatedOn: Day
    public var lang: Lang
    public var partnersAnonymized: Bool

    public var header: Header
    public var issue: CaseReport.Issue
    public var path: [PathStep]
    public var decisions: [Decision]
    public var budget: CaseReport.BudgetSection
    public var reference: [CaseReport.ReferenceRow]
    public var kpis: [CaseReport.KPIRow]
    public var lessons: String?
    public var contact: Contact

    public struct Header: Codable, Equatable, Sendable {
        public var title: String
        public var municipality: String
        public var prefecture: String?
        public var municipalityKind: String?
        public var partners: [CaseReport.PartnerRow]
        public var exit: CaseReport.Labeled?
        public var method: CaseReport.Labeled?
        public var stage: CaseReport.Labeled
        public var endReason: String?
        public var fiscalYearText: String?
        public var domain: String?
        /// First and latest day in the log, and the days between them.
        public var started: Day?
        public var updated: Day?
        public var durationText: String?
    }

    /// One stay in a stage, in the order the case went through them (moving back shows twice).
    public struct PathStep: Codable, Equatable, Sendable {
        public var stage: String
        public var label: String
        public var page: String?
        public var from: Day
        public var to: Day?
        public var days: Int
        public var daysText: String
        /// "passed", "current" or "end" (realised, dropped, paused).
        public var state: String
    }

    /// A decision worth copying: overrides, moves back, ends and reopenings with their
    /// reasons, the choice of exit and method, and advances someone gave a reason for.
    public struct Decision: Codable, Equatable, Sendable {
        public var date: Day
        public var stage: String
        public var label: String
        public var detail: String
        public var reason: String?
    }

    public struct Contact: Codable, Equatable, Sendable {
        /// 「福岡市 スタートアップ推進課」: the desk, which outlives any one person in it.
        public var desk: String
        /// Only when the user asked for a named contact.
        public var person: String?
        public var role: String?
        public var email: String?
        public var phone: String?
    }
}
