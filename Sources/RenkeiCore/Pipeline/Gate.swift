/// Gates: what must be done before a case leaves its current stage (実践ガイド chapters 3–5).
/// Unmet items block `advance` unless the coordinator overrides with a reason (logged).
public struct GateProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable { case item(CatalogItem), field(String) }
    public let kind: Kind

    public var id: String {
        switch kind { case .item(let i): return i.id; case .field(let f): return f }
    }
    public func label(_ lang: Lang) -> String {
        switch kind {
        case .item(let i): return "\(i.label(lang)) (\(i.page))"
        case .field(let f):
            let name = CaseFields.spec(f)?.label(lang) ?? Gate.fieldLabel(f, lang)
            return lang == .ja ? "項目「\(name)」が未入力" : "field '\(name)' is empty"
        }
    }
    public var description: String { "\(id): \(label(.ja))" }
}

public enum Gate {
    /// Problems that block leaving `c.stage` forward. Empty means the gate is open.
    public static func check(_ c: Case, catalog: Catalog) -> [GateProblem] {
        guard !c.stage.isEndState else { return [] }
        var out: [GateProblem] = []
        for item in catalog.items(for: c.stage, exit: c.exit, method: c.method) where item.required && c.checklist[item.id] == nil {
            out.append(GateProblem(kind: .item(item)))
        }
        var fields = catalog.stage(c.stage)?.requiredFields ?? []
        // Choosing the exit is what the method stage is for; a procurement exit also needs its method.
        if c.stage == .method {
            if !fields.contains("exit") { fields.append("exit") }
            if c.exit == .procurement, !fields.contains("method") { fields.append("method") }
        }
        if c.stage == .budgeting, let m = c.method, let spec = catalog.method(m) {
            for f in spec.requiredFields where !fields.contains(f) { fields.append(f) }
        }
        for f in fields where !CaseFields.isFilled(c, f) {
            out.append(GateProblem(kind: .field(f)))
        }
        return out
    }

    static func fieldLabel(_ f: String, _ lang: Lang) -> String {
        switch f {
        case "budget.items": return lang == .ja ? "予算明細" : "budget lines"
        case "kpis": return "KPI"
        case "stage": return lang == .ja ? "段階" : "stage"
        default: return f
        }
    }
}
