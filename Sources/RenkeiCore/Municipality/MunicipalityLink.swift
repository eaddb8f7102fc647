/// Linking a case's free-text municipality to the table: what `renkei municipality resolve`
/// (the migration of existing workspaces) and `renkei validate` decide per case. Pure.
public enum MunicipalityLink {
    public enum Status: Equatable, Sendable {
        /// The case already has a code the table knows.
        case linked(MunicipalityEntry)
        /// The name fits exactly one body: the assignments link it.
        case resolvable(MunicipalityEntry, [FieldAssignment])
        /// Several bodies fit; a person must choose (`renkei set ID municipality.code CODE`).
        case ambiguous([MunicipalityEntry])
        /// No body fits: free text stays as it is.
        case unresolved
        /// The stored code has a wrong check digit or is not in the table.
        case unknownCode(String)
    }

    public static func status(of m: Municipality, _ r: some MunicipalityLookup) -> Status {
        if let code = m.code {
            guard MunicipalityCode.isValid(code), let e = r.table.entry(code: code) else { return .unknownCode(code) }
            return .linked(e)
        }
        switch r.resolve(m.name, prefecture: m.prefecture) {
        case .resolved(let e): return .resolvable(e, assignments(m, e, r.table))
        case .ambiguous(let list): return .ambiguous(list)
        case .unresolved: return .unresolved
        }
    }

    /// The code, and the prefecture and kind where the case has none. The name the person wrote
    /// is kept, and a prefecture or kind already written is never overwritten.
    public static func assignments(_ m: Municipality, _ e: MunicipalityEntry, _ table: MunicipalityTable) -> [FieldAssignment] {
        var out = [FieldAssignment("municipality.code", .string(e.code))]
        if m.prefecture == nil, let p = table.prefectureName(of: e.code) { out.append(FieldAssignment("municipality.prefecture", .string(p))) }
        if m.kind == nil { out.append(FieldAssignment("municipality.kind", .string(e.kind.caseKind.rawValue))) }
        return out
    }
}

/// A municipality as a person types it for a new case (`renkei new`, the workbench's form):
/// linked to its code when it fits exactly one body (a name, 「府中市（東京都）」, a reading or a
/// 6-digit code), asked about when it fits several (never a guess), kept as free text otherwise —
/// with the nearest bodies offered. Pure.
public enum MunicipalityOnEntry {
    public enum Outcome: Equatable, Sendable {
        case linked(MunicipalityEntry)
        case ambiguous([MunicipalityEntry])
        /// Not in the table; `near` are the closest bodies to offer (possibly none).
        case freeText(near: [MunicipalityEntry])
    }

    /// What `name` (with `prefecture`, if written) is.
    /// The nearest bodies come from a full resolver's typing index; an exact lookup (what
    /// `renkei new` loads: ≈ 1 ms instead of ≈ 7 ms for the index) offers none.
    public static func outcome(_ name: String, prefecture: String?, _ r: some MunicipalityLookup) -> Outcome {
        let typed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let code = TextNormalizer.nfkc(typed)
        if MunicipalityCode.isValid(code), let e = r.table.entry(code: code) { return .linked(e) }
        switch r.resolve(typed, prefecture: prefecture) {
        case .resolved(let e): return .linked(e)
        case .ambiguous(let list): return .ambiguous(list)
        case .unresolved: return .freeText(near: typed.isEmpty ? [] : (r as? MunicipalityResolver)?.suggest(typed, limit: 3) ?? [])
        }
    }

    /// Fills the input's code, kind and (when not written) prefecture for a name that fits one
    /// body. A name typed as a reading, romaji or code (さやま, ｻﾔﾏ市, sayama, 112151) becomes the
    /// body's name; one that contains it (埼玉県狭山市, 府中市（東京都）) is kept as written.
    /// Other outcomes leave the input as typed.
    @discardableResult
    public static func link(_ input: inout NewCaseInput, _ r: some MunicipalityLookup) -> Outcome {
        let o = outcome(input.municipality, prefecture: input.prefecture, r)
        if case .linked(let e) = o {
            if !TextNormalizer.nfkc(input.municipality).contains(e.name) { input.municipality = r.table.fullName(e) }
            input.code = e.code
            input.kind = e.kind.caseKind
            if (input.prefecture ?? "").isEmpty { input.prefecture = r.table.prefectureName(of: e.code) }
        }
        return o
    }

    /// The line under the form's municipality field while it is typed.
    public static func hint(_ o: Outcome, typed: String, table: MunicipalityTable) -> MunicipalityMessage {
        switch o {
        case .linked(let e): return .willLink(body: table.displayName(e), code: e.code)
        case .ambiguous(let list): return .chooseOne(input: typed, candidates: list.map { "\(table.displayName($0)) \($0.code)" })
        case .freeText(let near): return .freeText(near: near.map { "\(table.displayName($0)) \($0.code)" })
        }
    }
}
