/// How much each kind of evidence adds to a similarity score.
///
/// First chosen by judgement (text 4, minScore 1, minTopical 0.5: precision@3 0.333 on the
/// labelled samples), then tuned on a small grid to text 8, minScore 0.5, minTopical 0.25
/// (precision@3 0.471) — the middle of a plateau rather than the grid's best corner, since the
/// labels and the tuning share the same 17 cases. Benchmarks/insight.md has the numbers.
public struct SimilarityWeights: Codable, Equatable, Sendable {
    /// Same issue domain (catalog id): the guide's 「共通課題」.
    public var domain: Double
    /// Per shared tag, scaled by how rare the tag is in the workspace (a tag every case has adds ~0).
    public var tag: Double
    /// At most this many shared tags count.
    public var maxTags: Int
    public var exit: Double
    /// Same method, on top of the same exit.
    public var method: Double
    /// A shared partner, or one case's partner is the other's municipality.
    public var partner: Double
    public var sizeClass: Double
    /// The same local public body (by code; never by spelling), and — when not — the same
    /// prefecture: context, like the size class, never topical evidence on its own (issue 16).
    public var sameMunicipality: Double
    /// Bodies sharing a boundary (`MunicipalityAdjacency`): nearer context than the same
    /// prefecture (the guide's joint procurement starts with the neighbours), less than the same body.
    public var neighbouring: Double
    public var samePrefecture: Double
    /// Multiplies the WHY/HOW/WHAT text similarity (0…1).
    public var text: Double
    /// Matches below this total are not shown.
    public var minScore: Double
    /// Exit, method and size alone never make a case similar: at least this much must come from
    /// domain, tags, partner or text.
    public var minTopical: Double

    public init(domain: Double = 3, tag: Double = 1, maxTags: Int = 3, exit: Double = 1, method: Double = 1,
                partner: Double = 1.5, sizeClass: Double = 0.5, sameMunicipality: Double = 0.5, neighbouring: Double = 0.35,
                samePrefecture: Double = 0.25, text: Double = 8, minScore: Double = 0.5, minTopical: Double = 0.25) {
        self.domain = domain; self.tag = tag; self.maxTags = maxTags; self.exit = exit; self.method = method
        self.partner = partner; self.sizeClass = sizeClass; self.sameMunicipality = sameMunicipality; self.neighbouring = neighbouring
        self.samePrefecture = samePrefecture; self.text = text; self.minScore = minScore; self.minTopical = minTopical
    }

    public static let `default` = SimilarityWeights()
}
