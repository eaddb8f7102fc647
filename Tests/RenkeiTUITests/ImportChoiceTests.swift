import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// The import dialog's choices beyond the columns (issue 13): another sheet of a workbook (`s`),
/// another encoding for a CSV (`e`) — both read again on a worker, the adjustments on screen
/// kept — pure, with goldens in ja and en. The runtime side is in RenkeiAppTests.
@Suite struct ImportChoiceTests {
    static let k = TUIFixtures.keys

    /// A workbook with three sheets, read from the first.
    static let workbook = ImportFileInfo(
        path: "import/案件一覧.xlsx", file: "案件一覧.xlsx", encoding: "xlsx", sheet: "令和8年度", rows: 3,
        columns: [ImportColumn(name: "ID", target: "id", sample: "SY-001"),
                  ImportColumn(name: "件名", target: "title", sample: "環境行動促進アプリ（狭山市）"),
                  ImportColumn(name: "自治体", target: "municipality.name", sample: "狭山市"),
                  ImportColumn(name: "状況", target: "stage", sample: "調整中"),
                  ImportColumn(name: "備考", target: "note", sample: "※第①期")],
        key: "ID", origin: .guessed, sheets: ["令和8年度", "令和7年度", "メモ"])

    /// The second sheet as the runtime answers it: the same columns but one, guessed afresh.
    static let secondSheet = ImportFileInfo(
        path: "import/案件一覧.xlsx", file: "案件一覧.xlsx", encoding: "xlsx", sheet: "令和7年度", rows: 12,
        columns: [ImportColumn(name: "ID", target: "id", sample: "SY-101"),
                  ImportColumn(name: "件名", target: "title", sample: "子育て相談ﾁｬｯﾄ"),
                  ImportColumn(name: "自治体", target: "municipality.name", sample: "所沢市"),
                  ImportColumn(name: "備考", target: "note", sample: "髙橋さん担当")],
        key: "ID", origin: .guessed, sheets: ["令和8年度", "令和7年度", "メモ"])

    /// A CSV detected as UTF-8 (its half-width kana pairs happen to be valid UTF-8).
    static let csv = ImportFileInfo(
        path: "メモ①.csv", file: "メモ①.csv", encoding: "UTF-8", rows: 2,
        columns: [ImportColumn(name: "title", target: "title", sample: "窓口案内"),
                  ImportColumn(name: "city", target: "municipality.name", sample: "川越市"),
                  ImportColumn(name: "memo", target: "note", sample: "ý")],
        key: nil, origin: .guessed, encodingId: "utf-8")

    static func opened(_ info: ImportFileInfo) -> [Msg] {
        k(":取り込み") + [.key(.enter), .transfer(.importFiles([info.path])), .key(.enter), .transfer(.importRead(info))]
    }

    static func dialog(_ h: Harness) -> ImportDialog? {
        if case .importFile(let d) = h.state.modal { return d }
        return nil
    }

    typealias Scenario = GoldenScreenTests.Scenario

    static let scenarios: [Scenario] = [
        Scenario(name: "import-sheets", msgs: { opened(workbook) + k("jjj") }),
        Scenario(name: "import-sheets-en", lang: .en, msgs: { opened(workbook) + k("jjj") }),
        Scenario(name: "import-sheet-reading", msgs: { opened(workbook) + k("s") }),
        Scenario(name: "import-encoding-chosen", msgs: { opened(csv) + k("e") + [.transfer(.importRead(chosenCP932))] }),
        Scenario(name: "import-encoding-chosen-en", lang: .en, msgs: { opened(csv) + k("e") + [.transfer(.importRead(chosenCP932))] }),
    ]

    static var chosenCP932: ImportFileInfo {
        var i = csv
        i.encoding = "CP932 (Shift_JIS)"; i.encodingId = "cp932"; i.encodingForced = true
        i.columns[2].sample = "ﾃｽ"
        return i
    }

    @Test(arguments: scenarios)
    func golden(_ sc: Scenario) { GoldenScreenTests.replay(sc) }

    @Test func sKeyReadsTheNextSheetAndKeepsTheAdjustments() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.opened(Self.workbook))
        #expect(h.screen().text.contains("xlsx シート「令和8年度」（3 シート中 1 枚目）"))
        // An adjustment first: 備考 (the fifth column) is skipped.
        h.send(Self.k("jjjj "))
        h.send(Self.k("s"))
        #expect(h.effects.last == .transfer(.readImport(ImportRequest(path: "import/案件一覧.xlsx", sheet: "令和7年度"))))
        #expect(Self.dialog(h)?.busy == true)
        // While it reads, a second s asks nothing more; the mapping stays on screen.
        let count = h.effects.count
        h.send(Self.k("s"))
        #expect(h.effects.count == count)
        #expect(h.screen().text.contains("読み込んでいます…") && h.screen().text.contains("環境行動促進アプリ"))
        h.send(.transfer(.importRead(Self.secondSheet)))
        let d = Self.dialog(h)
        #expect(d?.step == .mapping && d?.busy == false && d?.info?.sheet == "令和7年度")
        #expect(d?.info?.columns.map(\.target) == ["id", "title", "municipality.name", "ignore"], "備考 stays skipped")
        #expect(d?.focus == 3, "the focus is kept within the new columns")
        #expect(d?.request?.sheet == "令和7年度")
        #expect(h.screen().text.contains("（3 シート中 2 枚目）"))
        // Enter plans the sheet on screen; s wraps from the last sheet to the first.
        h.send(.key(.enter))
        #expect(h.effects.last == .transfer(.planImport(d!.request!)))
        h.send(.key(.esc))
        h.send(Self.k("s"))
        #expect(h.effects.last == .transfer(.readImport(ImportRequest(path: "import/案件一覧.xlsx", sheet: "メモ"))))
        var third = Self.secondSheet
        third.sheet = "メモ"
        h.send(.transfer(.importRead(third)))
        h.send(Self.k("s"))
        #expect(h.effects.last == .transfer(.readImport(ImportRequest(path: "import/案件一覧.xlsx", sheet: "令和8年度"))))
    }

    @Test func sAndEDoNothingWhereThereIsNoChoice() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        var single = Self.workbook
        single.sheets = ["令和8年度"]
        h.send(Self.opened(single))
        let count = h.effects.count
        h.send(Self.k("se"))
        #expect(h.effects.count == count && Self.dialog(h)?.busy == false)
        #expect(!h.screen().text.contains("s 次のシート") && !h.screen().text.contains("e 文字コード"))
        #expect(!h.screen().text.contains("シート中"))
    }

    @Test func eKeyReadsInTheOtherEncodingAndAFailureKeepsTheMapping() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.opened(Self.csv))
        #expect(h.screen().text.contains("UTF-8（自動判定）") && h.screen().text.contains("e 文字コード"))
        h.send(Self.k("e"))
        let asked = ImportRequest(path: "メモ①.csv", encoding: "cp932")
        #expect(h.effects.last == .transfer(.readImport(asked)))
        h.send(.transfer(.importRead(Self.chosenCP932)))
        let d = Self.dialog(h)
        #expect(d?.info?.columns[2].sample == "ﾃｽ" && d?.request?.encoding == "cp932")
        #expect(h.screen().text.contains("CP932 (Shift_JIS)（指定）"))
        // Back to UTF-8; the runtime cannot read it so: one line, the mapping as it was.
        h.send(Self.k("e"))
        #expect(h.effects.last == .transfer(.readImport(ImportRequest(path: "メモ①.csv", encoding: "utf-8"))))
        h.send(.transfer(.importFailed(ImportRequest(path: "メモ①.csv", encoding: "utf-8"), .unknownEncoding(file: "メモ①.csv", forced: "UTF-8"))))
        let failed = Self.dialog(h)
        #expect(failed?.busy == false && failed?.info == Self.chosenCP932 && failed?.step == .mapping)
        #expect(h.screen().text.contains("UTF-8 として読めません"))
    }

    @Test func anAnswerForAnotherFileIsDropped() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.opened(Self.workbook) + Self.k("s"))
        h.send(.transfer(.importRead(Self.csv)))
        #expect(Self.dialog(h)?.info == Self.workbook && Self.dialog(h)?.busy == true)
    }
}
