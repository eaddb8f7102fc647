/// One similar case, view-ready: who, how similar, why (each reason in ja and en), and — when
/// the caller loaded the full case — what that case learned.
///
/// The TUI's 類似事例 pane shows `title`, `municipality`, `reasons.map { $0.text(lang) }` and
/// `lessons?.lines(lang)`; `renkei similar --json` encodes this struct as is.
public struct SimilarCase: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var municipality: String
    public var stage: Stage
    public var exit: Exit?
    public var method: String?
    /// Sum of the reason weights; comparable within one lookup only.
    public var score: Double
    /// Strongest reason first.
    public var reasons: [SimilarityReason]
    /// Filled by `SimilarCaseFinder.attachLessons` from the full case; nil from the index alone.
    public var lessons: CaseLessons?

    public init(id: String, title: String, municipality: String, stage: Stage, exit: Exit?, method: String?,
                score: Double, reasons: [SimilarityReason], lessons: CaseLessons? = nil) {
        self.id = id; self.title = title; self.municipality = municipality; self.stage = stage; self.exit = exit
        self.method = method; self.score = score; self.reasons = reasons; self.lessons = lessons
    }

    /// One line: "分野が同じ（教育）・タグ「実証実験」・本文が似ている（62%）".
    public func reasonLine(_ lang: Lang) -> String {
        reasons.map { $0.text(lang) }.joined(separator: lang == .ja ? "・" : "; ")
    }
}

/// Why two cases match, with the weight it added to the score.
public struct SimilarityReason: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case domain, tags, exit, method, partner, size, text
        /// The same body (by 団体コード), else a neighbouring one, else the same prefecture (issue 16).
        case municipality, neighbour, prefecture
    }
    public var kind: Kind
    public var weight: Double
    public var ja: String
    public var en: String
    public init(kind: Kind, weight: Double, ja: String, en: String) {
        self.kind = kind; self.weight = weight; self.ja = ja; self.en = en
    }
    public func text(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

/// The result of one lookup: the matches, and when there are none (or few), why.
public struct SimilarResult: Codable, Equatable, Sendable {
    public var caseId: String
    public var matches: [SimilarCase]
    /// How many other cases were compared.
    public var compared: Int
    /// Set when `matches` is empty or the query case has little to compare on
    /// (no domain, no tags, no WHY/HOW/WHAT): an explanation a coordinator can act on.
    public var note: Note?

    public struct Note: Codable, Equatable, Sendable {
        public var ja: String
        public var en: String
        public func text(_ lang: Lang) -> String { lang == .ja ? ja : en }
    }
    public init(caseId: String, matches: [SimilarCase], compared: Int, note: Note? = nil) {
        self.caseId = caseId; self.matches = matches; self.compared = compared; self.note = note
    }
}
