import Foundation
import Testing

/// Issue 16 on the command line: finding a body, the migration that links the sample workspace
/// to codes (never guessing between two bodies), validate's list of unresolved names, and
/// `municipality show/list` with the shipped sample profiles.
@Suite struct MunicipalityCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    /// Nested subcommands take the workspace from the environment (`--workspace` belongs to the leaf).
    func run(_ args: [String], _ ws: URL, ja: Bool = false) throws -> CLI.Result {
        try CLI.run(args, env: ["RENKEI_WORKSPACE": ws.path].merging(ja ? self.ja : [:]) { $1 })
    }

    @Test func findOffersSayamaForEveryWayOfTypingIt() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        for typed in ["狭山", "さやま", "ｻﾔﾏ", "sayama"] {
            let r = try run(["municipality", "find", typed, "--json"], ws)
            let rows = try #require(try CLI.json(r) as? [[String: Any]], "\(typed): \(r.stderr)")
            #expect(rows.first?["code"] as? String == "112151" && rows.first?["prefecture"] as? String == "埼玉県", "\(typed)")
        }
        let none = try run(["municipality", "find", "Città"], ws)
        #expect(none.status == 1 && none.stderr.contains("Città"))
    }

    @Test func resolveLinksTheSampleWorkspaceAndNeverGuesses() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        // A case whose name fits two bodies stays unlinked, with both candidates named.
        #expect(try CLI.run(["new", "--id", "fuchu-x", "--title", "府中の案件", "--municipality", "府中市"], workspace: ws).status == 0)
        // Every sample names a real body; a free-text one (an overseas city) stays as written.
        #expect(try CLI.run(["new", "--id", "hikari-x", "--title", "見守り", "--municipality", "トリノ市（イタリア）"], workspace: ws).status == 0)
        let dry = try CLI.json(try run(["municipality", "resolve", "--dry-run", "--json"], ws)) as! [String: Any]
        #expect(dry["linked"] as? Int == 17 && dry["ambiguous"] as? Int == 1 && dry["unresolved"] as? Int == 1)
        let r = try run(["municipality", "resolve"], ws, ja: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sayama-ntt-eco-action: 「狭山市」を 狭山市（埼玉県）［112151］に結び付けました"), "\(r.stdout)")
        #expect(r.stdout.contains("府中市（東京都） 132063") && r.stdout.contains("府中市（広島県） 342084"))
        #expect(r.stdout.contains("hikari-x: 「トリノ市（イタリア）」は団体コード表にありません"))
        let shown = try CLI.json(CLI.run(["show", "sayama-ntt-eco-action", "--json"], workspace: ws)) as! [String: Any]
        let muni = shown["municipality"] as! [String: Any]
        #expect(muni["code"] as? String == "112151" && muni["name"] as? String == "狭山市")
        let fuchu = try CLI.json(CLI.run(["show", "fuchu-x", "--json"], workspace: ws)) as! [String: Any]
        #expect((fuchu["municipality"] as! [String: Any])["code"] == nil)
        // One undoable event per case; a second run links nothing more.
        let again = try CLI.json(try run(["municipality", "resolve", "--json"], ws)) as! [String: Any]
        #expect(again["linked"] as? Int == 0 && again["already"] as? Int == 17)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        let after = try CLI.json(try run(["municipality", "resolve", "--dry-run", "--json"], ws)) as! [String: Any]
        #expect(after["linked"] as? Int == 1, "undo took back exactly one case's link")
    }

    @Test func validateListsUnresolvedNamesAndRejectsWrongCodes() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        #expect(try CLI.run(["new", "--id", "hikari-x", "--title", "見守り", "--municipality", "トリノ市（イタリア）"], workspace: ws).status == 0)
        let v = try CLI.run(["validate", "--json"], workspace: ws)
        #expect(v.status == 0, "unresolved names are notices, not problems: \(v.stdout)")
        let notices = (try CLI.json(v) as! [String: Any])["unresolvedMunicipalities"] as! [String]
        #expect(notices.count == 18)   // 17 resolvable samples (not yet linked) + 1 fictional
        #expect(try run(["municipality", "resolve"], ws).status == 0)
        let v2 = try CLI.json(try CLI.run(["validate", "--json"], workspace: ws)) as! [String: Any]
        #expect((v2["unresolvedMunicipalities"] as! [String]).count == 1)
        // A hand-edited wrong code is a problem naming case and field.
        let file = ws.appendingPathComponent("cases/tamba-sagri-farmland.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"282235\"", with: "\"282236\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["validate"], workspace: ws)
        #expect(bad.status == 1 && bad.stdout.contains("tamba-sagri-farmland: municipality.code '282236'"), "\(bad.stdout)")
        // And `set` refuses one with a wrong check digit.
        let set = try CLI.run(["set", "tamba-sagri-farmland", "municipality.code", "282236"], workspace: ws)
        #expect(set.status != 0 && set.stderr.contains("check digit"), "\(set.stderr)")
    }

    @Test func showAndListUseTheSampleProfiles() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try run(["municipality", "show", "狭山市"], ws, ja: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("狭山市（埼玉県）  112151  市 · 小・中規模（団体区分から）"), "\(r.stdout)")
        #expect(r.stdout.contains("担当窓口: 環境経済部 産業振興課 兼 企業立地推進室 — 岸 学"))
        #expect(r.stdout.contains("庁内体制（実践ガイド p.29–35）: あり 0・一部 1・なし 0・未確認 6"), "\(r.stdout)")
        #expect(r.stdout.contains("sayama-ntt-eco-action") && r.stdout.contains("sayama-saitama-robot-field"))
        let j = try CLI.json(try run(["municipality", "show", "sayama", "--json"], ws)) as! [String: Any]
        #expect(j["code"] as? String == "112151" && (j["cases"] as! [Any]).count == 2)
        #expect((j["readiness"] as! [[String: Any]]).contains { $0["id"] as? String == "rd-agile-structure" && $0["status"] as? String == "partial" })
        // Ambiguous input: usage error naming both bodies; exit 2.
        let fuchu = try run(["municipality", "show", "府中市"], ws)
        #expect(fuchu.status == 2 && fuchu.stderr.contains("132063") && fuchu.stderr.contains("342084"))
        #expect(try run(["municipality", "show", "府中市（東京都）"], ws).status == 0)

        let list = try CLI.json(try run(["municipality", "list", "--readiness", "--json"], ws)) as! [String: Any]
        let rows = list["municipalities"] as! [[String: Any]]
        #expect(rows.count == 15)
        let aichi = try #require(rows.first { $0["code"] as? String == "230006" })
        #expect(aichi["kind"] as? String == "prefecture" && aichi["size"] as? String == "urban")
        #expect((aichi["readiness"] as? [String: Int])?["yes"] == 2)
        #expect((list["unresolvedCases"] as! [String]).isEmpty, "every sample case names a real body")
        #expect(rows.first { $0["code"] as? String == "272035" }?["kind"] as? String == "core-city")
    }

    /// Table heads are never cut (the code column said 「地方…」): in both languages every head
    /// of `municipality list --readiness` and `partner list` is whole.
    @Test func tableHeadsAreWhole() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        for lang in ["ja_JP.UTF-8", "C.UTF-8"] {
            for args in [["municipality", "list", "--readiness"], ["partner", "list"]] {
                let r = try CLI.run(args, env: ["RENKEI_WORKSPACE": ws.path, "LANG": lang])
                let head = String(r.stdout.split(separator: "\n").first ?? "")
                #expect(r.status == 0 && !head.isEmpty && !head.contains("…"), "\(args) \(lang): \(head)")
            }
        }
        let ja = try CLI.run(["municipality", "list"], env: ["RENKEI_WORKSPACE": ws.path, "LANG": "ja_JP.UTF-8"])
        #expect(ja.stdout.hasPrefix("団体コード  自治体"), "\(ja.stdout.prefix(80))")
    }

    /// The size class: derived from the kind of body (狭山市, a 市 → 小・中規模, said to come from
    /// the kind), overridden by the profile's `size` in show (text and JSON) and list.
    @Test func sizeClassDefaultsFromTheKindAndTheProfileOverridesIt() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        func show() throws -> [String: Any] { try CLI.json(try run(["municipality", "show", "狭山市", "--json"], ws)) as! [String: Any] }
        func listed() throws -> String? {
            let list = try CLI.json(try run(["municipality", "list", "--json"], ws)) as! [String: Any]
            return (list["municipalities"] as! [[String: Any]]).first { $0["code"] as? String == "112151" }?["size"] as? String
        }
        var j = try show()
        #expect(j["size"] as? String == "small-medium" && j["sizeFromProfile"] as? Bool == false, "\(j)")
        #expect(try listed() == "small-medium")
        #expect(try run(["municipality", "show", "狭山市"], ws, ja: true).stdout.contains("小・中規模（団体区分から）"))

        let file = ws.appendingPathComponent("municipalities/112151.json")
        var profile = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        profile["size"] = "urban"
        try JSONSerialization.data(withJSONObject: profile).write(to: file)
        j = try show()
        #expect(j["size"] as? String == "urban" && j["sizeFromProfile"] as? Bool == true, "\(j)")
        #expect(try listed() == "urban")
        let text = try run(["municipality", "show", "狭山市"], ws, ja: true).stdout
        #expect(text.contains("都市部") && !text.contains("団体区分から"), "\(text)")
    }
}

/// `list --municipality` and `ical --municipality` match by the code the index carries: every way
/// of naming 狭山市 finds the same cases, including one whose free text is written otherwise but
/// that a person linked to 112151; an ambiguous name asks; free text finds itself.
@Suite struct MunicipalityFilterCLITests {
    func ids(_ args: [String], _ ws: URL) throws -> [String] {
        let r = try CLI.run(["list", "--json"] + args, workspace: ws)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return ((try CLI.json(r) as? [String: Any])?["cases"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func listByMunicipalityMatchesTheCode() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        #expect(try CLI.run(["municipality", "resolve"], env: ["RENKEI_WORKSPACE": ws.path]).status == 0)
        #expect(try CLI.run(["new", "--id", "sayama-free", "--title", "見守り①", "--municipality", "埼玉県狭山市役所 産業振興課"], workspace: ws).status == 0)
        #expect(try CLI.run(["set", "sayama-free", "municipality.code", "112151"], workspace: ws).status == 0)
        #expect(try CLI.run(["new", "--id", "torino-x", "--title", "㈱髙橋と実証", "--municipality", "トリノ市（イタリア）"], workspace: ws).status == 0)
        let expected = ["sayama-free", "sayama-ntt-eco-action", "sayama-saitama-robot-field"]
        for typed in ["狭山市", "さやま", "ｻﾔﾏ", "sayama", "112151", "１１２１５１"] {
            #expect(try ids(["--municipality", typed], ws).sorted() == expected, "\(typed)")
        }
        // The quick path and ArgumentParser's agree.
        let slow = try CLI.run(["list", "--json", "--municipality", "sayama"], workspace: ws, env: ["RENKEI_NO_QUICK": "1"])
        #expect(((try CLI.json(slow) as? [String: Any])?["cases"] as? [[String: Any]])?.count == 3)
        #expect(try ids(["--municipality", "トリノ市（イタリア）"], ws) == ["torino-x"])
        let fuchu = try CLI.run(["list", "--municipality", "府中市"], workspace: ws)
        #expect(fuchu.status == 2 && fuchu.stderr.contains("132063") && fuchu.stderr.contains("342084"), "\(fuchu.stderr)")
        let none = try CLI.run(["list", "--municipality", "存在しない村"], workspace: ws)
        #expect(none.status == 2 && none.stderr.contains("存在しない村"), "\(none.stderr)")
        #expect(try CLI.run(["list", "--count", "--municipality", "112151"], workspace: ws).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }

}
