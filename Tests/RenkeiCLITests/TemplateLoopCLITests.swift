import Foundation
import Testing
import RenkeiTestSupport

/// Issue 18, finding 8: `x{{> case.html}}` in a workspace template made `export` die with
/// SIGSEGV (partials recursing without end; the workbench's `x` would take the workbench
/// down). A loop in the partial graph — direct, through another partial, or through a parent
/// tag — is refused before rendering with one line naming the template and the loop.
@Suite struct TemplateLoopCLITests {
    @Test func partialLoopsAreRefusedNotRecursed() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).sorted()[0].dropLast(5)
        let templates = ws.appendingPathComponent("templates")
        let cases: [(String, [String: String], String)] = [
            ("html", ["case.html": "x{{> case.html}}"], "case.html → case.html"),
            ("md", ["case.md": "①{{> case-part}}", "case-part": "{{> case.md}}"], "case.md → case-part → case.md"),
            ("md", ["case.md": "{{< case.md}}{{/case.md}}"], "case.md → case.md"),
            ("md", ["case.md": "{{=<% %>=}}<%> case.md%>"], "set-delimiter"),
        ]
        for (format, files, expected) in cases {
            try? FileManager.default.removeItem(at: templates)
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(to: templates.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8) }
            let r = try Sh.renkei(["export", String(id), "-f", format, "--for", "internal"], ws: ws, timeout: 60)
            #expect(!r.signalled && r.status == 1, "\(files): \(r.status) \(r.stderr.prefix(300))")
            #expect(r.stderr.contains(expected) && r.stderr.contains("templates/"), "\(files): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
            // Under a Japanese locale: the same file and loop, no English (issue 14).
            let ja = try Sh.renkei(["export", String(id), "-f", format, "--for", "internal"], ws: ws, env: ["LANG": "ja_JP.UTF-8"], timeout: 60)
            #expect(ja.status == 1 && ja.stderr.contains("templates/") && EnglishLeak.runs(in: ja.stderr).isEmpty, "\(files): \(ja.stderr)")
            if expected.contains("→") { #expect(ja.stderr.contains(expected), "\(ja.stderr)") }
        }
        // The shipped templates (with their partials) still render.
        try? FileManager.default.removeItem(at: templates)
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for format in ["md", "html"] {
            #expect(try Sh.renkei(["export", String(id), "-f", format, "--for", "internal"], ws: ws).status == 0)
            #expect(try Sh.renkei(["export", String(id), "-f", format], ws: ws).status == 0)
        }
    }
}
