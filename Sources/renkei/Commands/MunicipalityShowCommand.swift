import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei municipality show 狭山市 [--json]` — one municipality: the body, its profile (desk,
/// size class, budget calendar, notes), its readiness (guide p.29–35), its cases by stage and
/// its next deadlines.
struct MunicipalityShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show",
        abstract: CommandHelp.abstract("One municipality: profile, readiness (guide p.29–35), cases by stage, next deadlines.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Name, reading, romaji or 6-digit code (狭山市, さやま, sayama, 112151; 府中市（東京都）).") var name: String
    @Flag(help: "Machine-readable output.") var json = false

    func run() throws {
        let ctx = try AppContext.make(global)
        // The index carries each linked case's code: no case file is decoded.
        let all = try MunicipalityWorld.summaries(ctx)
        let world = try MunicipalityWorld.loadExact(ctx, summaries: all, typed: name)
        for p in world.profileProblems { Output.warn(p) }
        let entry = try MunicipalityWorld.body(name, world.resolver) { MunicipalityWorld.offered(name, try MunicipalityWorld.rows(ctx)) }
        let summaries = world.cases(code: entry.code, all)
        let context = ctx.store.calendars(for: summaries, data: ctx.data, today: ctx.today).context
        let deadlines = summaries.flatMap { DeadlineEngine.items(for: $0, context: context) }
        let o = MunicipalityOverview(entry: entry, table: world.table, profile: world.profiles[entry.code], cases: summaries,
                                     deadlines: deadlines, catalog: ctx.catalog)
        if json { try Output.json(OverviewJSON(o, lang: Output.lang)) } else { render(o, lang: Output.lang) }
    }

    func render(_ o: MunicipalityOverview, lang: Lang) {
        Output.line("\(o.displayName)  \(o.entry.code)  \(o.entry.kind.label(lang)) · "
                    + MunicipalityMessage.profileSize(size: o.size.label(lang), fromKind: !o.sizeFromProfile).text(lang))
        if let p = o.profile {
            if let d = p.desk {
                let people = d.contacts.map { c in c.name + (c.role.map { "（\($0)）" } ?? "") }
                Output.line("  \(ML.desk.text(lang)): \(d.name)" + (people.isEmpty ? "" : " — " + WorkbenchMessage.list(people).text(lang)))
            }
            if let cal = p.calendar { Output.line("  \(ML.calendar.text(lang)): \(cal)") }
            if let n = p.notes, !n.isEmpty { Output.line("  \(ML.notes.text(lang)): \(TerminalText.inline(n))") }
        } else {
            Output.line("  \(ML.noProfile.text(lang)) — municipalities/\(o.entry.code).json")
        }
        let r = o.readiness
        Output.line("")
        Output.line("\(ML.readiness.text(lang)): " + MunicipalityMessage.readinessCounts(yes: r.yes, partial: r.partial, no: r.no, unknown: r.unknown).text(lang))
        for row in r.rows {
            let status = row.readiness?.status.label(lang) ?? ML.unknownReadiness.text(lang)
            var line = "  [\(status)] \(row.item.label(lang)) (\(row.item.page))"
            if let n = row.readiness?.note, !n.isEmpty { line += " — \(TerminalText.inline(n))" }
            Output.line(line)
        }
        Output.line("")
        Output.line(ML.casesByStage.text(lang))
        if o.casesByStage.isEmpty { Output.line("  " + ML.noCases.text(lang)) }
        for g in o.casesByStage {
            Output.line("  \(g.stage.progressGlyph) \(g.stage.label(lang)) (\(g.cases.count))")
            for c in g.cases { Output.line("    \(c.id)  \(TerminalText.inline(c.title))") }
        }
        Output.line("")
        Output.line(ML.deadlines.text(lang))
        if o.deadlines.isEmpty { Output.line("  " + ML.noDeadlines.text(lang)) }
        for d in o.deadlines {
            Output.line("  \(Deadlines.date(d.due, wareki: false, lang))  \(d.caseId)  \(d.label(lang))"
                        + "  " + DeadlineText.status(daysOverdue: d.daysOverdue, lang))
        }
    }
}

/// `renkei municipality show --json`.
struct OverviewJSON: Encodable {
    struct ReadinessRow: Encodable { var id: String; var label: String; var page: String; var status: String?; var note: String?; var source: String? }
    struct CaseRow: Encodable { var id: String; var title: String; var stage: String }
    struct DeadlineRow: Encodable { var caseId: String; var label: String; var due: String; var daysOverdue: Int }
    var code: String, name: String, prefecture: String, kind: String, size: String, sizeFromProfile: Bool
    var desk: MunicipalityProfile.Desk?
    var calendar: String?, notes: String?
    var readiness: [ReadinessRow]
    var cases: [CaseRow]
    var deadlines: [DeadlineRow]

    init(_ o: MunicipalityOverview, lang: Lang) {
        code = o.entry.code; name = o.displayName; prefecture = o.prefecture; kind = o.entry.kind.rawValue
        size = o.size.rawValue; sizeFromProfile = o.sizeFromProfile
        desk = o.profile?.desk; calendar = o.profile?.calendar; notes = o.profile?.notes
        readiness = o.readiness.rows.map { ReadinessRow(id: $0.item.id, label: $0.item.label(lang), page: $0.item.page,
                                                        status: $0.readiness?.status.rawValue, note: $0.readiness?.note, source: $0.readiness?.source) }
        cases = o.casesByStage.flatMap { g in g.cases.map { CaseRow(id: $0.id, title: $0.title, stage: $0.stage.rawValue) } }
        deadlines = o.deadlines.map { DeadlineRow(caseId: $0.caseId, label: $0.label(lang), due: $0.due.description, daysOverdue: $0.daysOverdue) }
    }
}

/// `renkei municipality list [--readiness] [--json]` — every municipality the workspace has
/// cases or a profile for, with its code, kind, size class and case count.
struct MunicipalityListCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list",
        abstract: CommandHelp.abstract("Municipalities with cases or a profile: code, kind, size class, cases (and readiness).", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Add the readiness counts (guide p.29–35).") var readiness = false
    @Flag(help: "Machine-readable output.") var json = false

    struct Row: Encodable {
        var code: String, name: String, kind: String, size: String, cases: Int
        var readiness: Counts?
        struct Counts: Encodable { var yes: Int, partial: Int, no: Int, unknown: Int }
    }
    struct Out: Encodable { var municipalities: [Row]; var unresolvedCases: [String] }

    func run() throws {
        let ctx = try AppContext.make(global)
        let summaries = try MunicipalityWorld.summaries(ctx)
        let world = try MunicipalityWorld.loadExact(ctx, summaries: summaries)
        for p in world.profileProblems { Output.warn(p) }
        let lang = Output.lang
        let codes = MunicipalityMembership.codes(summaries, world.resolver)
        var count: [String: Int] = [:]
        for (_, code) in codes { count[code, default: 0] += 1 }
        let all = Set(count.keys).union(world.profiles.keys).sorted()
        var rows: [Row] = []
        for code in all {
            guard let e = world.table.entry(code: code) else { continue }  // a profile with a wrong code: warned above
            let p = world.profiles[code]
            let r = ReadinessSummary(profile: p, items: ctx.catalog.readinessItems)
            rows.append(Row(code: code, name: world.table.displayName(e), kind: e.kind.rawValue,
                            size: MunicipalityProfile.sizeClass(of: e.kind, profile: p).rawValue, cases: count[code] ?? 0,
                            readiness: readiness ? .init(yes: r.yes, partial: r.partial, no: r.no, unknown: r.unknown) : nil))
        }
        let unresolved = summaries.filter { codes[$0.id] == nil }.map(\.id)
        if json { try Output.json(Out(municipalities: rows, unresolvedCases: unresolved)); return }
        var header = [ML.code.text(lang), ML.municipalities.text(lang), ML.kind.text(lang), ML.size.text(lang), ML.cases.text(lang)]
        if readiness { header.append(ML.readiness.text(lang)) }
        Output.table(header: header, rows: rows.map { r in
            var cells = [r.code, r.name, BodyKind(rawValue: r.kind)!.label(lang), SizeClass(rawValue: r.size)!.label(lang), String(r.cases)]
            if let c = r.readiness { cells.append(MunicipalityMessage.readinessCounts(yes: c.yes, partial: c.partial, no: c.no, unknown: c.unknown).text(lang)) }
            return cells
        }, maxWidths: [6, 28, 12, 10, 5, 40])
        if !unresolved.isEmpty {
            Output.line("")
            Output.line("\(ML.unresolvedSection.text(lang)) (\(unresolved.count)): " + unresolved.joined(separator: ", "))
        }
    }
}
