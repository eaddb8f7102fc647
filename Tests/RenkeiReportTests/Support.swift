import Foundation
import RenkeiTestSupport
import Testing
import RenkeiCore
import RenkeiStore
@testable import RenkeiReport

/// Golden files live in Tests/RenkeiReportTests/Goldens/. `RENKEI_RECORD_GOLDENS=1 swift test
/// --filter RenkeiReportTests` rewrites them; review the diff before committing.
enum Golden {
    static var dir: URL { Repo.url("Tests/RenkeiReportTests/Goldens") }
    static var recording: Bool { ProcessInfo.processInfo.environment["RENKEI_RECORD_GOLDENS"] == "1" }

    static func check(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = dir.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing golden \(name); run with RENKEI_RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != data {
            let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
            try? data.write(to: actualURL)
            let a = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let b = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            let i = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) ?? min(a.count, b.count)
            let want = i < a.count ? a[i] : "<end>", got = i < b.count ? b[i] : "<end>"
            Issue.record("golden \(name) differs at line \(i + 1):\n  expected: \(want.prefix(200))\n  actual:   \(got.prefix(200))\n(actual written to \(actualURL.path); RENKEI_RECORD_GOLDENS=1 re-records)",
                         sourceLocation: sourceLocation)
        }
    }
}

enum Python {
    struct Result { var status: Int32; var output: String }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") || which("python3") != nil }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static func run(_ script: String, _ args: [String]) throws -> Result {
        let r = try Proc.run([which("python3") ?? "/usr/bin/python3", Repo.scripts.appendingPathComponent(script).path] + args)
        return Result(status: r.status, output: r.output)
    }

    /// Runs the strict HTML checker on `html`; returns its report (status 0 = no errors).
    static func checkHTML(_ html: Data, name: String) throws -> Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-check-\(UUID().uuidString.prefix(8))-\(name).html")
        try html.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try run("check_html.py", [url.path])
    }
}

enum TempDir {
    /// A fresh directory, removed when the test process exits.
    static func make(_ tag: String = "report") throws -> URL { try Scratch.directory(tag) }
}

extension Fixtures {
    static func report(_ c: Case = educationCase, lang: Lang = .ja, anonymize: Bool = false,
                       deadlines: DeadlineInfo? = fixedDeadlines) -> CaseReport {
        CaseReportBuilder.build(c, catalog: catalog, options: ReportOptions(lang: lang, anonymize: anonymize, today: today),
                                deadlines: deadlines)
    }

    static func render(_ c: Case = educationCase, _ f: CaseFormat, lang: Lang = .ja, anonymize: Bool = false,
                       deadlines: DeadlineInfo? = fixedDeadlines) throws -> Data {
        try ReportRenderer(templates: shippedTemplates).render(report(c, lang: lang, anonymize: anonymize, deadlines: deadlines), format: f)
    }

    /// A workspace on disk holding `cases`, with a store over the fixture catalog.
    static func workspace(_ cases: [Case]) throws -> (Workspace, CaseStore) {
        let root = try TempDir.make("ws")
        let ws = try Workspace.create(at: root)
        for c in cases {
            try DurableFile.write(try CaseCodec.encode(CaseDocument(value: c)), to: ws.casesDir.appendingPathComponent(c.id + ".json"))
        }
        return (ws, CaseStore(workspace: ws, catalog: catalog, useIndex: false))
    }

    /// Portfolio fixture: summaries of the education case, the hostile case and a few variants.
    static var portfolio: Portfolio {
        var ended = educationCase
        ended.id = "ended-case"; ended.stage = .dropped; ended.stageReason = "予算化に至らず"
        var early = educationCase
        early.id = "early-case"; early.stage = .issueDefinition; early.nextAction = nil; early.budget = Budget()
        early.title = "高齢者見守り, \"ICT\" 活用\n（第2期）"
        return Portfolio(summaries: [educationCase, hostileCase, ended, early].map(CaseSummary.init),
                         damaged: [DamagedFile(fileName: "broken.json", path: "/ws/cases/broken.json", reason: .text("invalid JSON at line 3, column 5"))])
    }
}
