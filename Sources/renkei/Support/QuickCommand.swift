#if canImport(Glibc)
import Glibc
#endif

/// The start-up shortcut for the commands people and scripts run most (`list`, `overdue`, `show`,
/// `sync`), for `--version` and for git's merge driver.
///
/// ArgumentParser builds each command by reflection and `Decodable` (~16 M instructions, about
/// half of a `list --count` on 1,000 cases — issue 19's callgrind rows; ≈ 17 M of a no-op `sync`'s 69 M,
/// issue 12), and even an empty
/// command struct costs ~1 M to create (its property wrappers). For these commands with only
/// their ordinary options, global options before or after the command, this fills the plain
/// `ListRun`/`OverdueRun`/`ShowRun`/`SyncRun` the ArgumentParser commands also run, and skips that
/// machinery. Anything else — `--help`, an unknown or repeated option, a missing value, a bad
/// number — returns nil and ArgumentParser parses the line as always, so errors and help look
/// exactly as before. `QuickCommandCLITests` holds both paths to the same output over generated
/// argument lists.
enum QuickCommand {
    /// `arguments` excludes the program name; the result runs the command.
    static func parse(_ arguments: [String]) -> (() throws -> Void)? {
        // RENKEI_NO_QUICK=1 turns the shortcut off, so tests can hold both paths to the same output.
        if let off = getenv("RENKEI_NO_QUICK"), off.pointee != 0 { return nil }
        if arguments == ["--version"] { return { print(Renkei.versionLine) } }
        if let driver = mergeDriver(arguments) { return { try driver.run() } }
        // Global options may come first (`renkei --workspace ~/ws list`); the rest is order-free.
        var start = 0
        while start < arguments.count, let name = Options.valuedName(arguments[start]),
              CommandLineShape.globalOptionsWithValue.contains("--" + name) {
            start += arguments[start].contains("=") ? 1 : 2
        }
        guard start < arguments.count else { return nil }
        let name = arguments[start]
        var rest = start + 1
        // `sync run` is `sync`'s default subcommand spelled out; only right after `sync`, where
        // ArgumentParser takes it as the subcommand (elsewhere the word goes to ArgumentParser).
        if name == "sync", rest < arguments.count, arguments[rest] == "run" { rest += 1 }
        guard var options = Options(Array(arguments[..<start]) + Array(arguments[rest...])) else { return nil }
        let command: (() throws -> Void)?
        switch name {
        case "list": command = list(&options).map { c in { try c.run() } }
        case "overdue": command = overdue(&options).map { c in { try c.run() } }
        case "show": command = show(&options).map { c in { try c.run() } }
        case "sync": let run = SyncRun(global: global(&options)); command = { try run.run() }
        default: return nil
        }
        // Every word must have been used: an option this shortcut does not know goes to ArgumentParser.
        guard let command, options.isEmpty else { return nil }
        return command
    }

    /// `merge-driver %O %A %B [%P]` exactly as git writes it (`SyncSetup.driverCommand`): git
    /// runs it once per conflicted case file, so it must not pay for ArgumentParser. Temp paths
    /// git makes never start with `-`; anything else (`--help`, a fifth word) is parsed as always.
    static func mergeDriver(_ arguments: [String]) -> MergeDriverRun? {
        guard arguments.first == "merge-driver", (4...5).contains(arguments.count),
              !arguments.dropFirst().contains(where: { $0.hasPrefix("-") }) else { return nil }
        return MergeDriverRun(base: arguments[1], ours: arguments[2], theirs: arguments[3], path: arguments.count == 5 ? arguments[4] : "")
    }

    static func global(_ o: inout Options) -> GlobalValues {
        GlobalValues(workspace: o.value("workspace"), today: o.value("today"))
    }

    static func list(_ o: inout Options) -> ListRun? {
        var c = ListRun(global: global(&o))
        c.stage = o.value("stage")
        c.exit = o.value("exit")
        c.search = o.value("search")
        c.municipality = o.value("municipality")
        guard let limit = o.integer("limit") else { return nil }
        c.limit = limit
        c.count = o.flag("count")
        c.archived = o.flag("archived")
        c.all = o.flag("all")
        c.json = o.flag("json")
        return c
    }

    static func overdue(_ o: inout Options) -> OverdueRun? {
        var c = OverdueRun(global: global(&o))
        guard let within = o.integer("within") else { return nil }
        c.within = within ?? 14
        c.all = o.flag("all")
        c.count = o.flag("count")
        c.wareki = o.flag("wareki")
        c.json = o.flag("json")
        return c
    }

    static func show(_ o: inout Options) -> ShowRun? {
        let json = o.flag("json")
        guard o.positional.count == 1 else { return nil }
        return ShowRun(global: global(&o), id: o.positional.removeFirst(), json: json)
    }

    /// `--name value`, `--name=value` and `--flag`; every name at most once; words not starting
    /// with `--` are positional. A lone `-`, short options and `--` end the shortcut (nil).
    struct Options {
        var named: [String: String?] = [:]
        var positional: [String] = []

        /// Options that take a value (all commands above); any other `--name` is a flag.
        static let valued: Set<String> = ["workspace", "today", "stage", "exit", "search", "municipality", "limit", "within"]

        init?(_ words: [String]) {
            var i = 0
            while i < words.count {
                let w = words[i]
                if w.hasPrefix("--") && w.count > 2 {
                    let body = w.dropFirst(2)
                    let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    let name = String(parts[0])
                    guard named[name] == nil else { return nil }
                    if Self.valued.contains(name) {
                        if parts.count == 2 { named[name] = String(parts[1]) }
                        else if i + 1 < words.count, !words[i + 1].hasPrefix("-") { named[name] = words[i + 1]; i += 1 }
                        else { return nil }
                    } else {
                        guard parts.count == 1 else { return nil }
                        named[name] = .some(nil)
                    }
                } else if w.hasPrefix("-") {
                    return nil
                } else {
                    positional.append(w)
                }
                i += 1
            }
        }

        var isEmpty: Bool { named.isEmpty && positional.isEmpty }

        /// The name of `--name value` / `--name=value` when `name` takes a value, else nil.
        static func valuedName(_ word: String) -> String? {
            guard word.hasPrefix("--") else { return nil }
            let name = String(word.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
            return valued.contains(name) ? name : nil
        }

        mutating func value(_ name: String) -> String? {
            guard let v = named.removeValue(forKey: name) else { return nil }
            return v
        }

        mutating func flag(_ name: String) -> Bool {
            guard let v = named[name], v == nil else { return false }
            named.removeValue(forKey: name)
            return true
        }

        /// .some(nil) when absent, .some(n) when a number, nil when present but not a number.
        mutating func integer(_ name: String) -> Int?? {
            guard let v = named[name] else { return .some(nil) }
            guard let text = v, let n = Int(text) else { return nil }
            named.removeValue(forKey: name)
            return .some(n)
        }
    }
}
