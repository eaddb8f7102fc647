/// A problem in a budget calendar, the holiday file or a funding window file: the file, the
/// JSON field (`milestones[3].date`, "" for the whole file) and what is wrong, typed
/// (`CalendarProblemKind`) so each reader gets it in their language.
public struct CalendarProblem: Error, Equatable, Sendable, Codable, CustomStringConvertible {
    /// File path as given by the loader (relative or absolute).
    public var file: String
    /// JSON path of the offending field, e.g. `milestones[3].date`, or "" for the whole file.
    public var field: String
    public var kind: CalendarProblemKind

    public init(file: String, field: String, _ kind: CalendarProblemKind) {
        self.file = file; self.field = field; self.kind = kind
    }

    /// What is wrong, in English, without the file and field.
    public var message: String { kind.text(.en) }

    /// One line: `file: field: what is wrong — what to do`.
    public func text(_ lang: Lang) -> String {
        field.isEmpty ? "\(file): \(kind.text(lang))" : "\(file): \(field): \(kind.text(lang))"
    }

    public var description: String { text(.en) }
}
