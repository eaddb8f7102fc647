/// Exactly the fields of a case that the missed-deadline rules read — what
/// `renkei overdue --count` needs and nothing more. The summary index keeps these in a small
/// section of their own (a few dozen bytes a case instead of a kilobyte), so counting the
/// overdue items of 10,000 cases never reads or decodes the full summaries.
public struct DeadlineFacts: Equatable, Sendable {
    public var stage: Stage
    /// `CaseSummary.needsBudget`: budget deadlines apply.
    public var needsBudget: Bool
    public var roughQuoteTicked: Bool
    public var fiscalYear: Int?
    public var nextActionDue: Day?
    public var stageEnteredDay: Day?
    public var lastEventDay: Day?
    public var snoozes: [CaseSummary.SnoozeMark]
    /// Which budget calendar applies (and the municipality names a calendar file may reference).
    public var municipality: String
    public var prefecture: String?
    public var municipalityKind: MunicipalityKind?
    /// The linked body's code: a profile's calendar choice is keyed by it.
    public var municipalityCode: String?

    public init(stage: Stage, needsBudget: Bool, roughQuoteTicked: Bool, fiscalYear: Int?, nextActionDue: Day?,
                stageEnteredDay: Day?, lastEventDay: Day?, snoozes: [CaseSummary.SnoozeMark],
                municipality: String, prefecture: String?, municipalityKind: MunicipalityKind?, municipalityCode: String? = nil) {
        self.stage = stage; self.needsBudget = needsBudget; self.roughQuoteTicked = roughQuoteTicked
        self.fiscalYear = fiscalYear; self.nextActionDue = nextActionDue; self.stageEnteredDay = stageEnteredDay
        self.lastEventDay = lastEventDay; self.snoozes = snoozes
        self.municipality = municipality; self.prefecture = prefecture; self.municipalityKind = municipalityKind
        self.municipalityCode = municipalityCode
    }

    public init(_ s: CaseSummary) {
        self.init(stage: s.stage, needsBudget: s.needsBudget, roughQuoteTicked: s.roughQuoteTicked, fiscalYear: s.fiscalYear,
                  nextActionDue: s.nextActionDue, stageEnteredDay: s.stageEnteredDay, lastEventDay: s.lastEventDay,
                  snoozes: s.snoozes, municipality: s.municipality, prefecture: s.prefecture, municipalityKind: s.municipalityKind,
                  municipalityCode: s.municipalityCode)
    }
}
