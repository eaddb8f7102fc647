/// One collaboration (連携案件): a municipality, its department, partners, an issue and a path
/// through the guide's stages. This is the on-disk schema (one JSON file per case); fields a
/// newer renkei adds are carried by `CaseDocument`, not here.
public struct Case: Codable, Equatable, Sendable {
    /// 2: events carry `id`, note ids and case ids are random (shared workspaces, issue 12).
    /// Files at 1 open unchanged; the next write stores them as 2 (`CaseCodec.encode`).
    public static let schemaVersion = 2

    public var schemaVersion: Int
    public var id: String
    /// Incremented on every durable save; used for optimistic concurrency.
    public var revision: Int
    public var title: String
    public var municipality: Municipality
    /// 原課 — the department that owns the issue.
    public var department: String
    public var contacts: [Contact]
    public var partners: [Partner]
    /// Issue domain id from the catalog (e.g. "education"); used for similar cases and 共同調達.
    public var domain: String?
    public var issue: IssueFrame
    public var exit: Exit?
    /// Procurement/collaboration method id from the catalog (e.g. "proposal", "sole-source-4").
    public var method: String?
    public var stage: Stage
    /// Why the case is in an end state or was moved back (required for end states).
    public var stageReason: String?
    /// Ticked guide items: item id → who and when.
    public var checklist: [String: Tick]
    public var budget: Budget
    public var kpis: [KPI]
    public var tags: [String]
    public var notes: [Note]
    public var nextAction: NextAction?
    public var snoozes: [Snooze]
    /// Ids of external funding windows (交付金・補助金・公募) this case relies on.
    public var fundingWindows: [String]
    /// Append-only. Never rewritten; undo appends inverse events.
    public var events: [Event]
    /// Edits of one field made on two machines at once, recorded by the merge (issue 12) for
    /// review. nil — never an empty list — so files without any keep their bytes.
    public var concurrentEdits: [ConcurrentEdit]?

    public init(id: String, title: String, municipality: Municipality, department: String = "",
                contacts: [Contact] = [], partners: [Partner] = [], domain: String? = nil,
                issue: IssueFrame = IssueFrame(), exit: Exit? = nil, method: String? = nil,
                stage: Stage = .issueDefinition, stageReason: String? = nil, checklist: [String: Tick] = [:],
                budget: Budget = Budget(), kpis: [KPI] = [], tags: [String] = [], notes: [Note] = [],
                nextAction: NextAction? = nil, snoozes: [Snooze] = [], fundingWindows: [String] = [],
                events: [Event] = [], revision: Int = 0) {
        self.schemaVersion = Case.schemaVersion
        self.id = id; self.revision = revision; self.title = title; self.municipality = municipality
        self.department = department; self.contacts = contacts; self.partners = partners; self.domain = domain
        self.issue = issue; self.exit = exit; self.method = method; self.stage = stage
        self.stageReason = stageReason; self.checklist = checklist; self.budget = budget; self.kpis = kpis
        self.tags = tags; self.notes = notes; self.nextAction = nextAction; self.snoozes = snoozes
        self.fundingWindows = fundingWindows; self.events = events
    }

    // Optional collections may be absent in hand-written files; decode them as empty.
    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, revision, title, municipality, department, contacts, partners, domain, issue,
             exit, method, stage, stageReason, checklist, budget, kpis, tags, notes, nextAction, snoozes,
             fundingWindows, events, concurrentEdits
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        revision = try c.decodeIfPresent(Int.self, forKey: .revision) ?? 0
        title = try c.decode(String.self, forKey: .title)
        municipality = try c.decode(Municipality.self, forKey: .municipality)
        department = try c.decodeIfPresent(String.self, forKey: .department) ?? ""
        contacts = try c.decodeIfPresent([Contact].self, forKey: .contacts) ?? []
        partners = try c.decodeIfPresent([Partner].self, forKey: .partners) ?? []
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
        issue = try c.decodeIfPresent(IssueFrame.self, forKey: .issue) ?? IssueFrame()
        exit = try c.decodeIfPresent(Exit.self, forKey: .exit)
        method = try c.decodeIfPresent(String.self, forKey: .method)
        stage = try c.decode(Stage.self, forKey: .stage)
        stageReason = try c.decodeIfPresent(String.self, forKey: .stageReason)
        checklist = try c.decodeIfPresent([String: Tick].self, forKey: .checklist) ?? [:]
        budget = try c.decodeIfPresent(Budget.self, forKey: .budget) ?? Budget()
        kpis = try c.decodeIfPresent([KPI].self, forKey: .kpis) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        notes = try c.decodeIfPresent([Note].self, forKey: .notes) ?? []
        nextAction = try c.decodeIfPresent(NextAction.self, forKey: .nextAction)
        snoozes = try c.decodeIfPresent([Snooze].self, forKey: .snoozes) ?? []
        fundingWindows = try c.decodeIfPresent([String].self, forKey: .fundingWindows) ?? []
        events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        concurrentEdits = try c.decodeIfPresent([ConcurrentEdit].self, forKey: .concurrentEdits)
        if concurrentEdits?.isEmpty == true { concurrentEdits = nil }
    }

    /// Day the case entered its current stage (last stage-changing event), or its creation day.
    public var stageEnteredDay: Day? {
        events.last(where: { e in e.changes.contains { $0.field == "stage" } })?.at.day ?? events.first?.at.day
    }
    /// Day of the last activity on the case. Snoozing and archiving (and undoing or redoing
    /// either) are not activity: snoozing a budget deadline must not also hide the case's 停滞
    /// warning, and a case brought back from the archive has not moved meanwhile.
    public var lastEventDay: Day? {
        events.last(where: { e in
            e.changes.isEmpty || !e.changes.allSatisfy { $0.field.hasPrefix("snooze.") || $0.field == Case.archivedField }
        })?.at.day
    }
    public var nextEventSeq: Int { (events.map(\.seq).max() ?? 0) + 1 }
    /// A note id no note of this case has, from the caller's random bits.
    public func newNoteId(random: UInt64) -> Int { NoteID.make(random: random, avoiding: Set(notes.map(\.id))) }
}

public enum SizeClass: String, Codable, Sendable, CaseIterable {
    case urban                           // 都市部
    case smallMedium = "small-medium"    // 小・中規模
}

/// Kind of local government; matters for 地方自治法第211条 (30 days for prefectures and
/// designated cities, 20 for the rest) and for matching budget calendars.
public enum MunicipalityKind: String, Codable, Sendable, CaseIterable {
    case prefecture, designatedCity = "designated-city", city, town, village, ward
}

public struct Municipality: Codable, Equatable, Sendable {
    public var name: String
    public var prefecture: String?
    public var size: SizeClass?
    public var kind: MunicipalityKind?
    /// 全国地方公共団体コード (6 digits with check digit) once the name is resolved against the
    /// shipped table; nil for free text (an overseas or unusual body) — `renkei validate` lists
    /// those. Older renkei versions carry the key through a save unchanged (unknown keys are kept).
    public var code: String?
    public init(name: String, prefecture: String? = nil, size: SizeClass? = nil, kind: MunicipalityKind? = nil,
                code: String? = nil) {
        self.name = name; self.prefecture = prefecture; self.size = size; self.kind = kind; self.code = code
    }
}

/// A person at the municipality or partner. Personal data: removed by `--anonymize`.
public struct Contact: Codable, Equatable, Sendable {
    public var name: String
    public var organization: String?
    public var role: String?
    public var email: String?
    public var phone: String?
    public init(name: String, organization: String? = nil, role: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name; self.organization = organization; self.role = role; self.email = email; self.phone = phone
    }
}

public enum PartnerKind: String, Codable, Sendable, CaseIterable {
    case startup, intermediary, municipality, company, university
    /// 金融機関 (banks, 信用金庫): the guide names them among the partners of a region.
    case financialInstitution = "financial-institution"
    case other
}

public struct Partner: Codable, Equatable, Sendable {
    public var name: String
    public var kind: PartnerKind
    public var role: String?
    public init(name: String, kind: PartnerKind = .startup, role: String? = nil) {
        self.name = name; self.kind = kind; self.role = role
    }
}

/// WHY → HOW → WHAT (課題と理想像 / 連携の方法 / 実施内容), 実践ガイド p.109–110.
public struct IssueFrame: Codable, Equatable, Sendable {
    public var why: String
    public var how: String
    public var what: String
    public init(why: String = "", how: String = "", what: String = "") { self.why = why; self.how = how; self.what = what }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        why = try c.decodeIfPresent(String.self, forKey: .why) ?? ""
        how = try c.decodeIfPresent(String.self, forKey: .how) ?? ""
        what = try c.decodeIfPresent(String.self, forKey: .what) ?? ""
    }
    enum CodingKeys: String, CodingKey { case why, how, what }
}

public struct Tick: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: String
    public init(at: Timestamp, by: String) { self.at = at; self.by = by }
}

public struct Budget: Codable, Equatable, Sendable {
    /// Target fiscal year N (N年度 = N-04-01 … (N+1)-03-31).
    public var fiscalYear: Int?
    /// Budget lines in yen (integers; no floating point money).
    public var items: [BudgetItem]
    /// 歳出費目, e.g. 委託料, 負担金補助及び交付金.
    public var expenditureItem: String?
    /// 下見積もり in yen.
    public var roughQuoteYen: Int?
    public var funding: [FundingSource]
    /// The guide's six budget reference items (p.45–47), keyed by catalog id.
    public var reference: [String: String]

    public init(fiscalYear: Int? = nil, items: [BudgetItem] = [], expenditureItem: String? = nil,
                roughQuoteYen: Int? = nil, funding: [FundingSource] = [], reference: [String: String] = [:]) {
        self.fiscalYear = fiscalYear; self.items = items; self.expenditureItem = expenditureItem
        self.roughQuoteYen = roughQuoteYen; self.funding = funding; self.reference = reference
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        fiscalYear = try c.decodeIfPresent(Int.self, forKey: .fiscalYear)
        items = try c.decodeIfPresent([BudgetItem].self, forKey: .items) ?? []
        expenditureItem = try c.decodeIfPresent(String.self, forKey: .expenditureItem)
        roughQuoteYen = try c.decodeIfPresent(Int.self, forKey: .roughQuoteYen)
        funding = try c.decodeIfPresent([FundingSource].self, forKey: .funding) ?? []
        reference = try c.decodeIfPresent([String: String].self, forKey: .reference) ?? [:]
    }
    enum CodingKeys: String, CodingKey { case fiscalYear, items, expenditureItem, roughQuoteYen, funding, reference }

    /// The sum of the budget lines, nil when it is too large to add up (see `Yen.sum`).
    public var checkedTotalYen: Int? { Yen.sum(items.lazy.map(\.yen)) }
    /// The sum of the budget lines for what must not fail (deadlines, summaries, sorting). One
    /// too large to add up counts as `Int.max`: still an amount, so budget deadlines keep
    /// applying (the wrapped negative total made `needsBudget` false). What a person reads
    /// shows `checkedTotalYen`, i.e. 金額が大きすぎます, not this figure.
    public var totalYen: Int { checkedTotalYen ?? Int.max }
    /// Whether the case needs municipal money (any amount or rough quote).
    public var hasAmount: Bool { totalYen > 0 || (roughQuoteYen ?? 0) > 0 }
}

public struct BudgetItem: Codable, Equatable, Sendable {
    public var label: String
    public var yen: Int
    public init(label: String, yen: Int) { self.label = label; self.yen = yen }
}

public struct FundingSource: Codable, Equatable, Sendable {
    /// e.g. 一般財源, デジタル田園都市国家構想交付金.
    public var name: String
    public var kind: FundingKind
    /// Share of the cost this source covers, in percent (補助率1/2 → 50).
    public var ratePercent: Double?
    public var yen: Int?
    /// Linked external funding window id, if any.
    public var windowId: String?
    public init(name: String, kind: FundingKind, ratePercent: Double? = nil, yen: Int? = nil, windowId: String? = nil) {
        self.name = name; self.kind = kind; self.ratePercent = ratePercent; self.yen = yen; self.windowId = windowId
    }
}

public enum FundingKind: String, Codable, Sendable, CaseIterable {
    case general            // 一般財源
    case grant              // 交付金
    case subsidy            // 補助金
    case bond               // 地方債
    case privateFunds = "private"  // 民間資金・企業版ふるさと納税 etc.
    case other
}

public struct KPI: Codable, Equatable, Sendable {
    public var name: String
    public var unit: String
    public var baseline: Double?
    public var target: Double?
    public var actuals: [KPIActual]
    public init(name: String, unit: String, baseline: Double? = nil, target: Double? = nil, actuals: [KPIActual] = []) {
        self.name = name; self.unit = unit; self.baseline = baseline; self.target = target; self.actuals = actuals
    }
    public var latest: KPIActual? { actuals.max { $0.date < $1.date } }
}

public struct KPIActual: Codable, Equatable, Sendable {
    public var date: Day
    public var value: Double
    public init(date: Day, value: Double) { self.date = date; self.value = value }
}

public struct Note: Codable, Equatable, Sendable {
    public var id: Int
    public var at: Timestamp
    public var author: String
    public var text: String
    public init(id: Int, at: Timestamp, author: String, text: String) { self.id = id; self.at = at; self.author = author; self.text = text }
}

public struct NextAction: Codable, Equatable, Sendable {
    public var text: String
    public var due: Day?
    public init(text: String, due: Day?) { self.text = text; self.due = due }
}

/// Silences one deadline item (a milestone id, "next-action" or "stale") until a day, with a reason.
public struct Snooze: Codable, Equatable, Sendable {
    public var item: String
    public var until: Day
    public var reason: String
    public var at: Timestamp
    public var by: String
    public init(item: String, until: Day, reason: String, at: Timestamp, by: String) {
        self.item = item; self.until = until; self.reason = reason; self.at = at; self.by = by
    }
}
