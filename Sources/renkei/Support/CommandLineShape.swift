import ArgumentParser

/// People type global options the git/kubectl way, before the subcommand
/// (`renkei --workspace ~/ws list`); ArgumentParser only accepts them after it. This moves
/// leading global options behind the subcommand path and turns a mistyped command into one
/// line with the nearest real command, instead of ArgumentParser's "Unexpected argument".
enum CommandLineShape {
    /// Options of `GlobalOptions` that take a value (`--workspace DIR`, `--today=2026-12-01`).
    static let globalOptionsWithValue: Set<String> = ["--workspace", "--today"]

    /// Every command's options that take a value (`UsageErrorsCLITests` holds this equal to
    /// ArgumentParser's own list, from `--experimental-dump-help`).
    static let optionsWithValue: Set<String> = [
        "actual", "baseline", "case", "cases", "department", "due", "email", "encoding", "exit", "feed", "fiscal-year", "for",
        "format", "id", "keep", "kind", "lang", "limit", "mapping", "municipality", "note", "on", "organization", "output",
        "partner", "phone", "prefecture", "preset", "rate", "reason", "remote", "role", "search", "seed", "sheet", "stage",
        "take-other", "target", "template", "threads", "tick", "title", "to", "today", "unit", "untick", "until", "within",
        "workspace", "yen",
    ]

    /// `--within -1` → `--within=-1`: ArgumentParser reads a word starting with `-` as an option,
    /// so a negative number after an option said "--within needs a value" — the wrong problem.
    /// Joined, the value reaches the command, whose range check names the option and its range
    /// (`OptionValue`). Only for options that take a value, and never after `--`.
    static func joiningNegativeNumbers(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { out += arguments[i...]; break }
            if a.hasPrefix("--"), !a.contains("="), optionsWithValue.contains(String(a.dropFirst(2))), i + 1 < arguments.count,
               isNegativeNumber(arguments[i + 1]) {
                out.append(a + "=" + arguments[i + 1])
                i += 2
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    /// `-1`, `-0.5`, `-9223372036854775809`, `-1e3`: a minus and a digit (never an option name).
    static func isNegativeNumber(_ word: String) -> Bool {
        let u = Array(word.utf8.prefix(3))
        guard u.count >= 2, u[0] == UInt8(ascii: "-") else { return false }
        let d = u[1] == UInt8(ascii: ".") && u.count == 3 ? u[2] : u[1]
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d)
    }

    enum Outcome: Equatable {
        case arguments([String])
        /// The first word is not a command: the word and the nearest command, if one is close.
        case unknownCommand(String, suggestion: String?)
    }

    /// `arguments` excludes the program name.
    static func reshape(_ raw: [String], root: ParsableCommand.Type) -> Outcome {
        let arguments = joiningNegativeNumbers(raw)
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            guard globalOptionsWithValue.contains(name) else { break }
            leading.append(a)
            if !a.contains("="), i + 1 < arguments.count { leading.append(arguments[i + 1]); i += 1 }
            i += 1
        }
        let rest = Array(arguments[i...])
        // Nothing after the globals, or an option: the default subcommand (the workbench) takes it all.
        guard let first = rest.first, !first.hasPrefix("-") else { return .arguments(arguments) }

        // Walk the subcommand path (`dev generate`), then put the globals right after it.
        var command: ParsableCommand.Type = root
        var path: [String] = []
        for word in rest {
            guard let sub = subcommands(of: command).first(where: { name(of: $0) == word }) else { break }
            command = sub
            path.append(word)
        }
        if path.isEmpty {
            if first == "help" {
                // `help NAME…` must name commands: ArgumentParser printed the root's help, exit 0, for `help nope`.
                var command: ParsableCommand.Type = root
                for word in rest.dropFirst() where !word.hasPrefix("-") {
                    guard let sub = subcommands(of: command).first(where: { name(of: $0) == word }) else {
                        return .unknownCommand(word, suggestion: nearest(to: word, among: subcommands(of: command).map(name(of:))))
                    }
                    command = sub
                }
                return .arguments(arguments)
            }
            return .unknownCommand(first, suggestion: nearest(to: first, among: subcommands(of: root).map(name(of:)) + ["help"]))
        }
        return .arguments(path + leading + rest.dropFirst(path.count))
    }

    static func subcommands(of command: ParsableCommand.Type) -> [ParsableCommand.Type] {
        command.configuration.subcommands
    }

    static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// The closest command by edit distance (at most 2, or a prefix of it), nil when none is close.
    static func nearest(to word: String, among names: [String]) -> String? {
        let lower = word.lowercased()
        if let prefixed = names.first(where: { $0.hasPrefix(lower) }), lower.count >= 2 { return prefixed }
        let scored = names.map { ($0, editDistance(lower, $0)) }.min { $0.1 < $1.1 }
        guard let best = scored, best.1 <= max(1, min(2, word.count / 3)) else { return nil }
        return best.0
    }

    /// Edit distance over Characters where swapping two neighbours counts as one edit (optimal
    /// string alignment): `lsit`, `sycn` and `shwo` are the typos people make, and plain
    /// Levenshtein counts each as two, too far for a four-letter command.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }
}
