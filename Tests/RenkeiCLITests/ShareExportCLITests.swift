import Foundation
import RenkeiTestSupport
import Testing

/// `renkei export ID` for sharing (issue 15), run as a user would: the share sheet is the
/// default, the internal report is unchanged behind --for internal, the CLI says what it
/// replaced, and every sample case prints on at most two A4 pages when Chromium is installed.
@Suite struct ShareExportCLITests {
    static let sample = "fukuoka-trial-leak-sensor"
    static var samples: [String] {
        let dir = CLI.dataDir.appendingPathComponent("samples/cases")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
    static var pdfTools: Bool {
        ["chromium", "pdfinfo"].allSatisfy { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
                .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
    }

    /// Standard output of a poppler tool (pdfinfo, pdftotext).
    static func tool(_ args: [String]) throws -> String {
        try Proc.run(args).stdout
    }

    @Test func shareIsTheDefaultAndSaysWhatItReplaced() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        // A memo like the one in the issue, in the notes and in WHY.
        let memo = "所沢市の山本課長から電話（０４－２９９８－１１１１）。yamamoto@example.jp"
        #expect(try CLI.run(["note", Self.sample, memo], workspace: ws).status == 0)
        #expect(try CLI.run(["set", Self.sample, "issue.why", memo], workspace: ws).status == 0)
        let md = try CLI.run(["export", Self.sample], workspace: ws)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# 官民連携 事例シート"))
        #expect(!md.stdout.contains("山本") && !md.stdout.contains("yamamoto") && !md.stdout.contains("２９９８"))
        #expect(!md.stdout.contains("清水") && !md.stdout.contains("092-000-0801"), "contacts never appear")
        #expect(md.stdout.contains("所沢市の担当者"))
        #expect(md.stderr.contains("renkei: replaced 1 name, 1 e-mail address, 1 phone number"), "\(md.stderr)")
        #expect(!md.stderr.contains("山本"), "the summary counts, it never repeats what it removed")

        let html = ws.appendingPathComponent("sheet.html")
        let w = try CLI.run(["export", Self.sample, "--format", "html", "-o", html.path], workspace: ws)
        #expect(w.status == 0, "\(w.stderr)")
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(text.contains("事例シート") && !text.contains("山本") && !text.contains("https://"))

        let person = try CLI.run(["export", Self.sample, "--contact-person"], workspace: ws)
        #expect(person.stdout.contains("092-000-0801"), "opted in: the municipal contact is named")
    }

    @Test func internalReportIsTheFullReport() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let r = try CLI.run(["export", Self.sample, "--for", "internal"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# 官民連携 事例レポート") && r.stdout.contains("092-000-0801"))
        #expect(!r.stderr.contains("replaced"), "nothing is anonymised unless asked")
        let json = try CLI.json(try CLI.run(["export", Self.sample, "--format", "json"], workspace: ws)) as? [String: Any]
        #expect(json?["format"] as? String == "renkei.case-report", "json stays the internal model by default")
        let anon = try CLI.run(["export", Self.sample, "--for", "internal", "--anonymize"], workspace: ws)
        #expect(anon.stderr.contains("renkei: replaced ") && !anon.stdout.contains("清水"))
    }

    @Test func pdfWithoutAnEngineIsOneClearLine() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let out = ws.appendingPathComponent("s.pdf")
        let r = try CLI.run(["export", Self.sample, "--format", "pdf", "-o", out.path], workspace: ws, env: ["RENKEI_PDF_ENGINE": "none"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("renkei: no PDF engine found") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Every sample case's share sheet fits on two A4 pages (skipped where Chromium or
    /// poppler-utils are missing; Scripts/install-deps.sh installs both, so CI runs it).
    @Test func everySampleSharePDFFitsOnTwoPages() throws {
        guard Self.pdfTools else { return }
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        #expect(Self.samples.count >= 10)
        for id in Self.samples {
            let out = ws.appendingPathComponent("\(id).pdf")
            let r = try CLI.run(["export", id, "--format", "pdf", "-o", out.path], workspace: ws, timeout: 150)
            #expect(r.status == 0, "\(id): \(r.stderr)")
            let text = try Self.tool(["pdfinfo", out.path])
            let pages = text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
            #expect(pages != nil && pages! >= 1 && pages! <= 2, "\(id): \(pages.map(String.init) ?? "no page count") pages")
        }
    }

    /// The person column of the internal report's checklists never breaks a name (matsumot/o).
    @Test func checklistPersonNeverWrapsMidName() throws {
        guard Self.pdfTools else { return }
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let who = "matsumotohanako"
        #expect(try CLI.run(["tick", Self.sample, "proc-selection-method", "--off"], workspace: ws).status == 0)
        #expect(try CLI.run(["tick", Self.sample, "proc-selection-method"], workspace: ws, env: ["RENKEI_ACTOR": who]).status == 0)
        let pdf = ws.appendingPathComponent("internal.pdf")
        let r = try CLI.run(["export", Self.sample, "--for", "internal", "--format", "pdf", "-o", pdf.path], workspace: ws, timeout: 150)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.tool(["pdftotext", "-layout", pdf.path, "-"])
        #expect(out.contains(who), "the name is printed whole")
    }
}
