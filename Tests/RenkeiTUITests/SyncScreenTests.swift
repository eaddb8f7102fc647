import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// A shared workspace in the workbench (issue 12): the header's sync states and the review
/// list of concurrent edits, as golden screens in both languages. The state arrives as the
/// runtime's messages (`.syncStatusLoaded`, `.conflictsLoaded`) — the real runtime is tested on
/// temp git repositories in RenkeiAppTests.
@Suite struct SyncScreenTests {
    static let k = TUIFixtures.keys
    static func at(_ s: String) -> Timestamp { Timestamp(s)! }

    static let edits: [ConcurrentEditRow] = [
        ConcurrentEditRow(caseId: "aichi-station-ai-drone", caseTitle: "駅前AIドローン ①実証",
                          edit: ConcurrentEdit(id: "ce-1", unit: "title", field: "title", kept: .string("鈴木案 ㈱ミライ"), other: .string("佐藤案 ①ｶﾀｶﾅ"),
                                               keptSide: .init(by: "髙橋", at: at("2026-11-22T11:00:00+09:00"), event: "e2"),
                                               otherSide: .init(by: "佐藤", at: at("2026-11-22T10:00:00+09:00"), event: "e1"), cause: .bothChanged)),
        ConcurrentEditRow(caseId: "x-symbols", caseTitle: "※①─ 記号だらけの件名 🚀",
                          edit: ConcurrentEdit(id: "ce-2", unit: "exit", field: "exit", kept: .string("procurement"), other: .string("co-creation"),
                                               keptSide: .init(by: "職員a", at: at("2026-11-21T09:30:00+09:00"), event: "e3"),
                                               otherSide: .init(by: "職員b", at: at("2026-11-21T09:00:00+09:00"), event: "e4"), cause: .gateKept)),
    ]

    static let shared = SyncStatus(sharing: .shared, up: 2, down: 1, lastSync: at("2026-11-23T10:32:00+09:00"), unseen: ["x-symbols"])

    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        var lang: Lang = .ja
        var msgs: @Sendable () -> [Msg]
        var description: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "sync-not-shared", msgs: { [.syncStatusLoaded(.notShared)] }),
        Scenario(name: "sync-shared", msgs: { [.syncStatusLoaded(shared)] }),
        Scenario(name: "sync-shared-en", lang: .en, msgs: { [.syncStatusLoaded(shared)] }),
        Scenario(name: "sync-offline", msgs: { [.syncStatusLoaded(SyncStatus(sharing: .shared, up: 3, reach: .unreachable))] }),
        Scenario(name: "sync-no-remote-en", lang: .en, msgs: { [.syncStatusLoaded(SyncStatus(sharing: .noRemote, up: 17))] }),
        // The in-memory runtime never answers the sync: the header stays at 「同期中…」.
        Scenario(name: "sync-running", msgs: { [.syncStatusLoaded(shared)] + k("Y") }),
        Scenario(name: "conflicts", msgs: { [.conflictsLoaded(edits)] }),
        Scenario(name: "conflicts-en", lang: .en, msgs: { [.conflictsLoaded(edits)] + k("j") }),
        Scenario(name: "conflicts-none", msgs: { [.conflictsLoaded([])] }),
    ]

    @Test(arguments: scenarios)
    func golden(_ sc: Scenario) {
        for (w, h) in GoldenScreenTests.sizes {
            var harness = Harness(TUIFixtures.state(sc.lang, width: w, height: h))
            harness.send(sc.msgs())
            Golden.check(harness.screen(), "\(sc.name)-\(w)x\(h)")
        }
    }

    @Test func unknownStateShowsNothingAndNotSharedIsSaid() {
        var h = Harness(TUIFixtures.state(.ja, width: 100, height: 24))
        let before = h.screen().text.split(separator: "\n")[0]
        #expect(!before.contains("未共有") && !before.contains("↑"))
        h.send(.syncStatusLoaded(.notShared))
        #expect(h.screen().text.split(separator: "\n")[0].contains("未共有"))
    }

    @Test func keysSyncOnceAndReviewWithOneKey() {
        var h = Harness(TUIFixtures.state(.ja, width: 100, height: 30))
        h.send(.syncStatusLoaded(Self.shared))
        h.effects = []
        h.send(Self.k("Y"))
        #expect(h.effects == [.sync] && h.state.team.syncing)
        h.send(Self.k("Y"))                          // a second press while it runs starts nothing
        #expect(h.effects == [.sync])
        h.send(.syncFinished(SyncOutcome(line: .result(up: 1, down: 2, merged: 1, concurrent: 1), incoming: 2, status: Self.shared)))
        #expect(!h.state.team.syncing)
        #expect(h.effects.suffix(1) == [.reload])
        #expect(h.state.toasts.last?.text == SyncMessage.result(up: 1, down: 2, merged: 1, concurrent: 1).text(.ja))

        // The palette finds it by either language's name.
        for q in ["同期", "sync"] {
            h.send(Self.k(":") + Self.k(q))
            guard case .palette(let input, _) = h.state.modal else { Issue.record("no palette"); return }
            #expect(h.state.paletteMatches(input.text).first == .sync, "\(q)")
            h.send(.key(.esc))
        }
        #expect(h.state.paletteMatches("同時編集").first == .conflicts)

        h.effects = []
        h.send(Self.k("C"))
        #expect(h.effects == [.loadConflicts])
        h.send(.conflictsLoaded(Self.edits))
        h.send(Self.k("j") + Self.k("t"))
        #expect(h.effects.last == .save(caseId: "x-symbols", command: .resolveConcurrentEdit(id: "ce-2", takeOther: true), expect: [:]))
        h.send(Self.k("k") + Self.k("w"))
        #expect(h.effects.last == .save(caseId: "aichi-station-ai-drone", command: .resolveConcurrentEdit(id: "ce-1", takeOther: false), expect: [:]))
        h.send(.key(.enter))
        #expect(h.state.modal == nil && h.state.page == .detail && h.state.detail?.id == "aichi-station-ai-drone")
    }

    /// A municipality profile's concurrent edit in the same list: `t`/`w` review it through the
    /// record review (not a case command), Enter opens the municipality, and the header counts
    /// the edits waiting for review.
    @Test func recordEditsAreReviewedFromTheSameListAndCountedInTheHeader() {
        var h = Harness(TUIFixtures.state(.ja, width: 120, height: 30))
        let record = ConcurrentEditRow(caseId: "municipalities/112151.json", caseTitle: "春日部市",
                                       edit: ConcurrentEdit(id: "r0123456789", unit: "desk.name", field: nil, kept: .string("産業振興課 ㈱連携窓口"),
                                                            other: .string("企画課 ｶﾀｶﾅ窓口"), keptSide: .init(by: nil, at: nil, event: nil),
                                                            otherSide: .init(by: nil, at: nil, event: nil), cause: .bothChanged),
                                       record: "municipalities/112151.json")
        var status = Self.shared
        status.openEdits = 3
        h.send(.syncStatusLoaded(status))
        #expect(h.screen().text.split(separator: "\n")[0].contains(SyncMessage.openEditsCount(3).text(.ja)))
        h.send(Self.k("C"))
        h.send(.conflictsLoaded(Self.edits + [record]))
        #expect(h.screen().text.contains("春日部市") && h.screen().text.contains("企画課 ｶﾀｶﾅ窓口"))
        h.effects = []
        h.send(Self.k("G") + Self.k("t"))
        #expect(h.effects == [.resolveRecordEdit(file: "municipalities/112151.json", id: "r0123456789", takeOther: true)])
        h.send(.recordEditResolved(file: "municipalities/112151.json", label: "resolve r0123456789"))
        #expect(h.effects.suffix(2) == [.loadSyncStatus, .loadConflicts])
        h.send(Self.k("w"))
        #expect(h.effects.last == .resolveRecordEdit(file: "municipalities/112151.json", id: "r0123456789", takeOther: false))
        h.send(.key(.enter))
        #expect(h.effects.last == .openMunicipality(name: "春日部市", prefecture: nil, code: "112151"))
    }

    @Test func openingAnUnseenCaseTakesItsMarkAway() {
        var h = Harness(TUIFixtures.state(.ja, width: 100, height: 30))
        h.send(.syncStatusLoaded(Self.shared))
        let row = h.screen().text.split(separator: "\n").first { $0.contains("記号だらけ") } ?? ""
        #expect(row.hasPrefix("●"), "\(row)")
        h.effects = []
        h.send([.key(.char("/"))] + Self.k("x-symbols") + [.key(.enter), .key(.enter)])
        #expect(h.effects.contains(.markSeen(caseId: "x-symbols")))
        #expect(!h.state.team.isUnseen("x-symbols"))
    }
}
