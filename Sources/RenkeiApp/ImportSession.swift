import Foundation
import RenkeiCore
import RenkeiImport
import RenkeiStore

/// The import as `renkei import` and the workbench's import dialog run it: read the file under
/// the size cap, find or guess the mapping, plan under the workspace lock, and write only a
/// clean plan (one undoable command).
public struct ImportSession {
    public let file: URL
    public let table: SourceTable
    public var mapping: ImportMapping
    /// Where the mapping came from, for the preview ("guessed, written to …").
    public var origin: ImportOrigin
    /// The mapping file read (nil when guessed and not written): the workbench saves back to it.
    public var mappingFile: URL?
    /// Said on the side (a guessed mapping that could not be written).
    public var warnings: [ImportMessage] = []

    /// Where a mapping for `file` is looked for: STEM.mapping.json next to it, then in `<workspace>/import/`.
    public static func mappingCandidates(_ file: URL, workspace: Workspace) -> [URL] {
        let stem = file.deletingPathExtension().lastPathComponent
        return [file.deletingLastPathComponent().appendingPathComponent(stem + ".mapping.json"),
                workspace.root.appendingPathComponent("import/" + stem + ".mapping.json")]
    }

    /// `encoding` and `sheet` (from `--encoding`/`--sheet` or the workbench's `e`/`s`) win over
    /// the ones a mapping file keeps; a sheet the mapping names that the workbook no longer has
    /// falls back to the first sheet rather than locking the file out of the workbench.
    public static func open(_ path: String, mapping mappingPath: String?, preset: String?, encoding: SourceEncoding?,
                            sheet: String?, workspace: Workspace, catalog: Catalog, writeGuess: Bool = true) throws -> ImportSession {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let data = try readCapped(url)
        let candidates = mappingCandidates(url, workspace: workspace)
        let found: URL? = mappingPath.map { URL(fileURLWithPath: $0) }
            ?? (preset == nil ? candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) : nil)
        if let found {
            let mapping = try readMapping(found)
            let kept = try mapping.encoding.map(SourceEncoding.parse)
            let table: SourceTable
            do { table = try ImportSource.table(data, file: name, encoding: encoding ?? kept, sheet: sheet ?? mapping.sheet) } catch let e as ImportError {
                guard sheet == nil, mapping.sheet != nil, case .noSheet = e.message else { throw e }
                table = try ImportSource.table(data, file: name, encoding: encoding ?? kept, sheet: nil)
            }
            return ImportSession(file: url, table: table, mapping: mapping, origin: .file(mappingPath ?? found.path), mappingFile: found)
        }
        let table = try ImportSource.table(data, file: name, encoding: encoding, sheet: sheet)
        var guessed = MappingGuess.guess(table.header, preset: preset)
        MappingGuess.addUnknownValues(&guessed, table: table, catalog: catalog)
        let origin: ImportOrigin = guessed.preset.map { .preset($0) } ?? .guessed
        var session = ImportSession(file: url, table: table, mapping: guessed, origin: origin, mappingFile: nil)
        if writeGuess {
            let target = candidates[1]
            do {
                try session.saveMapping(to: target)
                session.origin = .written(origin, path: target.path)
            } catch let e as ImportError { session.warnings.append(e.message) } catch {
                session.warnings.append(.guessNotWritten(path: target.path, detail: "\(error)"))
            }
        }
        return session
    }

    /// Writes the mapping (as adjusted) for the next import of the same file to find.
    public mutating func saveMapping(to target: URL) throws {
        let bytes = try mapping.encoded()
        // Never write a file the next import would refuse to read (a header of thousands of long names).
        guard bytes.count <= ImportMapping.fileLimit else {
            throw ImportError(.guessTooLarge(path: target.path, kilobytes: (bytes.count + 1023) / 1024, limitKilobytes: ImportMapping.fileLimit / 1024))
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try DurableFile.write(bytes, to: target)
        mappingFile = target
    }

    /// The file's size is checked before a byte is read (a 100 MB export is refused, not loaded),
    /// and a FIFO or device is refused without blocking (`RegularFile`).
    public static func readCapped(_ url: URL) throws -> Data {
        let name = url.lastPathComponent
        do { return try RegularFile.read(url, limit: ImportSource.maxBytes, followSymlinks: true) } catch let e as StoreError {
            switch e {
            case .tooLarge(_, let size, let limit): throw ImportError.tooLarge(file: name, bytes: size, limit: limit)
            case .notRegular(_, .directory): throw ImportError(.isDirectory(path: url.path))
            case .notRegular: throw ImportError(.notRegularFile(path: url.path))
            case .io(_, _, ENOENT): throw ImportError(.unreadable(path: url.path))
            default: throw e
            }
        }
    }

    static func readMapping(_ url: URL) throws -> ImportMapping {
        let data: Data
        do { data = try RegularFile.read(url, limit: ImportMapping.fileLimit, followSymlinks: true) } catch {
            throw ImportError(.mappingUnreadable(path: url.path, detail: "\(error)"))
        }
        return try ImportMapping.decode(data, file: url.path)
    }

    /// Plans against the workspace; with `apply`, writes the plan when every row is clean.
    public func run(store: CaseStore, actor: String, now: Timestamp, apply: Bool) throws -> (ImportPlan, BatchResult) {
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
