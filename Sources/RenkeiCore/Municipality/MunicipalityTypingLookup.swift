/// Candidates for what a person typed (`renkei municipality find`, search by reading in `list`
/// and `calendar`) without the typing index over the whole table. Issue 16: those commands built
/// `MunicipalityResolver` over ~1,960 rows (≈ 6 ms: every row's names, readings and romaji
/// folded) to answer one or two queries. Instead the rows a query can offer are picked from the
/// raw table by a cheap byte test that never misses one (`mayOffer`), and the resolver's own
/// `suggest` runs over those rows: the same function over a superset of the rows it returns, in
/// the table's order, so the same answer (`MunicipalityTypingLookupTests` compares both).
extension MunicipalityRows: MunicipalitySuggesting {
    /// A resolver whose `suggest` answers each of `typed` as the whole table's would (and whose
    /// table names the candidates' prefectures and cities). Only for these texts: other rows are
    /// not in it.
    public func typingLookup(for typed: [String]) -> MunicipalityResolver {
        let queries = typed.compactMap(SuggestQuery.init)
        if queries.isEmpty { return resolver(keeping: { _, _, _ in false }) }
        return resolver(keeping: { i, parentRow, scratch in mayOffer(i, queries, parentRow: parentRow, &scratch) })
    }

    /// `MunicipalityResolver.suggest` from the raw rows: one text, one small resolver.
    public func suggest(_ typed: String, limit: Int) -> [MunicipalityEntry] {
        typingLookup(for: [typed]).suggest(typed, limit: limit)
    }

    /// The folded query `suggest` compares (nil when `suggest` answers nothing for it).
    struct SuggestQuery {
        var bytes: [UInt8]
        var romaji: Bool
        /// For romaji: the first letters of a row's romaji that can fold to `bytes`' first letter
        /// (`MunicipalityFolding.romajiKey` rewrites only these at the start: ti → chi, zi/di → ji,
        /// du → zu, mb → nb, hu → fu).
        var firstLetters: [UInt8] = []

        /// What `suggest` makes of `typed`.
        init?(_ typed: String) {
            let q = MunicipalityFolding.text(typed)
            guard !q.isEmpty else { return nil }
            let romaji = MunicipalityFolding.isRomaji(q)
            self.init(bytes: Array((romaji ? MunicipalityFolding.romajiKey(q) : q).utf8), romaji: romaji)
            if bytes.isEmpty { return nil }
        }

        /// Already folded bytes (romaji: already `romajiKey`).
        init(bytes: [UInt8], romaji: Bool) {
            self.bytes = bytes
            self.romaji = romaji
            if romaji, let first = bytes.first {
                let from: [UInt8: String] = [UInt8(ascii: "c"): "t", UInt8(ascii: "j"): "zd", UInt8(ascii: "z"): "d",
                                             UInt8(ascii: "n"): "m", UInt8(ascii: "f"): "h"]
                firstLetters = [first] + Array((from[first] ?? "").utf8)
            }
        }
    }

    /// Whether row `i` can be in `suggest`'s answer for one of `queries` — never false when it
    /// is. Its keys (`MunicipalityResolver.keys`): the folded name and full name and their bases
    /// (prefixes of them), the reading and its base (prefixes of it), the base plus the name's
    /// last character (さやま市), and romaji keys. `suggest` offers a row whose key equals the
    /// query, starts with it, or (names) contains it; so the query occurs in the folded name or
    /// full name, or is a prefix of the reading, or is a prefix of the reading followed by the
    /// start of the last character. Romaji: the row's real romaji keys, computed only for rows
    /// whose romaji begins with a letter that can fold to the query's first.
    func mayOffer(_ i: Int, _ queries: [SuggestQuery], parentRow: Int?, _ scratch: inout FoldScratch) -> Bool {
        var folded = false
        var romajiKeys: [[UInt8]]?
        let kana = field(i, 3)
        for q in queries {
            let qb = q.bytes
            if q.romaji {
                // The first ASCII letter, lower case (any other byte: no filter, lowercased() may make one).
                let romajiField = field(i, 4)
                if romajiField.allSatisfy({ $0 < 0x80 }),
                   let first = romajiField.first(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }).map({ $0 | 0x20 }),
                   !q.firstLetters.contains(first) { continue }
                if romajiKeys == nil {
                    let name = string(i, 2)
                    let full = parentRow.map { string($0, 2) + name } ?? name
                    romajiKeys = MunicipalityResolver.keys(of: entry(i), fullName: full).romaji
                }
                if romajiKeys!.contains(where: { $0.starts(with: qb) }) { return true }
                continue
            }
            if kana.starts(with: qb) { return true }
            // さやま + 市 (or its first bytes): a prefix of the reading, then the start of the last character.
            if let k0 = kana.first, k0 == qb.first, let last = lastCharacter(i) {
                for r in 1...min(last.count, qb.count) where qb.suffix(r).elementsEqual(last.prefix(r))
                    && kana.starts(with: qb.prefix(qb.count - r)) { return true }
            }
            if !folded {
                fold(i, parentRow: parentRow, &scratch)
                folded = true
            }
            if Self.contains(scratch.name, qb) || (parentRow != nil && Self.contains(scratch.full, qb)) { return true }
        }
        return false
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// What offers candidates while a name is typed: the whole table's resolver (the workbench keeps
/// one), or the raw rows answering one text at a time (the commands, `MunicipalityTypingLookup`).
public protocol MunicipalitySuggesting: Sendable {
    func suggest(_ typed: String, limit: Int) -> [MunicipalityEntry]
}

extension MunicipalityResolver: MunicipalitySuggesting {}
