import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// `: CSV 書き出し` (issue 13), pure: the palette finds it by the words a coordinator types,
/// the one choice is the encoding, Enter asks the runtime to write, Esc asks nothing; goldens
/// in ja and en. The runtime side is RenkeiAppTests/CSVExportRuntimeTests.
@Suite struct CSVExportTests {
    static let k = TUIFixtures.keys

    static let scenarios: [GoldenScreenTests.Scenario] = [
        .init(name: "csv-export-encoding", msgs: { k(":Shift_JIS") + [.key(.enter)] }),
        .init(name: "csv-export-encoding-en", lang: .en, msgs: { k(":Shift_JIS") + [.key(.enter), .key(.down)] }),
    ]

    @Test(arguments: scenarios)
    func golden(_ sc: GoldenScreenTests.Scenario) { GoldenScreenTests.replay(sc) }

    @Test(arguments: ["CSV", "Excel", "書き出し", "SJIS", "cp932"])
    func thePaletteFindsIt(_ query: String) {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.k(":" + query))
        #expect(h.screen().text.contains("一覧を CSV で書き出す（Excel・Shift_JIS）"), "\(query)")
    }

    @Test func theEncodingIsTheOneChoice() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.k(":Shift_JIS") + [.key(.enter)])
        guard case .picker(let p) = h.state.modal else { Issue.record("no choice"); return }
        #expect(p.purpose == .exportCSV && p.selection == 0)
        let asked = h.effects.count
        h.send(.key(.esc))
        #expect(h.state.modal == nil && h.effects.count == asked)
        h.send(Self.k(":Shift_JIS") + [.key(.enter), .key(.down), .key(.enter)])
        #expect(h.effects.last == .transfer(.exportPortfolioCSV(cp932: true)) && h.state.pending == 1 && h.state.modal == nil)
        h.send(Self.k(":Shift_JIS") + [.key(.enter), .key(.enter)])
        #expect(h.effects.last == .transfer(.exportPortfolioCSV(cp932: false)))
    }
}
