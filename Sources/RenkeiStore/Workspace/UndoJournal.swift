import Foundation
import RenkeiCore

/// The workspace's undo/redo stacks, persisted in `undo.json` so `renkei undo` works after a
/// restart and across the CLI and the TUI. Entries point at commands in case event logs; the
/// logs themselves hold the before/after values.
public struct UndoJournal: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var command: String
        public var caseId: String
        public var label: String
        public var at: Timestamp
        /// Creation is undone by moving the file to trash/, not by replaying changes.
        public var creation: Bool
        public init(command: String, caseId: String, label: String, at: Timestamp, creation: Bool = false) {
            self.command = command; self.caseId = caseId; self.label = label; self.at = at; self.creation = creation
        }
    }
    public var undo: [Entry] = []
    public var redo: [Entry] = []
    public static let limit = 500

    public init() {}

    static func load(_ url: URL) -> UndoJournal {
        guard let d = try? DurableFile.read(url, limit: 8 * 1_048_576),
              let j = try? JSONDecoder().decode(UndoJournal.self, from: d) else { return UndoJournal() }
        return j
    }

    func save(_ url: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try DurableFile.write(try e.encode(self), to: url)
    }

    mutating func push(_ entry: Entry) {
        undo.append(entry)
        if undo.count > Self.limit { undo.removeFirst(undo.count - Self.limit) }
        redo.removeAll()
    }
}
