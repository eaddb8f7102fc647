import Foundation
import RenkeiTestSupport
import Testing

/// `renkei import` end to end (issue 13) on temp workspaces: dry run writes no case, a mapping
/// adjustment fixes a row, --apply is all or nothing, a re-import updates, undo reverses it all,
/// and renkei's own export comes back as the same cases.
@Suite struct ImportCLITests {
    static let fixtures = Repo.url("Tests/RenkeiImportTests/Fixtures")

    func caseFiles(_ ws: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    func copyFixture(_ name: String, to dir: URL, as newName: String? = nil) throws -> URL {
        let dest = dir.appendingPathComponent(newName ?? name)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: dest)
        return dest
    }

    @Test func dryRunWritesNoCaseAndNamesEveryBadRow() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = try copyFixture("kintone-cp932.csv", to: ws)
        let r = try CLI.run(["import", file.path], workspace: ws)
        #expect(r.status == 1)
        #expect(r.stdout.contains("kintone-cp932.csv: CP932 (Shift_JIS), 8 rows; mapping: kintone preset"))
        #expect(r.stdout.contains("row 2: create kintone-1  環境行動促進アプリ（髙橋案）"))
        #expect(r.stdout.contains("invalid: row 5, column 期限: '2026/13/1'"))
        #expect(r.stdout.contains("invalid: row 6 — at most 14 cells like the header (found 15; the first extra one is column O, no. 15); put a value containing a comma in \"quotes\" or delete the extra cells"))
        #expect(r.stdout.contains("total: 3 create, 0 update, 0 unchanged, 5 invalid — dry run, nothing written"))
        #expect(r.stderr == "renkei: kintone-cp932.csv: 5 invalid row(s); --apply would refuse the file\n")
        #expect(caseFiles(ws).isEmpty)
        // The guessed mapping is written to adjust, with the unknown status left blank to fill in.
        let mapping = ws.appendingPathComponent("import/kintone-cp932.mapping.json")
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: mapping)) as? [String: Any]
        #expect((obj?["values"] as? [String: [String: String]])?["stage"]?["要確認"] == "")

        // --apply refuses the whole file: nothing partial.
        let apply = try CLI.run(["import", file.path, "--apply"], workspace: ws)
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("nothing imported"))
        #expect(caseFiles(ws).isEmpty)
    }

    /// Under a Japanese locale every line of the preview, every row problem and the last error
    /// line are Japanese (issue 13 part 2), with the same one-line shape: file, row, column, value,
    /// what was expected, what to do.
    @Test func previewAndErrorsSpeakJapanese() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = try copyFixture("kintone-cp932.csv", to: ws)
        let ja = ["LANG": "ja_JP.UTF-8"]
        let r = try CLI.run(["import", file.path], workspace: ws, env: ja)
        #expect(r.status == 1)
        #expect(r.stdout.contains("kintone-cp932.csv: CP932 (Shift_JIS)、8 行。対応表: kintone の既定の対応。"))
        #expect(r.stdout.contains("2行目: 新規 kintone-1  環境行動促進アプリ（髙橋案）"))
        #expect(r.stdout.contains("取り込めません: 5行目、列「期限」: 「2026/13/1」 — 日付（2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 など）"))
        #expect(r.stdout.contains("取り込めません: 8行目、列「レコード番号」: 「kintone-1」 — 一度だけ使われるキー。2行目に同じキーがあります"))
        #expect(r.stdout.contains("取り込めません: 6行目 — 見出しと同じ 14 列まで（15 列あります。最初の余分なセルは O列・15列目）。値の中のカンマは \"引用符\" で囲むか、余分なセルを消してください"))
        #expect(r.stdout.contains("合計: 新規 3、更新 0、変更なし 0、取り込めない行 5 — 試しに読んだだけで、何も書き込んでいません"))
        #expect(r.stderr == "renkei: kintone-cp932.csv: 取り込めない行 5 行があります。--apply では取り込まれません\n")
        for line in r.stdout.split(separator: "\n") where !line.hasPrefix("  ") {
            #expect(!line.contains("row ") && !line.contains("expected") && !line.contains("invalid"), "English left: \(line)")
        }
        let bad = try CLI.run(["import", file.path, "--encoding", "euc-jp"], workspace: ws, env: ja)
        #expect(bad.status == 2 && bad.stderr.contains("文字コード「euc-jp」は使えません"), "\(bad.stderr)")
        let missing = try CLI.run(["import", ws.appendingPathComponent("無い.csv").path], workspace: ws, env: ja)
        #expect(missing.status == 1 && missing.stderr.contains("無い.csv: ファイルを読めません（存在しますか？）"), "\(missing.stderr)")
    }

    /// A row cut short (a line break outside quotes splits 「防災\n減災」 in two): the CLI names the
    /// row, the first missing column by header name, letter and number, and what to do — in
    /// both languages; --json keeps the column for scripts.
    @Test func aShortRowNamesItsFirstMissingColumn() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = ws.appendingPathComponent("短い行.csv")
        try Data("件名,自治体,担当課,期限\n防災,所沢市,危機管理課,2026/4/1\n「防災\n減災」,所沢市,危機管理課,R8.5.15\n".utf8).write(to: file)
        let en = try CLI.run(["import", file.path], workspace: ws)
        #expect(en.status == 1)
        #expect(en.stdout.contains("invalid: row 3, column 自治体 — 4 cells like the header (found 1: column B, no. 2, and the ones after it are missing); add the missing cells (commas) or put a value containing a line break in \"quotes\""), "\(en.stdout)")
        let ja = try CLI.run(["import", file.path], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(ja.stdout.contains("取り込めません: 3行目、列「自治体」 — 見出しと同じ 4 列が必要です（1 列しかなく、B列・2列目から後がありません）。足りないセル（カンマ）を足すか、改行を含む値を \"引用符\" で囲んでください"), "\(ja.stdout)")
        let json = try CLI.run(["import", file.path, "--json"], workspace: ws)
        #expect(json.stdout.contains("\"column\" : \"自治体\"") || json.stdout.contains("\"column\":\"自治体\""), "\(json.stdout)")
        #expect(caseFiles(ws).isEmpty)
    }

    /// A workbook whose ID column names a case made in renkei (not by an import): its row cannot
    /// be imported — row, column, id, what to do — the dry run writes nothing and --apply refuses
    /// the file, so the colleague's case is untouched.
    @Test func anIdThatAlreadyExistsIsNotOverwritten() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = ws.appendingPathComponent("一覧①.csv")
        try Data("ID,件名,自治体\nsayama-ntt-eco-action,上書きしたい件名,狭山市\nnew-case-1,新しい案件㈱,所沢市\n".utf8).write(to: file)
        let before = try Data(contentsOf: ws.appendingPathComponent("cases/sayama-ntt-eco-action.json"))
        let en = try CLI.run(["import", file.path], workspace: ws)
        #expect(en.status == 1)
        #expect(en.stdout.contains("invalid: row 2, column ID: 'sayama-ntt-eco-action' — an id for a new case; case 'sayama-ntt-eco-action' already exists and was not made by an import"), "\(en.stdout)")
        #expect(en.stdout.contains("row 3: create new-case-1"))
        let ja = try CLI.run(["import", file.path, "--apply"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(ja.status == 1)
        #expect(ja.stdout.contains("取り込めません: 2行目、列「ID」: 「sayama-ntt-eco-action」 — 新しい案件のID。ID「sayama-ntt-eco-action」の案件はすでにあり、取り込みで作られたものではないため上書きしません。ファイルの ID を変えるか、その列を取り込まないでください"), "\(ja.stdout)")
        #expect(try Data(contentsOf: ws.appendingPathComponent("cases/sayama-ntt-eco-action.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("cases/new-case-1.json").path), "nothing partial")
    }

    /// Where the mapping comes from: `STEM.mapping.json` next to the file wins over the one in
    /// `<workspace>/import/`, and `--mapping MAP` wins over both; the header says which was used.
    @Test func theMappingNextToTheFileAndMappingOptionAreUsed() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let dir = ws.appendingPathComponent("共有①")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("案件㈱.csv")
        try Data("件名,自治体,状況\n見守り,狭山市,先方検討中\n".utf8).write(to: file)
        func mapping(_ stage: String) -> Data {
            Data(#"{"columns": {"件名": "title", "自治体": "municipality.name", "状況": "stage"}, "values": {"stage": {"先方検討中": "\#(stage)"}}}"#.utf8)
        }
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("import"), withIntermediateDirectories: true)
        try mapping("paused").write(to: ws.appendingPathComponent("import/案件㈱.mapping.json"))
        try mapping("coordination").write(to: dir.appendingPathComponent("案件㈱.mapping.json"))
        let other = ws.appendingPathComponent("別の対応表.json")
        try mapping("budgeting").write(to: other)

        let beside = try CLI.run(["import", file.path], workspace: ws)
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(beside.stdout.contains("共有①/案件㈱.mapping.json"), "\(beside.stdout)")
        let explicit = try CLI.run(["import", file.path, "--mapping", other.path, "--apply"], workspace: ws)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(explicit.stdout.contains("別の対応表.json"), "\(explicit.stdout)")
        let id = try #require(caseFiles(ws).first).replacingOccurrences(of: ".json", with: "")
        let shown = try #require(try CLI.json(try CLI.run(["show", id, "--json"], workspace: ws)) as? [String: Any])
        #expect(shown["stage"] as? String == "budgeting", "--mapping's value map was used")
    }

    @Test func adjustMappingApplyReimportAndUndo() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = try copyFixture("kintone-clean-utf8bom.csv", to: ws, as: "kintone.csv")
        let first = try CLI.run(["import", file.path], workspace: ws)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("UTF-8 (BOM), 3 rows"))
        // Adjust the written mapping: 担当課 is not wanted, ステータス 調整中 means method here.
        let mappingURL = ws.appendingPathComponent("import/kintone.mapping.json")
        var mapping = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: mappingURL)) as? [String: Any])
        var columns = try #require(mapping["columns"] as? [String: String])
        columns["担当課"] = "ignore"
        mapping["columns"] = columns
        mapping["values"] = ["stage": ["調整中": "method"]]
        try JSONSerialization.data(withJSONObject: mapping).write(to: mappingURL)

        let applied = try CLI.run(["import", file.path, "--apply", "--json"], workspace: ws)
        #expect(applied.status == 0, "\(applied.stderr)")
        let report = try #require(try CLI.json(applied) as? [String: Any])
        #expect(report["applied"] as? Bool == true)
        #expect((report["created"] as? [String])?.sorted() == ["kintone-1", "kintone-2", "kintone-3"])
        #expect(caseFiles(ws) == ["kintone-1.json", "kintone-2.json", "kintone-3.json"])
        let shown = try CLI.run(["show", "kintone-1", "--json"], workspace: ws)
        let c = try #require(try CLI.json(shown) as? [String: Any])
        #expect(c["stage"] as? String == "method")
        #expect(c["department"] as? String ?? "" == "")
        #expect(((c["events"] as? [[String: Any]])?.first?["reason"] as? String) == "imported from kintone.csv row 2")

        // A second import of the same file changes nothing; an edited cell updates that case only.
        let again = try CLI.run(["import", file.path, "--apply"], workspace: ws)
        #expect(again.stdout.contains("total: 0 create, 0 update, 3 unchanged"))
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "480万円", with: "520万円")
        try Data(text.utf8).write(to: file)
        let update = try CLI.run(["import", file.path, "--apply"], workspace: ws)
        #expect(update.stdout.contains("row 4: update kintone-3  (budget.totalYen)"))
        #expect(update.stdout.contains("total: 0 create, 1 update, 2 unchanged"))
        #expect(caseFiles(ws).count == 3)

        // Undo reverses the last import (the update), then the whole first import at once.
        let undo1 = try CLI.run(["undo"], workspace: ws)
        #expect(undo1.stdout == "undone: import kintone.csv on kintone-3\n")
        let undo2 = try CLI.run(["undo"], workspace: ws)
        #expect(undo2.stdout == "undone: import kintone.csv on 3 cases\n")
        #expect(caseFiles(ws).isEmpty)
    }

    @Test func workbookImportsThroughTheCLI() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = try copyFixture("excel-style.xlsx", to: ws)
        let r = try CLI.run(["import", file.path, "--sheet", "一覧", "--apply"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("xlsx sheet 一覧, 2 rows"))
        #expect(r.stdout.contains("warning: row 2, column 予算額: '4800000' — the cell is a formula"))
        let list = try CLI.run(["list", "--json"], workspace: ws)
        let rows = try #require((try CLI.json(list) as? [String: Any])?["cases"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["title"] as? String }) == ["子育て支援アプリ", "見守りサービス"])
        #expect(Set(rows.compactMap { $0["stage"] as? String }) == ["coordination", "paused"])
    }

    @Test func badFilesAreOneClearLineAndWriteNothing() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        func check(_ name: String, _ bytes: Data, _ expected: String) throws {
            let url = ws.appendingPathComponent(name)
            try bytes.write(to: url)
            let r = try CLI.run(["import", url.path, "--apply"], workspace: ws)
            #expect(r.status == 1, "\(name)")
            #expect(r.stderr.hasPrefix("renkei: \(name): ") && r.stderr.contains(expected), "\(name): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        try check("binary.csv", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]), "not a text file")
        try check("locked.xlsx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 64), "password-protected")
        try check("broken.xlsx", Data("PK\u{3}\u{4}broken".utf8), "not a readable .xlsx")
        try check("latin1.csv", Data([0x83, 0x41, 0x0A, 0xFF, 0xFE, 0x0A]), "neither UTF-8 nor Shift_JIS")
        // A 100 MB export is refused from its size alone (a sparse file: nothing is read).
        let big = ws.appendingPathComponent("huge.csv")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let h = try FileHandle(forWritingTo: big)
        try h.truncate(atOffset: 100 * 1_048_576)
        try h.close()
        let r = try CLI.run(["import", big.path], workspace: ws)
        #expect(r.status == 1 && r.stderr.contains("100 MB is over the import limit"))
        #expect(caseFiles(ws).isEmpty)
    }

    @Test func renkeiExportComesBackAsTheSameCases() throws {
        let source = try CLI.tempWorkspace(sample: true)
        let target = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: target) }
        let csv = target.appendingPathComponent("portfolio.csv")
        let exported = try CLI.run(["export", "--all", "--format", "csv", "-o", csv.path], workspace: source)
        #expect(exported.status == 0, "\(exported.stderr)")
        let imported = try CLI.run(["import", csv.path, "--apply"], workspace: target)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("mapping: renkei preset"))
        func cases(_ ws: URL) throws -> [String: [String: Any]] {
            let rows = try #require((try CLI.json(try CLI.run(["list", "--json"], workspace: ws)) as? [String: Any])?["cases"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
        }
        let before = try cases(source), after = try cases(target)
        #expect(before.keys.sorted() == after.keys.sorted())
        for (id, a) in before {
            let b = try #require(after[id])
            for field in ["title", "municipality", "stage", "exit", "method", "fiscalYear", "totalYen", "partners", "tags", "nextAction", "nextActionDue"] {
                #expect("\(a[field] ?? "nil")" == "\(b[field] ?? "nil")", "\(id).\(field)")
            }
            // 原課, 課題分野 and WHY/HOW/WHAT travel in the CSV too.
            func detail(_ ws: URL) throws -> [String] {
                let c = try #require(try CLI.json(try CLI.run(["show", id, "--json"], workspace: ws)) as? [String: Any])
                let issue = c["issue"] as? [String: String] ?? [:]
                return ["\(c["department"] ?? "")", "\(c["domain"] ?? "")", issue["why"] ?? "", issue["how"] ?? "", issue["what"] ?? ""]
            }
            #expect(try detail(source) == detail(target), "\(id)")
        }
    }

    @Test func cp932ExportReportsWhatItReplaced() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let made = try CLI.run(["new", "--id", "c-emoji", "--title", "見守り😀サービス〜第2期", "--municipality", "髙島市"], workspace: ws)
        #expect(made.status == 0, "\(made.stderr)")
        let out = ws.appendingPathComponent("portfolio-sjis.csv")
        let r = try CLI.run(["export", "--all", "--format", "csv", "--encoding", "cp932", "-o", out.path], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("renkei: warning: row 2, column 件名: '😀' (U+1F600) has no CP932 code; written as 〓"))
        let text = try #require(String(data: try Data(contentsOf: out), encoding: .shiftJIS))
        #expect(text.hasPrefix("ID,件名,自治体,都道府県,原課,課題分野,"))
        #expect(text.contains("見守り〓サービス～第2期,髙島市"))
        let bad = try CLI.run(["export", "c-emoji", "--format", "md", "--encoding", "cp932"], workspace: ws)
        #expect(bad.status == 2)
    }
}
