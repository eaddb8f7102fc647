/// All budget calendars in play, and the one that applies to a case.
///
/// Built by the store from `Data/calendars/*.json` and `<workspace>/calendars/*.json`
/// (workspace calendars win over shipped ones at the same level). Calendars that failed to
/// load or validate are kept as `rejected`: the cases they would have applied to get the
/// default calendar, with a note that says why (`CalendarResolution.fallback`).
public struct CalendarSet: Equatable, Sendable {
    /// Used when nothing more specific applies, and as the fallback for rejected calendars.
    public var defaultCalendar: BudgetCalendar
    /// Valid calendars in precedence order (workspace first, then shipped).
    public var calendars: [BudgetCalendar]
    public var rejected: [RejectedCalendar]
    /// 全国地方公共団体コード → id of the calendar its profile chose
    /// (`<workspace>/municipalities/<code>.json`, "calendar"); wins over every `appliesTo` for
    /// a case linked to that body, whatever name the case writes (issue 16).
    public var chosenByCode: [String: String] = [:]
    /// The same for cases not linked yet, by the name they write (only names that fit exactly
    /// one body with such a profile); never consulted for a case that has a code.
    public var chosenByMunicipality: [String: String] = [:]

    public init(defaultCalendar: BudgetCalendar = .builtInDefault, calendars: [BudgetCalendar] = [], rejected: [RejectedCalendar] = []) {
        self.defaultCalendar = defaultCalendar; self.calendars = calendars; self.rejected = rejected
    }

    /// A calendar file that could not be used, and whom it was meant for (as far as readable).
    public struct RejectedCalendar: Error, Equatable, Sendable {
        public var file: String
        public var id: String?
        public var appliesTo: BudgetCalendar.AppliesTo
        public var problems: [CalendarProblem]
        public init(file: String, id: String? = nil, appliesTo: BudgetCalendar.AppliesTo = .init(), problems: [CalendarProblem]) {
            self.file = file; self.id = id; self.appliesTo = appliesTo; self.problems = problems
        }
    }

    /// Every calendar, default first (for the calendar view's picker).
    public var all: [BudgetCalendar] { [defaultCalendar] + calendars.filter { $0.id != defaultCalendar.id } }

    public func calendar(id: String) -> BudgetCalendar? { all.first { $0.id == id } }

    /// The calendar for a case: by municipality name, else by prefecture, else by kind, else the
    /// default. A rejected calendar at a more specific level than the one found makes the
    /// resolution a fallback (the review shows the note).
    public func resolve(municipality: String, prefecture: String?, kind: MunicipalityKind?, code: String? = nil) -> CalendarResolution {
        // The municipality's own profile said which calendar it runs on (issue 16): by the
        // case's code when it is linked, by its name only when it is not.
        let profileChoice = code.map { chosenByCode[$0] } ?? chosenByMunicipality[municipality]
        if let id = profileChoice, let chosen = calendar(id: id) { return CalendarResolution(calendar: chosen) }
        func level(_ a: BudgetCalendar.AppliesTo) -> Int? {
            if a.municipalities.contains(municipality) { return 0 }
            if let p = prefecture, a.prefectures.contains(p) { return 1 }
            if let k = kind, a.kinds.contains(k) { return 2 }
            return nil
        }
        var best: (BudgetCalendar, Int)?
        for c in calendars { if let l = level(c.appliesTo), best == nil || l < best!.1 { best = (c, l) } }
        let bestLevel = best?.1 ?? 3
        let broken = rejected.filter { r in level(r.appliesTo).map { $0 < bestLevel } ?? false }
        if let r = broken.min(by: { level($0.appliesTo)! < level($1.appliesTo)! }) {
            return CalendarResolution(calendar: defaultCalendar, fallback: r)
        }
        return CalendarResolution(calendar: best?.0 ?? defaultCalendar, fallback: nil)
    }

    public func resolve(for s: CaseSummary) -> CalendarResolution {
        resolve(municipality: s.municipality, prefecture: s.prefecture, kind: s.municipalityKind, code: s.municipalityCode)
    }
}

/// Which calendar a case uses, and whether that is a fallback from a rejected one.
public struct CalendarResolution: Equatable, Sendable {
    public var calendar: BudgetCalendar
    /// Set when the case's own calendar was rejected and the default is used instead.
    public var fallback: CalendarSet.RejectedCalendar?

    public init(calendar: BudgetCalendar, fallback: CalendarSet.RejectedCalendar? = nil) {
        self.calendar = calendar; self.fallback = fallback
    }

    public func note(_ lang: Lang) -> String? { fallbackNote?.text(lang) }

    /// Why the default is used, kept typed so each reader gets it in their language.
    public var fallbackNote: CalendarFallbackNote? { fallback.map { CalendarFallbackNote(file: $0.file, problem: $0.problems.first) } }
}

/// A case's own calendar file was rejected: the file and its first problem.
public struct CalendarFallbackNote: Codable, Equatable, Sendable {
    public var file: String
    public var problem: CalendarProblem?

    public init(file: String, problem: CalendarProblem?) { self.file = file; self.problem = problem }

    public func text(_ lang: Lang) -> String { ReviewMessage.defaultCalendarUsed(problem?.text(lang) ?? file).text(lang) }
}

extension BudgetCalendar {
    /// The default cycle, used when `Data/calendars/default.json` is missing or broken.
    public static let builtInDefault = BudgetCalendar(
        id: "default", ja: "標準的な自治体の予算編成スケジュール", en: "Typical municipal budget cycle",
        source: "renkei built-in (matches Data/calendars/default.json)",
        milestones: [
            MilestoneSpec(id: "info-provision", ja: "情報提供", en: "Information provision", year: "N-1", date: "10-01"),
            MilestoneSpec(id: "policy", ja: "予算編成方針", en: "Budget policy", year: "N-1", date: "10-10"),
            MilestoneSpec(id: "request", ja: "予算要求締切", en: "Budget request deadline", year: "N-1", date: "10-31"),
            MilestoneSpec(id: "finance-review", ja: "財政課査定", en: "Finance review", year: "N-1", date: "12-25"),
            MilestoneSpec(id: "mayor-review", ja: "首長査定", en: "Mayor's review", year: "N", date: "01-25"),
            MilestoneSpec(id: "submission", ja: "予算案公表・議会提出", en: "Budget published and submitted", year: "N", date: "02-15"),
            MilestoneSpec(id: "vote", ja: "議決", en: "Council vote", year: "N", date: "03-25"),
            MilestoneSpec(id: "start", ja: "執行開始", en: "Execution starts", year: "N", date: "04-01"),
        ],
        supplementary: [
            SupplementaryWindow(id: "june", ja: "6月補正", en: "June supplementary", request: "05-10", vote: "06-30"),
            SupplementaryWindow(id: "september", ja: "9月補正", en: "September supplementary", request: "08-10", vote: "09-30"),
            SupplementaryWindow(id: "december", ja: "12月補正", en: "December supplementary", request: "11-10", vote: "12-20"),
        ])
}
