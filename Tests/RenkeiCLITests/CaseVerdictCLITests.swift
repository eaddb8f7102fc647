import Foundation
import Testing

/// Issue 18, finding 5 through the built binary: `validate`, `list --json`, `show`, `note` and
/// `export ID` reach one verdict on each of the issue's inputs (an unknown key holding `"\q"`,
/// raw 0x01 or NUL, `01`, `1.`, `-`, a lone surrogate, arrays 511 deep — and their valid
/// neighbours), and no error line carries a contact's e-mail or phone.
@Suite struct CaseVerdictCLITests {
    static let email = "takahashi.ichiro@example.lg.jp", phone = "03-1234-5678"

    static func file(id: String, extra: String) throws -> Data {
        let url = CLI.dataDir.appendingPathComponent("samples/cases/aichi-station-ai-drone.json")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        obj["id"] = id
        obj["contacts"] = [["name": "髙橋 一郎", "role": "課長", "email": email, "phone": phone]]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        return Data(("{\n  \"extra\": \(extra)," + text.dropFirst(1)).utf8)
    }

    @Test func everyCommandReachesTheSameVerdict() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        func deep(_ n: Int) -> String { String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        let inputs: [(String, String)] = [
            ("v-bad-escape", #""\q""#), ("v-raw-01", "\"a\u{01}b\""), ("v-raw-nul", "\"a\u{0}b\""), ("v-leading-zero", "01"),
            ("v-dot", "1."), ("v-minus", "-"), ("v-lone-surrogate", #""\ud800""#), ("v-deep-511", deep(510)),
            ("v-deep-300", deep(300)), ("v-escaped-nul", #""\u0000""#), ("v-pair", #""\ud83d\ude00""#), ("v-fine", #"{"令和":[1,2.5,null]}"#),
        ]
        for (id, extra) in inputs { try Self.file(id: id, extra: extra).write(to: ws.appendingPathComponent("cases/\(id).json")) }
        let validate = try Sh.renkei(["validate", "--json"], ws: ws)
        let problems = ((try JSONSerialization.jsonObject(with: validate.out) as? [String: Any])?["problems"] as? [String]) ?? []
        let list = try Sh.renkei(["list", "--json"], ws: ws)
        let listed = Set((((try JSONSerialization.jsonObject(with: list.out) as? [String: Any])?["cases"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        var said = validate.stderr + problems.joined(separator: "\n") + list.stderr
        for (id, _) in inputs {
            let show = try Sh.renkei(["show", id], ws: ws)
            let export = try Sh.renkei(["export", id, "-f", "md", "--for", "internal"], ws: ws)
            let note = try Sh.renkei(["note", id, "同じ判定"], ws: ws)
            let again = try Sh.renkei(["show", id], ws: ws)
            said += show.stderr + export.stderr + note.stderr + again.stderr
            let verdicts = ["validate": !problems.contains { $0.contains(id + ".json") }, "list": listed.contains(id),
                            "show": show.status == 0, "export": export.status == 0, "note": note.status == 0, "show after note": again.status == 0]
            #expect(Set(verdicts.values).count == 1, "\(id): \(verdicts.sorted { $0.key < $1.key }) — \(show.stderr)\(note.stderr)")
        }
        for line in said.split(separator: "\n") {
            #expect(!line.contains(Self.email) && !line.contains(Self.phone) && line.count < 1_000, "an error line carries case content: \(line.prefix(200))")
        }
    }
}
