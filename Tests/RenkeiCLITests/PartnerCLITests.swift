import Foundation
import Testing

/// Partners as records (issue 16): `renkei partner show NAME` brings one partner's cases
/// together across municipalities; `renkei partner ID NAME --kind …` still edits a case's list.
@Suite struct PartnerCLITests {
    func run(_ args: [String], _ ws: URL) throws -> CLI.Result {
        try CLI.run(args, env: ["RENKEI_WORKSPACE": ws.path, "LANG": "ja_JP.UTF-8"])
    }

    @Test func showBringsAPartnersCasesTogether() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        // The same startup on a second case, in another municipality, typed full-width.
        let add = try CLI.run(["partner", "sapporo-snow-power", "株式会社ＴＢＭ", "--kind", "スタートアップ", "--role", "素材提供"], workspace: ws)
        #expect(add.status == 0, "the old form still edits a case's partners: \(add.stderr)")
        let r = try run(["partner", "show", "TBM"], ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("株式会社TBM  スタートアップ"), "\(r.stdout)")
        #expect(r.stdout.contains("担当者: 笹木 隆之（常務執行役員CMO）"))
        #expect(r.stdout.contains("参加している案件 2 件（2 自治体）"), "\(r.stdout)")
        let j = try CLI.json(try run(["partner", "show", "株式会社TBM", "--json"], ws)) as! [String: Any]
        let cases = j["cases"] as! [[String: Any]]
        #expect(cases.map { $0["caseId"] as? String } == ["sapporo-snow-power", "hayama-tbm-agreement"])  // by code: 011002 < 143014
        #expect(cases.first?["role"] as? String == "素材提供" && cases.first?["municipality"] as? String == "札幌市（北海道）")
        // A partner without a record still shows its cases; an unknown one is a usage error.
        let ntt = try CLI.json(try run(["partner", "show", "所沢市", "--json"], ws)) as! [String: Any]
        #expect(ntt["record"] as? Bool == false && (ntt["cases"] as! [Any]).count == 1 && ntt["kind"] as? String == "municipality")
        let none = try run(["partner", "show", "存在しない㈱"], ws)
        #expect(none.status == 2 && none.stderr.contains("存在しない㈱"))
        let list = try CLI.json(try run(["partner", "list", "--json"], ws)) as! [[String: Any]]
        #expect(list.count == 10)   // 9 from the seeds + 福岡市水道局 (a municipal partner's code)
        #expect(list.first { $0["name"] as? String == "株式会社TBM" }?["cases"] as? Int == 2)
    }

    @Test func aBrokenPartnerRecordIsAValidateProblem() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let file = ws.appendingPathComponent("partners/tbm.json")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        obj["corporateNumber"] = "8000012050002"
        try JSONSerialization.data(withJSONObject: obj).write(to: file)
        let v = try CLI.run(["validate"], workspace: ws)
        #expect(v.status == 1 && v.stdout.contains("tbm.json: corporateNumber '8000012050002'"), "\(v.stdout)")
    }

    /// A municipal partner without a record resolves to a code like a case's municipality
    /// (issue 16): 所沢市 → 112089; 府中市 (two bodies) is never guessed — validate lists it and a
    /// partner record with municipalityCode settles it; free text stays listed.
    @Test func municipalPartnersResolveToACode() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let ja = ["LANG": "ja_JP.UTF-8"]
        let j = try CLI.json(try run(["partner", "show", "所沢市", "--json"], ws)) as! [String: Any]
        #expect(j["record"] as? Bool == false && j["municipalityCode"] as? String == "112089" && j["municipalityState"] as? String == "resolved", "\(j)")
        let text = try CLI.run(["partner", "show", "所沢市"], env: ["RENKEI_WORKSPACE": ws.path].merging(ja) { $1 })
        #expect(text.stdout.contains("自治体: 所沢市（埼玉県・112089）"), "\(text.stdout)")
        // A startup has no body.
        let tbm = try CLI.json(try run(["partner", "show", "TBM", "--json"], ws)) as! [String: Any]
        #expect(tbm["municipalityState"] == nil, "\(tbm)")

        #expect(try CLI.run(["partner", "sayama-ntt-eco-action", "府中市", "--kind", "自治体"], workspace: ws).status == 0)
        #expect(try CLI.run(["partner", "sayama-ntt-eco-action", "ｻﾝﾌﾟﾙ連合（架空）", "--kind", "自治体"], workspace: ws).status == 0)
        let fuchu = try CLI.json(try run(["partner", "show", "府中市", "--json"], ws)) as! [String: Any]
        #expect(fuchu["municipalityState"] as? String == "ambiguous" && fuchu["municipalityCode"] == nil, "never guessed: \(fuchu)")
        #expect(Set(fuchu["municipalityCandidates"] as? [String] ?? []) == ["132063", "342084"])
        let v = try CLI.run(["validate"], workspace: ws, env: ja)
        #expect(v.stdout.contains("sayama-ntt-eco-action: 連携先の自治体「府中市」は複数の団体に当たります: 府中市（東京都） 132063、府中市（広島県） 342084"), "\(v.stdout)")
        #expect(v.stdout.contains("sayama-ntt-eco-action: 連携先の自治体「ｻﾝﾌﾟﾙ連合（架空）」は団体コード表にありません"), "\(v.stdout)")
        // 所沢市 resolves: not listed.
        #expect(!v.stdout.contains("「所沢市」"), "\(v.stdout)")
        let vj = try #require(try CLI.json(try CLI.run(["validate", "--json"], workspace: ws)) as? [String: Any])
        #expect((vj["unresolvedMunicipalPartners"] as? [String] ?? []).contains { $0.contains("府中市") })
        #expect(!(vj["unresolvedMunicipalities"] as? [String] ?? []).contains { $0.contains("府中市") }, "the case's own list stays the cases'")
        #expect(v.stdout.contains("コード未確定の連携先自治体 ("), "\(v.stdout)")

        // A record settles the ambiguous one; a wrong code in it is a problem naming the partner.
        let file = ws.appendingPathComponent("partners/fuchu.json")
        try #"{"name": "府中市", "kind": "municipality", "municipalityCode": "132063"}"#.write(to: file, atomically: true, encoding: .utf8)
        let settled = try CLI.json(try run(["partner", "show", "府中市", "--json"], ws)) as! [String: Any]
        #expect(settled["municipalityState"] as? String == "recorded" && settled["municipalityCode"] as? String == "132063")
        #expect(!(try CLI.run(["validate"], workspace: ws, env: ja)).stdout.contains("「府中市」"))
        try #"{"name": "府中市", "kind": "municipality", "municipalityCode": "132064"}"#.write(to: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["validate"], workspace: ws, env: ja)
        #expect(bad.status == 1 && bad.stdout.contains("132064"), "\(bad.stdout)")
    }
}

/// `renkei grant ID` on the sample: 豊中市's 第2世代交付金 case.
@Suite struct GrantCLITests {
    @Test func sampleGrantCase() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try CLI.run(["grant", "toyonaka-cureapp-sotsuen"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("国費（補助率分） 50%: ¥5,250,000") && r.stdout.contains("地方負担分（自治体の予算計上が必要）: ¥5,250,000"), "\(r.stdout)")
        #expect(r.stdout.contains("交付上限額: ¥1,000,000,000 — ソフト事業・市区町村・年度あたり"))
        #expect(r.stdout.contains("2026年度にこの自治体で 1 件（通常の上限 10 件）"))
        #expect(r.stdout.contains("□ KPI設定の適切性 (評価基準)") && r.stdout.contains("TYPE V"))
        let j = try CLI.json(CLI.run(["grant", "hiroshima-joint", "--json"], workspace: ws)) as! [[String: Any]]
        #expect(j.first?["bodyClass"] as? String == "prefecture" && j.first?["capYen"] as? Int == 1_500_000_000)
        let none = try CLI.run(["grant", "sapporo-snow-power"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(none.status == 0 && none.stdout.contains("国の交付金に頼る財源はありません"))
    }

    /// The deck's criteria are a checklist on the case: ticked through the store (undoable),
    /// shown ☑, listed in --json; an id that is no criterion is a usage error naming the ids.
    @Test func criteriaAreTickable() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let ja = ["LANG": "ja_JP.UTF-8"]
        let t = try CLI.run(["grant", "toyonaka-cureapp-sotsuen", "--tick", "dai2-kpi", "--tick", "dai2-autonomy"], workspace: ws, env: ja)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.contains("☑ KPI設定の適切性 (評価基準)") && t.stdout.contains("☑ 自立性") && t.stdout.contains("□ 地域の多様な主体の参画"), "\(t.stdout)")
        let j = try CLI.json(CLI.run(["grant", "toyonaka-cureapp-sotsuen", "--json"], workspace: ws)) as! [[String: Any]]
        #expect(Set(j.first?["ticked"] as? [String] ?? []) == ["dai2-kpi", "dai2-autonomy"])
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        let j2 = try CLI.json(CLI.run(["grant", "toyonaka-cureapp-sotsuen", "--json"], workspace: ws)) as! [[String: Any]]
        #expect(j2.first?["ticked"] as? [String] == ["dai2-kpi"], "undo takes back the last tick only")
        let bad = try CLI.run(["grant", "toyonaka-cureapp-sotsuen", "--tick", "dai2-kpl"], workspace: ws, env: ja)
        #expect(bad.status == 2 && bad.stderr.contains("dai2-kpl") && bad.stderr.contains("dai2-kpi"), "\(bad.stderr)")
    }
}
