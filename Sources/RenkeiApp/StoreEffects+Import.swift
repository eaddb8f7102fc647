import Foundation
import RenkeiCore
import RenkeiImport
import RenkeiStore
import RenkeiTUI

/// The import dialog's effects (issue 13): the files to offer, reading a file with its mapping,
/// the dry run, saving the mapping, and the import itself — through the same `ImportSession`
/// as `renkei import`, so the workbench and the CLI plan and write exactly alike.
extension StoreEffects {
    static let importExtensions: Set<String> = ["csv", "txt", "xlsx", "xlsm"]

    /// Foreground: listing two folders, saving a mapping, and the import (a write, like a save).
    func performImport(_ effect: TransferEffect) -> Msg? {
        switch effect {
        case .listImportFiles:
            return .transfer(.importFiles(importCandidates()))
        case .saveImportMapping(let r):
            return answer(r) {
                var s = try session(r)
                try s.saveMapping(to: s.mappingFile ?? ImportSession.mappingCandidates(s.file, workspace: environment.workspace)[1])
                return .importMappingSaved(path: s.mappingFile!.path)
            }
        case .applyImport(let r):
            return answer(r) {
                let s = try session(r)
                let plan: ImportPlan, result: BatchResult
                do { (plan, result) = try s.run(store: store, actor: environment.actor, now: environment.now(), apply: true) } catch {
                    return .importFailed(r, .writeFailed(file: s.file.lastPathComponent, detail: TerminalText.inline("\(error)")))
                }
                guard plan.isApplicable else {
                    // The workspace changed since the preview (a case now differs): nothing written.
                    return .importFailed(r, .refused(file: plan.file, invalid: plan.count(.invalid), mappingProblems: !plan.fileProblems.isEmpty, applying: true))
                }
                if let w = result.journalWarning { notices.push(w) }
                return .importApplied(created: result.created.count, updated: result.updated.count)
            }
        default:
            return nil
        }
    }

    /// On a worker: reading (and for .xlsx unzipping) and planning a large file never block a key.
    func backgroundImport(_ effect: TransferEffect) -> (@Sendable () -> Msg?)? {
        switch effect {
        case .readImport(let r):
            return { [self] in answer(r) { .importRead(try fileInfo(r)) } }
        case .readImportValues(let r, let column):
            return { [self] in answer(r) { .importValues(r, try valueList(r, column: column)) } }
        case .planImport(let r):
            return { [self] in
                answer(r) {
                    let (plan, _) = try session(r).run(store: store, actor: environment.actor, now: environment.now(), apply: false)
                    return .importPlanned(preview(plan, request: r))
                }
            }
        default:
            return nil
        }
    }

    private func answer(_ r: ImportRequest, _ work: () throws -> TransferAnswer) -> Msg {
        do { return .transfer(try work()) } catch let e as ImportError {
            return .transfer(.importFailed(r, e.message))
        } catch {
            return .transfer(.importFailed(r, .cannotRead(file: (r.path as NSString).lastPathComponent, detail: TerminalText.inline("\(error)"))))
        }
    }

    /// The file as asked for (sheet, encoding), with the mapping as adjusted on screen: its
    /// columns, and the value maps chosen on screen laid over the mapping's own (the id prefix
    /// stays as the mapping file or the guess has it). The sheet and a chosen encoding go into
    /// the mapping, so `w` keeps them for the next import.
    func session(_ r: ImportRequest) throws -> ImportSession {
        let encoding = try r.encoding.map(SourceEncoding.parse)
        var s = try ImportSession.open(resolveImportPath(r.path).path, mapping: nil, preset: nil, encoding: encoding, sheet: r.sheet,
                                       workspace: environment.workspace, catalog: environment.catalog, writeGuess: false)
        if let columns = r.columns {
            s.mapping.columns = columns
            s.mapping.key = r.key
        }
        for (field, map) in r.values ?? [:] { for (text, id) in map { s.mapping.values[field, default: [:]][text] = id } }
        if s.table.sheets.count > 1 { s.mapping.sheet = s.table.sheet }
        if let e = r.encoding { s.mapping.encoding = e }
        return s
    }

    /// A typed path: absolute or `~/…` as is; relative to the current folder when it is there,
    /// else to the workspace (so `import/一覧.xlsx` works from anywhere).
    func resolveImportPath(_ path: String) -> URL {
        let p = (path as NSString).expandingTildeInPath
        if p.hasPrefix("/") { return URL(fileURLWithPath: p) }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(p)
        if FileManager.default.fileExists(atPath: here.path) { return here }
        return environment.workspace.root.appendingPathComponent(p)
    }

    /// .csv/.xlsx files in `<workspace>/import/` (as `import/NAME`) and the current folder.
    func importCandidates() -> [String] {
        let fm = FileManager.default
        func files(_ dir: URL) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { Self.importExtensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
                .sorted()
        }
        let importDir = environment.workspace.root.appendingPathComponent("import")
        var out = files(importDir).map { "import/" + $0 }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        if cwd.standardizedFileURL.path != environment.workspace.root.standardizedFileURL.path || out.isEmpty {
            for f in files(cwd) where !out.contains(f) { out.append(f) }
        }
        return out
    }

    func fileInfo(_ r: ImportRequest) throws -> ImportFileInfo {
        let s = try session(r)
        let t = s.table
        let key = s.mapping.key ?? s.mapping.columns.first(where: { $0.value == "id" })?.key
        let columns = t.header.enumerated().map { i, name in
            // A value from the column (the first filled one near the top) to recognise it by.
            let sample = t.rows.prefix(50).lazy.compactMap { i < $0.cells.count && !$0.cells[i].isEmpty ? $0.cells[i] : nil }.first ?? ""
            return ImportColumn(name: name, target: s.mapping.columns[name] ?? "note", sample: sample)
        }
        let encoding = t.sheet == nil ? t.source : "xlsx"
        return ImportFileInfo(path: r.path, file: s.file.lastPathComponent, encoding: encoding, sheet: t.sheet, rows: t.rows.count,
                              columns: columns, key: key, origin: s.origin, sheets: t.sheets, encodingId: t.encoding?.rawValue,
                              encodingForced: t.encoding != nil && s.mapping.encoding != nil)
    }

    /// A coded column's distinct values, resolved as the plan will resolve them (the value maps
    /// chosen on screen included).
    func valueList(_ r: ImportRequest, column: String) throws -> ImportValueList {
        let s = try session(r)
        let field = s.mapping.columns[column] ?? "note"
        let (values, truncated) = ValueNames(catalog: environment.catalog)
            .values(of: column, field: field, table: s.table, mapping: s.mapping, catalog: environment.catalog)
        return ImportValueList(column: column, field: field,
                               values: values.map { ImportValue(text: $0.text, count: $0.count, firstRow: $0.firstRow, target: $0.id, builtIn: $0.builtIn) },
                               truncated: truncated)
    }

    func preview(_ plan: ImportPlan, request: ImportRequest) -> ImportPlanPreview {
        ImportPlanPreview(request: request, rows: plan.rows.map { row in
            let action: ImportRowPreview.Action
            switch row.action {
            case .create: action = .create
            case .update: action = .update
            case .unchanged: action = .unchanged
            case .invalid: action = .invalid
            }
            return ImportRowPreview(row: row.row, action: action, caseId: row.id, title: row.title, fields: row.changedFields,
                                    problems: row.problems, warnings: row.warnings)
        }, fileProblems: plan.fileProblems)
    }
}
