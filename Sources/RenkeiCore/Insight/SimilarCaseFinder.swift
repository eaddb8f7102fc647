import Foundation

/// Finds the cases most similar to one case, with explainable reasons.
///
/// Works on `InsightFeatures` only (no case files): one linear pass over the portfolio merges the
/// query's sorted token hashes with each candidate's, counting on the way how many cases contain
/// each query token (document frequency), so rare shared words weigh more than 「実施」 or 「市」
/// without a global vocabulary. A second pass scores and keeps the top `limit`.
/// Cost: O(N · (|query tokens| + |candidate tokens|)); 10,000 cases in a few milliseconds.
///
/// ```swift
/// let finder = SimilarCaseFinder(portfolio.map(InsightFeatures.init), catalog: catalog)
/// var result = finder.similar(to: "sayama-ntt-eco-action", limit: 3)
/// // fill "what it learned" for the few shown, from their full case files:
/// result = SimilarCaseFinder.attachLessons(result, catalog: catalog) { try? store.load($0).value }
/// ```
public struct SimilarCaseFinder: Sendable {
    public let cases: [InsightFeatures]
    public let weights: SimilarityWeights
    let domains: [String: Domain]
    let methods: [String: MethodSpec]
    let position: [String: Int]
    let col: Columns
    /// Which bodies share a boundary; nil: nothing is called neighbouring.
    let adjacency: MunicipalityAdjacency?

    /// The portfolio laid out flat for the scan: no struct copies, no retains, no allocation per
    /// candidate (a 10,000-case lookup is a few linear passes over integer arrays).
    final class Columns: Sendable {
        let text: [UInt32], textStart: [Int32]
        let tags: [UInt32], tagStart: [Int32]
        let partners: [UInt32], partnerStart: [Int32]
        let municipality: [UInt32]
        /// The body's code as a small integer (-1: none) and the prefecture 1…47 (0: unknown).
        let body: [Int32], prefecture: [Int8]
        let domain: [Int32], method: [Int32], exit: [Int8], size: [Int8]
        let domainCode: [String: Int32], methodCode: [String: Int32], bodyCode: [String: Int32]

        init(_ cases: [InsightFeatures]) {
            var text: [UInt32] = [], tags: [UInt32] = [], partners: [UInt32] = []
            var ts: [Int32] = [0], gs: [Int32] = [0], ps: [Int32] = [0]
            var muni: [UInt32] = [], dom: [Int32] = [], met: [Int32] = [], ex: [Int8] = [], sz: [Int8] = []
            var body: [Int32] = [], pref: [Int8] = []
            var dc: [String: Int32] = [:], mc: [String: Int32] = [:], bc: [String: Int32] = [:]
            text.reserveCapacity(cases.count * 64)
            for c in cases {
                text += c.text; ts.append(Int32(text.count))
                tags += c.tagKeys; gs.append(Int32(tags.count))
                partners += c.partnerKeys; ps.append(Int32(partners.count))
                muni.append(c.municipalityKey)
                body.append(c.municipalityCode.map { k in bc[k] ?? { let v = Int32(bc.count); bc[k] = v; return v }() } ?? -1)
                pref.append(Int8(c.prefectureNumber))
                dom.append(c.domain.map { k in dc[k] ?? { let v = Int32(dc.count); dc[k] = v; return v }() } ?? -1)
                met.append(c.method.map { k in mc[k] ?? { let v = Int32(mc.count); mc[k] = v; return v }() } ?? -1)
                ex.append(c.exit.map { Int8(Exit.allCases.firstIndex(of: $0)!) } ?? -1)
                sz.append(c.size.map { Int8(SizeClass.allCases.firstIndex(of: $0)!) } ?? -1)
            }
            self.text = text; textStart = ts; self.tags = tags; tagStart = gs; self.partners = partners; partnerStart = ps
            municipality = muni; domain = dom; method = met; exit = ex; size = sz; domainCode = dc; methodCode = mc
            self.body = body; prefecture = pref; bodyCode = bc
        }
    }

    public init(_ cases: [InsightFeatures], catalog: Catalog? = nil, weights: SimilarityWeights = .default,
                adjacency: MunicipalityAdjacency? = nil) {
        self.cases = cases
        self.weights = weights
        self.adjacency = adjacency
        var d: [String: Domain] = [:]
        for x in catalog?.domains ?? [] { d[x.id] = x }
        domains = d
        var m: [String: MethodSpec] = [:]
        for x in catalog?.methods ?? [] { m[x.id] = x }
        methods = m
        var p: [String: Int] = [:]
        p.reserveCapacity(cases.count)
        for (i, c) in cases.enumerated() { p[c.id] = i }
        position = p
        col = Columns(cases)
    }

    /// Similar cases for the case with `id` (nil when no such case is in the portfolio).
    /// - Parameter queryText: the case's own title/WHY/HOW/WHAT, only to name the shared words in
    ///   the text reason (hashes cannot be read back); without it the reason gives a percentage.
    public func similar(to id: String, limit: Int = 5, queryText: [String]? = nil) -> SimilarResult? {
        guard let i = position[id] else { return nil }
        return similar(to: cases[i], limit: limit, queryText: queryText)
    }

    public func similar(to q: InsightFeatures, limit: Int = 5, queryText: [String]? = nil) -> SimilarResult {
        let n = cases.count
        let selfIndex = position[q.id].flatMap { cases[$0].id == q.id ? $0 : nil } ?? -1
        let others = n - (selfIndex >= 0 ? 1 : 0)
        let qt = q.text
        let qCount = min(qt.count, Int(UInt16.max))
        let qTags = q.tagKeys
        let col = self.col
        // Pass 1: per candidate, the positions of shared query tokens (flat buffer), and df.
        var df = [Int32](repeating: 0, count: qt.count)
        var tagDf = [Int32](repeating: 0, count: qTags.count)
        var flat: [UInt16] = []
        flat.reserveCapacity(n * 8)
        var start = [Int32](repeating: 0, count: n + 1)
        qt.withUnsafeBufferPointer { qp in
            col.text.withUnsafeBufferPointer { tp in
                col.tags.withUnsafeBufferPointer { gp in
                    for ci in 0..<n {
                        start[ci] = Int32(flat.count)
                        if ci == selfIndex { continue }
                        var a = 0, b = Int(col.textStart[ci])
                        let bEnd = Int(col.textStart[ci + 1])
                        while a < qCount && b < bEnd {
                            let x = qp[a], y = tp[b]
                            if x == y { flat.append(UInt16(a)); df[a] &+= 1; a += 1; b += 1 }
                            else if x < y { a += 1 } else { b += 1 }
                        }
                        let g0 = Int(col.tagStart[ci]), g1 = Int(col.tagStart[ci + 1])
                        if g0 < g1 {
                            for j in 0..<qTags.count {
                                var k = g0
                                while k < g1 { if gp[k] == qTags[j] { tagDf[j] &+= 1; break }; k += 1 }
                            }
                        }
                    }
                }
            }
            start[n] = Int32(flat.count)
        }
        // IDF over the other cases; a token in every case weighs ~0.
        let N = Double(max(others, 1))
        let idf = df.map { log((N + 1) / (Double($0) + 0.5)) }
        let wA = idf.reduce(0, +)
        let meanIdf = qt.isEmpty ? 0 : wA / Double(qt.count)
        let maxTagIdf = log((N + 1) / 0.5)
        let tagWeight = tagDf.map { maxTagIdf > 0 ? log((N + 1) / (Double($0) + 0.5)) / maxTagIdf : 0 }

        // Pass 2: score, allocation-free per candidate.
        let qDomain = q.domain.flatMap { col.domainCode[$0] } ?? -2
        let qMethod = q.method.flatMap { col.methodCode[$0] } ?? -2
        let qExit = q.exit.map { Int8(Exit.allCases.firstIndex(of: $0)!) } ?? -2
        let qSize = q.size.map { Int8(SizeClass.allCases.firstIndex(of: $0)!) } ?? -2
        // The query's body: its code (-2 when no portfolio case has it), else -1 and its name.
        let qBody = q.municipalityCode.map { col.bodyCode[$0] ?? -2 } ?? -1
        let qNamed = !q.municipality.isEmpty
        let qPref = Int8(q.prefectureNumber)
        // The portfolio's bodies that share a boundary with the query's, as a flag per body number.
        var neighbourBody = [Bool](repeating: false, count: col.bodyCode.count)
        if let code = q.municipalityCode, let adjacency {
            for n in adjacency.neighbours(of: code) { if let b = col.bodyCode[n] { neighbourBody[Int(b)] = true } }
        }
        // A query tag listed twice counts once.
        let tagIsFirst = qTags.indices.map { j in !qTags[..<j].contains(qTags[j]) }
        var scratch = [Double](repeating: 0, count: max(qTags.count, 1))
        var scored: [(score: Double, index: Int)] = []
        for ci in 0..<n where ci != selfIndex {
            var topical = 0.0, other = 0.0
            if qDomain >= 0 && col.domain[ci] == qDomain { topical += weights.domain }
            // Tags: the `maxTags` rarest shared ones.
            let g0 = Int(col.tagStart[ci]), g1 = Int(col.tagStart[ci + 1])
            if g0 < g1 && !qTags.isEmpty {
                var m = 0
                for j in 0..<qTags.count where tagIsFirst[j] {
                    var k = g0
                    while k < g1 { if col.tags[k] == qTags[j] { scratch[m] = tagWeight[j]; m += 1; break }; k += 1 }
                }
                if m > weights.maxTags { scratch[0..<m].sort(by: >); m = weights.maxTags }
                for i in 0..<m { topical += weights.tag * scratch[i] }
            }
            // The same body by code (`InsightFeatures.sameBody`); names only between two uncoded cases.
            let cm = col.municipality[ci]
            let sameMuni = qBody == -1 ? (qNamed && col.body[ci] == -1 && cm == q.municipalityKey) : col.body[ci] == qBody
            // Partner: shared partner, or one side's partner is the other's municipality.
            let p0 = Int(col.partnerStart[ci]), p1 = Int(col.partnerStart[ci + 1])
            var partner = false
            if p0 < p1 || !q.partnerKeys.isEmpty {
                var k = p0
                while k < p1 && !partner {
                    let pk = col.partners[k]
                    if q.partnerKeys.contains(pk) || (!sameMuni && pk == q.municipalityKey) { partner = true }
                    k += 1
                }
                if !partner && !sameMuni && q.partnerKeys.contains(cm) { partner = true }
            }
            if partner { topical += weights.partner }
            // Text.
            let s0 = Int(start[ci]), s1 = Int(start[ci + 1])
            let len = Int(col.textStart[ci + 1] - col.textStart[ci])
            if s0 < s1 && wA > 0 && meanIdf > 0 && len > 0 {
                var sh = 0.0
                for i in s0..<s1 { sh += idf[Int(flat[i])] }
                topical += weights.text * min(1, sh / (wA * Double(len) * meanIdf).squareRoot())
            }
            if qExit >= 0 && col.exit[ci] == qExit {
                other += weights.exit
                if qMethod >= 0 && col.method[ci] == qMethod { other += weights.method }
            }
            if qSize >= 0 && col.size[ci] == qSize { other += weights.sizeClass }
            if sameMuni { other += weights.sameMunicipality }
            else if col.body[ci] >= 0 && neighbourBody[Int(col.body[ci])] { other += weights.neighbouring }
            else if qPref > 0 && col.prefecture[ci] == qPref { other += weights.samePrefecture }
            let total = topical + other
            if total >= weights.minScore && topical >= weights.minTopical { scored.append((total, ci)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : cases[$0.index].id < cases[$1.index].id }
        let top = scored.prefix(max(0, limit))

        // Explanations only for what is shown.
        let matches = top.map { s -> SimilarCase in
            let c = cases[s.index]
            let reasons = explain(q, c, ci: s.index, start: start, flat: flat, idf: idf, wA: wA, meanIdf: meanIdf,
                                  tagWeight: tagWeight, queryText: queryText)
            return SimilarCase(id: c.id, title: c.title, municipality: c.municipality, stage: c.stage, exit: c.exit,
                               method: c.method, score: (s.score * 100).rounded() / 100, reasons: reasons)
        }
        return SimilarResult(caseId: q.id, matches: matches, compared: others, note: note(q, others: others, found: matches.count))
    }

    // MARK: scoring

    func textSimilarity(_ c: InsightFeatures, ci: Int, start: [Int32], flat: [UInt16], idf: [Double], wA: Double, meanIdf: Double) -> (sim: Double, shared: ArraySlice<UInt16>) {
        let shared = flat[Int(start[ci])..<Int(start[ci + 1])]
        guard !shared.isEmpty, wA > 0, meanIdf > 0, !c.text.isEmpty else { return (0, shared) }
        var s = 0.0
        for a in shared { s += idf[Int(a)] }
        let wB = Double(c.text.count) * meanIdf
        return (min(1, s / (wA * wB).squareRoot()), shared)
    }

    func sharedTags(_ q: InsightFeatures, _ c: InsightFeatures, tagWeight: [Double]) -> [(index: Int, weight: Double)] {
        guard !q.tagKeys.isEmpty, !c.tagKeys.isEmpty else { return [] }
        var out: [(Int, Double)] = []
        var seen = Set<UInt32>()
        for (j, k) in q.tagKeys.enumerated() where c.tagKeys.contains(k) && seen.insert(k).inserted {
            out.append((j, tagWeight[j]))
        }
        return Array(out.sorted { $0.1 > $1.1 }.prefix(weights.maxTags))
    }

    func sharedPartners(_ q: InsightFeatures, _ c: InsightFeatures) -> (shared: [String], qPartnerIsC: Bool, cPartnerIsQ: Bool) {
        var shared: [String] = []
        for (j, k) in q.partnerKeys.enumerated() where c.partnerKeys.contains(k) { shared.append(q.partners[j]) }
        let other = !q.sameBody(as: c)
        let qp = other && q.partnerKeys.contains(c.municipalityKey)
        let cp = other && c.partnerKeys.contains(q.municipalityKey)
        return (shared, qp, cp)
    }

    func explain(_ q: InsightFeatures, _ c: InsightFeatures, ci: Int, start: [Int32], flat: [UInt16], idf: [Double],
                 wA: Double, meanIdf: Double, tagWeight: [Double], queryText: [String]?) -> [SimilarityReason] {
        var out: [SimilarityReason] = []
        if let d = q.domain, d == c.domain {
            let label = domains[d]
            out.append(.init(kind: .domain, weight: weights.domain,
                             ja: "分野が同じ（\(label?.ja ?? d)）", en: "Same issue domain (\(label?.en ?? d))"))
        }
        let tags = sharedTags(q, c, tagWeight: tagWeight)
        if !tags.isEmpty {
            let names = tags.map { q.tags[$0.index] }
            out.append(.init(kind: .tags, weight: round2(tags.reduce(0) { $0 + weights.tag * $1.weight }),
                             ja: "共通タグ" + names.map { "「\($0)」" }.joined(), en: "Shared tags: " + names.joined(separator: ", ")))
        }
        let p = sharedPartners(q, c)
        if !p.shared.isEmpty {
            out.append(.init(kind: .partner, weight: weights.partner,
                             ja: "連携先が共通（\(p.shared.joined(separator: "・"))）", en: "Shared partner (\(p.shared.joined(separator: ", ")))"))
        } else if p.qPartnerIsC {
            out.append(.init(kind: .partner, weight: weights.partner,
                             ja: "\(c.municipality)はこの案件の連携先", en: "\(c.municipality) is a partner of this case"))
        } else if p.cPartnerIsQ {
            out.append(.init(kind: .partner, weight: weights.partner,
                             ja: "相手の案件の連携先に\(q.municipality)が含まれる", en: "\(q.municipality) is a partner of that case"))
        }
        let (sim, shared) = textSimilarity(c, ci: ci, start: start, flat: flat, idf: idf, wA: wA, meanIdf: meanIdf)
        if sim > 0 {
            let pct = Int((sim * 100).rounded())
            // Name the shared words (merged back from bigrams), rarest first, when the query's
            // own text is at hand.
            var weight: [UInt32: Double] = [:]
            for a in shared { weight[q.text[Int(a)]] = idf[Int(a)] }
            var phrases: [(String, Double)] = []
            for t in queryText ?? [] {
                for p in InsightTokenizer.phrases(t, keep: { weight[$0] != nil }) where !phrases.contains(where: { $0.0 == p }) {
                    var w = 0.0
                    InsightTokenizer.forEachToken(p) { w += weight[InsightTokenizer.hash($0)] ?? 0 }
                    phrases.append((p, w))
                }
            }
            var picked: [String] = []
            for (p, _) in phrases.sorted(by: { $0.1 > $1.1 }) where picked.count < 4
                && !picked.contains(where: { $0.contains(p) || p.contains($0) }) { picked.append(p) }
            let ja = "WHY/HOW/WHATが似ている（\(pct)%" + (picked.isEmpty ? "" : "：" + picked.joined(separator: "・")) + "）"
            let en = "Similar WHY/HOW/WHAT (\(pct)%" + (picked.isEmpty ? "" : ": " + picked.joined(separator: ", ")) + ")"
            out.append(.init(kind: .text, weight: round2(weights.text * sim), ja: ja, en: en))
        }
        if let e = q.exit, e == c.exit {
            out.append(.init(kind: .exit, weight: weights.exit, ja: "出口が同じ（\(e.ja)）", en: "Same exit (\(e.en))"))
            if let m = q.method, m == c.method {
                let label = methods[m]
                out.append(.init(kind: .method, weight: weights.method,
                                 ja: "手法が同じ（\(label?.ja ?? m)）", en: "Same method (\(label?.en ?? m))"))
            }
        }
        if let s = q.size, s == c.size {
            out.append(.init(kind: .size, weight: weights.sizeClass, ja: "規模区分が同じ（\(s.ja)）", en: "Same size class (\(s.en))"))
        }
        if q.sameBody(as: c) {
            // The candidate's own spelling may differ (ｻﾔﾏ市, 埼玉県狭山市): name the query's.
            out.append(.init(kind: .municipality, weight: weights.sameMunicipality,
                             ja: "同じ自治体（\(q.municipality)）", en: "Same municipality (\(q.municipality))"))
        } else if let a = q.municipalityCode, let b = c.municipalityCode, adjacency?.areNeighbours(a, b) == true {
            out.append(.init(kind: .neighbour, weight: weights.neighbouring,
                             ja: "隣接する自治体（\(c.municipality)）", en: "Neighbouring municipality (\(c.municipality))"))
        } else if q.prefectureNumber > 0 && q.prefectureNumber == c.prefectureNumber {
            let p = Prefectures.inCodeOrder[q.prefectureNumber - 1]
            out.append(.init(kind: .prefecture, weight: weights.samePrefecture, ja: "同じ都道府県（\(p)）", en: "Same prefecture (\(p))"))
        }
        return out.sorted { $0.weight > $1.weight }
    }

    func note(_ q: InsightFeatures, others: Int, found: Int) -> SimilarResult.Note? {
        if others == 0 {
            return .init(ja: "比較できる他の案件がワークスペースにありません。", en: "There are no other cases in the workspace to compare with.")
        }
        var missing: [(String, String)] = []
        if q.domain == nil { missing.append(("課題分野", "issue domain")) }
        if q.tags.isEmpty { missing.append(("タグ", "tags")) }
        if !q.hasText { missing.append(("WHY/HOW/WHAT", "WHY/HOW/WHAT text")) }
        let ja = missing.map(\.0).joined(separator: "・"), en = missing.map(\.1).joined(separator: ", ")
        if found == 0 {
            if missing.count == 3 {
                return .init(ja: "この案件には\(ja)がないため、比べる手がかりがありません。分野とWHYを記入すると類似事例が見つかります。",
                             en: "This case has no \(en), so there is nothing to compare; set its domain and WHY to find similar cases.")
            }
            return .init(ja: "\(others)件と比べましたが、似ている案件はありませんでした" + (missing.isEmpty ? "。" : "（未記入: \(ja)）。"),
                         en: "Compared with \(others) cases; none is similar" + (missing.isEmpty ? "." : " (missing: \(en))."))
        }
        if !missing.isEmpty {
            return .init(ja: "\(ja)が未記入のため、残りの手がかりだけで比べています。", en: "No \(en) on this case; compared on the rest only.")
        }
        return nil
    }

    func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    // MARK: lessons

    /// Fills `lessons` for each match from its full case (`load` returns nil for a file that
    /// cannot be read; that match keeps `lessons == nil`).
    public static func attachLessons(_ r: SimilarResult, catalog: Catalog?, load: (String) -> Case?) -> SimilarResult {
        var r = r
        for i in r.matches.indices {
            if let c = load(r.matches[i].id) { r.matches[i].lessons = CaseLessons(c, referenceItems: catalog?.referenceItems ?? []) }
        }
        return r
    }
}
