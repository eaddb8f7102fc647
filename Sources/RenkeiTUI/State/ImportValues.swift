import Foundation
import RenkeiCore

// The import dialog's value map (`v` on a column mapped to a stage, exit, method or domain):
// the column's distinct texts with what each means now, and the choices for one of them. The
// runtime lists and resolves the texts (on a worker); the dialog only keeps what was chosen.

/// One distinct text of the column: how often it occurs, where first, what it maps to.
public struct ImportValue: Equatable, Sendable {
    public var text: String
    public var count: Int
    public var firstRow: Int
    /// The id it maps to (nil: unmapped — its rows show as problems in the preview).
    public var target: String?
    /// What it means with no value map entry (renkei's own names; nil: nothing): `x` goes back to it.
    public var builtIn: String?
    public init(text: String, count: Int, firstRow: Int, target: String?, builtIn: String? = nil) {
        self.text = text; self.count = count; self.firstRow = firstRow; self.target = target; self.builtIn = builtIn
    }
}

/// One change to a value's meaning on screen (a choice, or `x` clearing one), as it was before:
/// `u` in the value map puts it back.
public struct ImportValueEdit: Equatable, Sendable {
    public var field: String
    public var text: String
    /// The dialog's own entry before (nil: none — the mapping file's or renkei's meaning applied).
    public var entry: String?
    /// The meaning shown before.
    public var target: String?
}

/// A column's values, as the runtime answered for a request (`.readImportValues`).
public struct ImportValueList: Equatable, Sendable {
    public var column: String
    public var field: String
    public var values: [ImportValue]
    /// More distinct texts than listed (a column of titles mapped to a stage).
    public var truncated: Bool
    public init(column: String, field: String, values: [ImportValue], truncated: Bool = false) {
        self.column = column; self.field = field; self.values = values; self.truncated = truncated
    }
}

/// What a value can mean, in the reader's language.
public struct ImportValueChoice: Equatable, Sendable {
    public var id: String
    public var label: String
}

extension AppState {
    /// The ids a coded field accepts, named as the rest of the workbench names them: stages and
    /// exits from Core, methods and domains from the guide's catalog.
    func importValueChoices(_ field: String) -> [ImportValueChoice] {
        switch field {
        case "stage": return Stage.allCases.map { ImportValueChoice(id: $0.rawValue, label: $0.label(lang)) }
        case "exit": return Exit.allCases.map { ImportValueChoice(id: $0.rawValue, label: $0.label(lang)) }
        case "method": return catalog.methods.map { ImportValueChoice(id: $0.id, label: $0.label(lang)) }
        case "domain": return catalog.domains.map { ImportValueChoice(id: $0.id, label: $0.label(lang)) }
        default: return []
        }
    }

    /// An id's name for the value list, fitted to `width`: 「調整・意思決定  (coordination)」, as the
    /// field list writes a field; a long catalog name (随意契約（地方自治法施行令…）) is shortened
    /// so the id stays readable, and where even that does not fit, the name alone.
    func importValueLabel(_ field: String, _ id: String, width: Int) -> String {
        guard let label = importValueChoices(field).first(where: { $0.id == id })?.label else { return DisplayWidth.clip(id, to: width) }
        let suffix = "  (\(id))"
        let room = width - DisplayWidth.of(suffix)
        if room < 6 { return DisplayWidth.clip(label, to: width) }
        return DisplayWidth.clip(label, to: room) + suffix
    }
}
