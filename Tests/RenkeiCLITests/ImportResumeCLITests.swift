import Foundation
import RenkeiTestSupport
import Testing

/// Issue 13's last bad input: a failure in the middle of `--apply` leaves every case it wrote
/// complete, and running the same import again finishes the rest (no duplicates, no half files).
/// The failure is real: a folder stands where the third case file must go, so its rename fails.
@Suite struct ImportResumeCLITests {
    @Test func aFailureMidWriteLeavesWholeCasesAndTheImportResumes() throws {
        let ws = try CLI.tempWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let file = ws.appendingPathComponent("kintone.csv")
        try FileManager.default.copyItem(at: Repo.url("Tests/RenkeiImportTests/Fixtures/kintone-clean-utf8bom.csv"), to: file)
        let cases = ws.appendingPathComponent("cases")
        let plan = try CLI.json(try CLI.run(["import", file.path, "--json"], workspace: ws)) as? [String: Any]
        let ids = ((plan?["created"] as? [String]) ?? []) + ((plan?["rows"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        let planned = Array(NSOrderedSet(array: ids)) as! [String]
        try #require(planned.count >= 3, "\(plan ?? [:])")
        // A non-empty folder in the way of the third case: renaming a file onto it fails.
        let obstacle = cases.appendingPathComponent(planned[2] + ".json")
        try FileManager.default.createDirectory(at: obstacle.appendingPathComponent("x"), withIntermediateDirectories: true)

        let failed = try CLI.run(["import", file.path, "--apply"], workspace: ws)
        #expect(failed.status == 1, "\(failed.stdout)\n\(failed.stderr)")
        #expect(failed.stderr.split(separator: "\n").count == 1, "one line: \(failed.stderr)")
        // What was written is whole: every case file parses and names its import row.
        let written = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasSuffix(".json") && $0 != obstacle.lastPathComponent }
        for name in written {
            let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: cases.appendingPathComponent(name))) as? [String: Any]
            let events = obj?["events"] as? [[String: Any]] ?? []
            #expect(events.contains { ($0["reason"] as? String)?.hasPrefix("imported from kintone.csv row") == true }, "\(name)")
        }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: cases.path)).contains { $0.contains(".tmp") || $0.hasPrefix(".") },
                "no temp file left behind")

        // The obstacle removed, the same import finishes the rest: every planned case once.
        try FileManager.default.removeItem(at: obstacle)
        let again = try CLI.run(["import", file.path, "--apply"], workspace: ws)
        #expect(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        let after = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(after == planned.map { $0 + ".json" }.sorted())
        let third = try JSONSerialization.jsonObject(with: Data(contentsOf: obstacle)) as? [String: Any]
        #expect((third?["events"] as? [[String: Any]])?.count == 1, "created once")
    }
}
