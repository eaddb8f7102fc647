/// Search by reading (issue 14): a term typed as kana or romaji also finds the names it is the
/// reading of — 「ｻﾔﾏ」「さやま」「sayama」 find 狭山市 — from the readings shipped in the
/// municipality table (`MunicipalityResolver` or its raw rows, issue 16) and the partner records' aliases
/// (「charichari」「キュアアップ」), and hiragana finds katakana (「ちゃりちゃり」 → チャリチャリ株式会社).
/// The search itself stays `FoldedSearch`: a term becomes a few alternatives, any of which may
/// occur in the folded text.
public struct SearchReadings: Sendable {
    /// The shipped table's resolver (nil without the table); the new-case form links with it too.
    public let resolver: MunicipalityResolver?
    /// What offers the bodies a reading stands for: `resolver` (the workbench builds it once, on a
    /// worker), or the raw rows (a command answers its one query without the typing index).
    let bodies: (any MunicipalitySuggesting)?
    /// Each partner record's folded name and its keys (name and aliases, kana as hiragana,
    /// spaces removed — `MunicipalityFolding.text`).
    let partners: [(name: String, keys: [String])]
    /// Bodies a reading may stand for: a prefix of さ would name hundreds; past this many the
    /// term only matches as typed.
    static let maxBodies = 40
    /// What the readings were built from (the runtime's fingerprint of the partner records):
    /// the workbench takes new readings only when this differs from the ones it holds.
    public let source: Int

    public init(resolver: MunicipalityResolver?, partners: [PartnerRecord] = [], source: Int = 0) {
        self.source = source
        self.resolver = resolver
        self.bodies = resolver
        self.partners = partners.map { p in (TextNormalizer.fold(p.name), ([p.name] + p.aliases).map(MunicipalityFolding.text)) }
    }

    /// Readings for one command's query (`list --search`, `calendar --municipality`): the same
    /// alternatives, offered from the raw rows (`MunicipalityRows.suggest`); no resolver to link with.
    public init(bodies: (any MunicipalitySuggesting)?, partners: [PartnerRecord] = []) {
        self.source = 0
        self.resolver = nil
        self.bodies = bodies
        self.partners = partners.map { p in (TextNormalizer.fold(p.name), ([p.name] + p.aliases).map(MunicipalityFolding.text)) }
    }

    /// Folded alternatives for one folded term: itself, the same kana in the other script, and
    /// the names of the bodies whose reading (kana or romaji) is or starts with it.
    public func alternatives(_ term: String) -> [String] {
        var out = [term]
        let kana = SearchReadings.isKana(term)
        if kana {
            let other = SearchReadings.otherScript(term)
            if other != term { out.append(other) }
        }
        guard kana || MunicipalityFolding.isRomaji(term), term.count >= 2 else { return out }
        // A partner whose name or alias is, or starts with, the term (charichari → チャリチャリ株式会社).
        let key = MunicipalityFolding.text(term)
        for p in partners where p.keys.contains(where: { $0.hasPrefix(key) }) && !out.contains(p.name) { out.append(p.name) }
        guard let bodies = self.bodies?.suggest(term, limit: SearchReadings.maxBodies + 1) else { return out }
        guard bodies.count <= SearchReadings.maxBodies else { return out }
        for e in bodies { let n = TextNormalizer.fold(e.name); if !out.contains(n) { out.append(n) } }
        return out
    }

    /// Hiragana, katakana and the prolonged sound mark only (after NFKC: ｻﾔﾏ is サヤマ).
    static func isKana(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { (0x3041...0x3096).contains($0.value) || (0x30A1...0x30FA).contains($0.value) || $0.value == 0x30FC }
    }

    /// さやま ↔ サヤマ.
    static func otherScript(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x3041...0x3096: out.append(Unicode.Scalar(u.value + 0x60)!)
            case 0x30A1...0x30F6: out.append(Unicode.Scalar(u.value - 0x60)!)
            default: out.append(u)
            }
        }
        return String(out)
    }
}

extension SearchReadings {
    /// Whether any term of `query` is kana or romaji, the only terms readings add to: a search
    /// for 狭山 needs no municipality table (loading it was most of such a search's start-up).
    public static func needed(for query: String) -> Bool {
        FoldedSearch.foldedTerms(query).contains { t in
            isKana(String(t)) || (t.count >= 2 && MunicipalityFolding.isRomaji(String(t)))
        }
    }
}

extension FoldedSearch {
    /// A query's terms, each with its alternatives (`SearchReadings`); without readings, each
    /// term is only itself — the same search as `terms(_:)`.
    public static func query(_ query: String, readings: SearchReadings?) -> [[[UInt8]]] {
        foldedTerms(query).map { t in
            (readings?.alternatives(String(t)) ?? [String(t)]).map { Array($0.utf8) }
        }
    }

    /// Whether every term occurs in `folded` in one of its forms.
    public static func matches(_ folded: String, anyOf terms: [[[UInt8]]]) -> Bool {
        if terms.isEmpty { return true }
        var hay = folded
        return hay.withUTF8 { buf in matches(UnsafeRawBufferPointer(buf), anyOf: terms) }
    }

    public static func matches(_ hay: UnsafeRawBufferPointer, anyOf terms: [[[UInt8]]]) -> Bool {
        terms.allSatisfy { alternatives in alternatives.contains { contains(hay, $0) } }
    }
}
