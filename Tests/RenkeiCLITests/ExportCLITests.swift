import Foundation
import Testing

/// `renkei export` end to end (issue 5): outputs, and every bad input as one clear line with a
/// non-zero exit and nothing partial left behind.
@Suite struct ExportCLITests {
    static let sample = "fukuoka-trial-leak-sensor"

    func tempFiles(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix(".renkei-tmp-") }
    }

    func oneLine(_ s: String) -> Bool {
        s.hasPrefix("renkei: ") && s.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1
    }

    @Test func caseReportToStdoutAndFile() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let md = try CLI.run(["export", Self.sample, "--format", "md", "--for", "internal"], workspace: ws)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# 官民連携 事例レポート"))
        #expect(md.stdout.contains("予算要求で苦労したこと"))
        let en = try CLI.run(["export", Self.sample, "--format", "md", "--lang", "en", "--for", "internal"], workspace: ws)
        #expect(en.stdout.contains("Difficulties in the budget request"))

        let out = ws.appendingPathComponent("out.html")
        let html = try CLI.run(["export", Self.sample, "--format", "html", "--for", "internal", "-o", out.path], workspace: ws)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.isEmpty)
        #expect(html.stderr.contains(out.path))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(!text.contains("http://") && !text.contains("https://"))

        let json = try CLI.run(["export", Self.sample, "--format", "json"], workspace: ws)
        let obj = try CLI.json(json) as? [String: Any]
        #expect(obj?["format"] as? String == "renkei.case-report")
    }

    @Test func existingFileNeedsForce() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let out = ws.appendingPathComponent("r.md")
        try Data("keep me".utf8).write(to: out)
        let r = try CLI.run(["export", Self.sample, "-o", out.path], workspace: ws)
        #expect(r.status == 1)
        #expect(oneLine(r.stderr))
        #expect(r.stderr.contains("already exists") && r.stderr.contains("--force"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        let f = try CLI.run(["export", Self.sample, "-o", out.path, "--force"], workspace: ws)
        #expect(f.status == 0, "\(f.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("# "))
        #expect(tempFiles(ws).isEmpty)
    }

    @Test func badInputIsOneLineAndNonZero() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let cases: [([String], Int32, String)] = [
            (["export", Self.sample, "--format", "docx"], 2, "unknown format 'docx'"),
            (["export", Self.sample, "--for", "public"], 2, "unknown audience 'public'"),
            (["export", Self.sample, "--for", "internal", "--contact-person"], 2, "--contact-person applies to the share sheet"),
            (["export", Self.sample, "--lang", "fr"], 2, "unknown language 'fr'"),
            (["export", "--all", "--format", "html5"], 2, "unknown format 'html5'"),
            (["export", "no-such-case"], 1, "no case 'no-such-case'"),
            (["export", "../../etc/passwd"], 2, "invalid case id"),
            (["export", Self.sample, "--template", "../../x"], 2, "invalid template name"),
            (["export", Self.sample, "--template", "nothing.md"], 1, "no template 'nothing.md.mustache'"),
            (["export", Self.sample, "-o", "/nonexistent-dir/r.md"], 1, "does not exist"),
            (["export", "--all", "--stage", "nowhere"], 2, "unknown stage 'nowhere'"),
        ]
        for (args, code, message) in cases {
            let r = try CLI.run(args, workspace: ws)
            #expect(r.status == code, "\(args): exit \(r.status), \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(oneLine(r.stderr), "\(args): not one line: \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args) printed to stdout")
        }
        // a file where a folder should be: nothing created
        let plain = ws.appendingPathComponent("plain")
        try Data("x".utf8).write(to: plain)
        let r = try CLI.run(["export", Self.sample, "-o", plain.appendingPathComponent("r.md").path], workspace: ws)
        #expect(r.status == 1)
        #expect(oneLine(r.stderr))
    }

    @Test func quarantinedAndDamagedCasesAreNamed() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        #expect(try CLI.run(["quarantine", Self.sample], workspace: ws).status == 0)
        let q = try CLI.run(["export", Self.sample, "--format", "html", "-o", ws.appendingPathComponent("q.html").path], workspace: ws)
        #expect(q.status == 1)
        #expect(q.stderr.contains("quarantined") && q.stderr.contains(Self.sample))
        #expect(oneLine(q.stderr))
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("q.html").path))

        try Data("{\"schemaVersion\": 1, \"id\": ".utf8).write(to: ws.appendingPathComponent("cases/broken.json"))
        let d = try CLI.run(["export", "broken"], workspace: ws)
        #expect(d.status == 1)
        #expect(d.stderr.contains("broken.json"))
        #expect(oneLine(d.stderr))
        // the portfolio still exports, and warns about the damaged file
        let all = try CLI.run(["export", "--all", "--format", "csv"], workspace: ws)
        #expect(all.status == 0)
        #expect(all.stderr.contains("broken.json"))
        #expect(all.stdoutData.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func anonymizedExportHasNoContactData() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let sample = try JSONSerialization.jsonObject(with: Data(contentsOf: ws.appendingPathComponent("cases/\(Self.sample).json"))) as! [String: Any]
        let contacts = sample["contacts"] as? [[String: Any]] ?? []
        #expect(!contacts.isEmpty)
        for f in ["md", "html", "json"] {
            let r = try CLI.run(["export", Self.sample, "--format", f, "--anonymize"], workspace: ws)
            #expect(r.status == 0, "\(r.stderr)")
            for c in contacts {
                for key in ["name", "email", "phone"] {
                    if let v = c[key] as? String { #expect(!r.stdout.contains(v), "\(f): \(key) '\(v)' survived") }
                }
            }
        }
    }

    @Test func portfolioFormatsAndFilters() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let csv = try CLI.run(["export", "--all"], workspace: ws)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count >= 10)
        let json = try CLI.json(try CLI.run(["export", "--all", "--format", "json", "--stage", "budgeting"], workspace: ws)) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]] ?? []
        #expect(rows.allSatisfy { $0["stage"] as? String == "budgeting" })
        let overdue = try CLI.json(try CLI.run(["export", "--all", "--format", "json", "--overdue"], workspace: ws)) as? [String: Any]
        #expect((overdue?["rows"] as? [[String: Any]] ?? []).allSatisfy { ($0["daysOverdue"] as? Int ?? 0) > 0 })
        let out = ws.appendingPathComponent("p.md")
        let md = try CLI.run(["export", "--all", "--format", "md", "-o", out.path], workspace: ws)
        #expect(md.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("# 官民連携 案件一覧"))
        let both = try CLI.run(["export", Self.sample, "--all"], workspace: ws)
        #expect(both.status == 2)
    }

    @Test func workspaceTemplateOverridesShipped() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        try "MY {{header.id}} {{budget.totalText}}\n".write(to: ws.appendingPathComponent("templates/case.md.mustache"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["export", Self.sample, "--for", "internal"], workspace: ws)
        #expect(r.stdout.hasPrefix("MY \(Self.sample) ¥"))
    }
}
