import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// A case file that could not be used, shown as a marked entry — never deleted or rewritten.
public struct DamagedFile: Error, Equatable, Sendable, Codable {
    public var fileName: String
    public var path: String
    /// Typed (Core's `DamageReason`): the list and `validate` say it in the reader's language.
    public var reason: DamageReason
    /// Set when the file could not be read for a reason of the machine (see
    /// `StoreError.isEnvironmental`), not judged: callers abort with `error` instead of
    /// listing the file as damaged.
    public var unreadable: StoreError? = nil
    public init(fileName: String, path: String, reason: DamageReason, unreadable: StoreError? = nil) {
        self.fileName = fileName; self.path = path; self.reason = reason; self.unreadable = unreadable
    }
    enum CodingKeys: String, CodingKey { case fileName, path, reason }
    /// `--json` keeps its shape for scripts: the reason as one English sentence.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fileName, forKey: .fileName); try c.encode(path, forKey: .path); try c.encode(reason.text(.en), forKey: .reason)
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fileName = try c.decode(String.self, forKey: .fileName); path = try c.decode(String.self, forKey: .path)
        reason = .text(try c.decode(String.self, forKey: .reason))
    }
}

/// What the list, the board, counts and the overdue review read.
public struct Portfolio: Sendable {
    public var summaries: [CaseSummary]
    public var damaged: [DamagedFile]
    /// Ids of files written by a newer renkei (shown read-only).
    public var readOnly: Set<String>
    public init(summaries: [CaseSummary], damaged: [DamagedFile], readOnly: Set<String> = []) {
        self.summaries = summaries; self.damaged = damaged; self.readOnly = readOnly
    }
}

/// How many cases there are, from the index's table alone (`CaseStore.caseCount`).
public struct CaseCount: Sendable, Equatable {
    /// Usable cases that are not archived: what `renkei list --count` prints.
    public var count = 0
    /// Usable cases that are archived (issue 14).
    public var archived = 0
    public var damaged: [DamagedFile] = []
    public init(count: Int = 0, archived: Int = 0, damaged: [DamagedFile] = []) {
        self.count = count; self.archived = archived; self.damaged = damaged
    }
}

/// The result of a durable mutation: the case as saved (new revision) and what was journaled.
public struct SaveResult: Sendable {
    public var document: CaseDocument
    public var entry: UndoJournal.Entry
    /// Set when the case was saved but something beside it went wrong: its undo entry could
    /// not be recorded (e.g. the disk filled between the two writes), or the disk did not
    /// confirm the save. The edit itself is in place: report, don't retry it.
    public var journalWarning: StoreWarning? = nil
}

/// All reads and writes of cases. Every mutation is lock → read the file fresh → apply the
/// pure command → durable write → journal, so two processes never lose each other's edits,
/// and an external edit (git pull, an editor) is the base of the next change, not overwritten.
public final class CaseStore: @unchecked Sendable {
    public let workspace: Workspace
    /// The guide catalog. Loaded on first use when the store was made with a loader: most
    /// read commands (`list --count`, `list`, `overdue` on an empty workspace) never need it,
    /// and decoding it is the largest part of their start-up (issue 19's callgrind rows).
    public var catalog: Catalog {
        get { catalogSlot.value }
        set { catalogSlot.set(newValue) }
    }
    private let catalogSlot: LoadOnce<Catalog>
    /// Summary cache used by `portfolio()`; nil means decode every case.
    public var index: SummaryIndex?
    /// The readable part of new case ids: the municipality's code when the input carries one
    /// (`NewCaseInput.code`, set by `MunicipalityOnEntry.link`), else ASCII of the title.
    public var slugRule: CaseSlugRule = .municipalityCode
    /// Set by an open workbench (a random id per run): its commands are journaled with it and
    /// its undo/redo only take back what was done in it. nil for the CLI.
    public var session: String?
    /// The largest case file renkei reads — and so the largest it may write: one number for
    /// both, so a save can never produce a file the next read refuses. Tests lower it.
    public var caseFileLimit = CaseCodec.maxFileSize

    public init(workspace: Workspace, catalog: Catalog, useIndex: Bool = true) {
        self.workspace = workspace
        self.catalogSlot = LoadOnce(catalog)
        self.index = useIndex ? SummaryIndex(workspace: workspace) : nil
    }

    /// A store whose catalog is loaded by `loadCatalog` the first time something reads it.
    /// The loader cannot fail: the caller decides what a damaged catalog means (the CLI ends
    /// the command with one line naming the file) before anything is written.
    public init(workspace: Workspace, loadCatalog: @escaping @Sendable () -> Catalog, useIndex: Bool = true) {
        self.workspace = workspace
        self.catalogSlot = LoadOnce(loadCatalog)
        self.index = useIndex ? SummaryIndex(workspace: workspace) : nil
    }

    // MARK: reading

    /// Case file names in `cases/` (temp files and dotfiles excluded), sorted.
    public func caseFileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: workspace.casesDir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted()
    }

    /// Whether `cases/<id>.json` is a regular file: one lstat, for a whole id typed on the command
    /// line (listing `cases/` to match prefixes cost `show` a fifth of its instructions at 1,000
    /// cases). Anything else (missing, a symlink, a directory) answers false and the caller
    /// falls back to the listing, which decides as before.
    public func hasCaseFile(_ id: String) -> Bool {
        var st = stat()
        let path = workspace.casesDir.path + "/" + id + ".json"
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    /// Every case's summary (and the damaged files), through the summary index when there is
    /// one. Same as `portfolio(PortfolioQuery())`.
    public func portfolio() throws -> Portfolio { try portfolio(PortfolioQuery()) }

    /// The portfolio, optionally only the cases matching a search, without search texts, or
    /// with progress callbacks while a cold index is built (see `PortfolioQuery`).
    public func portfolio(_ query: PortfolioQuery) throws -> Portfolio {
        try checkCasesDir()
        if let index { let dir = workspace.casesDir.path; return try index.load(query, decoder: { [self] in loadFileForIndex($0, casesPath: dir) }) }
        var p = try decodeAll()
        if let q = query.search { p.summaries = p.summaries.filter { $0.matches(search: q, readings: query.readings) } }
        if !query.includeSearchText { for i in p.summaries.indices { p.summaries[i].searchText = "" } }
        return p
    }

    /// Number of usable cases — not archived, archived — and the damaged files, on a warm index
    /// without decoding a single summary (the fast path of `renkei list --count`).
    public func caseCount() throws -> CaseCount {
        try checkCasesDir()
        if let index { let dir = workspace.casesDir.path; return try index.count(decoder: { [self] in loadFileForIndex($0, casesPath: dir) }) }
        let p = try decodeAll()
        let archived = p.summaries.lazy.filter(\.archived).count
        return CaseCount(count: p.summaries.count - archived, archived: archived, damaged: p.damaged)
    }

    /// Every usable case's deadline facts (archived cases have none: issue 14) and the damaged
    /// files — on a warm index from its small deadline section alone (the fast path of
    /// `renkei overdue --count`).
    public func deadlineFacts() throws -> (facts: [DeadlineFacts], damaged: [DamagedFile]) {
        try checkCasesDir()
        if let index { let dir = workspace.casesDir.path; return try index.deadlineFacts(decoder: { [self] in loadFileForIndex($0, casesPath: dir) }) }
        let p = try decodeAll()
        return (p.summaries.filter { !$0.archived }.map(DeadlineFacts.init), p.damaged)
    }

    private func checkCasesDir() throws {
        var st = stat()
        guard stat(workspace.casesDir.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.workspace(.casesDirectoryGone(path: workspace.casesDir.path))
        }
    }

    private func decodeAll() throws -> Portfolio {
        var summaries: [CaseSummary] = []
        var damaged: [DamagedFile] = []
        var readOnly = Set<String>()
        for name in caseFileNames() {
            switch loadFile(name) {
            case .success(let doc):
                summaries.append(CaseSummary(doc.value))
                if doc.readOnly { readOnly.insert(doc.value.id) }
            case .failure(let d):
                if let io = d.unreadable { throw io }
                damaged.append(d)
            }
        }
        return Portfolio(summaries: summaries, damaged: damaged, readOnly: readOnly)
    }

    /// Decodes one file of `cases/` (by file name), checking that its id matches the name.
    public func loadFile(_ name: String) -> Swift.Result<CaseDocument, DamagedFile> {
        let url = workspace.casesDir.appendingPathComponent(name)
        do {
            let data = try RegularFile.read(url, limit: caseFileLimit)
            let doc = try CaseCodec.decode(data, path: url.path)
            let stem = String(name.dropLast(5))
            guard doc.value.id == stem else {
                return .failure(DamagedFile(fileName: name, path: url.path,
                                            reason: .idNameMismatch(id: TerminalText.inline(doc.value.id), fileName: name)))
            }
            return .success(doc)
        } catch {
            let reason = (error as? StoreError)?.damageReason ?? .text(ErrorText.line(error))
            let io = (error as? StoreError).flatMap { $0.environmental == nil ? nil : $0 }
            return .failure(DamagedFile(fileName: name, path: url.path, reason: reason, unreadable: io))
        }
    }

    public func load(_ id: String) throws -> CaseDocument {
        let url = try workspace.caseURL(id)
        // A workspace deleted while renkei runs is named as such, not as a missing case.
        guard FileManager.default.fileExists(atPath: workspace.casesDir.path) else {
            throw StoreError.workspace(.casesDirectoryGone(path: workspace.casesDir.path))
        }
        guard FileManager.default.fileExists(atPath: url.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil else {
            throw StoreError.caseNotFound(id)
        }
        switch loadFile(id + ".json") {
        case .success(let d): return d
        case .failure(let d):
            if let io = d.unreadable { throw io }
            throw StoreError.workspace(.damagedCase(path: d.path, d.reason, caseId: id))
        }
    }

    // MARK: writing

    public static func newCommandId() -> String {
        "c" + String(UInt64.random(in: 0 ... .max), radix: 36)
    }

    /// A command context with fresh random bits for the ids the command creates (the core has
    /// no randomness of its own).
    static func context(actor: String, now: Timestamp, catalog: Catalog) -> CommandContext {
        CommandContext(actor: actor, now: now, commandId: newCommandId(), catalog: catalog, random: UInt64.random(in: 1 ... .max))
    }

    /// Whether a case id is in use here: a case, a trashed case (undo of a creation brings it
    /// back under the same id) or a quarantined file.
    public func idIsTaken(_ id: String) -> Bool {
        let name = id + ".json"
        return [workspace.casesDir, workspace.trashDir, workspace.quarantineDir].contains {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(name).path)
        }
    }

    /// Applies `command` to the latest version on disk and saves it durably.
    /// `expect` (field → value) makes the write conditional: when another process changed one
    /// of those fields since the caller read them, it throws `.conflict` instead of overwriting.
    /// `programmeItems`: the funding programmes' criteria and obligations the caller loaded
    /// (`renkei grant --tick`, the workbench), so their ticks are known items (issue 16).
    @discardableResult
    public func apply(_ id: String, _ command: Command, actor: String, now: Timestamp,
                      expect: [String: JSONValue] = [:], programmeItems: [CatalogItem] = []) throws -> SaveResult {
        try workspace.lock.withLock {
            var doc = try load(id)
            guard !doc.readOnly else { throw CommandError.readOnly(.readOnly(caseId: id, version: doc.value.schemaVersion, nothingImported: false)) }
            for (field, value) in expect where CaseFields.get(doc.value, field) != value {
                // Named, not printed: the value may be a contact's e-mail or phone.
                throw StoreError.conflict(.changedByOthers(caseId: id, field: field))
            }
            var known = catalog
            if !programmeItems.isEmpty { known.programmeItems = programmeItems }
            let ctx = Self.context(actor: actor, now: now, catalog: known)
            doc.value = try CaseCommands.apply(command, to: doc.value, context: ctx)
            let entry = UndoJournal.Entry(command: ctx.commandId, caseId: id, label: command.label, at: now,
                                          actor: actor, session: session)
            // The journal is read before the case is written, so nothing about it (a FIFO, a
            // damaged file) can stop or hang the process between the save and its acknowledgement.
            let journal = journalForWriting()
            let unconfirmed = try save(&doc)
            // The case file is in place from here on. A journal failure must not be reported as a
            // failed edit (the caller would retry and apply it twice): it becomes a warning.
            let warning = record(entry, in: journal)
            return SaveResult(document: doc, entry: entry, journalWarning: StoreWarning.join(unconfirmed, warning))
        }
    }

    /// Creates a new case file. Refuses an id that already exists.
    @discardableResult
    public func create(_ input: NewCaseInput, actor: String, now: Timestamp) throws -> CaseDocument {
        try createCase(input, actor: actor, now: now).document
    }

    /// Creates a new case file and reports, like `apply`, a journal problem as a warning (the
    /// case exists from the moment it is saved; a retry would create a second one).
    @discardableResult
    public func createCase(_ input: NewCaseInput, actor: String, now: Timestamp) throws -> SaveResult {
        try workspace.lock.withLock {
            var input = input
            if input.id.isEmpty {
                input.id = CaseID.make(title: input.title, municipality: input.municipality, code: input.code, rule: slugRule,
                                       random: UInt64.random(in: 0 ... .max), taken: idIsTaken)
            } else if idIsTaken(input.id), !FileManager.default.fileExists(atPath: try workspace.caseURL(input.id).path) {
                throw StoreError.workspace(.idUsedInTrash(input.id))
            }
            let url = try workspace.caseURL(input.id)
            if FileManager.default.fileExists(atPath: url.path) {
                throw StoreError.workspace(.caseExists(caseId: input.id, path: url.path))
            }
            let ctx = Self.context(actor: actor, now: now, catalog: catalog)
            var doc = CaseDocument(value: try CaseFactory.make(input, context: ctx))
            let entry = UndoJournal.Entry(command: ctx.commandId, caseId: input.id, label: "new case", at: now,
                                          creation: true, actor: actor, session: session)
            let journal = journalForWriting()
            let unconfirmed = try save(&doc)
            let warning = record(entry, in: journal)
            return SaveResult(document: doc, entry: entry, journalWarning: StoreWarning.join(unconfirmed, warning))
        }
    }

    /// Writes with revision + 1. Only call while holding the lock. Returns `DurableFile`'s
    /// warning when the case is in place but the disk did not confirm it.
    @discardableResult
    func save(_ doc: inout CaseDocument) throws -> StoreWarning? {
        let next = try prepareSave(doc)
        let unconfirmed = try DurableFile.write(next.bytes, to: next.url)
        doc = next.doc
        return unconfirmed
    }

    /// Everything a save decides before touching the disk: revision + 1 and the bytes, which
    /// must be a file renkei reads back (`caseFileLimit`) — a save that made the case
    /// unreadable locked its owner out of it (issue 18, finding 3). Batches prepare every case
    /// first, so one refused case means nothing was written.
    func prepareSave(_ doc: CaseDocument) throws -> (doc: CaseDocument, url: URL, bytes: Data) {
        let url = try workspace.caseURL(doc.value.id)
        // A hand-edited revision near Int.max must not trap (crash) on `+= 1`.
        guard doc.value.revision < Int.max else {
            throw StoreError.damaged(path: url.path, reason: .counterTooLarge(field: "revision", value: doc.value.revision))
        }
        var next = doc
        next.value.revision += 1
        return (next, url, try CaseCodec.encode(next, limit: caseFileLimit, path: url.path))
    }

    // MARK: damaged files

    /// Moves a damaged file (by case id or file name) to quarantine/ — never deletes it.
    public func quarantine(_ nameOrId: String) throws -> URL {
        try workspace.lock.withLock {
            let name = nameOrId.hasSuffix(".json") ? nameOrId : nameOrId + ".json"
            guard !name.contains("/"), !name.hasPrefix(".") else { throw StoreError.invalidId(nameOrId) }
            // Only an entry actually listed in cases/ can be moved (a NUL or other odd byte in a
            // name would otherwise be truncated by the C path API and hit a different file).
            guard caseFileNames().contains(name) else { throw StoreError.caseNotFound(TerminalText.inline(nameOrId)) }
            let from = workspace.casesDir.appendingPathComponent(name)
            var to = workspace.quarantineDir.appendingPathComponent(name)
            var n = 1
            while FileManager.default.fileExists(atPath: to.path) {
                n += 1
                to = workspace.quarantineDir.appendingPathComponent("\(name).\(n)")
            }
            try FS.makeDirectory(workspace.quarantineDir)
            var st = stat()
            guard lstat(from.path, &st) == 0 else { throw StoreError.caseNotFound(nameOrId) }
            guard FS.rename(from.path, to.path) == 0 else { throw StoreError.io(path: from.path, op: "move to quarantine", code: errno) }
            index?.invalidate()
            return to
        }
    }

    /// Start-up housekeeping under the lock: removes temp files from killed writers.
    @discardableResult
    public func cleanStaleTempFiles() -> Int {
        (try? workspace.lock.withLock { workspace.cleanTempFiles() }) ?? 0
    }
}
