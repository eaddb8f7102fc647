import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// Issue 14's overdue review details in the workbench: snoozing one item hides that item only
/// (a snoozed budget deadline once hid the case's 停滞 warning too), the snoozed items have
/// their own selectable section where the snooze key lifts the snooze, and the status column
/// is never cut, in either language, at any width from 80 columns.
@Suite struct OverdueSnoozeTests {
    static let k = TUIFixtures.keys

    func review(_ h: Harness) -> (OverdueReview, Int)? {
        if case .overdue(let r, let sel)? = h.state.modal { return (r, sel) }
        return nil
    }

    /// The first case in the review with two or more visible items: the one to snooze and the rest.
    func caseWithSeveralItems(_ r: OverdueReview) -> (index: Int, others: [String])? {
        let items = r.allItems
        for (i, item) in items.enumerated() {
            let others = items.filter { $0.caseId == item.caseId && $0.milestoneId != item.milestoneId }.map(\.milestoneId)
            if !others.isEmpty { return (i, others) }
        }
        return nil
    }

    @Test func snoozingOneItemHidesThatItemOnly() throws {
        var h = Harness(TUIFixtures.state(.ja, width: 120, height: 40))
        h.send(Self.k("o"))
        let (before, _) = try #require(review(h))
        let (index, others) = try #require(caseWithSeveralItems(before), "the fixtures have a case with several overdue items")
        let item = before.allItems[index]
        h.send(Array(repeating: .key(.down), count: index) + Self.k("z") + [.key(.tab)] + Self.k("議会日程待ち") + [.key(.ctrl("s"))])
        let (after, _) = try #require(review(h), "the review comes back after the snooze")
        #expect(after.snoozed.map { "\($0.caseId) \($0.milestoneId)" } == ["\(item.caseId) \(item.milestoneId)"])
        let stillShown = after.allItems.filter { $0.caseId == item.caseId }.map(\.milestoneId)
        #expect(Set(stillShown) == Set(others), "\(item.caseId): snoozing \(item.milestoneId) left \(stillShown), expected \(others)")
        #expect(!stillShown.contains(item.milestoneId))
    }

    /// A stale warning survives a snoozed budget request deadline of the same case (the case
    /// issue 14 reported).
    @Test func aSnoozedRequestLeavesTheStaleWarning() throws {
        var h = Harness(TUIFixtures.state(.ja, width: 120, height: 40))
        h.send(Self.k("o"))
        let (before, _) = try #require(review(h))
        let items = before.allItems
        let index = try #require(items.firstIndex { r in r.milestoneId == MilestoneSpec.request && items.contains { $0.caseId == r.caseId && $0.kind == .stale } },
                                 "the fixtures have a case with a request deadline and a stale warning")
        let id = items[index].caseId
        h.send(Array(repeating: .key(.down), count: index) + Self.k("z") + [.key(.tab)] + Self.k("議会日程待ち") + [.key(.ctrl("s"))])
        let (after, _) = try #require(review(h))
        #expect(after.allItems.contains { $0.caseId == id && $0.kind == .stale }, "\(id)'s 停滞 is still listed")
        #expect(after.snoozed.contains { $0.caseId == id && $0.milestoneId == MilestoneSpec.request })
        #expect(h.screen().text.contains("停滞"))
    }

    @Test func theSnoozeKeyOnASnoozedRowLiftsIt() throws {
        var h = Harness(TUIFixtures.state(.ja, width: 120, height: 40))
        h.send(Self.k("o") + Self.k("z") + [.key(.tab)] + Self.k("議会日程待ち") + [.key(.ctrl("s"))])
        let (snoozedReview, _) = try #require(review(h))
        let item = try #require(snoozedReview.snoozed.first)
        h.send(Self.k("G"))
        let (_, sel) = try #require(review(h))
        #expect(sel == snoozedReview.allItems.count, "G reaches the snoozed section")
        let screen = h.screen().text
        #expect(screen.contains("z でスヌーズを解除"), "the selected snoozed row says how to lift it:\n\(screen)")
        h.effects = []
        h.send(Self.k("z"))
        #expect(h.effects.contains(.save(caseId: item.caseId, command: .unsnooze(item: item.milestoneId), expect: [:])))
        #expect(h.effects.contains(.overdue))
        let (after, _) = try #require(review(h))
        #expect(after.snoozed.isEmpty)
        #expect(after.allItems.contains { $0.caseId == item.caseId && $0.milestoneId == item.milestoneId })
        #expect(!h.screen().text.contains("スヌーズ中"))
    }

    /// Statuses like "1102 days overdue" (a case stale for three years) are shown whole, in
    /// both languages, at every width from 80 to 200 columns.
    @Test func statusesAreNeverCut() throws {
        for lang in Lang.allCases {
            var h = Harness(TUIFixtures.state(lang, width: 80, height: 30))
            h.send(Self.k("o"))
            var (r, _) = try #require(review(h))
            r.groups[0].municipalities[0].items[0].daysOverdue = 1102
            h.state.modal = .overdue(review: r, selection: 0)
            for width in 80...200 {
                h.send(.resize(width: width, height: 30))
                let text = h.screen().text
                for item in r.allItems.prefix(6) {
                    let status = item.statusText(lang)
                    #expect(text.contains(status + " "), "\(lang) \(width): \(status) cut:\n\(text)")
                }
            }
        }
    }
}
