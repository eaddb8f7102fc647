import Foundation
import RenkeiTestSupport
import Testing

/// What ships in Data/ is valid: Scripts/validate-data.py (the catalog's ids, pages and
/// reference items; every sample's keys, values and event log) passes, and fails with a line
/// naming the file and field on a broken sample; `renkei validate` accepts the samples.
/// Runs in `make test`, so CI runs the script (it takes well under a second).
@Suite struct ShippedDataCLITests {
    static let script = Repo.scripts.appendingPathComponent("validate-data.py").path

    @Test func shippedCatalogAndSamplesAreValid() throws {
        let r = try Proc.run(["python3", Self.script])
        #expect(r.status == 0, "validate-data.py: \(r.output)")
    }

    @Test func aBrokenSampleIsNamedWithItsField() throws {
        let dir = try Scratch.directory("samples")
        let name = "fukuoka-trial-leak-sensor.json"
        var obj = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.url("Data/samples/cases/" + name))) as? [String: Any])
        obj["stage"] = "見送り①"
        try JSONSerialization.data(withJSONObject: obj).write(to: dir.appendingPathComponent(name))
        let r = try Proc.run(["python3", Self.script, "--cases", dir.path])
        #expect(r.status == 1)
        #expect(r.output.contains(name) && r.output.contains("stage"), "\(r.output)")
    }

    @Test func renkeiValidatesTheSamples() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let v = try CLI.run(["validate"], workspace: ws)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    }
}
