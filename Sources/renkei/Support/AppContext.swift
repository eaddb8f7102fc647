import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiStore

/// Everything a command needs, resolved once: where the shipped data and the workspace are,
/// the catalog, the store, who is acting and what day it is (the only place the clock is read).
struct AppContext {
    let data: DataDirectory
    let workspace: Workspace
    let store: CaseStore
    var catalog: Catalog { store.catalog }
    private let catalogOnDemand: CatalogOnDemand
    /// Problems of the catalog and the workspace's extensions, one line each (loads the catalog).
    func catalogProblems(_ lang: Lang) -> [String] { catalogOnDemand.problems(lang) }
    let actor: String
    /// Whether the actor was given (RENKEI_ACTOR or the config's "actor"), not guessed from the
    /// login: the workbench asks for the name when it was not (issue 14).
    let actorConfigured: Bool
    /// The default workspace was created by this run (it starts empty; the workbench offers samples).
    let createdWorkspace: Bool
    let today: Day
    let now: Timestamp

    /// The context of the command that may change cases (set by `make(mutating: true)`), so the
    /// entry point can refresh the calendar feed once the command succeeded.
    nonisolated(unsafe) static var mutatingContext: AppContext?

    /// - Parameter mutating: commands that write clean stale temp files first (under the lock).
    static func make(_ global: GlobalOptions, mutating: Bool = false) throws -> AppContext {
        try make(global.values, mutating: mutating)
    }

    static func make(_ global: GlobalValues, mutating: Bool = false) throws -> AppContext {
        let env = ProcessEnvironment.current
        let (today, now) = try clock(global.today ?? env["RENKEI_TODAY"], nowOverride: env["RENKEI_NOW"])
        let data: DataDirectory
        do { data = try DataDirectory.locate() } catch { throw CLIError(ErrorText.line(error, Output.lang)) }

        // An empty RENKEI_WORKSPACE is unset (as `Workspace.defaultLocation` reads it); an empty
        // --workspace is a mistake said in one line, never the current directory.
        let explicit = global.workspace ?? env["RENKEI_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 }
        let root = try explicit.map { try OptionValue.path($0, "--workspace", command: "") } ?? Workspace.defaultLocation()
        let workspace: Workspace
        var created = false
        if explicit == nil && !FileManager.default.fileExists(atPath: root.appendingPathComponent("cases").path) {
            // First run on the default location: create it empty. Samples are offered by the
            // workbench (one key) or `renkei init --sample DIR` — never mixed silently into real work.
            workspace = try Workspace.create(at: root)
            created = true
            Output.warn(Message.firstRun(path: root.path).text(Output.lang))
        } else {
            workspace = try Workspace(root: root)
        }
        for w in workspace.warnings { Output.warn(w.text(Output.lang)) }

        let catalog = CatalogOnDemand(data: data, workspace: workspace)
        let store = CaseStore(workspace: workspace, loadCatalog: { catalog.catalog })
        store.index?.onNotice = { Output.warn($0.text(Output.lang)) }
        if mutating { store.cleanStaleTempFiles() }

        let given = [env["RENKEI_ACTOR"], configuredActor(env)].compactMap { $0 }.first { !$0.isEmpty }
        let actor = given ?? [env["USER"], env["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "unknown"
        let ctx = AppContext(data: data, workspace: workspace, store: store, catalogOnDemand: catalog,
                             actor: actor, actorConfigured: given != nil, createdWorkspace: created, today: today, now: now)
        if mutating { mutatingContext = ctx }
        return ctx
    }

    /// today: --today / RENKEI_TODAY, else the local date. now: RENKEI_NOW (full ISO time, for
    /// reproducible tests), else the pinned day at the current local time, else the current time.
    static func clock(_ pinned: String?, nowOverride: String?) throws -> (Day, Timestamp) {
        if let n = nowOverride, !n.isEmpty {
            guard let t = Timestamp(n) else { throw CLIError.usage(.notADate(option: "RENKEI_NOW", value: n), "") }
            let day = pinned.flatMap(Day.init) ?? t.day
            return (day, t)
        }
        let current = localNow()
        guard let p = pinned, !p.isEmpty else { return (current.day, current) }
        guard let day = Day(p) else { throw CLIError.usage(.notADate(option: "--today", value: p), "") }
        let t = Timestamp(day.description + String(current.text.dropFirst(10))) ?? current   // String(…): a concrete append (issue 19)
        return (day, t)
    }

    /// The current time at the local UTC offset, as libc sees it (TZ, /etc/localtime): the
    /// same offset `TimeZone.current` gives, without building a Foundation time zone at start-up.
    static func localNow() -> Timestamp {
        let date = Date()
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return Timestamp(date) }
        return Timestamp(date, utcOffsetSeconds: Int(parts.tm_gmtoff))
    }

    /// Applies a command durably; a saved edit whose undo entry could not be journaled is still
    /// a success, with a warning on stderr (never reported as failed, so never retried twice).
    @discardableResult
    func apply(_ id: String, _ command: Command) throws -> SaveResult {
        let r = try store.apply(id, command, actor: actor, now: now)
        if let w = r.journalWarning { Output.warn(w.text(Output.lang)) }
        return r
    }

    /// A boolean setting of the config file (`"wareki": true`), nil when absent or unreadable.
    static func configuredFlag(_ key: String, _ env: [String: String]) -> Bool? {
        configObject(env)?[key] as? Bool
    }

    static func configObject(_ env: [String: String]) -> [String: Any]? {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? env["HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent(".config") }
        guard let url = base?.appendingPathComponent("renkei/config.json"),
              let data = try? RegularFile.read(url, limit: 1_048_576, followSymlinks: true) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// `"actor"` from `$XDG_CONFIG_HOME/renkei/config.json` (e.g. a shared login whose events
    /// should still name the coordinator). A missing or unreadable file is simply no setting.
    static func configuredActor(_ env: [String: String]) -> String? {
        (configObject(env)?["actor"] as? String).map { TerminalText.inline($0) }
    }

    /// Resolves the case or fails with the documented message.
    func load(_ id: String) throws -> CaseDocument {
        try store.load(try caseId(id))
    }

    /// The full id for what the user typed: the id itself, or an unambiguous prefix of one
    /// (`show sayama-ntt`). Several matches list them (usage, exit 2); none is exit 1.
    /// `missingOK`: an id with no match is returned as typed, for callers whose store error
    /// says more (a quarantined case).
    func caseId(_ typed: String, missingOK: Bool = false) throws -> String {
        guard CaseID.isValid(typed) else { throw CLIError(CaseID.validationMessage(typed, Output.lang), code: .usage) }
        // A whole id wins over longer ids it prefixes (c-1 vs c-10), so its file alone decides.
        if store.hasCaseFile(typed) { return typed }
        let ids = store.caseFileNames().map { String($0.dropLast(5)) }
        switch CaseIDPrefix.match(typed, among: ids) {
        case .exact(let id), .unique(let id): return id
        case .ambiguous(let candidates):
            throw CLIError(Message.ambiguousCase(prefix: typed, candidates: candidates).text(Output.lang), code: .usage)
        case .none:
            if missingOK { return typed }
            throw CLIError(Message.unknownCase(typed).text(Output.lang))
        }
    }

    /// Names of fields, items and values as a person reads them (history, status lines, undo).
    var names: FieldNames {
        var milestones: [String: (ja: String, en: String)] = [:]
        for m in store.calendars(for: nil, data: data, today: today).loaded.calendars.all.flatMap(\.milestones) where milestones[m.id] == nil {
            milestones[m.id] = (m.ja, m.en)
        }
        return FieldNames(catalog: catalog, milestones: milestones)
    }
}
