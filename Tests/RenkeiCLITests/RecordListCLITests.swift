import Foundation
import Testing

/// Funding sources and budget lines from the CLI (issue 14), as the workbench edits them: one
/// undoable event each, Japanese kinds and full-width amounts accepted, one usage line otherwise.
@Suite struct RecordListCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    func budget(_ id: String, _ ws: URL) throws -> [String: Any] {
        let r = try CLI.run(["show", id, "--json"], workspace: ws)
        return (try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])?["budget"] as? [String: Any] ?? [:]
    }

    @Test func fundingAndBudgetLinesAreEditedAndUndone() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let id = "okayama-momosta-field"
        let before = try budget(id, ws)
        let f = try CLI.run(["funding", "okayama-momo", "デジタル田園都市国家構想交付金", "--kind", "交付金", "--rate", "５０", "--yen", "２，４００，０００円"],
                            workspace: ws, env: ja)
        #expect(f.status == 0, "\(f.stderr)")
        #expect(f.stdout.contains("財源") && f.stdout.contains("デジタル田園都市国家構想交付金"), "\(f.stdout)")
        let funding = try budget(id, ws)["funding"] as? [[String: Any]] ?? []
        let added = try #require(funding.last)
        #expect(added["kind"] as? String == "grant" && added["ratePercent"] as? Double == 50 && added["yen"] as? Int == 2_400_000, "\(added)")

        let l = try CLI.run(["budget-line", id, "委託料", "--yen", "4,800,000"], workspace: ws, env: ja)
        #expect(l.status == 0, "\(l.stderr)")
        let items = try budget(id, ws)["items"] as? [[String: Any]] ?? []
        #expect(items.contains { $0["label"] as? String == "委託料" && $0["yen"] as? Int == 4_800_000 }, "\(items)")

        // One event each: two undos give the budget back as it was.
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        #expect(NSDictionary(dictionary: try budget(id, ws)) == NSDictionary(dictionary: before))

        let badKind = try CLI.run(["funding", id, "謎の財源", "--kind", "宝くじ"], workspace: ws, env: ja)
        #expect(badKind.status == 2 && badKind.stderr.contains("交付金"), "the accepted kinds are listed: \(badKind.stderr)")
        let badYen = try CLI.run(["budget-line", id, "委託料", "--yen", "たくさん"], workspace: ws, env: ja)
        #expect(badYen.status == 2 && badYen.stderr.split(separator: "\n").count == 1, "\(badYen.stderr)")
    }
}
