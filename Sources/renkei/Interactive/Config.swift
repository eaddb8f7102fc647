import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTUI

/// The user's settings file: `$XDG_CONFIG_HOME/renkei/config.json` (else ~/.config/renkei/),
/// plus an optional `keys.json` (action → keys) and `views.json` (saved views, written by the app).
///
///     { "lang": "ja", "theme": "dark", "color": true, "wareki": false, "mouse": false,
///       "keys": { "advance": [">", "ctrl-f"], "quit": ["q", "Q"] },
///       "views": [ { "name": "狭山", "filter": "狭山", "stages": ["budgeting"], "sort": "deadline" } ] }
///
/// Parsing happens here (I/O); applying the result to the keymap is pure (`Keymap.applying`).
enum Config {
    struct File: Decodable {
        var lang: String?
        var theme: String?
        var color: Bool?
        var wareki: Bool?
        var mouse: Bool?
        var keys: [String: KeyList]?
        var views: [SavedView]?
    }

    /// A key list may be written as one string or an array of strings.
    struct KeyList: Decodable {
        var keys: [String]
        init(from d: Decoder) throws {
            let c = try d.singleValueContainer()
            if let s = try? c.decode(String.self) { keys = [s] } else { keys = try c.decode([String].self) }
        }
    }

    static var directory: URL {
        let env = ProcessEnvironment.current
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("renkei") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/renkei")
    }

    /// Settings plus problems to show (a bad config never stops the app).
    static func load(env: [String: String] = ProcessEnvironment.current) -> (Settings, [SettingsProblem]) {
        var s = Settings(lang: Lang(environment: env))
        var problems: [SettingsProblem] = []
        let dir = directory
        var file = File()
        let cfg = dir.appendingPathComponent("config.json")
        if let data = readSettingsFile(cfg, &problems) {
            do { file = try JSONDecoder().decode(File.self, from: data) } catch {
                problems.append(.damaged(path: cfg.path, ErrorText.reason(error, bytes: data)))
            }
        }
        if env["RENKEI_LANG"] == nil, let l = file.lang {
            if let v = Lang(rawValue: l) { s.lang = v } else { problems.append(.language(l)) }
        }
        if let t = file.theme {
            if let v = ThemeKind(rawValue: t) { s.theme = v } else { problems.append(.theme(t)) }
        }
        if let c = file.color { s.colors = c }
        if let v = env["NO_COLOR"], !v.isEmpty { s.colors = false }
        s.wareki = file.wareki ?? false
        s.mouse = file.mouse ?? false
        var keys = (file.keys ?? [:]).mapValues(\.keys)
        let keysFile = dir.appendingPathComponent("keys.json")
        if let data = readSettingsFile(keysFile, &problems) {
            do {
                let extra = try JSONDecoder().decode([String: KeyList].self, from: data)
                for (k, v) in extra { keys[k] = v.keys }
            } catch { problems.append(.damaged(path: keysFile.path, ErrorText.reason(error, bytes: data))) }
        }
        let (km, keyProblems) = Keymap.default.applying(keys)
        s.keymap = km
        problems += keyProblems
        var views = file.views ?? []
        let viewsFile = dir.appendingPathComponent("views.json")
        if let data = readSettingsFile(viewsFile, &problems) {
            do { views += try JSONDecoder().decode([SavedView].self, from: data) } catch { problems.append(.damaged(path: viewsFile.path, ErrorText.reason(error, bytes: data))) }
        }
        s.views = views
        return (s, problems)
    }

    /// A settings file's bytes; nil when it is absent. Anything else that stops the read (a FIFO,
    /// a directory, too large) is a problem to show — and never blocks the start.
    static func readSettingsFile(_ url: URL, _ problems: inout [SettingsProblem]) -> Data? {
        do { return try RegularFile.read(url, limit: 1_048_576, followSymlinks: true) } catch StoreError.io(_, _, ENOENT) { return nil } catch {
            problems.append(.unreadable((error as? StoreError)?.message ?? .io(path: url.path, .io(op: FileOp.read.rawValue, reason: .other(ErrorText.line(error))))))
            return nil
        }
    }

    /// Saves the views made in the app (config.json's own views stay where they are).
    static func saveViews(_ views: [SavedView], configViews: Int) throws {
        let dir = directory
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try e.encode(Array(views.dropFirst(configViews)))
        let url = dir.appendingPathComponent("views.json")
        let tmp = dir.appendingPathComponent(".views.json.tmp")
        try data.write(to: tmp)
        _ = try FileManager.default.replaceItemAt(url, withItemAt: tmp)
    }

    /// Writes `"actor"` into config.json, keeping every other setting; a config.json that cannot
    /// be read as a JSON object is left alone (the error says so) rather than replaced.
    static func saveActor(_ name: String) throws {
        let dir = directory
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("config.json")
        var object: [String: Any] = [:]
        var problems: [SettingsProblem] = []
        if let data = readSettingsFile(url, &problems) {
            guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CLIError(StatusMessage.configNotAnObject(path: url.path, actor: name).text(Output.lang))
            }
            object = o
        } else if case .unreadable(let m)? = problems.first { throw CLIError(m.text(Output.lang)) }
        object["actor"] = name
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        let tmp = dir.appendingPathComponent(".config.json.tmp")
        try data.write(to: tmp)
        if FileManager.default.fileExists(atPath: url.path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: tmp) }
        else { try FileManager.default.moveItem(at: tmp, to: url) }
    }
}
