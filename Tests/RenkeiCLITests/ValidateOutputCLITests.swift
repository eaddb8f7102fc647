import Foundation
import Testing

/// `renkei validate`'s own output, read as a person reads it: one line per problem naming the
/// file (and field) and what is wrong, the unresolved municipalities as a notice section that
/// says how to link them, and the exit code (1 with problems, 0 with notices only).
@Suite struct ValidateOutputCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    func write(_ text: String, _ rel: String, in ws: URL) throws {
        let url = ws.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A workspace with one broken file of each kind validate reads for issue 16, and a case in
    /// a body no table lists.
    func brokenWorkspace() throws -> URL {
        let ws = try CLI.tempWorkspace(sample: true)
        #expect(try CLI.run(["municipality", "resolve"], env: ["RENKEI_WORKSPACE": ws.path]).status == 0)
        #expect(try CLI.run(["new", "--id", "torino-x", "--title", "見守り ※① ｶﾞｲﾄﾞ 🏥", "--municipality", "トリノ市（イタリア）"],
                            workspace: ws).status == 0)
        // A programme cut off mid-edit, and one whose rate is not a percentage.
        try write("{\"schemaVersion\": 1, \"id\": \"県独自", "programmes/県補助金①.json", in: ws)
        let shipped = try String(contentsOf: CLI.dataDir.appendingPathComponent("funding/dai2-koufukin.json"), encoding: .utf8)
        try write(shipped.replacingOccurrences(of: "\"id\": \"dai2-koufukin\"", with: "\"id\": \"令和8年度-独自\"")
                         .replacingOccurrences(of: "\"ratePercent\": 50", with: "\"ratePercent\": 150"),
                  "programmes/独自交付金.json", in: ws)
        // A funding window whose closing day is not a day.
        try write("""
            {"id": "saitama-r8", "name": "埼玉県 スタートアップ実証補助金（令和８年度）", "kind": "subsidy", "closes": "令和8年13月40日"}
            """, "funding/埼玉県.json", in: ws)
        return ws
    }

    @Test func brokenProgrammeAndFundingFilesAreOneLineEachAndExitOne() throws {
        let ws = try brokenWorkspace()
        let r = try CLI.run(["validate"], workspace: ws, env: ja)
        #expect(r.status == 1, "problems exit 1: \(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func line(_ file: String) -> [String] { lines.filter { $0.contains(file) } }
        // Each broken file: exactly one line, naming the file.
        let cut = line("programmes/県補助金①.json")
        // Where the file breaks off (not Foundation's bare "not valid JSON").
        // In Japanese under ja (issue 14: these lines were English).
        #expect(cut.count == 1 && cut[0].contains("1行") && !cut[0].contains("The given data"), "\(lines)")
        let rate = line("programmes/独自交付金.json")
        #expect(rate.count == 1 && rate[0].contains("ratePercent 150") && rate[0].contains("1〜100"), "\(rate)")
        let window = line("funding/埼玉県.json")
        #expect(window.count == 1 && window[0].contains("closes"), "\(window)")
        // No success line when something is wrong.
        #expect(!r.stdout.contains("問題なし"))
    }

    @Test func unresolvedMunicipalitiesAreANoticeThatSaysHowToLinkThem() throws {
        let ws = try brokenWorkspace()
        let r = try CLI.run(["validate"], workspace: ws, env: ja)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let head = try #require(lines.firstIndex { $0.hasPrefix("コード未確定の自治体 (1)") }, "\(lines)")
        #expect(lines[head].contains("renkei municipality resolve"))
        #expect(lines[head + 1] == "  torino-x: 「トリノ市（イタリア）」は団体コード表にありません（自由記述のまま）— 正しい名前なら renkei set torino-x municipality.code コード",
                "\(lines[head + 1])")

        // The same facts as JSON: problems name the files; the notice is separate.
        let j = try #require(try CLI.json(try CLI.run(["validate", "--json"], workspace: ws)) as? [String: Any])
        let problems = j["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains("programmes/独自交付金.json") && $0.contains("ratePercent 150") }, "\(problems)")
        #expect(problems.contains { $0.contains("funding/埼玉県.json") })
        #expect((j["unresolvedMunicipalities"] as? [String])?.count == 1)

        // Fixing the files leaves only the notice: exit 0, the success line, the notice still there.
        for f in ["programmes/県補助金①.json", "programmes/独自交付金.json", "funding/埼玉県.json"] {
            try FileManager.default.removeItem(at: ws.appendingPathComponent(f))
        }
        let ok = try CLI.run(["validate"], workspace: ws, env: ja)
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("問題なし: 案件 18 件") && ok.stdout.contains("コード未確定の自治体 (1)"), "\(ok.stdout)")
    }
}
