import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 14: nothing a person reads is cut. Every screen with a table or a title bar — the list
/// (sorted by each column), the board, a case, the overdue review (with a snoozed item), the
/// municipality and partner views, the calendar, the dashboard, joint procurement, the
/// concurrent edits and the import preview — is walked in ja and en at every width from 80 to
/// 200 through the real runtime on the samples (plus a damaged file, so the title bar has all
/// its counts). It fails when a title bar, a column header or a dialog title ends in "…" or
/// loses a count. (It failed on main at 75481a4: `Municipal…`, `Next…`, `次の…`, `· 破…`,
/// `課題特定…` on the board.)
@Suite struct NothingCutWalkTests {
    static func keys(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }
    static let widths = Array(80...200)
    static let height = 50

    /// A screen to walk: how to reach it from the list, and the texts that must be on it whole.
    struct Walk {
        var name: String
        var reach: (Program) -> Void
        /// Free text (a case title, a name) in the title bar may be cut; a page name or a count may not.
        var titleHasFreeText = false
        var whole: (AppState) -> [String] = { _ in [] }
    }

    static func open(_ p: Program, _ id: String) {
        p.send([.key(.char("/"))] + keys(id) + [.key(.enter), .key(.enter)])
        p.settle()
    }

    static let conflicts: [ConcurrentEditRow] = [
        ConcurrentEditRow(caseId: "sayama-ntt-eco-action", caseTitle: "環境行動促進アプリ ①実証",
                          edit: ConcurrentEdit(id: "ce-1", unit: "title", field: "title", kept: .string("鈴木案 ㈱ミライ"), other: .string("佐藤案 ｶﾀｶﾅ"),
                                               keptSide: .init(by: "髙橋", at: Timestamp("2026-11-22T11:00:00+09:00")!, event: "e2"),
                                               otherSide: .init(by: "佐藤", at: Timestamp("2026-11-22T10:00:00+09:00")!, event: "e1"), cause: .bothChanged)),
    ]

    static var walks: [Walk] {
        var out: [Walk] = SortColumn.allCases.map { column in
            Walk(name: "list sorted by \(column)", reach: { $0.state.sort = column }, whole: { s in [counts(s)] })
        }
        out += [
            Walk(name: "board", reach: { $0.send(keys("b")) }, whole: { s in
                [counts(s)] + s.boardColumns.map { " \($0.count)" }
            }),
            Walk(name: "case", reach: { open($0, "saitama-lifeistech-programming") }, titleHasFreeText: true, whole: { s in [s.detail?.id ?? "?"] }),
            Walk(name: "overdue review", reach: { p in p.send(keys("o")); p.settle() }, whole: { s in overdueTexts(s) }),
            Walk(name: "overdue review, snoozed section", reach: { p in
                p.send(keys("o")); p.settle()
                p.send(keys("z") + [.key(.tab)] + keys("議会日程待ち") + [.key(.ctrl("s"))]); p.settle()
                p.send(keys("G"))
            }, whole: { s in overdueTexts(s, snoozed: true) }),
            Walk(name: "municipality", reach: { p in open(p, "sayama-ntt-eco-action"); p.send(keys("M")); p.settle() }, titleHasFreeText: true,
                 whole: { s in
                     guard let o = s.orgPages.municipality else { return ["(no municipality view)"] }
                     return [MunicipalityLabel.casesByStage.text(s.lang), MunicipalityLabel.deadlines.text(s.lang), MunicipalityLabel.readiness.text(s.lang),
                             MunicipalityMessage.readinessCounts(yes: o.readiness.yes, partial: o.readiness.partial, no: o.readiness.no,
                                                                 unknown: o.readiness.unknown).text(s.lang)]
                         + o.casesByStage.map { "\($0.stage.label(s.lang)) \(Message.rowCount($0.cases.count).text(s.lang))" }
                 }),
            Walk(name: "partner", reach: { p in open(p, "hayama-tbm-agreement"); p.send(keys("P")); p.settle() }, titleHasFreeText: true,
                 whole: { s in
                     guard let o = s.orgPages.partner else { return ["(no partner view)"] }
                     return [PartnerMessage.caseCount(o.cases.count, municipalities: o.municipalityCount).text(s.lang)]
                 }),
            Walk(name: "calendar", reach: { p in p.send(keys("c")); p.settle() }, whole: { s in [Label.calendarTitle.text(s.lang)] }),
            Walk(name: "dashboard", reach: { p in p.send(keys("d")); p.settle() }, whole: { s in [Label.dashboardTitle.text(s.lang)] }),
            Walk(name: "joint procurement", reach: { p in p.send(keys("J")); p.settle() }, whole: { s in [Label.jointTitle.text(s.lang)] }),
            Walk(name: "concurrent edits", reach: { $0.send(.conflictsLoaded(conflicts)) }, whole: { s in
                ["\(SyncLabel.conflictsTitle.text(s.lang)) — \(Message.rowCount(conflicts.count).text(s.lang))", counts(s)]
            }),
            Walk(name: "import preview", reach: { p in
                p.send(keys(":取り込み") + [.key(.enter)] + keys("案件一覧") + [.key(.enter)]); p.settle()
                p.send(.key(.enter)); p.settle()
            }, whole: { s in [TransferLabel.importPreviewTitle.text(s.lang), counts(s)] }),
        ]
        return out
    }

    /// The list's counts as the title bar says them (list, board, and under a dialog).
    static func counts(_ s: AppState) -> String {
        let c = s.counts
        return Message.listCounts(view: s.views[s.viewIndex].name, shown: c.shown, total: c.total, active: c.active, ended: c.ended, damaged: c.damaged).text(s.lang)
    }

    /// Each group's heading with its count, the snoozed section's, every item's status.
    static func overdueTexts(_ s: AppState, snoozed: Bool = false) -> [String] {
        guard case .overdue(let review, _)? = s.modal else { return ["(no overdue review)"] }
        if snoozed {
            return review.snoozed.isEmpty ? ["(nothing snoozed)"] : ["\(Label.snoozedSection.text(s.lang)) \(Message.rowCount(review.snoozed.count).text(s.lang))"]
        }
        return review.groups.map { "\($0.title(s.lang)) \(Message.rowCount($0.count).text(s.lang))" } + review.allItems.map { $0.statusText(s.lang) }
    }

    @Test(arguments: [Lang.ja, .en])
    func nothingAPersonReadsIsCut(_ lang: Lang) throws {
        let ws = try ImportDialogRuntimeTests.workspace(with: "cases.xlsx", as: "案件一覧.xlsx")
        defer { ws.remove() }
        // A damaged file: the title bar then has all its counts (破損 1 was the one cut).
        try Data("{ \"id\": \"broken\",".utf8).write(to: ws.root.appendingPathComponent("cases/broken.json"))
        for walk in Self.walks {
            let program = Program.open(ws.environment, settings: Settings(lang: lang), width: 200, height: Self.height)
            program.settle()
            walk.reach(program)
            var problems: [String] = []
            for width in Self.widths {
                program.send(.resize(width: width, height: Self.height))
                problems += Self.cuts(in: program.screen, program.state, walk).map { "\(lang) \(walk.name) at \(width): \($0)" }
                if problems.count > 6 { break }
            }
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    /// What is cut on this screen: a title bar, a column header row or a dialog title with "…",
    /// a text that must be whole and is not.
    static func cuts(in screen: Screen, _ state: AppState, _ walk: Walk) -> [String] {
        let rows = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        let title = rows.first ?? ""
        if !walk.titleHasFreeText, title.contains("…") { out.append("title bar cut: \(title)") }
        let date = DisplayFormat.day(state.today, wareki: false)
        if !title.contains(date) { out.append("title bar lost the date: \(title)") }
        if state.modal == nil, state.page == .list || state.page == .board, rows.count > 1 {
            if rows[1].contains("…") { out.append("column header cut: \(rows[1])") }
            if state.page == .list {
                let sorted = state.sort
                let arrow = state.descending ? "↓" : "↑"
                if !rows[1].contains(sorted.label.text(state.lang) + arrow) && !shortHeaders(sorted, state.lang).contains(where: { rows[1].contains($0 + arrow) }) {
                    out.append("sorted column's header cut: \(rows[1])")
                }
            }
        }
        // A dialog's title sits in its top border.
        if let top = rows.dropFirst().first(where: { $0.contains("┌") }), top.contains("…") { out.append("dialog title cut: \(top)") }
        for text in walk.whole(state) where !rows.contains(where: { $0.contains(text) }) {
            out.append("'\(text)' is not whole on screen")
        }
        return out
    }

    /// The short headers a narrow column may show instead of the full one.
    static func shortHeaders(_ column: SortColumn, _ lang: Lang) -> [String] { [column.shortLabel.text(lang)] }
}
