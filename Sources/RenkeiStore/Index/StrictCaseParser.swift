import Foundation
import RenkeiCore

/// A hand-written decoder for case files as renkei writes them, used only to build the summary
/// index (a cold start over 10,000 files). It accepts a strict *subset* of what
/// `JSONDecoder().decode(Case.self, …)` accepts and, for what it accepts, builds the identical
/// `Case`. Anything outside the subset — an unknown key, an escape it does not handle, a
/// number with an exponent or more than 18 digits, a decimal where an integer is expected, a
/// duplicate key, a `null` in a required field, a BOM — makes it give up (`nil`), and the
/// caller decodes the file the normal way. So it can make a file faster, never differently
/// judged.
///
/// `modelMatches` lists the fields it knows; `IndexTests` fails when the model gains, loses or
/// renames one, until this parser (and `CaseTree`, which writes the same fields) learns it.
/// That check is a test, not a guard on every parse: reflecting over sixteen types cost
/// 9.5 M instructions on the first parse of every process (a third of git's merge driver,
/// callgrind). A field this parser does not know still makes it give up on a file that has it.
enum StrictCaseParser {
    /// nil: not in the subset — use the normal decoder.
    static func parse(_ data: Data) -> Case? {
        return data.withUnsafeBytes { raw -> Case? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else { return nil }
            var parser = StrictJSONScanner(p: base, n: raw.count)
            do {
                let c = try parser.caseValue()
                parser.ws()
                guard parser.i == parser.n else { return nil }
                return c
            } catch { return nil }
        }
    }

    // MARK: model guard

    /// The stored properties this parser knows, per type, in declaration order. If the model
    /// gains, loses or renames a field, the Mirror labels differ and `IndexTests` fails.
    static let modelMatches: Bool = {
        let at = Timestamp("2026-01-01T00:00:00+09:00")!
        let day = Day(year: 2026, month: 1, day: 1)!
        func labels(_ v: Any) -> [String] { Mirror(reflecting: v).children.map { $0.label ?? "" } }
        let expected: [(Any, [String])] = [
            (Case(id: "x", title: "", municipality: Municipality(name: "")),
             ["schemaVersion", "id", "revision", "title", "municipality", "department", "contacts", "partners", "domain", "issue",
              "exit", "method", "stage", "stageReason", "checklist", "budget", "kpis", "tags", "notes", "nextAction", "snoozes",
              "fundingWindows", "events", "concurrentEdits"]),
            (Municipality(name: ""), ["name", "prefecture", "size", "kind", "code"]),
            (Contact(name: ""), ["name", "organization", "role", "email", "phone"]),
            (Partner(name: ""), ["name", "kind", "role"]),
            (IssueFrame(), ["why", "how", "what"]),
            (Tick(at: at, by: ""), ["at", "by"]),
            (Budget(), ["fiscalYear", "items", "expenditureItem", "roughQuoteYen", "funding", "reference"]),
            (BudgetItem(label: "", yen: 0), ["label", "yen"]),
            (FundingSource(name: "", kind: .general), ["name", "kind", "ratePercent", "yen", "windowId"]),
            (KPI(name: "", unit: ""), ["name", "unit", "baseline", "target", "actuals"]),
            (KPIActual(date: day, value: 0), ["date", "value"]),
            (Note(id: 0, at: at, author: "", text: ""), ["id", "at", "author", "text"]),
            (NextAction(text: "", due: nil), ["text", "due"]),
            (Snooze(item: "", until: day, reason: "", at: at, by: ""), ["item", "until", "reason", "at", "by"]),
            (Event(seq: 0, at: at, actor: "", kind: .created, command: "", changes: []),
             ["seq", "id", "at", "actor", "kind", "command", "changes", "reason", "target"]),
            (Change(field: "", before: .null, after: .null), ["field", "before", "after"]),
        ]
        return expected.allSatisfy { labels($0.0) == $0.1 }
    }()
}

/// The case schema on top of the scanner: one function per model type, fields in any order,
/// each key at most once, required fields present.
extension StrictJSONScanner {

    mutating func caseValue() throws -> Case {
        var schemaVersion: Int?, id: String?, revision: Int?, title: String?, municipality: Municipality?
        var department: String?, contacts: [Contact]?, partners: [Partner]?, domain: String?, issue: IssueFrame?
        var exit: Exit?, method: String?, stage: Stage?, stageReason: String?, checklist: [String: Tick]?
        var budget: Budget?, kpis: [KPI]?, tags: [String]?, notes: [Note]?, nextAction: NextAction?
        var snoozes: [Snooze]?, fundingWindows: [String]?, events: [Event]?
        try object { p, key in
            switch key {
            case "schemaVersion": schemaVersion = try p.int()
            case "id": id = try p.string()
            case "revision": revision = try p.optional { try $0.int() }
            case "title": title = try p.string()
            case "municipality": municipality = try p.municipality()
            case "department": department = try p.optional { try $0.string() }
            case "contacts": contacts = try p.optional { try $0.array { try $0.contact() } }
            case "partners": partners = try p.optional { try $0.array { try $0.partner() } }
            case "domain": domain = try p.optional { try $0.string() }
            case "issue": issue = try p.optional { try $0.issueFrame() }
            case "exit": exit = try p.optional { try $0.enumValue(Exit.self) }
            case "method": method = try p.optional { try $0.string() }
            case "stage": stage = try p.enumValue(Stage.self)
            case "stageReason": stageReason = try p.optional { try $0.string() }
            case "checklist": checklist = try p.optional { try $0.ticks() }
            case "budget": budget = try p.optional { try $0.budget() }
            case "kpis": kpis = try p.optional { try $0.array { try $0.kpi() } }
            case "tags": tags = try p.optional { try $0.array { try $0.string() } }
            case "notes": notes = try p.optional { try $0.array { try $0.note() } }
            case "nextAction": nextAction = try p.optional { try $0.nextAction() }
            case "snoozes": snoozes = try p.optional { try $0.array { try $0.snooze() } }
            case "fundingWindows": fundingWindows = try p.optional { try $0.array { try $0.string() } }
            case "events": events = try p.optional { try $0.array { try $0.event() } }
            default: throw GiveUp()
            }
        }
        guard let schemaVersion, let id, let title, let municipality, let stage else { throw GiveUp() }
        var c = Case(id: id, title: title, municipality: municipality, department: department ?? "",
                     contacts: contacts ?? [], partners: partners ?? [], domain: domain, issue: issue ?? IssueFrame(),
                     exit: exit, method: method, stage: stage, stageReason: stageReason, checklist: checklist ?? [:],
                     budget: budget ?? Budget(), kpis: kpis ?? [], tags: tags ?? [], notes: notes ?? [],
                     nextAction: nextAction, snoozes: snoozes ?? [], fundingWindows: fundingWindows ?? [],
                     events: events ?? [], revision: revision ?? 0)
        c.schemaVersion = schemaVersion
        return c
    }

    mutating func municipality() throws -> Municipality {
        var name: String?, prefecture: String?, size: SizeClass?, kind: MunicipalityKind?, code: String?
        try object { p, key in
            switch key {
            case "name": name = try p.string()
            case "code": code = try p.optional { try $0.string() }
            case "prefecture": prefecture = try p.optional { try $0.string() }
            case "size": size = try p.optional { try $0.enumValue(SizeClass.self) }
            case "kind": kind = try p.optional { try $0.enumValue(MunicipalityKind.self) }
            default: throw GiveUp()
            }
        }
        guard let name else { throw GiveUp() }
        return Municipality(name: name, prefecture: prefecture, size: size, kind: kind, code: code)
    }

    mutating func contact() throws -> Contact {
        var name: String?, organization: String?, role: String?, email: String?, phone: String?
        try object { p, key in
            switch key {
            case "name": name = try p.string()
            case "organization": organization = try p.optional { try $0.string() }
            case "role": role = try p.optional { try $0.string() }
            case "email": email = try p.optional { try $0.string() }
            case "phone": phone = try p.optional { try $0.string() }
            default: throw GiveUp()
            }
        }
        guard let name else { throw GiveUp() }
        return Contact(name: name, organization: organization, role: role, email: email, phone: phone)
    }

    mutating func partner() throws -> Partner {
        var name: String?, kind: PartnerKind?, role: String?
        try object { p, key in
            switch key {
            case "name": name = try p.string()
            case "kind": kind = try p.enumValue(PartnerKind.self)
            case "role": role = try p.optional { try $0.string() }
            default: throw GiveUp()
            }
        }
        guard let name, let kind else { throw GiveUp() }
        return Partner(name: name, kind: kind, role: role)
    }

    mutating func issueFrame() throws -> IssueFrame {
        var why: String?, how: String?, what: String?
        try object { p, key in
            switch key {
            case "why": why = try p.optional { try $0.string() }
            case "how": how = try p.optional { try $0.string() }
            case "what": what = try p.optional { try $0.string() }
            default: throw GiveUp()
            }
        }
        return IssueFrame(why: why ?? "", how: how ?? "", what: what ?? "")
    }

    mutating func tick() throws -> Tick {
        var at: Timestamp?, by: String?
        try object { p, key in
            switch key {
            case "at": at = try p.timestamp()
            case "by": by = try p.string()
            default: throw GiveUp()
            }
        }
        guard let at, let by else { throw GiveUp() }
        return Tick(at: at, by: by)
    }

    mutating func ticks() throws -> [String: Tick] {
        var out: [String: Tick] = [:]
        try object { p, key in out[key.string()] = try p.tick() }
        return out
    }

    mutating func budget() throws -> Budget {
        var fiscalYear: Int?, items: [BudgetItem]?, expenditureItem: String?, roughQuoteYen: Int?
        var funding: [FundingSource]?, reference: [String: String]?
        try object { p, key in
            switch key {
            case "fiscalYear": fiscalYear = try p.optional { try $0.int() }
            case "items": items = try p.optional { try $0.array { try $0.budgetItem() } }
            case "expenditureItem": expenditureItem = try p.optional { try $0.string() }
            case "roughQuoteYen": roughQuoteYen = try p.optional { try $0.int() }
            case "funding": funding = try p.optional { try $0.array { try $0.fundingSource() } }
            case "reference":
                reference = try p.optional { q -> [String: String] in
                    var r: [String: String] = [:]
                    try q.object { q2, k in r[k.string()] = try q2.string() }
                    return r
                }
            default: throw GiveUp()
            }
        }
        return Budget(fiscalYear: fiscalYear, items: items ?? [], expenditureItem: expenditureItem,
                      roughQuoteYen: roughQuoteYen, funding: funding ?? [], reference: reference ?? [:])
    }

    mutating func budgetItem() throws -> BudgetItem {
        var label: String?, yen: Int?
        try object { p, key in
            switch key {
            case "label": label = try p.string()
            case "yen": yen = try p.int()
            default: throw GiveUp()
            }
        }
        guard let label, let yen else { throw GiveUp() }
        return BudgetItem(label: label, yen: yen)
    }

    mutating func fundingSource() throws -> FundingSource {
        var name: String?, kind: FundingKind?, ratePercent: Double?, yen: Int?, windowId: String?
        try object { p, key in
            switch key {
            case "name": name = try p.string()
            case "kind": kind = try p.enumValue(FundingKind.self)
            case "ratePercent": ratePercent = try p.optional { try $0.double() }
            case "yen": yen = try p.optional { try $0.int() }
            case "windowId": windowId = try p.optional { try $0.string() }
            default: throw GiveUp()
            }
        }
        guard let name, let kind else { throw GiveUp() }
        return FundingSource(name: name, kind: kind, ratePercent: ratePercent, yen: yen, windowId: windowId)
    }

    mutating func kpi() throws -> KPI {
        var name: String?, unit: String?, baseline: Double?, target: Double?, actuals: [KPIActual]?
        try object { p, key in
            switch key {
            case "name": name = try p.string()
            case "unit": unit = try p.string()
            case "baseline": baseline = try p.optional { try $0.double() }
            case "target": target = try p.optional { try $0.double() }
            case "actuals": actuals = try p.array { try $0.kpiActual() }
            default: throw GiveUp()
            }
        }
        guard let name, let unit, let actuals else { throw GiveUp() }
        return KPI(name: name, unit: unit, baseline: baseline, target: target, actuals: actuals)
    }

    mutating func kpiActual() throws -> KPIActual {
        var date: Day?, value: Double?
        try object { p, key in
            switch key {
            case "date": date = try p.day()
            case "value": value = try p.double()
            default: throw GiveUp()
            }
        }
        guard let date, let value else { throw GiveUp() }
        return KPIActual(date: date, value: value)
    }

    mutating func note() throws -> Note {
        var id: Int?, at: Timestamp?, author: String?, text: String?
        try object { p, key in
            switch key {
            case "id": id = try p.int()
            case "at": at = try p.timestamp()
            case "author": author = try p.string()
            case "text": text = try p.string()
            default: throw GiveUp()
            }
        }
        guard let id, let at, let author, let text else { throw GiveUp() }
        return Note(id: id, at: at, author: author, text: text)
    }

    mutating func nextAction() throws -> NextAction {
        var text: String?, due: Day?
        try object { p, key in
            switch key {
            case "text": text = try p.string()
            case "due": due = try p.optional { try $0.day() }
            default: throw GiveUp()
            }
        }
        guard let text else { throw GiveUp() }
        return NextAction(text: text, due: due)
    }

    mutating func snooze() throws -> Snooze {
        var item: String?, until: Day?, reason: String?, at: Timestamp?, by: String?
        try object { p, key in
            switch key {
            case "item": item = try p.string()
            case "until": until = try p.day()
            case "reason": reason = try p.string()
            case "at": at = try p.timestamp()
            case "by": by = try p.string()
            default: throw GiveUp()
            }
        }
        guard let item, let until, let reason, let at, let by else { throw GiveUp() }
        return Snooze(item: item, until: until, reason: reason, at: at, by: by)
    }

    mutating func event() throws -> Event {
        var seq: Int?, id: String?, at: Timestamp?, actor: String?, kind: EventKind?, command: String?
        var changes: [Change]?, reason: String?, target: String?
        try object { p, key in
            switch key {
            case "seq": seq = try p.int()
            case "id": id = try p.string()
            case "at": at = try p.timestamp()
            case "actor": actor = try p.string()
            case "kind": kind = try p.enumValue(EventKind.self)
            case "command": command = try p.string()
            case "changes": changes = try p.array { try $0.change() }
            case "reason": reason = try p.optional { try $0.string() }
            case "target": target = try p.optional { try $0.string() }
            default: throw GiveUp()
            }
        }
        guard let seq, let at, let actor, let kind, let command, let changes else { throw GiveUp() }
        return Event(seq: seq, at: at, actor: actor, kind: kind, command: command, changes: changes, reason: reason, target: target, id: id)
    }

    mutating func change() throws -> Change {
        var field: String?, before: JSONValue?, after: JSONValue?
        try object { p, key in
            switch key {
            case "field": field = try p.string()
            case "before": before = try p.jsonValue()
            case "after": after = try p.jsonValue()
            default: throw GiveUp()
            }
        }
        guard let field, let before, let after else { throw GiveUp() }
        return Change(field: field, before: before, after: after)
    }
}
