import RenkeiCore
import RenkeiStore

/// The documented exit codes (a contract for scripts).
enum ExitStatus: Int32 {
    case ok = 0, error = 1, usage = 2, gateBlocked = 3, conflict = 4

    static func of(_ error: Error) -> ExitStatus {
        switch error {
        case CommandError.gateBlocked: return .gateBlocked
        case CommandError.conflict, StoreError.conflict, StoreError.locked: return .conflict
        default: return .error
        }
    }
}

/// An error with its exit status, printed as one line on stderr.
struct CLIError: Error {
    var message: String
    var code: ExitStatus
    init(_ message: String, code: ExitStatus = .error) { self.message = message; self.code = code }
}

extension Choice {
    /// The code for a value typed on the command line, or the usage error listing the accepted
    /// values in the user's language (exit 2, the same for every command).
    static func cli(_ input: String, _ field: ChoiceField, _ choices: [Choice]) throws -> String {
        do { return try code(input, for: field, among: choices) } catch let e as ChoiceError {
            throw CLIError(e.text(Output.lang), code: .usage)
        }
    }
}

extension CLIError {
    /// A usage error worded in the label table (exit 2), with where the command's help is.
    static func usage(_ m: UsageMessage, _ command: String) -> CLIError {
        CLIError(m.line(Output.lang, command: command), code: .usage)
    }
}
