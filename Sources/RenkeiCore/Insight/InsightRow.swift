/// One row of an insight text (the funnel dashboard, 共同調達, similar cases): what the row is
/// and its words. Core decides the words (both languages, widths); the TUI and the CLI decide
/// how each kind looks — no view matches a row's text (「■」, 「期限超過」) to pick a style.
public struct InsightRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// What the whole text is about (its first row).
        case title
        /// A caveat: few cases, no history, a case without features.
        case note
        case blank
        /// A section (「■ 段階別の件数」) or a joint-procurement group.
        case heading
        /// Bars, counts, amounts, deadlines.
        case value
        /// The funnel's overdue line; `active` when at least one case is overdue.
        case alert(active: Bool)
        /// 共同調達: one case of a group; `index` counts members over all groups, in order.
        case member(index: Int)
        /// 共同調達: the list of cases left out, and each of them.
        case skipped
        /// Similar cases: a match's title line (`index` from 0, in rank order).
        case match(index: Int)
        /// Similar cases: why it matched.
        case reasons
        /// Similar cases: what the matched case learned.
        case lesson
    }

    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
}

extension Array where Element == InsightRow {
    /// The rows' words, for plain output (the CLI, Markdown).
    public var texts: [String] { map(\.text) }

    /// Every row's text clipped to `width` columns (nil: unclipped, for piping).
    func clipped(to width: Int?) -> [InsightRow] {
        guard let width else { return self }
        return map { InsightRow($0.kind, DisplayWidth.clip($0.text, to: width)) }
    }
}
