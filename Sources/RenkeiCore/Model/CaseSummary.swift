/// What the portfolio list, the board, counts and the deadline engine need from a case —
/// small enough that 10,000 of them load from the index without decoding any case file.
public struct CaseSummary: Codable, Equatable, Sendable {
    public var id: String
    public var revision: Int
    public var title: String
    public var municipality: String
    /// 全国地方公共団体コード of a linked case (nil for free text), so lists, filters, the
    /// municipality view and insight group by body without reading case files (issue 16).
    public var municipalityCode: String?
    /// As written; for a linked case without one, the prefecture its code says.
    public var prefecture: String?
    public var municipalityKind: MunicipalityKind?
    public var size: SizeClass?
    public var department: String
    public var partners: [String]
    public var stage: Stage
    public var exit: Exit?
    public var method: String?
    public var domain: String?
    public var fiscalYear: Int?
    public var totalYen: Int
    public var roughQuoteYen: Int?
    /// Whether the guide's 下見積もり item (`bud-rough-quote`) is ticked.
    public var roughQuoteTicked: Bool
    public var tags: [String]
    public var nextActionText: String?
    public var nextActionDue: Day?
    public var snoozes: [SnoozeMark]
    public var createdDay: Day?
    public var stageEnteredDay: Day?
    public var lastEventDay: Day?
    public var eventCount: Int
    /// Folded (NFKC, lowercased) text of title, municipality, partners, tags, notes, department.
    public var searchText: String
    /// Linked external funding windows (交付金・補助金・公募), so deadlines need no case decode.
    public var fundingWindows: [String]
    /// The funding sources' names as written, so a case relying on a programme (第2世代交付金)
    /// gets that programme's application windows in its deadlines without a link (issue 16).
    public var fundingSources: [String]
    /// Compact similarity features (text hashes, stage timeline), so similar cases, 共同調達 and
    /// the funnel run from the index instead of decoding every case file.
    public var insight: InsightIndexFields?
    /// Archived (issue 14, `Case.archival`): out of the list, the overdue review, the deadline
    /// feeds and the funnel's open figures by default; reports still include it.
    public var archived: Bool

    public struct SnoozeMark: Codable, Equatable, Sendable {
        public var item: String
        public var until: Day
        public init(item: String, until: Day) { self.item = item; self.until = until }
    }

    public static let roughQuoteItem = "bud-rough-quote"

    /// An empty summary to be filled field by field (the index's record decoder).
    public init(id: String) {
        self.id = id; revision = 0; title = ""; municipality = ""; municipalityCode = nil; prefecture = nil; municipalityKind = nil; size = nil
        department = ""; partners = []; stage = .issueDefinition; exit = nil; method = nil; domain = nil; fiscalYear = nil
        totalYen = 0; roughQuoteYen = nil; roughQuoteTicked = false; tags = []; nextActionText = nil; nextActionDue = nil
        snoozes = []; createdDay = nil; stageEnteredDay = nil; lastEventDay = nil; eventCount = 0; searchText = ""
        fundingWindows = []; fundingSources = []; insight = nil; archived = false
    }

    public init(_ c: Case) {
        id = c.id
        revision = c.revision
        title = c.title
        municipality = c.municipality.name
        municipalityCode = c.municipality.code
        prefecture = c.municipality.prefecture ?? c.municipality.code.flatMap(Prefectures.name(ofCode:))
        municipalityKind = c.municipality.kind
        size = c.municipality.size
        department = c.department
        partners = c.partners.map(\.name)
        stage = c.stage
        exit = c.exit
        method = c.method
        domain = c.domain
        fiscalYear = c.budget.fiscalYear
        totalYen = c.budget.totalYen
        roughQuoteYen = c.budget.roughQuoteYen
        roughQuoteTicked = c.checklist[CaseSummary.roughQuoteItem] != nil
        tags = c.tags
        nextActionText = c.nextAction?.text
        nextActionDue = c.nextAction?.due
        snoozes = c.snoozes.map { SnoozeMark(item: $0.item, until: $0.until) }
        createdDay = c.events.first?.at.day
        stageEnteredDay = c.stageEnteredDay
        lastEventDay = c.lastEventDay
        eventCount = c.events.count
        var parts = [c.id, c.title, c.municipality.name, c.municipality.prefecture ?? "", c.department]
        parts += c.partners.map(\.name)
        parts += c.tags
        parts += c.notes.map(\.text)
        searchText = TextNormalizer.fold(parts.joined(separator: "\u{1F}"))
        fundingWindows = c.linkedFundingWindowIds
        fundingSources = c.budget.funding.map(\.name)
        insight = InsightIndexFields(c)
        archived = c.isArchived
    }

    /// Whether the case needs municipal money (procurement exit, or any amount): budget deadlines apply.
    public var needsBudget: Bool { exit == .procurement || totalYen > 0 || (roughQuoteYen ?? 0) > 0 }

    /// Days since the case entered its stage (nil without history).
    public func daysInStage(today: Day) -> Int? { stageEnteredDay.map { $0.days(until: today) } }

    public func matches(search query: String, readings: SearchReadings? = nil) -> Bool {
        FoldedSearch.matches(searchText, anyOf: FoldedSearch.query(query, readings: readings))
    }

    public func isSnoozed(_ item: String, today: Day) -> Bool {
        snoozes.contains { $0.item == item && $0.until > today }
    }
}
