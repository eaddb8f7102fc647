import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiStore

/// Where an export goes.
public enum ExportDestination: Sendable, Equatable {
    /// Exactly this file; an existing file is replaced only when `overwrite` is true.
    case file(URL, overwrite: Bool)
    /// A new file in this folder named `<id>.<ext>` (`<id>-anonymized.<ext>`, `portfolio-<day>.<ext>`),
    /// with "-2", "-3", … added rather than replacing anything. Created (0700) if missing.
    case directory(URL)
}

/// The one entry point for exports, shared by `renkei export` and the TUI's `x`.
///
/// TUI usage (after the format chooser):
///
///     let exporter = ReportExporter(store: store, data: data, today: today)   // calendars loaded once

///     let url = try exporter.export(caseId: id, format: .html, lang: .ja, anonymize: false,
///                                   to: .directory(exporter.defaultDirectory))
///     // show url.path in the status line; on error show `"\(error)"` (one line)
///
/// Every write is durable and atomic (temp file in the target folder, fsync, rename): a failure
/// leaves nothing partial behind, and an existing file is never touched unless asked.
public struct ReportExporter: Sendable {
    public let store: CaseStore
    public let templates: TemplateStore
    public let today: Day
    public let deadlines: DeadlineProvider

    /// - Parameter deadlines: where the budget-calendar position comes from; by default the
    ///   deadline engine over the shipped and workspace calendars (`CalendarDeadlines`).
    public init(store: CaseStore, data: DataDirectory?, today: Day, deadlines: DeadlineProvider? = nil) {
        self.store = store
        self.templates = TemplateStore(data: data, workspace: store.workspace)
        self.today = today
        self.deadlines = deadlines ?? data.map {
            CalendarDeadlines(context: store.calendars(for: nil, data: $0, today: today).context)
        } ?? NextActionDeadlines()
    }

    public init(store: CaseStore, templates: TemplateStore, today: Day, deadlines: DeadlineProvider = NextActionDeadlines()) {
        self.store = store; self.templates = templates; self.today = today; self.deadlines = deadlines
    }

    /// `<workspace>/exports`, the TUI's default folder.
    public var defaultDirectory: URL { store.workspace.root.appendingPathComponent("exports") }

    public var renderer: ReportRenderer { ReportRenderer(templates: templates) }

    // MARK: one case

    /// Loads a case for export, telling a quarantined or damaged file apart from a missing one.
    public func loadCase(_ id: String) throws -> Case {
        guard CaseID.isValid(id) else { throw ReportError.invalidCaseId(id) }
        do {
            return try store.load(id).value
        } catch StoreError.caseNotFound {
            let q = store.workspace.quarantineDir.appendingPathComponent(id + ".json")
            if FileManager.default.fileExists(atPath: q.path) { throw ReportError.quarantined(id: id, path: q.path) }
            throw StoreError.caseNotFound(id)
        }
    }

    public func report(caseId: String, lang: Lang, anonymize: Bool) throws -> CaseReport {
        let c = try loadCase(caseId)
        return CaseReportBuilder.build(c, catalog: store.catalog,
                                       options: ReportOptions(lang: lang, anonymize: anonymize, today: today),
                                       deadlines: deadlines.deadlines(for: c, today: today, lang: lang))
    }

    /// The report as bytes (for stdout or a preview).
    public func render(caseId: String, format: CaseFormat, lang: Lang = .ja, anonymize: Bool = false,
                       template: String? = nil) throws -> Data {
        try renderer.render(try report(caseId: caseId, lang: lang, anonymize: anonymize), format: format, template: template)
    }

    /// Renders and writes one case report; returns the path written.
    @discardableResult
    public func export(caseId: String, format: CaseFormat, lang: Lang = .ja, anonymize: Bool = false,
                       to destination: ExportDestination, template: String? = nil) throws -> URL {
        // Check the destination before rendering so a refused overwrite costs nothing.
        let target = try resolve(destination, stem: caseId + (anonymize ? "-anonymized" : ""), ext: format.fileExtension)
        let data = try render(caseId: caseId, format: format, lang: lang, anonymize: anonymize, template: template)
        return try ReportExporter.write(data, to: target.url, overwrite: target.overwrite, mode: anonymize ? 0o644 : 0o600)
    }

    // MARK: portfolio

    public func portfolioReport(lang: Lang, stage: Stage? = nil, overdueOnly: Bool = false) throws -> PortfolioReport {
        let p = try store.portfolio()
        return PortfolioBuilder.build(p, catalog: store.catalog, today: today, lang: lang, stage: stage,
                                      overdueOnly: overdueOnly, deadlines: deadlines)
    }

    public func renderPortfolio(format: PortfolioFormat, lang: Lang = .ja, stage: Stage? = nil, overdueOnly: Bool = false,
                                template: String? = nil) throws -> Data {
        try renderer.render(try portfolioReport(lang: lang, stage: stage, overdueOnly: overdueOnly), format: format, template: template)
    }

    @discardableResult
    public func exportPortfolio(format: PortfolioFormat, lang: Lang = .ja, stage: Stage? = nil, overdueOnly: Bool = false,
                                to destination: ExportDestination, template: String? = nil) throws -> URL {
        let target = try resolve(destination, stem: "portfolio-\(today)", ext: format.fileExtension)
        let data = try renderPortfolio(format: format, lang: lang, stage: stage, overdueOnly: overdueOnly, template: template)
        return try ReportExporter.write(data, to: target.url, overwrite: target.overwrite, mode: 0o600)
    }

    /// The portfolio CSV for Excel (`renkei export --all --format csv`, the workbench's `: CSV`):
    /// WHY/HOW/WHAT from the case files; in CP932 every character it cannot hold is written as
    /// 〓 and returned (row, column, character) for the caller to report.
    public static func portfolioCSV(_ report: inout PortfolioReport, store: CaseStore, cp932: Bool) -> (data: Data, replacements: [CP932Replacement]) {
        report.addIssueFrames { id in (try? store.load(id))?.value.issue }
        return report.csv(cp932: cp932)
    }

    /// The whole list as that CSV, written as `portfolio-<day>[-cp932].csv` (never over a file).
    public func exportPortfolioCSV(lang: Lang, cp932: Bool, to destination: ExportDestination) throws -> (url: URL, replacements: [CP932Replacement]) {
        let target = try resolve(destination, stem: "portfolio-\(today)" + (cp932 ? "-cp932" : ""), ext: "csv")
        var report = try portfolioReport(lang: lang)
        let out = ReportExporter.portfolioCSV(&report, store: store, cp932: cp932)
        return (try ReportExporter.write(out.data, to: target.url, overwrite: target.overwrite, mode: 0o600), out.replacements)
    }

    // MARK: writing

    func resolve(_ d: ExportDestination, stem: String, ext: String) throws -> (url: URL, overwrite: Bool) {
        switch d {
        case .file(let url, let overwrite):
            try ReportExporter.checkTarget(url, overwrite: overwrite)
            return (url, overwrite)
        case .directory(let dir):
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
                do { try FS.makeDirectory(dir) } catch {
                    guard case StoreError.io(_, let op, let code)? = error as? StoreError else { throw error }
                    throw ReportError.outputNotWritable(path: dir.path, problem: .io(StoreError.problem(op: op, code: code)))
                }
            } else if !isDir.boolValue {
                throw ReportError.outputNotWritable(path: dir.path, problem: .notAFolder)
            }
            var n = 1
            while true {
                let name = n == 1 ? "\(stem).\(ext)" : "\(stem)-\(n).\(ext)"
                let u = dir.appendingPathComponent(name)
                var st = stat()
                if lstat(u.path, &st) != 0 { return (u, false) }
                n += 1
            }
        }
    }

    /// Refuses an existing file without `overwrite`, a directory in the way, or a missing folder.
    public static func checkTarget(_ url: URL, overwrite: Bool) throws {
        var st = stat()
        // Through symlinks; only a file is "overwritten" (a device or a pipe is written into).
        if stat(url.path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw ReportError.outputNotWritable(path: url.path, problem: .directory) }
            if (st.st_mode & S_IFMT) == S_IFREG, !overwrite { throw ReportError.outputExists(url.path) }
        } else if lstat(url.path, &st) == 0, !overwrite {
            throw ReportError.outputExists(url.path)   // a dangling or looping link is still in the way
        }
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError.outputNotWritable(path: url.path, problem: .folderMissing(dir.path))
        }
    }

    /// Durable, atomic write of a file (temp file + fsync + rename + directory fsync; on any
    /// failure the temp file is removed and an existing target is left as it was); a device or a
    /// pipe is written into, never replaced (`OutputFile`).
    @discardableResult
    public static func write(_ data: Data, to url: URL, overwrite: Bool, mode: mode_t = 0o600) throws -> URL {
        try checkTarget(url, overwrite: overwrite)
        try OutputFile.write(data, to: url, mode: mode)
        return url
    }
}
