import Foundation
import Testing
@testable import RenkeiCore

/// Archive (issue 14) is a fact of the event log: the latest `archived` change in the log's
/// merge order decides, undo/redo flip it exactly, and the team merge keeps a concurrent edit
/// beside it — the same tree whichever side is "ours".
@Suite struct ArchiveTests {
    typealias F = MergeFixtures

    @Test func archiveIsDerivedFromTheLogAndUndoRedoRestoreIt() throws {
        let base = try F.base()
        #expect(!base.isArchived && base.archival == nil)
        let archived = try F.run(base, .archive(note: "連携実現 — 横展開の参考に ①"), "髙橋", "2026-12-01T10:00:00+09:00", "a1")
        let a = try #require(archived.archival)
        #expect(a.by == "髙橋" && a.at.text == "2026-12-01T10:00:00+09:00" && a.note == "連携実現 — 横展開の参考に ①")
        #expect(archived.events.last?.kind == .archived)
        // Nothing but the event: the stored case is otherwise the same.
        var withoutEvents = archived; withoutEvents.events = base.events
        #expect(withoutEvents == base)
        #expect(CaseSummary(archived).archived && !CaseSummary(base).archived)
        // Archiving is not activity: the 停滞 clock keeps running.
        #expect(archived.lastEventDay == base.lastEventDay)

        let undone = try CaseCommands.undo("a1", in: archived, context: F.ctx("髙橋", "2026-12-01T10:05:00+09:00", "u1"))
        #expect(!undone.isArchived)
        let redone = try CaseCommands.redo("a1", in: undone, context: F.ctx("髙橋", "2026-12-01T10:06:00+09:00", "r1"))
        #expect(redone.archival?.note == "連携実現 — 横展開の参考に ①" && redone.archival?.at.text == "2026-12-01T10:06:00+09:00")

        let back = try F.run(redone, .unarchive, "佐藤", "2026-12-02T09:00:00+09:00", "ua")
        #expect(!back.isArchived && back.events.last?.kind == .unarchived)
    }

    @Test func archivingTwiceOrUnarchivingAnActiveCaseChangesNothing() throws {
        let base = try F.base()
        let archived = try F.run(base, .archive(note: nil), "髙橋", "2026-12-01T10:00:00+09:00", "a1")
        #expect(archived.archival?.note == nil)
        #expect(throws: CommandError.noChange(.alreadyArchived(caseId: base.id))) {
            try F.run(archived, .archive(note: "もう一度"), "髙橋", "2026-12-01T10:01:00+09:00", "a2")
        }
        #expect(throws: CommandError.noChange(.notArchived(caseId: base.id))) {
            try F.run(base, .unarchive, "髙橋", "2026-12-01T10:01:00+09:00", "u2")
        }
        #expect(CommandMessage.alreadyArchived(caseId: "c-1").text(.ja).contains("すでにアーカイブ済み"))
    }

    /// One side archives, the other edits: both are kept (archived, with the edit), in either order.
    @Test(arguments: [false, true])
    func concurrentArchiveAndEditKeepBoth(_ archiveIsLater: Bool) throws {
        let base = try F.base()
        let ours = try F.run(base, .archive(note: "見送り後の保管"), "佐藤", archiveIsLater ? "2026-11-24T11:00:00+09:00" : "2026-11-24T09:00:00+09:00", "o1")
        let theirs = try F.run(base, .setField(path: "title", value: .string("ｻﾔﾏ 見守り㈱ 髙 🎌")), "鈴木", "2026-11-24T10:00:00+09:00", "t1")
        let (m, r) = try F.merge(base, ours, theirs)
        let (m2, _) = try F.merge(base, theirs, ours)
        #expect(F.tree(m) == F.tree(m2))
        #expect(m.isArchived && m.archival?.by == "佐藤")
        #expect(m.title == "ｻﾔﾏ 見守り㈱ 髙 🎌")
        #expect(r.recorded.isEmpty && m.concurrentEdits == nil)
    }

    /// Archive and un-archive on two machines: the log's merge order (Lamport clock first, not
    /// the wall clock) decides, the same way on both.
    @Test func theLatestArchiveEventInMergeOrderDecides() throws {
        let base = try F.base()
        // Ours archives and un-archives (two events); theirs archives later by the clock, but
        // with one event it sorts before ours' un-archiving.
        var ours = try F.run(base, .archive(note: nil), "佐藤", "2026-11-24T10:00:00+09:00", "o1")
        ours = try F.run(ours, .unarchive, "佐藤", "2026-11-24T10:05:00+09:00", "o2")
        let theirs = try F.run(base, .archive(note: "保管"), "鈴木", "2026-11-24T11:00:00+09:00", "t1")
        let (m, _) = try F.merge(base, ours, theirs)
        let (m2, _) = try F.merge(base, theirs, ours)
        #expect(F.tree(m) == F.tree(m2))
        #expect(!m.isArchived)
        // Theirs un-archives after seeing ours: now it is the latest.
        let later = try F.run(m, .archive(note: "保管し直し"), "鈴木", "2026-11-24T12:00:00+09:00", "t2")
        #expect(later.archival?.note == "保管し直し")
    }

    @Test func archivedCasesLeaveDeadlinesTheReviewAndTheFunnelsOpenFigures() throws {
        var c = try Fixtures.newCase("c-arch01")
        c = try F.run(c, .setField(path: "nextAction.due", value: .string("2026-11-01")), "髙橋", "2026-10-01T09:00:00+09:00", "n1")
        let ctx = DeadlineContext(today: Day("2026-11-23")!)
        #expect(!DeadlineEngine.items(for: CaseSummary(c), context: ctx).isEmpty)
        #expect(OverdueReview.missedCount(summaries: [CaseSummary(c)], context: ctx) >= 1)
        let a = try F.run(c, .archive(note: nil), "髙橋", "2026-11-20T09:00:00+09:00", "a1")
        let s = CaseSummary(a)
        #expect(DeadlineEngine.items(for: s, context: ctx).isEmpty)
        #expect(OverdueReview.build(summaries: [s], context: ctx).allItems.isEmpty)
        #expect(OverdueReview.missedCount(summaries: [s], context: ctx) == 0)
        let funnel = FunnelReport.build([InsightFeatures(c), InsightFeatures(a)], today: ctx.today, calendar: .typical(today: ctx.today))
        #expect(funnel.total == 2 && funnel.overdue.open == 1)
        #expect(InsightFeatures(summary: s, index: s.insight!).archived)
    }
}
