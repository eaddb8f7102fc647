import Foundation
import Testing
import RenkeiCore
import RenkeiStore
@testable import RenkeiReport

/// `ReportExporter` — the API behind `renkei export` and the TUI's `x`.
@Suite struct ExporterTests {
    func exporter(_ cases: [Case] = [Fixtures.educationCase], workspaceTemplates: Bool = false) throws -> (ReportExporter, Workspace) {
        let (ws, store) = try Fixtures.workspace(cases)
        let templates = TemplateStore(shippedDir: Fixtures.dataDir.templates, workspaceDir: ws.templatesDir)
        return (ReportExporter(store: store, templates: templates, today: Fixtures.today), ws)
    }

    func leftovers(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix(DurableFile.tempPrefix) }
    }

    @Test func exportsToAFileAndRefusesToOverwriteWithoutForce() throws {
        let (ex, _) = try exporter()
        let dir = try TempDir.make("out")
        let target = dir.appendingPathComponent("r.html")
        let url = try ex.export(caseId: "saitama-programming", format: .html, to: .file(target, overwrite: false))
        #expect(url == target)
        let first = try Data(contentsOf: target)
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        #expect(throws: ReportError.outputExists(target.path)) {
            try ex.export(caseId: "saitama-programming", format: .md, to: .file(target, overwrite: false))
        }
        #expect(try Data(contentsOf: target) == first)          // untouched
        try ex.export(caseId: "saitama-programming", format: .md, to: .file(target, overwrite: true))
        #expect(try Data(contentsOf: target) != first)
        #expect(leftovers(dir).isEmpty)
    }

    @Test func directoryDestinationNeverReplaces() throws {
        let (ex, ws) = try exporter()
        let a = try ex.export(caseId: "saitama-programming", format: .md, to: .directory(ex.defaultDirectory))
        let b = try ex.export(caseId: "saitama-programming", format: .md, to: .directory(ex.defaultDirectory))
        let c = try ex.export(caseId: "saitama-programming", format: .md, anonymize: true, to: .directory(ex.defaultDirectory))
        #expect(a.lastPathComponent == "saitama-programming.md")
        #expect(b.lastPathComponent == "saitama-programming-2.md")
        #expect(c.lastPathComponent == "saitama-programming-anonymized.md")
        #expect(a.deletingLastPathComponent().path == ws.root.appendingPathComponent("exports").path)
        let p = try ex.exportPortfolio(format: .csv, to: .directory(ex.defaultDirectory))
        #expect(p.lastPathComponent == "portfolio-2026-11-23.csv")
    }

    @Test func unwritableDestinationsFailCleanly() throws {
        let (ex, _) = try exporter()
        let dir = try TempDir.make("out")
        // missing folder
        #expect(throws: ReportError.self) {
            try ex.export(caseId: "saitama-programming", format: .md, to: .file(dir.appendingPathComponent("no/such/x.md"), overwrite: false))
        }
        // a directory in the way
        let sub = dir.appendingPathComponent("sub"); try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        #expect(throws: ReportError.outputNotWritable(path: sub.path, problem: .directory)) {
            try ex.export(caseId: "saitama-programming", format: .md, to: .file(sub, overwrite: true))
        }
        // a file used as a folder (ENOTDIR even for root)
        let file = dir.appendingPathComponent("plain"); try Data("x".utf8).write(to: file)
        #expect(throws: ReportError.self) {
            try ex.export(caseId: "saitama-programming", format: .md, to: .file(file.appendingPathComponent("x.md"), overwrite: false))
        }
        // (A full disk is covered where DurableFile's fault injector is exercised: it is process-global,
        // so flipping it here would fail other suites' writes running in parallel.)
        #expect(leftovers(dir).isEmpty)
    }

    @Test func missingQuarantinedAndDamagedCasesAreClearErrors() throws {
        let (ex, ws) = try exporter()
        #expect(throws: StoreError.caseNotFound("nope")) { try ex.render(caseId: "nope", format: .md) }
        #expect(throws: ReportError.self) { try ex.render(caseId: "../etc/passwd", format: .md) }
        // quarantined
        _ = try ex.store.quarantine("saitama-programming")
        do {
            _ = try ex.render(caseId: "saitama-programming", format: .html)
            Issue.record("expected an error")
        } catch let e as ReportError {
            #expect("\(e)".contains("quarantined"))
            #expect("\(e)".contains(ws.quarantineDir.path))
        }
        // damaged
        try Data("{ not json".utf8).write(to: ws.casesDir.appendingPathComponent("broken.json"))
        do {
            _ = try ex.render(caseId: "broken", format: .md)
            Issue.record("expected an error")
        } catch let e as StoreError {
            #expect("\(e)".contains("broken.json"))
            #expect(!"\(e)".contains("\n"))
        }
        // nothing written by a failed export
        let out = try TempDir.make("out")
        _ = try? ex.export(caseId: "broken", format: .md, to: .file(out.appendingPathComponent("b.md"), overwrite: false))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func workspaceTemplateOverridesTheShippedOne() throws {
        let (ex, ws) = try exporter()
        try "自治体版: {{header.title}} / {{L.budget}} {{budget.totalText}}\n".write(to: ws.templatesDir.appendingPathComponent("case.md.mustache"), atomically: true, encoding: .utf8)
        let out = String(decoding: try ex.render(caseId: "saitama-programming", format: .md), as: UTF8.self)
        #expect(out == "自治体版: 中学校プログラミング教育の官民連携 / 予算 ¥6,000,000\n")
        // the HTML still comes from the shipped template
        #expect(String(decoding: try ex.render(caseId: "saitama-programming", format: .html), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
    }

    @Test(arguments: ["../case.md", "/etc/passwd", ".hidden", "a/b", "case..md", "CASE.md", "", String(repeating: "a", count: 65), "-x"])
    func templateNamesAreValidated(_ name: String) throws {
        let (ex, _) = try exporter()
        #expect(!TemplateStore.isValidName(name))
        #expect(throws: ReportError.invalidTemplateName(name)) { try ex.render(caseId: "saitama-programming", format: .md, template: name) }
    }

    @Test func brokenTemplateNamesFileAndLine() throws {
        let (ex, ws) = try exporter()
        try "ok line\n{{#header}}\nunclosed\n".write(to: ws.templatesDir.appendingPathComponent("bad.md.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try ex.render(caseId: "saitama-programming", format: .md, template: "bad.md")
            Issue.record("expected an error")
        } catch let e as ReportError {
            let m = "\(e)"
            #expect(m.contains("bad.md.mustache"))
            #expect(m.contains("line "))
        }
        #expect(throws: ReportError.self) { try ex.render(caseId: "saitama-programming", format: .md, template: "nothing.md") }
    }

    @Test func symlinkedTemplateIsNotFollowed() throws {
        let (ex, ws) = try exporter()
        let secret = try TempDir.make("secret").appendingPathComponent("s.txt")
        try Data("SECRET".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: ws.templatesDir.appendingPathComponent("case.md.mustache"), withDestinationURL: secret)
        #expect(throws: ReportError.self) { try ex.render(caseId: "saitama-programming", format: .md) }
    }

    @Test func portfolioFiltersByStageAndOverdue() throws {
        var early = Fixtures.educationCase
        early.id = "early"; early.stage = .issueDefinition; early.nextAction = NextAction(text: "later", due: Day("2027-01-01"))
        let (ex, _) = try exporter([Fixtures.educationCase, early])
        #expect(try ex.portfolioReport(lang: .ja).count == 2)
        #expect(try ex.portfolioReport(lang: .ja, stage: .budgeting).rows.map(\.id) == ["saitama-programming"])
        let overdue = try ex.portfolioReport(lang: .ja, overdueOnly: true)
        #expect(overdue.rows.map(\.id) == ["saitama-programming"])
        #expect(overdue.rows.first?.daysOverdue == 3)
    }

    /// Every format renders the case, directly and through the exporter. How long it takes is
    /// measured by `renkei-bench ui` (report.case_*, BENCHMARKS.md), never asserted here: on a
    /// shared machine a wall-clock bound only measures the neighbours.
    @Test func oneCaseReportRendersInEveryFormat() throws {
        let (ex, _) = try exporter()
        let c = try ex.loadCase("saitama-programming")
        for f in CaseFormat.allCases {
            let r = CaseReportBuilder.build(c, catalog: ex.store.catalog, options: ReportOptions(today: Fixtures.today))
            let direct = try ex.renderer.render(r, format: f)
            let viaExporter = try ex.render(caseId: "saitama-programming", format: f)
            #expect(!direct.isEmpty && !viaExporter.isEmpty, "\(f)")
        }
    }
}
