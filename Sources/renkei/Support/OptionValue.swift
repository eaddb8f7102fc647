import Foundation
import RenkeiCore

/// The one place a typed option or argument becomes a path or a checked number, so every
/// command refuses the same things with the same one line (exit 2, the label table's words):
///
/// - An empty path: `URL(fileURLWithPath: "")` is the current directory, so `-o ''` wrote over
///   it, `init ''` made it a workspace and `--workspace ''` used it (hostile sweep, session 6).
/// - A number outside what the option means (`--limit 0`, `--rate 101`, `--threads -1`): never
///   clamped silently, never trapped. A negative number reaches the check at all because
///   `CommandLineShape` keeps `--within -1` together (ArgumentParser read `-1` as an option).
enum OptionValue {
    /// A file or directory a person named; `option` is how the help names it (`--output`, `<file>`).
    static func path(_ text: String, _ option: String, command: String) throws -> URL {
        try checkPath(text, option, command: command)
        return URL(fileURLWithPath: text)
    }

    /// The same check where the text is passed on as it is (git URLs, the import session).
    static func checkPath(_ text: String?, _ option: String, command: String) throws {
        if let text, text.isEmpty { throw CLIError.usage(.emptyPath(option: option), command) }
    }

    /// `value` (when given) must lie in `range`; the line shows the range as people write it.
    static func check(_ value: Int?, _ option: String, _ range: ClosedRange<Int>, command: String) throws {
        guard let value, !range.contains(value) else { return }
        let shown = range.upperBound == Int.max ? "\(grouped(range.lowerBound))–" : "\(grouped(range.lowerBound))–\(grouped(range.upperBound))"
        throw CLIError.usage(.outOfRange(option: option, value: String(value), range: shown), command)
    }

    /// 10000000 → "10,000,000" (years stay as they are: below 10,000).
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return String(n) }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A fractional value in `low < v ≤ high` (a rate in percent).
    static func check(_ value: Double?, _ option: String, above low: Double, atMost high: Double, shown: String, command: String) throws {
        guard let value, !(value > low && value <= high) else { return }
        throw CLIError.usage(.outOfRange(option: option, value: SafeNumber.plain(value), range: shown), command)
    }
}
