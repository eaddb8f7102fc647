import Foundation
import RenkeiCore

// Modal dialogs (forms, prompts, pickers, the gate dialog) and toasts: the state each one keeps.

public enum FieldKind: Equatable, Sendable {
    case text, multiline
    case choice(ids: [String], labels: [String])
}

public struct FormField: Equatable, Sendable {
    public var key: String
    public var label: String
    public var kind: FieldKind
    public var input: TextInput
    public var choice = 0
    public var required = false
    public var hint: String?
    public var error: String?
    /// Shown under the field without blocking the save (a target year already too late).
    public var warning: String?
    public var value: String {
        if case .choice(let ids, _) = kind { return ids.indices.contains(choice) ? ids[choice] : "" }
        return input.text
    }
}

public enum FormPurpose: Equatable, Sendable {
    case newCase
    case edit(caseId: String, path: String, before: JSONValue)
    case note(caseId: String)
    /// From the overdue review: snooze one deadline item until a date, with a reason.
    case snooze(caseId: String, item: String)
    /// From the overdue review: set the case's next action (text and due date).
    case nextAction(caseId: String)
    /// One record of a case's list (index nil: a new one); `before` is the whole list as opened.
    case record(caseId: String, list: RecordList, index: Int?, before: JSONValue)
}

public struct Form: Equatable, Sendable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var error: String?
    /// A line above the fields saying what the form is about (the snoozed item): a title
    /// holding it was cut at 80 columns.
    public var note: String?
}

public enum PromptPurpose: Equatable, Sendable {
    case move(caseId: String, from: Stage, to: Stage)
    case gateOverride(caseId: String, stage: Stage)
    case saveView
    /// The first run: who signs the changes (`FirstRun.swift`).
    case actorName
}

public struct Prompt: Equatable, Sendable {
    public var purpose: PromptPurpose
    public var title: String
    public var label: String
    public var input = TextInput()
    public var error: String?
    /// Lines shown above the input (e.g. the unmet gate items).
    public var body: [String] = []
}

public enum PickerPurpose: Equatable, Sendable {
    case editField(caseId: String)
    case moveTo(caseId: String, from: Stage)
    /// Which of a case's partners the partner view shows.
    case partner(caseId: String)
    /// A case's records of one list (`RecordEditors.swift`).
    case records(caseId: String, list: RecordList)
    case confirmDelete(caseId: String)
    /// The first run's offer of the sample portfolio.
    case samples
    /// The list as CSV: which encoding (`: CSV 書き出し`, issue 13).
    case exportCSV
}

public struct Picker: Equatable, Sendable {
    public var purpose: PickerPurpose
    public var title: String
    public var ids: [String]
    public var labels: [String]
    public var selection = 0
    /// The keys line under the list (default: Enter choose · Esc cancel).
    public var footer: String?
}

public struct GateDialog: Equatable, Sendable {
    public var caseId: String
    public var stage: Stage
    public var problems: [String]
}

public enum Modal: Equatable, Sendable {
    case help(scroll: Int)
    case palette(input: TextInput, selection: Int)
    case gate(GateDialog)
    case prompt(Prompt)
    case form(Form)
    case picker(Picker)
    case overdue(review: OverdueReview, selection: Int)
    /// `x`: audience, format, anonymisation, then the preview of what is replaced.
    case export(ExportDialog)
    /// `: 取り込み`: the file, the column mapping, the row-by-row preview, then the import.
    case importFile(ImportDialog)
    /// Concurrent edits from syncs, to keep or take the other value (issue 12).
    case conflicts(rows: [ConcurrentEditRow], selection: Int)
}

public enum ToastKind: Equatable, Sendable { case info, success, error }
public struct Toast: Equatable, Sendable {
    public var text: String
    public var kind: ToastKind
    public var ticksLeft: Int
}
