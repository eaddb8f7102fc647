import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// The workspace on disk:
///
///     <root>/cases/<id>.json     one pretty-printed case per file (source of truth)
///     <root>/quarantine/         damaged files moved aside on request
///     <root>/trash/              cases removed by undoing their creation
///     <root>/calendars/          municipality budget calendars (override the shipped ones)
///     <root>/funding/            external funding windows
///     <root>/catalog/            guide catalog extensions
///     <root>/templates/          report templates (override the shipped ones)
///     <root>/.index/             summary cache (rebuildable, never the source of truth)
///     <root>/undo.json           the persistent undo/redo journal
///     <root>/.lock               flock(2) for read-modify-write
///
/// Directories are 0700 and files 0600: contacts are personal data.
public final class Workspace: @unchecked Sendable {
    public let root: URL
    public var casesDir: URL { root.appendingPathComponent("cases") }
    public var quarantineDir: URL { root.appendingPathComponent("quarantine") }
    public var trashDir: URL { root.appendingPathComponent("trash") }
    public var calendarsDir: URL { root.appendingPathComponent("calendars") }
    public var fundingDir: URL { root.appendingPathComponent("funding") }
    public var catalogDir: URL { root.appendingPathComponent("catalog") }
    /// Municipality profiles, one `<code>.json` each (issue 16).
    public var municipalitiesDir: URL { root.appendingPathComponent("municipalities") }
    /// Partner records, one `<slug>.json` each (issue 16).
    public var partnersDir: URL { root.appendingPathComponent("partners") }
    public var templatesDir: URL { root.appendingPathComponent("templates") }
    public var indexDir: URL { root.appendingPathComponent(".index") }
    public var journalURL: URL { root.appendingPathComponent("undo.json") }
    public var lockPath: String { root.appendingPathComponent(".lock").path }

    public let lock: WorkspaceLock
    /// Non-fatal findings at open (e.g. readable by others).
    public private(set) var warnings: [StoreWarning] = []

    public static let subdirectories = ["cases", "quarantine", "trash", "calendars", "funding", "catalog", "templates"]

    /// Opens an existing workspace. Fails with a clear message when it does not exist or is not usable.
    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.root.path, isDirectory: &isDir) else {
            throw StoreError.notAWorkspace(path: self.root.path, problem: .missing)
        }
        guard isDir.boolValue else { throw StoreError.notAWorkspace(path: self.root.path, problem: .isFile) }
        // Someone else's private workspace: say "permission denied", not "no cases/ directory".
        if access(self.root.path, R_OK | X_OK) != 0 {
            throw StoreError.io(path: self.root.path, op: "open workspace", code: errno)
        }
        guard FileManager.default.fileExists(atPath: self.root.appendingPathComponent("cases").path) else {
            throw StoreError.notAWorkspace(path: self.root.path, problem: .noCases)
        }
        lock = WorkspaceLock(path: self.root.appendingPathComponent(".lock").path)
        checkPermissions()
    }

    /// Creates the directory layout (0700). Existing files are left alone.
    @discardableResult
    public static func create(at root: URL) throws -> Workspace {
        let fm = FileManager.default
        for sub in [""] + subdirectories {
            let u = sub.isEmpty ? root : root.appendingPathComponent(sub)
            do {
                try fm.createDirectory(at: u, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.workspace(.cannotCreateDirectory(path: u.path, detail: (error as NSError).localizedDescription))
            }
        }
        return try Workspace(root: root)
    }

    /// $RENKEI_WORKSPACE, else $XDG_DATA_HOME/renkei, else ~/.local/share/renkei.
    public static func defaultLocation(environment env: [String: String] = ProcessEnvironment.current) -> URL {
        if let w = env["RENKEI_WORKSPACE"], !w.isEmpty { return URL(fileURLWithPath: w) }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("renkei") }
        let home = env["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/renkei")
    }

    /// Copies the shipped sample cases into `cases/` (only those not already present).
    public func seedSamples(from data: DataDirectory) throws -> Int {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: data.samples.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var n = 0
        for f in files {
            let target = casesDir.appendingPathComponent(f)
            if FileManager.default.fileExists(atPath: target.path) { continue }
            let bytes = try RegularFile.read(data.samples.appendingPathComponent(f), limit: CaseCodec.maxFileSize)
            try DurableFile.write(bytes, to: target)
            n += 1
        }
        try seedSampleRecords(from: data)
        return n
    }

    /// The sample municipality profiles and partner records (Data/samples/municipalities,
    /// Data/samples/partners), copied when absent, as the cases are.
    func seedSampleRecords(from data: DataDirectory) throws {
        for (from, to) in [(data.url.appendingPathComponent("samples/municipalities"), municipalitiesDir),
                           (data.url.appendingPathComponent("samples/partners"), partnersDir)] {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: from.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            if files.isEmpty { continue }
            try FileManager.default.createDirectory(at: to, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for f in files where !FileManager.default.fileExists(atPath: to.appendingPathComponent(f).path) {
                try DurableFile.write(try RegularFile.read(from.appendingPathComponent(f), limit: 1_048_576), to: to.appendingPathComponent(f))
            }
        }
    }

    private func checkPermissions() {
        var st = stat()
        if stat(root.path, &st) == 0, st.st_mode & 0o077 != 0 {
            warnings.append(.readableByOthers(path: root.path, mode: String(st.st_mode & 0o777, radix: 8)))
        }
    }

    public func caseURL(_ id: String) throws -> URL {
        guard CaseID.isValid(id) else { throw StoreError.invalidId(id) }
        // .notDirectory: `appendingPathComponent` would stat the file to find out (two stats a
        // case on every save — 20,000 for an import of 10,000 cases).
        return casesDir.appending(path: id + ".json", directoryHint: .notDirectory)
    }

    /// Removes temp files left by a killed writer. Call while holding the lock.
    public func cleanTempFiles() -> Int {
        var removed = 0
        for dir in [root, casesDir, indexDir] {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where f.hasPrefix(DurableFile.tempPrefix) {
                if unlink(dir.appendingPathComponent(f).path) == 0 { removed += 1 }
            }
        }
        return removed
    }
}
