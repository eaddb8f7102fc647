/// What is wrong in a budget calendar (`calendars/*.json`), the holiday file or a funding window
/// file (`funding/*.json`) — typed, so `validate`, `calendar`, `overdue` and the workbench say it in
/// the reader's language (issue 14: these lines were English under a Japanese locale).
/// `CalendarProblem` adds the file and the field; each sentence here says what to write instead.
public enum CalendarProblemKind: Equatable, Sendable, Codable {
    // Any field.
    case empty
    /// The field is absent (decoding).
    case missing
    case wrongType(DamageReason.ValueKind)
    case null(DamageReason.ValueKind)
    /// A full date `YYYY-MM-DD` that is not one.
    case notADate
    case unknownValue(accepted: [String])
    /// A field's own check failed; `detail` is that check's sentence.
    case badValue(detail: String)
    /// The whole file: not readable, not UTF-8, not JSON.
    case damaged(DamageReason)
    case notAnObject
    // Budget calendars.
    case calendarId(String)
    case milestoneTwice(String)
    case yearMissing
    case notAYear(String)
    case milestoneMissing(String)
    case outOfOrder(year: String, date: String, before: Int, beforeId: String, beforeYear: String, beforeDate: String)
    case onOrAfterApril(year: String, date: String)
    /// 地方自治法 第211条: 議会提出 at least `lead` days before April 1 (30 for prefectures and designated cities).
    case submissionTooLate(year: String, date: String, days: Int, lead: Int)
    case windowTwice(String)
    case voteNotAfterRequest(vote: String, request: String)
    case windowsOutOfOrder
    case notAPrefecture(String)
    case unknownMunicipality(String, didYouMean: [String])
    case monthDayMissing
    case notAMonthDay(String)
    case february29
    case noSuchDay(String, month: Int, day: Int)
    case defaultCalendarMissing
    // The holiday file.
    case noHolidayData
    case holidayDaysMissing
    case holidayNotADate(String)
    // Funding windows.
    case rateNotPercent(Double)
    case closesBeforeOpens(closes: String, opens: String)
    case windowDefinedTwice(id: String, otherFile: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .empty:
            return ja ? "空です — 値を書いてください" : "is empty"
        case .missing:
            return ja ? "ありません — この項目を書き足してください" : "is missing"
        case .wrongType(let k):
            return ja ? "型が違います — \(k.label(lang))で書いてください" : "has the wrong type (expected \(k.label(lang)))"
        case .null(let k):
            return ja ? "null です — \(k.label(lang))で書いてください" : "is null (expected \(k.label(lang)))"
        case .notADate:
            return ja ? "日付（YYYY-MM-DD）ではありません — 2027-02-20 のように存在する日付を書いてください" : "not a date YYYY-MM-DD"
        case .unknownValue(let accepted):
            if accepted.isEmpty { return ja ? "値が不明です — 書き直してください" : "unknown value" }
            return ja ? "値が不明です（\(accepted.joined(separator: "、")) のいずれかにしてください）"
                      : "unknown value (expected one of \(accepted.joined(separator: ", ")))"
        case .badValue(let detail):
            return ja ? "値が正しくありません（\(detail)）— 書き直してください" : detail
        case .damaged(let r):
            return r.text(lang)
        case .notAnObject:
            return ja ? "JSON のオブジェクトではありません — { … } の形で書いてください" : "expected a JSON object"
        case .calendarId(let id):
            return ja ? "「\(id)」は使えません — 英小文字・数字・ハイフン（-）だけで書いてください" : "'\(id)' must be lowercase letters, digits and '-'"
        case .milestoneTwice(let id):
            return ja ? "「\(id)」が二度あります — マイルストーンの id は一つずつにしてください" : "'\(id)' appears twice; milestone ids must be unique"
        case .yearMissing:
            return ja ? "ありません — 年度 N から見て \"N-1\" か \"N\" を書いてください" : "is missing; use \"N-1\" or \"N\" (relative to fiscal year N)"
        case .notAYear(let y):
            return ja ? "「\(y)」は \"N-1\"・\"N\"・\"N+1\" のどれでもありません — そのどれかにしてください" : "'\(y)' is not \"N-1\", \"N\" or \"N+1\""
        case .milestoneMissing(let id):
            return ja ? "マイルストーン「\(id)」がありません（期限の計算に必要です）— 追加してください"
                      : "the '\(id)' milestone is missing (the deadline rules need it)"
        case .outOfOrder(let y, let d, let i, let pid, let py, let pd):
            return ja ? "\(y) \(d) が milestones[\(i)]（\(pid)）の \(py) \(pd) より前です — マイルストーンは日付順に並べてください"
                      : "\(y) \(d) comes before milestones[\(i)] (\(pid)) \(py) \(pd); list milestones in date order"
        case .onOrAfterApril(let y, let d):
            return ja ? "\(y) \(d) は N年度の4月1日以降です — N年度の予算編成は年度が始まる前に終わる日付にしてください"
                      : "\(y) \(d) is on or after April 1 of N; the budget cycle for N must end before the fiscal year starts"
        case .submissionTooLate(let y, let d, let days, let lead):
            let who = lead == 30 ? (ja ? "都道府県と指定都市" : "prefectures and designated cities") : (ja ? "市区町村" : "municipalities")
            return ja ? "\(y) \(d) は4月1日の \(days) 日前です — 地方自治法 第211条により\(who)の議会提出は年度開始の \(lead) 日以上前にしてください"
                      : "\(y) \(d) is only \(days) days before April 1; 地方自治法 第211条 requires 議会提出 at least \(lead) days before the fiscal year for \(who)"
        case .windowTwice(let id):
            return ja ? "「\(id)」が二度あります — 補正の窓口の id は一つずつにしてください" : "'\(id)' appears twice; window ids must be unique"
        case .voteNotAfterRequest(let vote, let request):
            return ja ? "議決 \(vote) が要求締切 \(request) より後ではありません（どちらも N年度の4月〜3月）— 議決を要求締切より後の日付にしてください"
                      : "\(vote) is not after the request deadline \(request) (both inside fiscal year N, April–March)"
        case .windowsOutOfOrder:
            return ja ? "補正の窓口が日付順（4月→3月）に並んでいません — 並べ替えてください" : "windows are not in date order (April → March)"
        case .notAPrefecture(let p):
            return ja ? "「\(p)」は都道府県ではありません — 北海道、東京都、大阪府、福岡県 のように正式な名前で書いてください"
                      : "'\(p)' is not a prefecture (use the full name, e.g. 北海道, 東京都, 大阪府, 福岡県)"
        case .unknownMunicipality(let m, let hint):
            if ja {
                return "「\(m)」はこのワークスペースのどの案件の自治体でもありません — 名前を確かめてください"
                    + (hint.isEmpty ? "" : "（\(hint.joined(separator: "、")) ではありませんか）")
            }
            return "unknown municipality '\(m)' — no case in this workspace has it" + (hint.isEmpty ? "" : "; did you mean \(hint.joined(separator: ", "))?")
        case .monthDayMissing:
            return ja ? "ありません — 月日を \"MM-DD\" の形で書いてください" : "is missing; write the month-day as \"MM-DD\""
        case .notAMonthDay(let s):
            return ja ? "「\(s)」は月日（\"MM-DD\"）ではありません — 03-20 のように書いてください" : "'\(s)' is not a month-day \"MM-DD\""
        case .february29:
            return ja ? "\"02-29\" は毎年ある日ではありません — 02-28 か 03-01 にしてください" : "\"02-29\" does not exist every year; use 02-28 or 03-01"
        case .noSuchDay(let s, let m, let d):
            return ja ? "「\(s)」は日付ではありません（\(m)月に\(d)日はありません）— 存在する日付にしてください"
                      : "\"\(s)\" is not a date (month \(m) has no day \(d))"
        case .defaultCalendarMissing:
            return ja ? "標準の予算編成カレンダーがないため、renkei 内蔵の標準を使います — renkei を入れ直すと戻ります"
                      : "the default budget calendar is missing; using renkei's built-in default (reinstall renkei to restore it)"
        case .noHolidayData:
            return ja ? "祝日データがないため、土日と年末年始だけを休みとして扱います — Scripts/gen-holidays.py で作ってください"
                      : "no holiday data; only weekends and 年末年始 are treated as closed (run Scripts/gen-holidays.py)"
        case .holidayDaysMissing:
            return ja ? "ないか、\"YYYY-MM-DD\": 名前 の形のオブジェクトではありません — その形で書いてください"
                      : "is missing or not an object of \"YYYY-MM-DD\": name"
        case .holidayNotADate(let k):
            return ja ? "「\(k)」は日付（YYYY-MM-DD）ではありません — 存在する日付にしてください" : "'\(k)' is not a date YYYY-MM-DD"
        case .rateNotPercent(let r):
            let rate = r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
            return ja ? "\(rate) は百分率の補助率ではありません — 0 より大きく 100 以下にしてください（補助率1/2 なら 50）"
                      : "\(rate) is not a rate in percent (0 < rate ≤ 100; 補助率1/2 → 50)"
        case .closesBeforeOpens(let closes, let opens):
            return ja ? "締切 \(closes) が受付開始 \(opens) より前です — どちらかの日付を直してください"
                      : "\(closes) is before opens \(opens); fix one of the two dates"
        case .windowDefinedTwice(let id, let other):
            return ja ? "「\(id)」は \(other) にもあります — 窓口の id は一つのファイルにだけ書いてください"
                      : "'\(id)' is also defined in \(other); keep each window id in one file"
        }
    }
}
