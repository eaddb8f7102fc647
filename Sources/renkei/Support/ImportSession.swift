import Foundation
import RenkeiCore
import RenkeiImport
import RenkeiStore

/// The import as the CLI (and later the workbench) runs it: read the file under the size cap,
/// find or guess the mapping, plan under the workspace lock, and write only a clean plan.
struct ImportSession {
    let file: URL
    let table: SourceTable
    var mapping: ImportMapping
    /// Where the mapping came from, for the preview ("guessed, written to …").
    var mappingOrigin: String

    static func open(_ path: String, mapping mappingPath: String?, preset: String?, encoding: SourceEncoding?,
                     sheet: String?, workspace: Workspace, catalog: Catalog, writeGuess: Bool = true) throws -> ImportSession {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let data = try readCapped(url)
        let table: SourceTable
        do { table = try ImportSource.table(data, file: name, encoding: encoding, sheet: sheet) } catch let e as ImportError {
            throw CLIError(e.description)
        }
        let stem = url.deletingPathExtension().lastPathComponent
        let candidates = [url.deletingLastPathComponent().appendingPathComponent(stem + ".mapping.json"),
                          workspace.root.appendingPathComponent("import/" + stem + ".mapping.json")]
        if let mappingPath {
            return ImportSession(file: url, table: table, mapping: try readMapping(URL(fileURLWithPath: mappingPath)), mappingOrigin: mappingPath)
        }
        if preset == nil, let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            return ImportSession(file: url, table: table, mapping: try readMapping(found), mappingOrigin: found.path)
        }
        var guessed = MappingGuess.guess(table.header, preset: preset)
        MappingGuess.addUnknownValues(&guessed, table: table, catalog: catalog)
        var origin = guessed.preset.map { "\($0) preset" } ?? "guessed from the header"
        if writeGuess {
            let target = candidates[1]
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try DurableFile.write(try guessed.encoded(), to: target)
                origin += "; written to \(target.path) — edit it and run again"
            } catch { Output.warn("could not write the guessed mapping to \(target.path): \(error)") }
        }
        return ImportSession(file: url, table: table, mapping: guessed, mappingOrigin: origin)
    }

    /// The file's size is checked before a byte is read (a 100 MB export is refused, not loaded),
    /// and a FIFO or device is refused without blocking (`RegularFile`).
    static func readCapped(_ url: URL) throws -> Data {
        let name = url.lastPathComponent
        do { return try RegularFile.read(url, limit: ImportSource.maxBytes, followSymlinks: true) } catch let e as StoreError {
            switch e {
            case .tooLarge(_, let size, let limit): throw CLIError(ImportError.tooLarge(file: name, bytes: size, limit: limit).description)
            case .notRegular(_, let what) where what.hasPrefix("a directory"): throw CLIError("\(url.path): is a directory; give a .csv or .xlsx file")
            case .io(_, _, ENOENT): throw CLIError("\(url.path): cannot read the file (does it exist?)")
            default: throw CLIError("\(e)")
            }
        }
    }

    static func readMapping(_ url: URL) throws -> ImportMapping {
        let data: Data
        do { data = try RegularFile.read(url, limit: 1_048_576, followSymlinks: true) } catch { throw CLIError("mapping \(url.path): \(error)") }
        do { return try ImportMapping.decode(data, file: url.path) } catch let e as ImportError { throw CLIError(e.description) }
    }

    /// Plans against the workspace; with `apply`, writes the plan when every row is clean.
    func run(store: CaseStore, actor: String, now: Timestamp, apply: Bool) throws -> (ImportPlan, BatchResult) {
        let fileName = file.lastPathComponent
        let trashed = store.trashedIds()
        return try store.writeBatch(label: "import \(fileName)", actor: actor, now: now) { existing, ctx in
            let plan = ImportPlanner.plan(table, mapping: mapping, file: fileName,
                                          target: ImportTarget(existing: { existing($0)?.value }, trashed: trashed, catalog: store.catalog))
            guard apply, plan.isApplicable else { return (plan, []) }
            let documents = try plan.changes.map { row -> CaseDocument in
                let old = existing(row.id!)
                var doc = old ?? CaseDocument(value: Case(id: row.id!, title: "", municipality: Municipality(name: "")))
                doc.value = try ImportApplier.apply(row, to: old?.value, file: fileName, context: ctx)
                return doc
            }
            return (plan, documents)
        }
    }
}
