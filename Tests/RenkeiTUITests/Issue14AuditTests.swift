import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// The rest of issue 14's audit, pinned: the sort column stays on screen at 80 columns, no
/// dialog lets the list bleed through at any size, and the new-case form warns about a target
/// year whose budget request deadline has passed.
@Suite struct Issue14AuditTests {
    static let k = TUIFixtures.keys

    @Test(arguments: [SortColumn.id, .partners, .exit, .days, .deadline])
    func theSortColumnIsAlwaysOnScreen(_ column: SortColumn) {
        for width in [40, 60, 80, 100] {
            var state = TUIFixtures.state(.ja, width: width, height: 24)
            state.sort = column
            let header = String(Harness(state).screen().text.split(separator: "\n")[1])
            #expect(state.listLayout.cols.contains { $0.column == column })
            // Narrower than 80, a short header (期限 for 次の期限) may stand in for the full one.
            #expect(header.contains("↑") && [column.label, column.shortLabel].contains { header.contains(String($0.text(.ja).prefix(1))) }, "\(column) at \(width): \(header)")
            if width >= 80 { #expect(header.contains(column.label.text(.ja) + "↑"), "\(column) at \(width): \(header)") }
        }
    }

    /// The dialog's rectangle is drawn the same whatever is under it: the same modal over the
    /// full list and over an empty screen gives the same cells inside its border.
    @Test func nothingBleedsThroughDialogs() {
        let openers: [(String, [Msg])] = [("palette", Self.k(":")), ("help", Self.k("?")), ("overdue", Self.k("o")),
                                          ("new-case", Self.k("n") + Self.k("※①ｶﾀｶﾅ👨‍👩‍👧 とても長い件名が続きます")),
                                          ("export", Self.k("x")),
                                          ("records", GoldenScreenTests.open("toyonaka") + Self.k("e") + [.key(.enter)]),
                                          ("record-form", GoldenScreenTests.open("toyonaka") + Self.k(":KPI") + [.key(.enter)] + Self.k("G") + [.key(.enter)]),
                                          ("delete", GoldenScreenTests.open("x-overlong") + Self.k(":削除") + [.key(.enter)]),
                                          ("edit-long", GoldenScreenTests.open("x-overlong") + Self.k("e") + Array(repeating: .key(.down), count: 5) + [.key(.enter)])]
        for (name, msgs) in openers {
            for (w, h) in [(20, 8), (33, 11), (41, 13), (57, 17), (80, 24), (101, 31), (133, 45)] {
                var full = Harness(TUIFixtures.state(.ja, width: w, height: h))
                full.send(msgs)
                guard let modal = full.state.modal else { continue }
                var emptyState = AppState(settings: Settings(lang: .ja), catalog: TUIFixtures.catalog, today: TUIFixtures.today, width: w, height: h)
                emptyState = update(emptyState, .loaded(PortfolioData(summaries: []), external: false)).0
                emptyState.modal = modal
                emptyState.insight = full.state.insight
                let a = full.screen(), b = Harness(emptyState).screen()
                guard let box = Self.dialogRect(a) else { continue }
                for y in box.y..<box.maxY {
                    for x in box.x..<box.maxX where a[x, y] != b[x, y] {
                        Issue.record("\(name) \(w)×\(h): cell (\(x),\(y)) '\(a[x, y].grapheme)' differs from '\(b[x, y].grapheme)' over an empty screen")
                        return
                    }
                }
            }
        }
    }

    /// The list header's counts follow the filter: shown/total, and 進行中/終了 of what is shown.
    @Test func theHeaderCountsFollowTheFilter() {
        for lang in Lang.allCases {
            var h = Harness(TUIFixtures.state(lang, width: 120, height: 30))
            let all = h.state.counts
            h.send(Self.k("/") + Self.k("狭山") + [.key(.enter)])
            let c = h.state.counts
            #expect(c.total == all.total && c.shown == 2 && c.active + c.ended == c.shown, "\(c)")
            #expect(all.active > c.active || all.ended > c.ended)
            let header = String(h.screen().text.split(separator: "\n")[0])
            #expect(header.contains("2/\(all.total)"), "\(header)")
            #expect(header.contains(Message.listCounts(view: h.state.views[h.state.viewIndex].name, shown: 2, total: all.total,
                                                       active: c.active, ended: c.ended, damaged: c.damaged).text(lang)), "\(header)")
        }
    }

    /// The box drawn by `Screen.dialog`: its top-left corner and the matching corners.
    static func dialogRect(_ s: Screen) -> Rect? {
        for y in 0..<s.height { for x in 0..<s.width where s[x, y].grapheme == "┌" {
            var x2 = x + 1
            while x2 < s.width, s[x2, y].grapheme != "┐" { x2 += 1 }
            var y2 = y + 1
            while y2 < s.height, s[x, y2].grapheme != "└" { y2 += 1 }
            guard x2 < s.width, y2 < s.height else { return nil }
            return Rect(x: x, y: y, width: x2 - x + 1, height: y2 - y + 1)
        } }
        return nil
    }

    @Test func aLateTargetYearIsWarnedInTheNewCaseForm() {
        var h = Harness(TUIFixtures.state(.ja, width: 100, height: 30))
        h.send(Self.k("n") + Self.k("見守りの実証") + [.key(.tab)] + Self.k("狭山市") + [.key(.tab), .key(.tab), .key(.tab)] + Self.k("2026"))
        guard case .form(let f)? = h.state.modal, let fy = f.fields.first(where: { $0.key == "fiscalYear" }) else {
            Issue.record("no new-case form"); return
        }
        let warning = fy.warning ?? ""
        #expect(warning.contains("2026年度") && warning.contains("最も早い道"), "warning: \(warning)")
        #expect(h.screen().text.contains("※"), "the warning is on screen")
        Golden.check(h.screen(), "new-case-late-year-100x30")
        // A reachable year: no warning; and the warning never blocks creating the case.
        h.send([.key(.backspace)] + Self.k("8"))
        if case .form(let g)? = h.state.modal { #expect(g.fields.first { $0.key == "fiscalYear" }?.warning == nil) }
        h.send([.key(.backspace)] + Self.k("6") + [.key(.ctrl("s"))])
        #expect(h.state.modal == nil)
    }
}
