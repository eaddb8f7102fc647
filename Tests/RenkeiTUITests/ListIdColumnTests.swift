import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// Issue 14: people copy ids from the list, so the id column is never cut — at 120 and 200
/// columns it is there whatever the sort, at 80 when the list is sorted by id (the default);
/// the title is what gives way. The fixtures hold a 45-character id.
@Suite struct ListIdColumnTests {
    @Test(arguments: [80, 120, 200], [SortColumn.id, .title, .stage])
    func everyIdIsWholeWhereverTheIdColumnIsShown(_ width: Int, _ sort: SortColumn) {
        for lang in Lang.allCases {
            var state = TUIFixtures.state(lang, width: width, height: 40)
            state.sort = sort
            let layout = state.listLayout
            let shown = layout.cols.contains { $0.column == .id }
            if width >= 120 || sort == .id { #expect(shown, "\(lang) \(width) sorted by \(sort): no id column") }
            guard shown else { continue }
            let lines = Harness(state).screen().text.split(separator: "\n").map(String.init)
            for s in state.summaries {
                #expect(lines.contains { $0.contains(s.id) }, "\(lang) \(width) sorted by \(sort): '\(s.id)' is cut or missing")
            }
            #expect(layout.cols.reduce(0) { $0 + $1.width + 1 } <= width, "\(lang) \(width): columns wider than the screen")
        }
    }

    /// Where the id would not fit the terminal at all, the title gives down to one column first.
    @Test func aNarrowTerminalCutsTheTitleBeforeTheId() {
        let layout = ListLayout(width: 50, stageWidth: 20, sorted: .id, idWidth: 45)
        let id = layout.cols.first { $0.column == .id }, title = layout.cols.first { $0.column == .title }
        #expect(id?.width == 45, "\(layout.cols.map { ($0.column, $0.width) })")
        #expect((title?.width ?? 0) >= 1)
        #expect(layout.cols.reduce(0) { $0 + $1.width + 1 } <= 50)
    }
}
