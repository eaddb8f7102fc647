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
        Scenario(name: "import-preview-sheet", msgs: { previewedSheet() }),
        Scenario(name: "import-preview-sheet-en", lang: .en, msgs: { previewedSheet() }),
        Scenario(name: "import-preview-encoding", msgs: { previewedEncoding() }),
        Scenario(name: "import-preview-encoding-en", lang: .en, msgs: { previewedEncoding() }),
        Scenario(name: "import-encoding-chosen", msgs: { opened(csv) + k("e") + [.transfer(.importRead(chosenCP932))] }),
        Scenario(name: "import-encoding-chosen-en", lang: .en, msgs: { opened(csv) + k("e") + [.transfer(.importRead(chosenCP932))] }),
    ]

    /// The workbook with 備考 skipped, previewed (Enter), then `s`: read again and planned again.
    static func previewedSheet() -> [Msg] {
        opened(workbook) + k("jjjj ") + [.key(.enter), .transfer(.importPlanned(plan(sheet: "令和8年度", rows: 3)))]
            + k("s") + [.transfer(.importRead(secondSheet)), .transfer(.importPlanned(plan(sheet: "令和7年度", rows: 2)))]
    }

    /// The CSV previewed, then `e`: the same columns read as CP932, planned again.
    static func previewedEncoding() -> [Msg] {
        opened(csv) + [.key(.enter), .transfer(.importPlanned(csvPlan(encoding: nil)))]
            + k("e") + [.transfer(.importRead(chosenCP932)), .transfer(.importPlanned(csvPlan(encoding: "cp932")))]
    }

    /// The dry run the runtime answers for the workbook's request on `sheet` (備考 skipped).
    static func plan(sheet: String, rows: Int) -> ImportPlanPreview {
        var info = sheet == "令和8年度" ? workbook : secondSheet
        info.columns[info.columns.count - 1].target = "ignore"
        var d = ImportDialog()
        d.info = info
        return ImportPlanPreview(request: d.request!, rows: (0..<rows).map {
            ImportRowPreview(row: $0 + 2, action: .create, caseId: "sy-\(sheet == "令和8年度" ? 1 : 101)\($0)", title: "\(sheet)の案件①-\($0 + 1)")
        })
    }

    static func csvPlan(encoding: String?) -> ImportPlanPreview {
        var d = ImportDialog()
        d.info = encoding == nil ? csv : chosenCP932
        return ImportPlanPreview(request: d.request!, rows: [
            ImportRowPreview(row: 2, action: .create, caseId: "madoguchi", title: "窓口案内"),
            ImportRowPreview(row: 3, action: .create, caseId: "kawagoe", title: encoding == nil ? "ý" : "ﾃｽﾄ窓口"),
        ])
    }

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

    /// `s`/`e` on the preview: the file is read again (the old plan leaves the screen), the
    /// adjustments carried to the columns that are still there, and the new file planned at
    /// once; a read that fails says why on the preview and Esc goes back to the mapping as it was.
    @Test func sAndEWorkFromThePreviewAndKeepTheAdjustments() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.opened(Self.workbook) + Self.k("jjjj ") + [.key(.enter)])
        let first = Self.plan(sheet: "令和8年度", rows: 3)
        #expect(h.effects.last == .transfer(.planImport(first.request)))
        h.send(.transfer(.importPlanned(first)))
        #expect(h.screen().text.contains("xlsx シート「令和8年度」（3 シート中 1 枚目）") && h.screen().text.contains("s 次のシート"))
        h.send(Self.k("s"))
        #expect(h.effects.last == .transfer(.readImport(ImportRequest(path: "import/案件一覧.xlsx", sheet: "令和7年度"))))
        #expect(Self.dialog(h)?.plan == nil && Self.dialog(h)?.busy == true && Self.dialog(h)?.step == .preview)
        #expect(!h.screen().text.contains("令和8年度の案件"), "the old sheet's plan is not shown as the new one's")
        let count = h.effects.count
        h.send(Self.k("se"))
        #expect(h.effects.count == count, "nothing more while reading")
        h.send(.transfer(.importRead(Self.secondSheet)))
        let second = Self.plan(sheet: "令和7年度", rows: 2)
        #expect(Self.dialog(h)?.info?.columns.map(\.target) == ["id", "title", "municipality.name", "ignore"], "備考 stays skipped")
        #expect(h.effects.last == .transfer(.planImport(second.request)) && second.request.sheet == "令和7年度")
        #expect(Self.dialog(h)?.step == .preview && Self.dialog(h)?.busy == true)
        // A plan for the old request (late) is dropped; the new one is shown.
        h.send(.transfer(.importPlanned(first)))
        #expect(Self.dialog(h)?.plan == nil)
        h.send(.transfer(.importPlanned(second)))
        #expect(Self.dialog(h)?.plan == second && Self.dialog(h)?.busy == false)
        #expect(h.screen().text.contains("（3 シート中 2 枚目）") && h.screen().text.contains("令和7年度の案件①-2"))
        // Esc: the mapping of the sheet now on screen.
        h.send(.key(.esc))
        #expect(Self.dialog(h)?.step == .mapping && Self.dialog(h)?.info?.sheet == "令和7年度")

        // e on a CSV's preview; the other encoding cannot be read: the preview says so, the
        // mapping is kept, and `e` can be tried again.
        var c = Harness(TUIFixtures.state(width: 100, height: 30))
        c.send(Self.opened(Self.csv) + [.key(.enter), .transfer(.importPlanned(Self.csvPlan(encoding: nil)))])
        #expect(c.screen().text.contains("UTF-8（自動判定）") && c.screen().text.contains("e 文字コード"))
        c.send(Self.k("e"))
        let asked = ImportRequest(path: "メモ①.csv", encoding: "cp932")
        #expect(c.effects.last == .transfer(.readImport(asked)))
        c.send(.transfer(.importFailed(asked, .unknownEncoding(file: "メモ①.csv", forced: "CP932"))))
        #expect(Self.dialog(c)?.busy == false && Self.dialog(c)?.info == Self.csv && Self.dialog(c)?.step == .preview)
        #expect(c.screen().text.contains("CP932 として読めません") && c.screen().text.contains("e 文字コード"), "\(c.screen().text)")
        c.send(.key(.esc))
        #expect(Self.dialog(c)?.step == .mapping && Self.dialog(c)?.info == Self.csv)
        // On a file with no choice (one sheet, no CSV encoding) s and e ask nothing from the preview.
        var one = Harness(TUIFixtures.state(width: 100, height: 30))
        var single = Self.workbook
        single.sheets = ["令和8年度"]
        one.send(Self.opened(single) + [.key(.enter)])
        let asked1 = one.effects.count
        one.send(Self.k("se"))
        #expect(one.effects.count == asked1 && !one.screen().text.contains("s 次のシート"))
    }

    @Test func anAnswerForAnotherFileIsDropped() {
        var h = Harness(TUIFixtures.state(width: 100, height: 30))
        h.send(Self.opened(Self.workbook) + Self.k("s"))
        h.send(.transfer(.importRead(Self.csv)))
        #expect(Self.dialog(h)?.info == Self.workbook && Self.dialog(h)?.busy == true)
    }
}
