import Foundation
import Testing

/// `renkei show ID` names the case's body with prefecture and code — 狭山市（埼玉県・112151）— and
/// a case not linked yet says 未照合 with the one step that links it (issue 16); `--json` carries
/// the same as `municipalityLink` beside the file's own fields.
@Suite struct ShowMunicipalityCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    func show(_ id: String, _ ws: URL, env: [String: String]) throws -> [String] {
        let r = try CLI.run(["show", id], workspace: ws, env: env)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func link(_ id: String, _ ws: URL) throws -> [String: Any] {
        try #require(try CLI.json(try CLI.run(["show", id, "--json"], workspace: ws)) as? [String: Any])["municipalityLink"] as? [String: Any] ?? [:]
    }

    @Test func linkedCasesShowPrefectureAndCode() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        #expect(try CLI.run(["municipality", "resolve"], env: ["RENKEI_WORKSPACE": ws.path]).status == 0)
        let lines = try show("sayama-ntt-eco-action", ws, env: ja)
        #expect(lines[1].hasPrefix("  自治体: 狭山市（埼玉県・112151）  原課: "), "\(lines[1])")
        #expect(!lines.joined().contains("未照合"))
        let en = try show("sayama-ntt-eco-action", ws, env: ["LANG": "C"])
        #expect(en[1].hasPrefix("  Municipality: 狭山市 (埼玉県, 112151)"), "\(en[1])")
        let j = try link("sayama-ntt-eco-action", ws)
        #expect(j["state"] as? String == "linked" && j["code"] as? String == "112151" && j["prefecture"] as? String == "埼玉県")
        #expect(j["hint"] == nil && (j["display"] as? String)?.contains("112151") == true)
        // The file's own fields are all still there: the key is added beside them.
        let full = try #require(try CLI.json(try CLI.run(["show", "sayama-ntt-eco-action", "--json"], workspace: ws)) as? [String: Any])
        #expect((full["municipality"] as? [String: Any])?["code"] as? String == "112151" && full["title"] != nil)
    }

    @Test func unlinkedCasesSay未照合AndHowInOneLine() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        // Not resolved yet: one body fits, and `resolve` is the step.
        var lines = try show("sayama-ntt-eco-action", ws, env: ja)
        #expect(lines[1].hasPrefix("  自治体: 狭山市（埼玉県）（未照合）"), "\(lines[1])")
        #expect(lines[2] == "    → 未照合 — renkei municipality resolve で 狭山市（埼玉県・112151） に結び付けます", "\(lines[2])")
        #expect(try link("sayama-ntt-eco-action", ws)["state"] as? String == "resolvable")

        // Two bodies of the name: both named, a person chooses.
        #expect(try CLI.run(["new", "--id", "fuchu-x", "--title", "府中の案件 ①", "--municipality", "府中市"], workspace: ws).status == 0)
        lines = try show("fuchu-x", ws, env: ja)
        #expect(lines[1].hasPrefix("  自治体: 府中市（未照合）"), "\(lines[1])")
        #expect(lines[2].contains("府中市（東京都・132063）") && lines[2].contains("府中市（広島県・342084）")
                && lines[2].contains("renkei set fuchu-x municipality.code"), "\(lines[2])")
        let fuchu = try link("fuchu-x", ws)
        #expect(fuchu["state"] as? String == "ambiguous" && (fuchu["candidates"] as? [String])?.count == 2)

        // Free text (an overseas city): kept, and how to link it if it is a body after all.
        #expect(try CLI.run(["new", "--id", "torino-x", "--title", "見守り ｶﾞｲﾄﾞ 🏥", "--municipality", "トリノ市（イタリア）"], workspace: ws).status == 0)
        lines = try show("torino-x", ws, env: ja)
        #expect(lines[1].hasPrefix("  自治体: トリノ市（イタリア）（未照合）"), "\(lines[1])")
        #expect(lines[2].hasPrefix("    → 未照合 — 団体コード表にない名前") && lines[2].contains("renkei set torino-x municipality.code"), "\(lines[2])")
        #expect(lines[3].hasPrefix("  連携先"), "the hint is one line: \(lines[3])")
        #expect(try link("torino-x", ws)["state"] as? String == "unresolved")
    }
}
