import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiSync

/// `renkei conflicts`: the concurrent edits merges recorded — a calm review list, not an error.
/// Each shows both values, who and when, and which one the case holds; `--keep N` marks it
/// reviewed, `--take-other N` sets the other value (one undoable command either way).
struct ConflictsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "conflicts",
        abstract: CommandHelp.abstract("Review concurrent edits from syncs: both values, who, when, which was kept.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Machine-readable output.") var json = false
    @Option(help: "Keep the value the case holds (number from the list, or the edit's id).") var keep: String?
    @Option(name: .customLong("take-other"), help: "Take the other value instead (number from the list, or the edit's id).") var takeOther: String?

    struct Row: Encodable {
        var number: Int
        /// The case; for a municipality profile or partner record, its file (as `record`).
        var caseId: String
        var record: String?
        var id: String
        var unit: String
        var field: String?
        var kept: JSONValue
        var other: JSONValue
        var keptBy: String?
        var keptAt: String?
        var otherBy: String?
        var otherAt: String?
        var cause: String
    }

    func run() throws {
        if keep != nil && takeOther != nil { throw CLIError.usage(.notBoth("--keep", "--take-other"), "conflicts") }
        let ctx = try AppContext.make(global, mutating: keep != nil || takeOther != nil)
        let rows = try Self.open(ctx)
        if let choice = keep ?? takeOther {
            guard let row = rows.first(where: { "\($0.number)" == choice || $0.id == choice }) else {
                throw CLIError(SyncMessage.conflictUnknown(choice).text(Output.lang))
            }
            if let file = row.record {
                let (_, warning) = try ctx.store.resolveRecordEdit(file: file, id: row.id, takeOther: takeOther != nil, actor: ctx.actor, now: ctx.now)
                if let warning { Output.warn(warning.text(Output.lang)) }
            } else {
                _ = try ctx.apply(row.caseId, .resolveConcurrentEdit(id: row.id, takeOther: takeOther != nil))
            }
            let field = ctx.names.name(row.field ?? row.unit, Output.lang)
            if takeOther != nil {
                Output.line(SyncMessage.conflictTookOther(caseId: row.caseId, field: field,
                                                          value: ctx.names.value(row.field ?? row.unit, row.other, Output.lang)).text(Output.lang))
            } else {
                Output.line(SyncMessage.conflictKept(caseId: row.caseId, field: field).text(Output.lang))
            }
            return
        }
        if json { try Output.json(rows); return }
        if rows.isEmpty { Output.line(SyncMessage.noConflicts.text(Output.lang)); return }
        Output.line(SyncMessage.conflictsCount(rows.count).text(Output.lang))
        let lang = Output.lang
        for r in rows {
            let path = r.field ?? r.unit
            // A record's sides carry no who/when (records have no event log): a dash.
            func who(_ by: String?, _ at: String?) -> String {
                let s = [by, at.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") }].compactMap { $0 }.joined(separator: " ")
                return s.isEmpty ? "—" : s
            }
            var line = SyncMessage.conflictLine(number: r.number, caseId: r.caseId, field: ctx.names.name(path, lang),
                                                kept: ctx.names.value(path, r.kept, lang), keptBy: who(r.keptBy, r.keptAt),
                                                other: ctx.names.value(path, r.other, lang), otherBy: who(r.otherBy, r.otherAt)).text(lang)
            if r.cause == ConcurrentEdit.Cause.gateKept.rawValue { line += " — " + SyncMessage.conflictGateKept.text(lang) }
            Output.line(line)
        }
    }

    /// Open concurrent edits of every case, numbered in a stable order (case id, then record).
    static func open(_ ctx: AppContext) throws -> [Row] {
        ConcurrentEditScan.open(ctx.store).enumerated().map { i, r in
            let e = r.edit
            return Row(number: i + 1, caseId: r.caseId, record: r.record, id: e.id, unit: e.unit, field: e.field,
                       kept: e.kept, other: e.other, keptBy: e.keptSide.by, keptAt: e.keptSide.at?.text,
                       otherBy: e.otherSide.by, otherAt: e.otherSide.at?.text, cause: e.cause.rawValue)
        }
    }
}
