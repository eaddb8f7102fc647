/// Finds bodies of the table from what a person types or what a case file says: 「狭山」「さやま」
/// 「ｻﾔﾏ」「sayama」 all offer 狭山市（埼玉県）. Pure and built once per table: every entry's keys
/// are folded up front, so a keystroke is byte comparisons over ~2,000 entries.
public struct MunicipalityResolver: Sendable {
    public let table: MunicipalityTable

    /// Folded keys of one entry, as UTF-8 bytes.
    struct Keys: Sendable {
        /// 狭山市, and for a ward also 札幌市中央区.
        var names: [[UInt8]]
        /// 狭山 (name without 市/町/村/区/県 …), 札幌市中央 for a ward.
        var bases: [[UInt8]]
        /// さやまし, さやま, さやま市
        var kana: [[UInt8]]
        /// sayama, sayamashi
        var romaji: [[UInt8]]
    }
    let keys: [Keys]

    public init(table: MunicipalityTable) {
        self.table = table
        keys = table.entries.map { MunicipalityResolver.keys(of: $0, fullName: table.fullName($0)) }
    }

    /// The folded keys of one entry (`fullName`: 札幌市中央区 for a ward). One function for the
    /// typing index and the exact lookups' rows (`MunicipalityRows`), so both match alike.
    static func keys(of e: MunicipalityEntry, fullName full: String) -> Keys {
        var names = [MunicipalityFolding.text(e.name)]
        if full != e.name { names.append(MunicipalityFolding.text(full)) }
        var bases: [String] = []
        for n in names { for s in e.kind.suffixes where n.hasSuffix(s) && n.count > s.count { bases.append(String(n.dropLast(s.count))) } }
        var kana = [e.kana]
        for s in e.kind.kanaSuffixes where e.kana.hasSuffix(s) && e.kana.count > s.count { kana.append(String(e.kana.dropLast(s.count))) }
        // 「さやま市」: the reading with the written suffix.
        if kana.count > 1, let suffix = e.name.last { kana.append(kana[1] + String(suffix)) }
        let romaji = Set([e.romaji, e.romaji + MunicipalityResolver.romajiOfSuffix(e.kana, kanaBase: kana.count > 1 ? kana[1] : e.kana)])
            .map(MunicipalityFolding.romajiKey)
        return Keys(names: names.map { Array($0.utf8) }, bases: bases.map { Array($0.utf8) },
                    kana: kana.map { Array($0.utf8) }, romaji: romaji.map { Array($0.utf8) })
    }

    /// "shi" for さやまし given さやま: lets "sayamashi" / "sayama-shi" match exactly.
    static func romajiOfSuffix(_ kana: String, kanaBase: String) -> String {
        switch String(kana.dropFirst(kanaBase.count)) {
        case "し": return "shi"
        case "く": return "ku"
        case "まち": return "machi"
        case "ちょう": return "cho"
        case "むら": return "mura"
        case "そん": return "son"
        case "けん": return "ken"
        case "ふ": return "fu"
        case "と": return "to"
        case "どう": return "do"
        default: return ""
        }
    }

    // MARK: type-ahead

    /// Bodies for a partly typed name, best first: exact names and readings, then names and
    /// readings that start with the input, then names that contain it (大阪狭山市 for 狭山).
    /// Within a tier, the table's order (by code, so by prefecture).
    public func suggest(_ typed: String, limit: Int = 10) -> [MunicipalityEntry] {
        let q = MunicipalityFolding.text(typed)
        guard !q.isEmpty else { return [] }
        let romaji = MunicipalityFolding.isRomaji(q)
        let qb = Array((romaji ? MunicipalityFolding.romajiKey(q) : q).utf8)
        guard !qb.isEmpty else { return [] }
        var tiers: [[Int]] = [[], [], []]
        for (i, k) in keys.enumerated() {
            let tier: Int?
            if romaji {
                if k.romaji.contains(qb) { tier = 0 } else if k.romaji.contains(where: { $0.starts(with: qb) }) { tier = 1 } else { tier = nil }
            } else if k.names.contains(qb) || k.bases.contains(qb) || k.kana.contains(qb) {
                tier = 0
            } else if k.names.contains(where: { $0.starts(with: qb) }) || k.kana.contains(where: { $0.starts(with: qb) }) {
                tier = 1
            } else if qb.count >= 3, k.names.contains(where: { contains($0, qb) }) {  // ≥ one kanji (3 bytes)
                tier = 2
            } else {
                tier = nil
            }
            if let t = tier { tiers[t].append(i) }
        }
        return tiers.joined().prefix(limit).map { table.entries[$0] }
    }

    // MARK: resolution

    public enum Resolution: Equatable, Sendable {
        case resolved(MunicipalityEntry)
        /// Two or more bodies fit (府中市 in 東京都 and 広島県): a person must choose.
        case ambiguous([MunicipalityEntry])
        /// Nothing fits: free text (an overseas body, a fictional sample, a typo).
        case unresolved
    }

    /// The body a name denotes, exactly (never by prefix): 「狭山市」, 「狭山」, 「さやまし」,
    /// 「Sayama」, 「埼玉県狭山市」, 「狭山市（埼玉県）」. `prefecture` (a case's own field) narrows the
    /// candidates; when it rules every candidate out the name stays unresolved rather than guessed.
    public func resolve(_ name: String, prefecture: String? = nil) -> Resolution {
        let prefectures = table.entries.filter { $0.kind == .prefecture }
        guard let query = Query(name, prefecture: prefecture, prefectures: prefectures) else { return .unresolved }
        let (byName, byOther) = rows(matching: query)
        var candidates = (byName.isEmpty ? byOther : byName).map { table.entries[$0] }
        for hint in query.hints {
            let h = MunicipalityFolding.text(hint)
            let inPrefecture = candidates.filter { e in
                table.prefectureName(of: e.code).map { MunicipalityFolding.text($0) == h || MunicipalityFolding.text($0).hasPrefix(h) } ?? false
            }
            // A hint that is not a prefecture (「架空」, 「水道局」) says nothing about where.
            let isPrefecture = prefectures.contains { MunicipalityFolding.text($0.name) == h || String(MunicipalityFolding.text($0.name).dropLast()) == h }
            if isPrefecture { candidates = inPrefecture }
        }
        switch candidates.count {
        case 0: return .unresolved
        case 1: return .resolved(candidates[0])
        default: return .ambiguous(candidates)
        }
    }

    /// The entries whose keys equal the query: by name (preferred), else by base, reading or romaji.
    func rows(matching query: Query) -> (byName: [Int], byOther: [Int]) {
        let qb = query.bytes
        var byName: [Int] = [], byOther: [Int] = []
        for (i, k) in keys.enumerated() {
            if query.romaji { if k.romaji.contains(qb) { byOther.append(i) } }
            else if k.names.contains(qb) { byName.append(i) }
            else if k.bases.contains(qb) || k.kana.contains(qb) { byOther.append(i) }
        }
        return (byName, byOther)
    }

    /// What `resolve` compares: the folded name (romaji folded to one spelling) and the
    /// prefecture hints taken off it. Shared with `MunicipalityRows`, which picks the rows a
    /// query can match by the same bytes.
    struct Query {
        var bytes: [UInt8]
        var romaji: Bool
        var hints: [String]

        init(bytes: [UInt8], romaji: Bool, hints: [String] = []) { self.bytes = bytes; self.romaji = romaji; self.hints = hints }

        /// nil when nothing is left to compare (an empty name).
        init?(_ name: String, prefecture: String?, prefectures: [MunicipalityEntry]) {
            var text = name.trimmingWhitespace
            var hints: [String] = []
            if let p = prefecture?.trimmingWhitespace, !p.isEmpty { hints.append(p) }
            // 「狭山市（埼玉県）」: a trailing parenthesis names the prefecture (or is a remark).
            if let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }), text.last == "）" || text.last == ")" {
                hints.append(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
                text = String(text[..<open]).trimmingWhitespace
            }
            // 「埼玉県狭山市」: a leading prefecture name.
            if let p = prefectures.first(where: { text.hasPrefix($0.name) && text.count > $0.name.count }) {
                hints.append(p.name)
                text = String(text.dropFirst(p.name.count))
            }
            let q = MunicipalityFolding.text(text)
            guard !q.isEmpty else { return nil }
            romaji = MunicipalityFolding.isRomaji(q)
            bytes = Array((romaji ? MunicipalityFolding.romajiKey(q) : q).utf8)
            self.hints = hints
        }
    }

    private func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
