/// The deadline rules (issue 4), pure: a case summary and a context in, dated items out.
///
/// For a case that needs municipal money (`CaseSummary.needsBudget`) with a target fiscal year N,
/// on the case's calendar (`CalendarSet.resolve`), dates moved to the previous business day:
/// - by `info-provision` ((N-1)-10-01 by default) the case must be at least at `method`;
/// - by `request` ((N-1)-10-31) it must be at `budgeting` with 下見積もり (`bud-rough-quote`) ticked;
/// - after `vote` (N-03-25) of N, a case that is not `realized` is flagged for follow-up.
/// Only the latest missed budget milestone is reported (a missed request supersedes a missed
/// info-provision; the follow-up supersedes both); missed requests and follow-ups carry the
/// earliest funding route. Beside them: the next action's due date, stale-in-stage (no event for
/// `staleDays[stage]` days) and the deadlines of linked funding windows.
///
/// End states: `dropped` has no items; `realized` and `paused` keep only their next action.
/// An archived case (issue 14) has none: it was taken out of the daily views on purpose.
/// A case with no target fiscal year gets no budget items (`OverdueReview.unscheduled` lists it).
/// Snoozed items are returned with `snoozed == true` (callers hide them but count them).
public enum DeadlineEngine {
    /// All deadline items of one case, sorted by due day.
    public static func items(for s: CaseSummary, context ctx: DeadlineContext) -> [DeadlineItem] {
        if s.stage == .dropped || s.archived { return [] }
        let resolution = ctx.calendars.resolve(for: s)
        var out: [DeadlineItem] = []

        func base(_ kind: DeadlineKind, _ id: String, ja: String, en: String, scheduled: Day, shift: Bool) -> DeadlineItem {
            let (due, reason) = shift ? ctx.shift(scheduled) : (scheduled, nil)
            return DeadlineItem(caseId: s.id, caseTitle: s.title, municipality: s.municipality, prefecture: s.prefecture,
                                kind: kind, milestoneId: id, ja: ja, en: en, due: due, scheduled: scheduled, shiftReason: reason,
                                daysOverdue: due.days(until: ctx.today), currentStage: s.stage)
        }

        if let due = s.nextActionDue {
            let text = s.nextActionText.flatMap { $0.isEmpty ? nil : $0 }
            out.append(base(.nextAction, "next-action", ja: "次のアクション" + (text.map { ": \($0)" } ?? ""),
                            en: "Next action" + (text.map { ": \($0)" } ?? ""), scheduled: due, shift: false))
        }

        if !s.stage.isEndState {
            out += budgetItems(s, resolution, ctx, base)
            if let limit = ctx.staleDays[s.stage], let since = s.lastEventDay ?? s.stageEnteredDay {
                var item = base(.stale, "stale", ja: "停滞（\(s.stage.ja)で\(limit)日間動きなし）",
                                en: "Stale (no activity for \(limit) days in \(s.stage.en))", scheduled: since.adding(days: limit), shift: false)
                item.requiredStage = nil
                out.append(item)
            }
            for id in ctx.fundingLinks[s.id] ?? [] {
                guard let w = ctx.fundingWindows.first(where: { $0.id == id }) else { continue }
                var item = base(.fundingWindow, "funding:\(w.id)", ja: "申請締切: \(w.name)", en: "Application deadline: \(w.label(.en))",
                                scheduled: w.closes, shift: false)
                item.fiscalYear = w.fiscalYear
                if let local = w.localSharePercent {
                    item.requirementJa = "補助率\(LocalShare.percent(w.ratePercent!))% — 残り\(LocalShare.percent(local))%は自治体の予算計上が必要"
                    item.requirementEn = "rate \(LocalShare.percent(w.ratePercent!))% — the local \(LocalShare.percent(local))% needs its own budget line"
                }
                // A closed window is no longer actionable; only open or upcoming ones are listed.
                if !item.isMissed { out.append(item) }
            }
        }

        for i in out.indices {
            if let z = s.snoozes.first(where: { $0.item == out[i].milestoneId && $0.until > ctx.today }) {
                out[i].snoozed = true
                out[i].snoozedUntil = z.until
            }
        }
        return out.sorted { ($0.due, $0.milestoneId) < ($1.due, $1.milestoneId) }
    }

    /// The one item the portfolio list's "next deadline" column shows: the most overdue missed
    /// item, else the earliest upcoming one. Snoozed items and not-yet-stale warnings are skipped.
    public static func nextDeadline(for s: CaseSummary, context ctx: DeadlineContext) -> DeadlineItem? {
        let items = self.items(for: s, context: ctx).filter { !$0.snoozed && ($0.kind != .stale || $0.isMissed) }
        return items.first  // sorted by due: a missed item is always earlier than an upcoming one
    }

    // MARK: budget milestones

    static func budgetItems(_ s: CaseSummary, _ res: CalendarResolution, _ ctx: DeadlineContext,
                            _ base: (DeadlineKind, String, String, String, Day, Bool) -> DeadlineItem) -> [DeadlineItem] {
        guard s.needsBudget, let n = s.fiscalYear else { return [] }
        let cal = res.calendar
        let note = res.fallbackNote
        func make(_ kind: DeadlineKind, _ m: MilestoneSpec, id: String? = nil, ja: String? = nil, en: String? = nil) -> DeadlineItem? {
            guard let raw = m.rawDate(fiscalYear: n) else { return nil }
            var item = base(kind, id ?? m.id, ja ?? m.ja, en ?? m.en, raw, true)
            item.fiscalYear = n
            item.calendarId = cal.id
            item.calendarFallback = note
            return item
        }
        func route() -> FundingRoute {
            ctx.memo.route(calendar: cal, fiscalYear: n, today: ctx.today) {
                FundingRoute.earliest(fiscalYear: n, calendar: cal, holidays: ctx.holidays, today: ctx.today)
            }
        }
        let stageIndex = s.stage.pipelineIndex ?? 0

        // After the vote of N and not realized: follow up (supersedes everything else).
        if let vote = cal.milestone(MilestoneSpec.vote), var item = make(.followUp, vote, id: "follow-up",
                                                                         ja: "\(n)年度予算の議決後も未実現（要フォローアップ）",
                                                                         en: "FY\(n) budget voted, case not realized (follow up)"),
           item.isMissed {
            item.requiredStage = .realized
            item.requirementJa = "連携実現（議決を確認し実現へ、または目標年度を見直す）"
            item.requirementEn = "realized (confirm the vote and move on, or revise the target year)"
            item.earliestRoute = route()
            return [item]
        }

        var out: [DeadlineItem] = []
        if let req = cal.milestone(MilestoneSpec.request), !(s.stage == .budgeting && s.roughQuoteTicked), var item = make(.milestone, req) {
            item.requiredStage = .budgeting
            item.requirementJa = "予算化（下見積もり取得済み）"
            item.requirementEn = "budgeting, with the rough quote (下見積もり) ticked"
            if item.isMissed {
                item.earliestRoute = route()
                return [item]
            }
            out.append(item)
        }
        if let info = cal.milestone(MilestoneSpec.infoProvision), stageIndex < Stage.method.pipelineIndex!, var item = make(.milestone, info) {
            item.requiredStage = .method
            item.requirementJa = "連携方法の検討以降（予算編成のスケジュールに合わせて情報提供）"
            item.requirementEn = "method or later (provide information in step with the budget schedule)"
            out.append(item)
        }
        return out
    }

    // MARK: the case's whole budget schedule (予算 tab)

    /// One row of a case's budget schedule for its target fiscal year.
    public struct ScheduleRow: Equatable, Sendable {
        public enum Status: String, Sendable, Codable { case met, missed, pending, info }
        public var milestoneId: String
        public var ja: String
        public var en: String
        public var scheduled: Day
        public var due: Day
        public var shiftReason: String?
        public var daysOverdue: Int
        /// `met`/`missed`/`pending` for the milestones the rules check, `info` for the others.
        public var status: Status
    }

    /// Every milestone of the case's calendar for its target year, with the rule status — for the
    /// case detail's 予算 tab. Empty without a target fiscal year.
    public static func schedule(for s: CaseSummary, context ctx: DeadlineContext) -> (calendar: CalendarResolution, rows: [ScheduleRow]) {
        let res = ctx.calendars.resolve(for: s)
        guard let n = s.fiscalYear else { return (res, []) }
        let idx = s.stage.pipelineIndex ?? (s.stage == .realized ? 5 : -1)
        return (res, res.calendar.milestones.compactMap { m in
            guard let raw = m.rawDate(fiscalYear: n) else { return nil }
            let (due, reason) = ctx.shift(raw)
            let d = due.days(until: ctx.today)
            let met: Bool?
            switch m.id {
            case MilestoneSpec.infoProvision: met = idx >= Stage.method.pipelineIndex!
            case MilestoneSpec.request: met = (s.stage == .budgeting && s.roughQuoteTicked) || s.stage == .realized
            case MilestoneSpec.vote: met = d <= 0 ? nil : s.stage == .realized
            default: met = nil
            }
            let status: ScheduleRow.Status
            if let met, s.needsBudget { status = met ? .met : (d > 0 ? .missed : .pending) } else { status = .info }
            return ScheduleRow(milestoneId: m.id, ja: m.ja, en: m.en, scheduled: raw, due: due, shiftReason: reason,
                               daysOverdue: d, status: status)
        })
    }
}
