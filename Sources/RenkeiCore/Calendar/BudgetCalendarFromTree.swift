/// A budget calendar built from the strict parser's tree, without `Decodable`.
///
/// `overdue` and `calendar` load every calendar file on each run; through `JSONDecoder` the three
/// shipped ones cost ~2.8 M instructions — more than listing 1,000 cases (BENCHMARKS.md,
/// "Start-up"). This follows the `init(from:)` rules of `BudgetCalendar`, `AppliesTo`,
/// `MilestoneSpec` and `SupplementaryWindow` exactly and gives up (nil) on anything they would not
/// accept as-is, so the loader falls back to `JSONDecoder` and its error names the field.
/// `CalendarTreeTests` holds the two to the same result over mutated calendars.
extension BudgetCalendar {
    public init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o.string("id"),
              let ja = o.optional("ja", \.string), let en = o.optional("en", \.string),
              let source = o.optional("source", \.string),
              let kind = o.optional("kind", { $0.string.flatMap(MunicipalityKind.init(rawValue:)) }),
              let appliesTo = o.optional("appliesTo", AppliesTo.init(tree:)),
              let milestones = o.optionalArray("milestones", MilestoneSpec.init(tree:)),
              let supplementary = o.optionalArray("supplementary", SupplementaryWindow.init(tree:))
        else { return nil }
        self.init(id: id, ja: ja ?? id, en: en ?? id, source: source, kind: kind, appliesTo: appliesTo ?? AppliesTo(),
                  milestones: milestones ?? [], supplementary: supplementary ?? [])
    }
}

extension BudgetCalendar.AppliesTo {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree,
              let municipalities = o.optionalArray("municipalities", \.string),
              let prefectures = o.optionalArray("prefectures", \.string),
              let kinds = o.optionalArray("kinds", { $0.string.flatMap(MunicipalityKind.init(rawValue:)) })
        else { return nil }
        self.init(municipalities: municipalities ?? [], prefectures: prefectures ?? [], kinds: kinds ?? [])
    }
}

extension MilestoneSpec {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o.string("id"),
              let ja = o.optional("ja", \.string), let en = o.optional("en", \.string),
              let year = o.optional("year", \.string), let date = o.optional("date", \.string)
        else { return nil }
        self.id = id; self.ja = ja ?? id; self.en = en ?? id; self.year = year; self.date = date
    }
}

extension SupplementaryWindow {
    init?(tree: JSONValue) {
        guard case .object(let o) = tree, let id = o.string("id"),
              let ja = o.optional("ja", \.string), let en = o.optional("en", \.string),
              let request = o.optional("request", \.string), let vote = o.optional("vote", \.string)
        else { return nil }
        self.id = id; self.ja = ja ?? id; self.en = en ?? id; self.request = request; self.vote = vote
    }
}
