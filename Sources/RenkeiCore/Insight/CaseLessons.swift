/// What another case learned, in the words of the guide's 横展開 (p.45–47): its six budget
/// reference items (予算規模・歳出費目 …), its KPIs with the latest actual, and its outcome
/// (end state and reason, or the stage it is at).
public struct CaseLessons: Codable, Equatable, Sendable {
    public struct Reference: Codable, Equatable, Sendable {
        public var id: String
        public var ja: String
        public var en: String
        public var text: String
    }
    public struct KPILine: Codable, Equatable, Sendable {
        public var name: String
        public var unit: String
        public var baseline: Double?
        public var target: Double?
        public var latest: Double?
        public var latestDate: Day?
    }
    public var references: [Reference]
    public var kpis: [KPILine]
    public var stage: Stage
    /// The reason recorded for the end state (or the last move back), if any.
    public var outcomeReason: String?

    /// - Parameter referenceItems: the catalog's six items, for labels and order; ids the
    ///   catalog does not know are kept (labelled by id) after the known ones.
    public init(_ c: Case, referenceItems: [CatalogItem] = []) {
        var refs: [Reference] = []
        var seen = Set<String>()
        for item in referenceItems {
            if let t = c.budget.reference[item.id]?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty {
                refs.append(Reference(id: item.id, ja: item.ja, en: item.en, text: t))
            }
            seen.insert(item.id)
        }
        for (k, v) in c.budget.reference.sorted(by: { $0.key < $1.key }) where !seen.contains(k) {
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty { refs.append(Reference(id: k, ja: k, en: k, text: t)) }
        }
        references = refs
        kpis = c.kpis.map { k in
            KPILine(name: k.name, unit: k.unit, baseline: k.baseline, target: k.target, latest: k.latest?.value, latestDate: k.latest?.date)
        }
        stage = c.stage
        outcomeReason = c.stageReason.flatMap { $0.isEmpty ? nil : $0 }
            ?? c.events.last(where: { $0.changes.contains { $0.field == "stage" } })?.reason
    }

    public var isEmpty: Bool { references.isEmpty && kpis.isEmpty && !stage.isEndState }

    /// Text lines for a pane or the CLI (not clipped; the caller clips to its width).
    public func lines(_ lang: Lang) -> [String] {
        var out: [String] = []
        let outcome = lang == .ja ? "結果: " : "Outcome: "
        if stage.isEndState {
            out.append(outcome + stage.label(lang) + (outcomeReason.map { " — " + $0 } ?? ""))
        } else {
            out.append(outcome + (lang == .ja ? "進行中（\(stage.ja)）" : "in progress (\(stage.en))"))
        }
        for r in references { out.append((lang == .ja ? r.ja : r.en) + ": " + r.text) }
        for k in kpis {
            var s = "KPI " + k.name
            let parts = [k.baseline.map { (lang == .ja ? "基準 " : "baseline ") + CaseLessons.num($0) + k.unit },
                         k.target.map { (lang == .ja ? "目標 " : "target ") + CaseLessons.num($0) + k.unit },
                         k.latest.map { (lang == .ja ? "実績 " : "actual ") + CaseLessons.num($0) + k.unit + (k.latestDate.map { " (\($0))" } ?? "") }]
                .compactMap { $0 }
            if !parts.isEmpty { s += ": " + parts.joined(separator: ", ") }
            out.append(s)
        }
        if references.isEmpty && kpis.isEmpty {
            out.append(lang == .ja ? "参考情報（予算・KPI）はまだ記録されていません" : "No budget reference items or KPIs recorded yet")
        }
        return out
    }

    static func num(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
