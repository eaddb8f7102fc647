/// For a case that relies on a national grant: the state's and the local shares of its budget
/// (integer yen, overflow-checked), the cap for its body, how many of the municipality's cases
/// apply in the same fiscal year against the yearly limit, the criteria and obligations to
/// confirm, and the application deadline of a linked funding window. Pure.
public struct GrantCheck: Equatable, Sendable {
    public var programme: FundingProgramme
    public var sourceName: String
    public var totalYen: Int
    /// The state's share (国費): total × rate, rounded down to the yen.
    public var nationalYen: Int?
    /// The rest, which the municipality budgets itself (地方負担分).
    public var localYen: Int?
    /// Set when the amounts cannot be computed exactly (overflow) — never a wrong figure.
    public var arithmeticProblem: GrantArithmetic?
    public var bodyClass: BodyClass
    /// The cap on the state's money for this body on the first track (ソフト事業 unless stated).
    public var track: FundingProgramme.Track?
    public var capYen: Int?
    public var overCap: Bool
    /// Cases of the same municipality (by code) relying on this programme in the same fiscal year.
    public var applicationsThisYear: Int
    public var applicationLimit: Int?
    /// The linked window's application deadline, if any (it is in the overdue review too).
    public var window: FundingWindow?

    public static func checks(for c: Case, code: String?, kind: BodyKind?, centralCoreCity: Bool, programmes: [FundingProgramme],
                              windows: [FundingWindow], portfolio: [(c: Case, code: String?)]) -> [GrantCheck] {
        var out: [GrantCheck] = []
        for p in programmes {
            guard let s = c.budget.funding.first(where: { p.covers($0, windows: windows) }) else { continue }
            let total = c.budget.totalYen
            var national: Int?, local: Int?, problem: GrantArithmetic?
            let (product, overflow) = total.multipliedReportingOverflow(by: p.ratePercent)
            if overflow || total < 0 {
                problem = .overflow(caseId: c.id, totalYen: total, ratePercent: p.ratePercent)
            } else {
                national = product / 100
                local = total - product / 100
                // The two shares must add up to the total, to the yen.
                if national! + local! != total { problem = .sharesDoNotAdd(caseId: c.id); national = nil; local = nil }
            }
            let cls: BodyClass = kind == .prefecture ? .prefecture : (centralCoreCity ? .centralCoreCity : .municipality)
            let track = p.tracks.first
            let cap = track?.capYen[cls.rawValue]
            let fy = c.budget.fiscalYear
            let same = portfolio.filter { other in
                guard let code, other.code == code, other.c.budget.fiscalYear == fy, fy != nil else { return false }
                return other.c.budget.funding.contains { p.covers($0, windows: windows) }
            }.count
            // A window the case links, else the programme's own window for the case's year.
            let window = ((s.windowId.map { [$0] } ?? []) + c.fundingWindows).lazy.compactMap { id in windows.first { $0.id == id } }
                .first { $0.program == p.id || s.windowId == $0.id } ?? p.windows(in: windows, fiscalYear: fy).first
            out.append(GrantCheck(programme: p, sourceName: s.name, totalYen: total, nationalYen: national, localYen: local,
                                  arithmeticProblem: problem, bodyClass: cls, track: track, capYen: cap,
                                  overCap: national.flatMap { n in cap.map { n > $0 } } ?? false,
                                  applicationsThisYear: same, applicationLimit: p.newApplicationsPerYear, window: window))
        }
        return out
    }
}
