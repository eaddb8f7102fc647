/// Measures similar-case quality against labelled pairs (Benchmarks/similar-labels.json):
/// every case named in a pair is a query; its relevant set is the cases it is paired with.
public enum InsightEvaluation {
    public struct Labels: Codable, Sendable {
        public struct Pair: Codable, Sendable {
            public var a: String
            public var b: String
            public var reason: String
        }
        public var pairs: [Pair]
        public init(pairs: [Pair]) { self.pairs = pairs }

        /// Relevant ids per query id (pairs are symmetric).
        public var relevant: [String: Set<String>] {
            var r: [String: Set<String>] = [:]
            for p in pairs { r[p.a, default: []].insert(p.b); r[p.b, default: []].insert(p.a) }
            return r
        }
    }

    public struct QueryResult: Codable, Sendable {
        public var id: String
        public var relevant: [String]
        public var top: [String]
        public var hits: Int
    }

    public struct Report: Codable, Sendable {
        public var k: Int
        public var queries: [QueryResult]
        /// Mean over queries of hits / k (the textbook precision@k).
        public var precision: Double
        /// Mean over queries of hits / min(k, |relevant|): 1.0 is reachable even for a query with
        /// fewer than k labelled partners.
        public var cappedPrecision: Double
        /// Labelled ids not in the portfolio (the labels are stale if this is not empty).
        public var unknownIds: [String]
    }

    public static func precisionAtK(_ finder: SimilarCaseFinder, labels: Labels, k: Int = 3) -> Report {
        let rel = labels.relevant
        let known = Set(finder.cases.map(\.id))
        var queries: [QueryResult] = []
        for id in rel.keys.sorted() where known.contains(id) {
            let top = finder.similar(to: id, limit: k)?.matches.map(\.id) ?? []
            let r = rel[id]!.filter { known.contains($0) }
            queries.append(QueryResult(id: id, relevant: r.sorted(), top: top, hits: top.filter { r.contains($0) }.count))
        }
        let kk = Double(max(k, 1))
        let p = queries.isEmpty ? 0 : queries.reduce(0.0) { $0 + Double($1.hits) / kk } / Double(queries.count)
        let capped = queries.isEmpty ? 0 : queries.reduce(0.0) { acc, q in
            acc + (q.relevant.isEmpty ? 0 : Double(q.hits) / Double(min(k, q.relevant.count)))
        } / Double(queries.count)
        let unknown = Set(labels.pairs.flatMap { [$0.a, $0.b] }).subtracting(known).sorted()
        return Report(k: k, queries: queries, precision: p, cappedPrecision: capped, unknownIds: unknown)
    }
}
