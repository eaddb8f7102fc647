import Foundation
import Testing

/// `renkei similar`, `renkei joint` and `renkei funnel`, end to end on temp workspaces
/// (the sample portfolio, an empty workspace, hand-written case files).
@Suite struct InsightCLITests {
    /// Writes a minimal hand-written case file (as a coordinator or a script might).
    func writeCase(_ ws: URL, id: String, municipality: String, domain: String, exit: String = "procurement",
                   fiscalYear: Int, yen: Int, stage: String = "coordination") throws {
        let json = """
        {"schemaVersion": 1, "id": "\(id)", "title": "\(id) 避難所の衛生対策", "municipality": {"name": "\(municipality)"},
         "domain": "\(domain)", "exit": "\(exit)", "method": "joint", "stage": "\(stage)",
         "budget": {"fiscalYear": \(fiscalYear), "items": [{"label": "機器", "yen": \(yen)}]},
         "issue": {"why": "断水時の避難所の衛生環境が悪化する"}}
        """
        try Data(json.utf8).write(to: ws.appendingPathComponent("cases/\(id).json"))
    }

    @Test func similarJSONOnSamplesExplainsAndTeaches() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try CLI.run(["similar", "sayama-ntt-eco-action", "--json", "--limit", "3"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try CLI.json(r) as? [String: Any])
        #expect(obj["compared"] as? Int == 16)
        let matches = try #require(obj["matches"] as? [[String: Any]])
        #expect(matches.count == 3)
        #expect(matches.first?["id"] as? String == "hayama-tbm-agreement")
        let ids = matches.compactMap { $0["id"] as? String }
        #expect(ids.contains("hiroshima-joint-procurement"))   // both 共同調達
        let reasons = try #require(matches.first?["reasons"] as? [[String: Any]])
        #expect(reasons.contains { $0["kind"] as? String == "domain" && ($0["ja"] as? String)?.contains("環境・脱炭素・資源循環") == true })
        let lessons = try #require(matches.first?["lessons"] as? [String: Any])
        #expect((lessons["references"] as? [Any])?.count == 6)
        #expect((lessons["kpis"] as? [Any])?.count == 2)
        #expect(lessons["stage"] as? String == "realized")
    }

    @Test func similarHumanOutputInJapanese() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try CLI.run(["similar", "hikari-elderly-watch", "--limit", "2"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("類似事例 — hikari-elderly-watch"))
        #expect(r.stdout.contains("理由: "))
        #expect(r.stdout.contains("結果: 連携実現"))
        #expect(r.stdout.contains("1. ") && r.stdout.contains("2. ") && !r.stdout.contains("3. "))
    }

    @Test func similarErrors() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let missing = try CLI.run(["similar", "no-such-case"], workspace: ws)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-case"))
        #expect(try CLI.run(["similar", "hikari-elderly-watch", "--limit", "0"], workspace: ws).status == 2)
        #expect(try CLI.run(["similar", "../etc", "--json"], workspace: ws).status == 2)
    }

    @Test func similarAloneInTheWorkspaceExplains() throws {
        let ws = try CLI.tempWorkspace()
        let id = try CLI.run(["new", "--title", "見守りセンサー", "--municipality", "ひかり市"], workspace: ws).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try CLI.run(["similar", id, "--json"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try CLI.json(r) as? [String: Any])
        #expect((obj["matches"] as? [Any])?.isEmpty == true)
        #expect(((obj["note"] as? [String: Any])?["en"] as? String)?.contains("no other cases") == true)
    }

    /// Issue 14: the samples pair 札幌市's snow-power case (no exit yet, FY2028) with 福岡市's
    /// leak sensors (procurement, missed FY2027 → FY2028), both infrastructure.
    @Test func jointOnSamplesShowsARealCandidate() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let r = try CLI.run(["joint", "--json"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try CLI.json(r) as? [String: Any])
        let groups = try #require(obj["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect(groups.first?["domain"] as? String == "infrastructure")
        let members = groups.first?["members"] as? [[String: Any]] ?? []
        #expect(Set(members.compactMap { $0["id"] as? String }) == ["sapporo-snow-power", "fukuoka-trial-leak-sensor"])
        #expect(members.first { $0["id"] as? String == "sapporo-snow-power" }?["exitUndecided"] as? Bool == true)
        #expect(obj["considered"] as? Int == 10)
        #expect(obj["note"] == nil)
    }

    @Test func jointFindsAGroupAcrossMunicipalities() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        // 広島県's sample (disaster, FY2027, budgeting) missed 2026-10-30 → slides to 2028 and meets these.
        try writeCase(ws, id: "kure-shelter", municipality: "呉市", domain: "disaster", fiscalYear: 2028, yen: 3_000_000)
        try writeCase(ws, id: "mihara-shelter", municipality: "三原市", domain: "disaster", fiscalYear: 2028, yen: 2_000_000)
        try writeCase(ws, id: "kure-other", municipality: "呉市", domain: "disaster", fiscalYear: 2029, yen: 1)
        let r = try CLI.run(["joint", "--json"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try CLI.json(r) as? [String: Any])
        let groups = try #require(obj["groups"] as? [[String: Any]])
        #expect(groups.count == 2)   // and the samples' own infrastructure pair
        let g = try #require(groups.first { $0["domain"] as? String == "disaster" })
        #expect(g["fiscalYear"] as? Int == 2028)
        #expect(g["domainJa"] as? String == "防災・災害対応")
        #expect(g["commonRequestDeadline"] as? String == "2027-10-29")
        #expect(g["combinedYen"] as? Int == 40_800_000 + 5_000_000)
        let members = try #require(g["members"] as? [[String: Any]])
        #expect(Set(members.compactMap { $0["id"] as? String }) == ["hiroshima-joint-procurement", "kure-shelter", "mihara-shelter"])
        #expect(members.first { $0["id"] as? String == "hiroshima-joint-procurement" }?["slid"] as? Bool == true)

        let human = try CLI.run(["joint"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(human.stdout.contains("■ 防災・災害対応・2028年度 — 3自治体"))
        #expect(human.stdout.contains("共通の予算要求締切: 2027-10-29（R9.10.29） あと340日"))
        #expect(human.stdout.contains("¥45,800,000"))
    }

    @Test func funnelJSONOnSamples() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try CLI.run(["funnel", "--json"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try CLI.json(r) as? [String: Any])
        #expect(obj["total"] as? Int == 17)
        let stages = try #require(obj["stages"] as? [[String: Any]])
        #expect(stages.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 17)
        let conv = try #require(obj["conversions"] as? [[String: Any]])
        #expect(conv.count == 5)
        #expect(conv.first?["reached"] as? Int == 17)
        let fy = try #require(obj["fiscalYears"] as? [[String: Any]])
        #expect(fy.reduce(0) { $0 + ($1["realized"] as? Int ?? 0) } == 5)
        #expect(fy.reduce(0) { $0 + ($1["dropped"] as? Int ?? 0) } == 1)
        let od = try #require(obj["overdue"] as? [String: Any])
        #expect(od["open"] as? Int == 10)
    }

    @Test func funnelOverdueAgreesWithTheOverdueReview() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let review = try #require(try CLI.json(try CLI.run(["overdue", "--json"], workspace: ws)) as? [String: Any])
        let items = try #require(review["items"] as? [[String: Any]])
        let missedCases = Set(items.filter { $0["group"] as? String == "missed" }.compactMap { $0["caseId"] as? String })
        let funnel = try #require(try CLI.json(try CLI.run(["funnel", "--json"], workspace: ws)) as? [String: Any])
        let od = try #require(funnel["overdue"] as? [String: Any])
        #expect(od["overdue"] as? Int == missedCases.count)
        #expect(missedCases.count > 0)
    }

    @Test func funnelFiltersAndWidth() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let fukuoka = try #require(try CLI.json(try CLI.run(["funnel", "--municipality", "福岡市", "--json"], workspace: ws)) as? [String: Any])
        #expect(fukuoka["total"] as? Int == 2)
        let proc = try #require(try CLI.json(try CLI.run(["funnel", "--exit", "procurement", "--fiscal-year", "2027", "--json"], workspace: ws)) as? [String: Any])
        #expect(proc["total"] as? Int == 5)
        #expect(try CLI.run(["funnel", "--exit", "bogus"], workspace: ws).status == 2)
        let human = try CLI.run(["funnel"], workspace: ws, env: ["LANG": "ja_JP.UTF-8", "COLUMNS": "60"])
        #expect(human.status == 0)
        #expect(human.stdout.contains("■ 段階別の件数"))
        #expect(human.stdout.contains("█"))
        for line in human.stdout.split(separator: "\n") {
            // Every line fits 60 columns (CJK counts 2): approximate by UTF-8 → columns of the test's own count.
            #expect(Self.columns(String(line)) <= 60, "\(line)")
        }
    }

    @Test func funnelOnEmptyWorkspace() throws {
        let ws = try CLI.tempWorkspace()
        let r = try CLI.run(["funnel"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("no cases yet"))
        let j = try #require(try CLI.json(try CLI.run(["funnel", "--json"], workspace: ws)) as? [String: Any])
        #expect(j["total"] as? Int == 0)
        #expect((j["overdue"] as? [String: Any])?["share"] == nil)
    }

    /// Terminal columns: East Asian wide and fullwidth count 2 (enough for this output).
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { acc, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return acc + (wide ? 2 : 1)
        }
    }
}
