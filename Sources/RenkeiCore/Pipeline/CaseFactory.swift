import Foundation

/// Case ids become file names, so they are validated before they ever touch a path.
public enum CaseID {
    public static let maxLength = 64

    /// `[A-Za-z0-9-]`, 1–64 characters, not starting with '-' (would read as a CLI flag).
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maxLength, id.first != "-" else { return false }
        return id.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
        }
    }

    public static func validationMessage(_ id: String, _ lang: Lang) -> String {
        Message.invalidCaseId(TerminalText.inline(id), maxLength: maxLength).text(lang)
    }

    /// Next sequential id "c-0001", "c-0002", … not in `existing`. Kept for synthetic portfolios
    /// (`renkei dev generate`); new cases get `CaseID.make` (collision-free across machines).
    public static func next(existing: some Sequence<String>) -> String {
        var maxN = 0
        for id in existing where id.hasPrefix("c-") {
            // Ignore absurd numbers: "c-9223372036854775807" would trap on maxN + 1.
            if let n = Int(id.dropFirst(2)), n >= 0, n < 999_999_999 { maxN = max(maxN, n) }
        }
        let n = String(maxN + 1)
        return "c-" + String(repeating: "0", count: max(0, 4 - n.count)) + n
    }
}

public struct NewCaseInput: Equatable, Sendable {
    public var id: String
    public var title: String
    public var municipality: String
    public var prefecture: String?
    public var partners: [String]
    public var fiscalYear: Int?
    public var department: String?
    public var exit: Exit?
    /// 全国地方公共団体コード when the name was resolved to one body (`MunicipalityOnEntry.link`).
    public var code: String?
    /// The kind of that body (from the table), else the name's suffix decides.
    public var kind: MunicipalityKind?
    public init(id: String, title: String, municipality: String, prefecture: String? = nil, partners: [String] = [],
                fiscalYear: Int? = nil, department: String? = nil, exit: Exit? = nil) {
        self.id = id; self.title = title; self.municipality = municipality; self.prefecture = prefecture
        self.partners = partners; self.fiscalYear = fiscalYear; self.department = department; self.exit = exit
    }
}

public enum CaseFactory {
    /// The kind a name says (都道府県 / 町 / 村 / 市), for new cases and imported ones alike.
    public static func municipalityKind(_ name: String) -> MunicipalityKind? {
        name.hasSuffix("県") || name.hasSuffix("都") || name.hasSuffix("府") || name == "北海道" ? .prefecture
            : name.hasSuffix("町") ? .town : name.hasSuffix("村") ? .village : name.hasSuffix("市") ? .city : nil
    }

    /// Validates the input and builds a case at `issue-definition` with its `created` event.
    public static func make(_ input: NewCaseInput, context ctx: CommandContext) throws -> Case {
        guard CaseID.isValid(input.id) else { throw CommandError.invalid(.invalidCaseId(input.id)) }
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let muni = input.municipality.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw CommandError.refused(.newCaseNeedsTitle) }
        guard !muni.isEmpty else { throw CommandError.refused(.newCaseNeedsMunicipality) }
        if let fy = input.fiscalYear, !(2000...2100).contains(fy) {
            throw CommandError.field(.invalid(field: "budget.fiscalYear", value: String(fy), expected: .fiscalYear))
        }
        let kind = input.kind ?? municipalityKind(muni)
        var c = Case(id: input.id, title: title,
                     municipality: Municipality(name: muni, prefecture: input.prefecture?.isEmpty == false ? input.prefecture : nil, kind: kind,
                                                code: input.code),
                     department: input.department ?? "",
                     partners: input.partners.filter { !$0.isEmpty }.map { Partner(name: $0) },
                     exit: input.exit,
                     budget: Budget(fiscalYear: input.fiscalYear))
        var changes = [Change(field: "stage", before: .null, after: .string(Stage.issueDefinition.rawValue)),
                       Change(field: "title", before: .null, after: .string(title)),
                       Change(field: "municipality.name", before: .null, after: .string(muni))]
        if let code = input.code { changes.append(Change(field: "municipality.code", before: .null, after: .string(code))) }
        if let fy = input.fiscalYear { changes.append(Change(field: "budget.fiscalYear", before: .null, after: .int(fy))) }
        var ids = ctx.idSource()
        c.events = [Event(seq: 1, at: ctx.now, actor: ctx.actor, kind: .created, command: ctx.commandId, changes: changes,
                          id: EventID.make(at: ctx.now, random: ids.next()))]
        return c
    }
}

/// Ids people type: the whole id, or the start of one when only one case has it.
public enum CaseIDPrefix: Equatable, Sendable {
    case exact(String), unique(String), ambiguous([String]), none

    /// Case-sensitive like the file names; at most ten candidates are listed.
    public static func match(_ typed: String, among ids: [String]) -> CaseIDPrefix {
        if ids.contains(typed) { return .exact(typed) }
        let hits = ids.filter { $0.hasPrefix(typed) }.sorted()
        switch hits.count {
        case 0: return .none
        case 1: return .unique(hits[0])
        default: return .ambiguous(Array(hits.prefix(10)))
        }
    }
}
