import RenkeiCore

/// Why a whole file cannot be read (as opposed to one bad row, see `RowProblem`): one line
/// naming the file and what to do, worded in Core's `ImportMessage` (so the CLI and the
/// workbench say it in the reader's language); never the file's content beyond a short excerpt.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public var message: ImportMessage
    public init(_ message: ImportMessage) { self.message = message }

    /// A file over the cap, in whole megabytes.
    public static func tooLarge(file: String, bytes: Int, limit: Int) -> ImportError {
        ImportError(.tooLarge(file: file, megabytes: bytes / 1_048_576, limitMegabytes: limit / 1_048_576))
    }

    public func text(_ lang: Lang) -> String { message.text(lang) }
    public var description: String { message.text(.en) }
}
extension ImportError: WordedError {}
