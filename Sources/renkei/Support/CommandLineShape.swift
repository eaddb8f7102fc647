import ArgumentParser

/// People type global options the git/kubectl way, before the subcommand
/// (`renkei --workspace ~/ws list`); ArgumentParser only accepts them after it. This moves
/// leading global options behind the subcommand path and turns a mistyped command into one
/// line with the nearest real command, instead of ArgumentParser's "Unexpected argument".
enum CommandLineShape {
    /// Options of `GlobalOptions` that take a value (`--workspace DIR`, `--today=2026-12-01`).
    static let globalOptionsWithValue: Set<String> = ["--workspace", "--today"]

    enum Outcome: Equatable {
        case arguments([String])
        /// The first word is not a command: the word and the nearest command, if one is close.
        case unknownCommand(String, suggestion: String?)
    }

    /// `arguments` excludes the program name.
    static func reshape(_ arguments: [String], root: ParsableCommand.Type) -> Outcome {
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
            if first == "help" { return .arguments(arguments) }
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

    /// Levenshtein distance over Characters (two rows; command names are short).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
