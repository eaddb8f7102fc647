/// One thing wrong with a calendar or funding file, naming the file and the field,
/// e.g. `calendars/札幌市.json: milestones[2].date (request): "02-30" is not a date`.
public struct CalendarProblem: Error, Equatable, Sendable, Codable, CustomStringConvertible {
    /// File path as given by the loader (relative or absolute).
    public var file: String
    /// JSON path of the offending field, e.g. `milestones[3].date`, or "" for the whole file.
    public var field: String
    public var message: String

    public init(file: String, field: String, message: String) {
        self.file = file; self.field = field; self.message = message
    }

    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
    }
}
