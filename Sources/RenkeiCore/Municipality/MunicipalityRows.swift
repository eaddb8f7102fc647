/// The shipped table (`jp.tsv`) split into rows and fields without decoding them. The whole table
/// (`table()`) is for typing and listing; an exact lookup (`exactLookup`) — one case's code, the
/// names a command shows — decodes and indexes only the rows its answer can come from. Issue 16:
/// `renkei show` built the ~1,900-row typing index on every run to print one case's link hint,
/// 4× the command's start-up budget; commands that only resolve names never need that index.
public struct MunicipalityRows: Sendable {
    let bytes: [UInt8]
    /// 8 field ranges per data row, row after row.
    let fields: [Range<Int>]
    let kinds: [BodyKind]
    /// The header's `# key<TAB>value` lines (source, generated …).
    let header: [String: String]

    public var count: Int { kinds.count }

    /// Splits and checks the structure of every row (8 fields, a known kind), so a damaged table
    /// is reported whichever rows a lookup then reads. Same errors as `MunicipalityTable.parse`.
    public init(_ text: String) throws {
        let bytes = Array(text.utf8)
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8 * 2_000)
        var kinds: [BodyKind] = []
        kinds.reserveCapacity(2_000)
        var header: [String: String] = [:]
        var lineNo = 0, start = 0
        var row: [Range<Int>] = []
        row.reserveCapacity(8)
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            lineNo += 1
            defer { start = end + 1 }
            if end == start { continue }
            row.removeAll(keepingCapacity: true)
            var f = start
            for i in start...end where i == end || bytes[i] == 9 { row.append(f..<i); f = i + 1 }
            func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
            if bytes[start] == UInt8(ascii: "#") {
                let key = string(row[0])
                if row.count >= 2, key.hasPrefix("# ") { header[String(key.dropFirst(2))] = string(row[1]) }
                continue
            }
            guard row.count == 8 else {
                throw MunicipalityTable.ParseError.line(lineNo, "expected 8 tab-separated fields, found \(row.count)")
            }
            guard let kind = BodyKind(rawValue: string(row[1])) else {
                throw MunicipalityTable.ParseError.line(lineNo, "unknown kind '\(string(row[1]))'")
            }
            fields += row
            kinds.append(kind)
        }
        self.bytes = bytes; self.fields = fields; self.kinds = kinds; self.header = header
    }

    func field(_ row: Int, _ k: Int) -> ArraySlice<UInt8> { bytes[fields[8 * row + k]] }
    func string(_ row: Int, _ k: Int) -> String { String(decoding: field(row, k), as: UTF8.self) }

    func entry(_ row: Int) -> MunicipalityEntry {
        let parent = string(row, 5)
        return MunicipalityEntry(code: string(row, 0), kind: kinds[row], name: string(row, 2), kana: string(row, 3),
                                 romaji: string(row, 4), parentCode: parent.isEmpty ? nil : parent,
                                 latitude: Double(string(row, 6)), longitude: Double(string(row, 7)))
    }

    /// The whole table.
    public func table() -> MunicipalityTable { table(rows: Array(0..<count)) }

    func table(rows: [Int]) -> MunicipalityTable {
        MunicipalityTable(entries: rows.map(entry), source: header["source"] ?? "", generated: header["generated"] ?? "")
    }

    /// Answers `entry(code:)` for `codes` and `resolve` for `names` exactly as the whole table's
    /// `MunicipalityResolver` would, from a small table: every prefecture (they are what a
    /// prefecture hint is checked against), the rows with those codes, every row whose name or
    /// reading a name can match (a superset — see `mayMatch`), and the designated city of each
    /// ward kept (its full name 札幌市中央区 is one of the ward's keys).
    public func exactLookup(names: [(name: String, prefecture: String?)], codes: [String]) -> MunicipalityExactLookup {
        var keep = [Bool](repeating: false, count: count)
        var prefectures: [MunicipalityEntry] = []
        for i in 0..<count where kinds[i] == .prefecture { keep[i] = true; prefectures.append(entry(i)) }
        let wanted = Set(codes)
        let queries = names.compactMap { MunicipalityResolver.Query($0.name, prefecture: $0.prefecture, prefectures: prefectures) }
        // A ward's keys include its city's name (札幌市中央区): find those cities first.
        var parentCodes: [[UInt8]] = []
        for i in 0..<count where !field(i, 5).isEmpty && !parentCodes.contains(where: { field(i, 5).elementsEqual($0) }) {
            parentCodes.append(Array(field(i, 5)))
        }
        var rowOfCode: [[UInt8]: Int] = [:]
        for i in 0..<count where parentCodes.contains(where: { field(i, 0).elementsEqual($0) }) { rowOfCode[Array(field(i, 0))] = i }
        func parentRow(_ i: Int) -> Int? { field(i, 5).isEmpty ? nil : rowOfCode[Array(field(i, 5))] }
        for i in 0..<count where !keep[i] {
            if !wanted.isEmpty && wanted.contains(string(i, 0)) { keep[i] = true; continue }
            if !queries.isEmpty && mayMatch(i, queries, parentRow: parentRow(i)) { keep[i] = true }
        }
        for i in 0..<count where keep[i] { if let p = parentRow(i) { keep[p] = true } }
        return MunicipalityExactLookup(resolver: MunicipalityResolver(table: table(rows: (0..<count).filter { keep[$0] })))
    }

    /// Whether row `i` can match one of `queries` in `MunicipalityResolver.resolve` — never false
    /// when it does. Its keys are the folded name and full name (bases are their prefixes: the
    /// suffix 市 taken off), the reading (and its prefixes), the reading's base with the written
    /// suffix (さやま市), and romaji keys; so a match implies the query is a prefix of the folded
    /// name or full name, or of the reading, or is a prefix of the reading plus the name's last
    /// character. Romaji queries compare the row's real romaji keys (rare: only names typed so).
    func mayMatch(_ i: Int, _ queries: [MunicipalityResolver.Query], parentRow: Int?) -> Bool {
        let name = string(i, 2)
        var folded: [[UInt8]]?
        var romajiKeys: [[UInt8]]?
        let kana = field(i, 3)
        let last = name.last.map { Array(String($0).utf8) } ?? []
        for q in queries {
            let qb = q.bytes
            if q.romaji {
                if romajiKeys == nil {
                    let full = parentRow.map { string($0, 2) + name } ?? name
                    romajiKeys = MunicipalityResolver.keys(of: entry(i), fullName: full).romaji
                }
                if romajiKeys!.contains(qb) { return true }
                continue
            }
            if kana.starts(with: qb) { return true }
            if !last.isEmpty, qb.count > last.count, qb.suffix(last.count).elementsEqual(last),
               kana.starts(with: qb.prefix(qb.count - last.count)) { return true }
            if folded == nil {
                var f = [Array(MunicipalityFolding.text(name).utf8)]
                if let p = parentRow { f.append(Array(MunicipalityFolding.text(string(p, 2) + name).utf8)) }
                folded = f
            }
            if folded!.contains(where: { $0.starts(with: qb) }) { return true }
        }
        return false
    }
}

/// What resolving a name exactly and reading a code need: `MunicipalityResolver` (the whole
/// table, for typing as well) and `MunicipalityExactLookup` (only the rows some names can match).
public protocol MunicipalityLookup: Sendable {
    var table: MunicipalityTable { get }
    func resolve(_ name: String, prefecture: String?) -> MunicipalityResolver.Resolution
}

extension MunicipalityResolver: MunicipalityLookup {}

/// Exact answers for the names and codes it was made for (`MunicipalityRows.exactLookup`); it
/// has no `suggest`, since its table holds only the rows those answers come from.
public struct MunicipalityExactLookup: MunicipalityLookup {
    let resolver: MunicipalityResolver
    public var table: MunicipalityTable { resolver.table }
    public func resolve(_ name: String, prefecture: String? = nil) -> MunicipalityResolver.Resolution {
        resolver.resolve(name, prefecture: prefecture)
    }
}
