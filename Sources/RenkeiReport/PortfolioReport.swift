import RenkeiCore
import RenkeiStore

/// The portfolio as a table for the weekly meeting: one row per case with the list columns plus
/// fiscal year, amounts, next milestone and days overdue. Built from summaries only (no case
/// file is decoded), so it stays linear and fast for 10,000 cases.
public struct PortfolioReport: Codable, Equatable, Sendable {
    public var format = "renkei.portfolio"
    /// 2: one total per fiscal year of the live cases (`fiscalYears`) instead of one sum over
    /// every stage and year; a case without budget lines has no `totalYen` (shown 未定, never ¥0).
    public var formatVersion = 2
    public var generatedOn: Day
    public var lang: Lang
    public var filter: Filter
    public var count: Int
    /// Budget per target fiscal year, over the listed cases that are still live (not dropped or
    /// paused): adding up different years, or money nobody will spend, gives a number nobody can use.
    public var fiscalYears: [YearTotal]
    public var rows: [Row]
    /// Case files that could not be read (listed, never silently dropped).
    public var damaged: [Damaged]

    public struct Filter: Codable, Equatable, Sendable {
        public var stage: String?
        public var overdueOnly: Bool
    }

    public struct YearTotal: Codable, Equatable, Sendable {
        /// nil: the cases without a target year.
        public var fiscalYear: Int?
        public var fiscalYearText: String
        /// Live cases in that year, and how many of them have no amount yet (nil: none).
        public var cases: Int
        public var undecided: Int?
        public var totalYen: Int
        public var totalText: String
    }

    public struct Damaged: Codable, Equatable, Sendable {
        public var file: String
        public var reason: String
    }

    public struct Row: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var municipality: String
        public var prefecture: String?
        public var partners: [String]
        public var partnersText: String
        public var stage: String
        public var stageLabel: String
        public var progressGlyph: String
        public var exit: String?
        public var exitLabel: String?
        public var method: String?
        public var methodLabel: String?
        public var fiscalYear: Int?
        public var fiscalYearText: String?
        /// nil when the case has no budget lines yet (`totalText` is then 未定).
        public var totalYen: Int?
        public var totalText: String
        public var roughQuoteYen: Int?
        public var roughQuoteText: String?
        public var nextAction: String?
        public var nextActionDue: Day?
        public var daysInStage: Int?
        public var nextMilestone: String?
        public var nextMilestoneDue: Day?
        public var daysOverdue: Int?
        public var overdue: Bool
        public var tags: [String]
        /// 原課 and 課題分野 (its label), for the CSV a coordinator works with in Excel.
        public var department: String?
        public var domain: String?
        /// WHY/HOW/WHAT: only the CSV export fills it (it needs the case files, not just summaries).
        public var issue: IssueFrame?
    }
}

public enum PortfolioBuilder {
    /// Rows in stage order, then id (as `renkei list`).
    public static func build(_ portfolio: Portfolio, catalog: Catalog, today: Day, lang: Lang,
                             stage: Stage? = nil, overdueOnly: Bool = false,
                             deadlines: DeadlineProvider? = nil) -> PortfolioReport {
        var methodLabels: [String: String] = [:]
        for m in catalog.methods { methodLabels[m.id] = lang == .ja ? m.ja : m.en }
        var domainLabels: [String: String] = [:]
        for d in catalog.domains { domainLabels[d.id] = lang == .ja ? d.ja : d.en }
        var rows: [PortfolioReport.Row] = []
        rows.reserveCapacity(portfolio.summaries.count)
        var years: [Int?: PortfolioReport.YearTotal] = [:]
        let undecided = ReportLabels.table(lang)["undecided"] ?? "—"
        let sorted = portfolio.summaries.sorted { ($0.stage.index, $0.id) < ($1.stage.index, $1.id) }
        for s in sorted {
            if let stage, s.stage != stage { continue }
            let d = deadlines?.deadlines(for: s, today: today, lang: lang)
            let overdueDays = (d?.daysOverdue ?? 0) > 0 ? d?.daysOverdue : nil
            if overdueOnly && overdueDays == nil { continue }
            let amount: Int? = s.totalYen == 0 ? nil : s.totalYen
            if s.stage != .dropped && s.stage != .paused {
                var y = years[s.fiscalYear] ?? .init(fiscalYear: s.fiscalYear,
                                                     fiscalYearText: s.fiscalYear.map { ReportFormat.fiscalYear($0, lang) }
                                                         ?? (ReportLabels.table(lang)["undecidedYear"] ?? "—"),
                                                     cases: 0, undecided: nil, totalYen: 0, totalText: "")
                y.cases += 1
                if let amount { y.totalYen = Yen.total([y.totalYen, amount]) } else { y.undecided = (y.undecided ?? 0) + 1 }
                years[s.fiscalYear] = y
            }
            rows.append(.init(
                id: s.id, title: s.title, municipality: s.municipality, prefecture: s.prefecture,
                partners: s.partners, partnersText: s.partners.joined(separator: lang == .ja ? "・" : "; "),
                stage: s.stage.rawValue, stageLabel: s.stage.label(lang), progressGlyph: s.stage.progressGlyph,
                exit: s.exit?.rawValue, exitLabel: s.exit?.label(lang),
                method: s.method, methodLabel: s.method.map { methodLabels[$0] ?? $0 },
                fiscalYear: s.fiscalYear, fiscalYearText: s.fiscalYear.map { ReportFormat.fiscalYear($0, lang) },
                totalYen: amount, totalText: amount.map(ReportFormat.yen) ?? undecided,
                roughQuoteYen: s.roughQuoteYen, roughQuoteText: s.roughQuoteYen.map(ReportFormat.yen),
                nextAction: s.nextActionText, nextActionDue: s.nextActionDue,
                daysInStage: s.stage.isEndState ? nil : s.daysInStage(today: today),
                nextMilestone: d?.nextMilestone?.label, nextMilestoneDue: d?.nextMilestone?.due,
                daysOverdue: overdueDays, overdue: overdueDays != nil, tags: s.tags,
                department: s.department.isEmpty ? nil : s.department, domain: s.domain.map { domainLabels[$0] ?? $0 }))
        }
        return PortfolioReport(generatedOn: today, lang: lang,
                               filter: .init(stage: stage?.rawValue, overdueOnly: overdueOnly),
                               count: rows.count, fiscalYears: yearTotals(years, undecided: undecided), rows: rows,
                               damaged: portfolio.damaged.map { .init(file: $0.fileName, reason: $0.reason.text(lang)) })
    }

    /// Years in order, the cases without a year last; a year whose cases all lack amounts says 未定.
    static func yearTotals(_ years: [Int?: PortfolioReport.YearTotal], undecided: String) -> [PortfolioReport.YearTotal] {
        years.values.sorted { ($0.fiscalYear ?? Int.max) < ($1.fiscalYear ?? Int.max) }.map { y in
            var y = y
            y.totalText = (y.undecided ?? 0) == y.cases ? undecided : ReportFormat.yen(y.totalYen)
            return y
        }
    }
}
