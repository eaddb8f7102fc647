import RenkeiCore

/// Export failures, each one line naming what failed and what to do: Core's `ExportMessage`
/// (the label table's one definition, worded in both languages) under the name the report
/// code and its callers use.
public typealias ReportError = ExportMessage
