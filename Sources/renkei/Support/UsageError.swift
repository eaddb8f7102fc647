import ArgumentParser
import Foundation
import RenkeiCore

/// The argument parser's refusals, read back into Core's `UsageMessage` so they print as one
/// line in the reader's language (issue 14: "Error: Missing expected argument '<id>'" plus a
/// usage block, in English, under a Japanese locale). The parser's error types are internal;
/// its sentences are a stable, tested shape (ArgumentParser is pinned exactly), so they are
/// matched here — an unrecognised one is kept whole inside the Japanese line, never dropped.
enum UsageError {
    static func message(_ sentence: String) -> UsageMessage {
        let s = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        let q = quotedParts(s)
        if s.hasPrefix("Unknown option"), let o = q.first { return .unknownOption(o, suggestion: q.count > 1 ? q[1] : nil) }
        if s.hasPrefix("Invalid option: ") { return .unknownOption(String(s.dropFirst("Invalid option: ".count)), suggestion: nil) }
        if s.hasPrefix("Missing value for"), let o = q.first { return .missingValue(option: o) }
        if s.hasPrefix("Missing expected argument"), let a = q.first { return .missingArgument(a) }
        if s.hasPrefix("Missing one of:") { return .missingOneOf(q) }
        if s.hasPrefix("Unexpected argument"), let a = q.first { return .unexpectedArguments([a]) }
        if s.contains("unexpected arguments:"), !q.isEmpty { return .unexpectedArguments(q) }
        if s.hasPrefix("The value"), let v = q.first { return .invalidValue(value: v, for: q.count > 1 ? q[1] : nil) }
        if s.hasPrefix("Missing required subcommand") { return .missingSubcommand }
        if s.hasPrefix("The option"), s.contains("does not take any value"), let f = q.first { return .flagWithValue(f) }
        if s.hasPrefix("Can't generate completion scripts for") || s.hasPrefix("Can't autodetect a supported shell") {
            return .oneOf(option: "--generate-completion-script", values: ["zsh", "bash", "fish"])
        }
        if s.contains("cannot be repeated") || s.contains("specified multiple times"), let f = q.first { return .repeated(f) }
        return .other(s)
    }

    /// The texts between single quotes, in order ("Unknown option '--x'. Did you mean '--y'?").
    static func quotedParts(_ s: String) -> [String] {
        let re = try! NSRegularExpression(pattern: "'([^']*)'")
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { m in Range(m.range(at: 1), in: s).map { String(s[$0]) } }
    }

    /// The subcommand the words name (for "renkei export --help"), empty for the root.
    static func command(in arguments: [String], root: ParsableCommand.Type) -> String {
        var names: [String] = []
        var current: ParsableCommand.Type = root
        for a in arguments where !a.hasPrefix("-") {
            guard let sub = current.configuration.subcommands.first(where: { $0.configuration.commandName == a }) else { break }
            names.append(a); current = sub
        }
        return names.joined(separator: " ")
    }
}
