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

    public static func status(of m: Municipality, _ r: MunicipalityResolver) -> Status {
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
