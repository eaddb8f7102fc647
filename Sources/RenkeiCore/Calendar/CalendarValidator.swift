import Foundation

/// Checks a `BudgetCalendar` before the engine trusts it. Every problem names the file and
/// the JSON field; a calendar with any problem is not used — cases it would apply to fall back
/// to the default calendar, and the overdue review says so.
///
/// Rules: milestone ids unique, years "N-1"/"N"/"N+1", dates "MM-DD" that exist every year
/// (no 02-30, no 02-29); the milestones the deadline rules need (`request`, `submission`,
/// `vote`) are present; milestones are listed in date order and end before April 1 of N (the
/// `start` milestone excepted); 議会提出 (`submission`) at least 20 days before April 1, 30 for
/// prefectures and designated cities (地方自治法 第211条第1項); 補正 windows request before vote;
/// `appliesTo` names known prefectures and (when the caller knows them) known municipalities.
public enum CalendarValidator {
    /// The milestones the deadline rules cannot do without.
    public static let requiredMilestones = [MilestoneSpec.request, MilestoneSpec.submission, MilestoneSpec.vote]

    /// - Parameters:
    ///   - file: shown in every problem (e.g. `calendars/札幌市.json`).
    ///   - knownMunicipalities: names a calendar may reference (e.g. the workspace's cases'
    ///     municipalities); nil skips that check.
    public static func validate(_ cal: BudgetCalendar, file: String, knownMunicipalities: Set<String>? = nil) -> [CalendarProblem] {
        var out: [CalendarProblem] = []
        func problem(_ field: String, _ kind: CalendarProblemKind) { out.append(CalendarProblem(file: file, field: field, kind)) }

        if cal.id.isEmpty || !cal.id.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "-" }) {
            problem("id", .calendarId(cal.id))
        }

        // Milestones: well-formed dates.
        var seen = Set<String>()
        for (i, m) in cal.milestones.enumerated() {
            let f = "milestones[\(i)]"
            if m.id.isEmpty { problem("\(f).id", .empty) }
            if !seen.insert(m.id).inserted { problem("\(f).id", .milestoneTwice(m.id)) }
            if m.year == nil { problem("\(f).year (\(m.id))", .yearMissing) }
            else if m.yearOffset == nil { problem("\(f).year (\(m.id))", .notAYear(m.year!)) }
            out += checkDate(m.date, field: "\(f).date (\(m.id))", file: file)
        }
        for id in requiredMilestones where cal.milestone(id) == nil {
            problem("milestones", .milestoneMissing(id))
        }

        // Order, the end of the cycle and 第211条 — over a leap and a common year.
        let usable = cal.milestones.enumerated().filter { $0.element.rawDate(fiscalYear: 2027) != nil }
        for k in 1..<max(1, usable.count) {
            let (pi, prev) = usable[k - 1], (ci, cur) = usable[k]
            for n in [2027, 2028] {
                if let a = prev.rawDate(fiscalYear: n), let b = cur.rawDate(fiscalYear: n), b < a {
                    problem("milestones[\(ci)].date (\(cur.id))",
                            .outOfOrder(year: cur.year ?? "?", date: cur.date ?? "?", before: pi, beforeId: prev.id,
                                        beforeYear: prev.year ?? "?", beforeDate: prev.date ?? "?"))
                    break
                }
            }
        }
        for (i, m) in usable where m.id != MilestoneSpec.start {
            if let d = m.rawDate(fiscalYear: 2027), d >= Day(year: 2027, month: 4, day: 1)! {
                problem("milestones[\(i)].date (\(m.id))", .onOrAfterApril(year: m.year ?? "?", date: m.date ?? "?"))
            }
        }
        if let (i, sub) = cal.milestones.enumerated().first(where: { $0.element.id == MilestoneSpec.submission }),
           sub.rawDate(fiscalYear: 2027) != nil {
            let lead = cal.requiredSubmissionLeadDays
            let days = [2027, 2028].compactMap { n in sub.rawDate(fiscalYear: n).map { $0.days(until: Day(year: n, month: 4, day: 1)!) } }.min() ?? 0
            if days < lead {
                problem("milestones[\(i)].date (submission)", .submissionTooLate(year: sub.year ?? "?", date: sub.date ?? "?", days: days, lead: lead))
            }
        }

        // 補正 windows.
        var windowIds = Set<String>()
        for (i, w) in cal.supplementary.enumerated() {
            let f = "supplementary[\(i)]"
            if !windowIds.insert(w.id).inserted { problem("\(f).id", .windowTwice(w.id)) }
            let r = checkDate(w.request, field: "\(f).request (\(w.id))", file: file)
            let v = checkDate(w.vote, field: "\(f).vote (\(w.id))", file: file)
            out += r + v
            if r.isEmpty, v.isEmpty, let rq = w.rawRequest(fiscalYear: 2027), let vt = w.rawVote(fiscalYear: 2027), vt <= rq {
                problem("\(f).vote (\(w.id))", .voteNotAfterRequest(vote: w.vote!, request: w.request!))
            }
        }
        let order = cal.supplementary.compactMap { $0.rawRequest(fiscalYear: 2027) }
        if order != order.sorted() {
            problem("supplementary", .windowsOutOfOrder)
        }

        // References.
        for (i, p) in cal.appliesTo.prefectures.enumerated() where !Prefectures.all.contains(p) {
            problem("appliesTo.prefectures[\(i)]", .notAPrefecture(p))
        }
        for (i, m) in cal.appliesTo.municipalities.enumerated() {
            if m.trimmingCharacters(in: .whitespaces).isEmpty { problem("appliesTo.municipalities[\(i)]", .empty) }
            else if let known = knownMunicipalities, !known.contains(m) {
                let hint = known.filter { $0.hasPrefix(String(m.prefix(2))) }.sorted().prefix(3)
                problem("appliesTo.municipalities[\(i)]", .unknownMunicipality(m, didYouMean: Array(hint)))
            }
        }
        return out
    }

    static func checkDate(_ s: String?, field: String, file: String) -> [CalendarProblem] {
        guard let s else { return [CalendarProblem(file: file, field: field, .monthDayMissing)] }
        guard let md = MonthDay(s) else { return [CalendarProblem(file: file, field: field, .notAMonthDay(s))] }
        if md.month == 2 && md.day == 29 {
            return [CalendarProblem(file: file, field: field, .february29)]
        }
        guard md.isValidEveryYear else { return [CalendarProblem(file: file, field: field, .noSuchDay(s, month: md.month, day: md.day))] }
        return []
    }
}

/// The 47 都道府県, for checking calendar references, and the name of a 全国地方公共団体コード's
/// prefecture without the shipped table (the summary index resolves a linked case's prefecture
/// in Core; `PrefecturesTests` holds this list to the table's prefecture rows).
public enum Prefectures {
    /// In JIS X 0401 order: index + 1 is the code's first two digits (01 北海道 … 47 沖縄県).
    public static let inCodeOrder: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
        "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
        "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]
    public static let all: Set<String> = Set(inCodeOrder)

    /// The prefecture of a valid code ("112151" → 埼玉県); nil for a code that is not one.
    public static func name(ofCode code: String) -> String? {
        guard MunicipalityCode.isValid(code), let n = Int(code.prefix(2)), (1...inCodeOrder.count).contains(n) else { return nil }
        return inCodeOrder[n - 1]
    }
}

