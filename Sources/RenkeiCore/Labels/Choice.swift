import Foundation

/// One value a person can pick for a field (a stage, an exit, a method …): the code stored in
/// the file and the names people type or read. The CLI and the TUI resolve what was typed
/// through `Choice.resolve`, so `予算化`, `Budgeting` and `budgeting` are the same input.
public struct Choice: Sendable, Equatable {
    public let code: String
    public let ja: String
    public let en: String
    /// Other names that mean the same (short forms like 調達 for the procurement exit).
    public let aliases: [String]

    public init(code: String, ja: String, en: String, aliases: [String] = []) {
        self.code = code; self.ja = ja; self.en = en; self.aliases = aliases
    }

    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }

    /// Folds what a person types: NFKC, lower case, without 中黒, spaces and the quotes of
    /// 自治体“へ”導入, so 「子育て・母子保健」, 「子育て 母子保健」 and 「子育て母子保健」 are one input.
    public static func fold(_ s: String) -> String {
        let dropped: Set<Character> = ["・", "･", "·", " ", "\u{3000}", "\t", "“", "”", "\"", "「", "」", "_"]
        return String(TextNormalizer.nfkc(s).lowercased().filter { !dropped.contains($0) })
    }

    /// The names matched exactly (after folding): code, ja, en, aliases, each part of a 中黒
    /// list (子育て for 子育て・母子保健) and the name before a parenthesis (随意契約 for
    /// 随意契約（地方自治法施行令…）).
    var exactNames: [String] {
        var names = [code, ja, en] + aliases
        for n in [ja, en] {
            let parts = n.split(whereSeparator: { "・･&、".contains($0) })
            if parts.count > 1 { names += parts.map(String.init) }
            if let cut = n.firstIndex(where: { "（(".contains($0) }), cut != n.startIndex { names.append(String(n[..<cut])) }
        }
        return names
    }

    public enum Resolution: Equatable, Sendable {
        case found(Choice)
        case ambiguous([Choice])
        case unknown
    }

    /// Exact names first (case- and width-insensitive); else a unique prefix of a name.
    public static func resolve(_ input: String, among choices: [Choice]) -> Resolution {
        let key = fold(input)
        guard !key.isEmpty else { return .unknown }
        let exact = choices.filter { c in c.exactNames.contains { fold($0) == key } }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        let prefixed = choices.filter { c in c.exactNames.contains { fold($0).hasPrefix(key) } }
        if prefixed.count == 1 { return .found(prefixed[0]) }
        if prefixed.count > 1 { return .ambiguous(prefixed) }
        return .unknown
    }

    /// Resolves or throws the one message that lists the accepted values in `lang`.
    public static func code(_ input: String, for field: ChoiceField, among choices: [Choice]) throws -> String {
        switch resolve(input, among: choices) {
        case .found(let c): return c.code
        case .ambiguous(let cs): throw ChoiceError(field: field, input: input, accepted: cs, ambiguous: true)
        case .unknown: throw ChoiceError(field: field, input: input, accepted: choices, ambiguous: false)
        }
    }
}

/// The fields whose values are picked from a list.
public enum ChoiceField: String, CaseIterable, Sendable {
    case stage, exit, method, domain, size, municipalityKind, partnerKind, fundingKind, format

    public func label(_ lang: Lang) -> String {
        switch self {
        case .stage: return Label.stage.text(lang)
        case .exit: return Label.exit.text(lang)
        case .method: return Label.method.text(lang)
        case .domain: return Label.domain.text(lang)
        case .size: return Label.sizeClass.text(lang)
        case .municipalityKind: return Label.municipalityKind.text(lang)
        case .partnerKind: return Label.partnerKind.text(lang)
        case .fundingKind: return Label.fundingKind.text(lang)
        case .format: return Label.format.text(lang)
        }
    }
}

/// A typed value that did not name one choice; `text(lang)` lists what is accepted.
public struct ChoiceError: Error, Equatable, Sendable {
    public let field: ChoiceField
    public let input: String
    public let accepted: [Choice]
    public let ambiguous: Bool

    public func text(_ lang: Lang) -> String {
        Message.unknownChoice(field: field, input: input, accepted: accepted, ambiguous: ambiguous).text(lang)
    }
}

extension Choice {
    public static var stages: [Choice] {
        Stage.allCases.map { Choice(code: $0.rawValue, ja: $0.ja, en: $0.en) }
    }
    public static var exits: [Choice] {
        Exit.allCases.map { Choice(code: $0.rawValue, ja: $0.ja, en: $0.en, aliases: [$0.shortJa]) }
    }
    public static var sizeClasses: [Choice] {
        SizeClass.allCases.map { Choice(code: $0.rawValue, ja: $0.ja, en: $0.en) }
    }
    public static var municipalityKinds: [Choice] {
        MunicipalityKind.allCases.map { Choice(code: $0.rawValue, ja: $0.ja, en: $0.en) }
    }
    public static var partnerKinds: [Choice] {
        PartnerKind.allCases.map { Choice(code: $0.rawValue, ja: $0.ja, en: $0.en) }
    }
    public static var fundingKinds: [Choice] {
        FundingKind.allCases.map { Choice(code: $0.rawValue, ja: $0.ja, en: $0.en) }
    }
    public static func methods(_ catalog: Catalog) -> [Choice] {
        catalog.methods.map { Choice(code: $0.id, ja: $0.ja, en: $0.en) }
    }
    public static func domains(_ catalog: Catalog) -> [Choice] {
        catalog.domains.map { Choice(code: $0.id, ja: $0.ja, en: $0.en) }
    }

    /// The choices of a field path of `CaseFields`, or nil for free text.
    public static func forField(_ path: String, catalog: Catalog) -> (ChoiceField, [Choice])? {
        switch path {
        case "exit": return (.exit, exits)
        case "method": return (.method, methods(catalog))
        case "domain": return (.domain, domains(catalog))
        case "municipality.size": return (.size, sizeClasses)
        case "municipality.kind": return (.municipalityKind, municipalityKinds)
        default: return nil
        }
    }

    /// The display name of a stored code (falls back to the code for values the catalog lacks).
    public static func label(of code: String, in choices: [Choice], _ lang: Lang) -> String {
        choices.first { $0.code == code }?.label(lang) ?? code
    }
}

extension CaseFields {
    /// `parse` that first resolves a value typed for a choice field (`set ID exit 調達`,
    /// `set ID method 随意契約`, `set ID domain 子育て`) to its code. Throws `ChoiceError`.
    public static func parse(_ path: String, _ text: String, catalog: Catalog) throws -> JSONValue {
        guard let (field, choices) = Choice.forField(path, catalog: catalog),
              !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return try parse(path, text) }
        return try parse(path, try Choice.code(text, for: field, among: choices))
    }
}
