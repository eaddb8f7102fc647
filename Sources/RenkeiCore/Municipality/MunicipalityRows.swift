import Foundation

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
    public init(_ text: String) throws { try self.init(bytes: Array(text.utf8)) }

    /// The file's bytes as read: only the fields of the rows a lookup keeps are decoded (an
    /// invalid byte is repaired there, as decoding the whole text would).
    public init(bytes: [UInt8]) throws {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8 * 2_000)
        var kinds: [BodyKind] = []
        kinds.reserveCapacity(2_000)
        var header: [String: String] = [:]
        var lineNo = 0, start = 0
        var row: [Range<Int>] = []
        row.reserveCapacity(8)
        func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        while start <= bytes.count {
            row.removeAll(keepingCapacity: true)
            let end = Self.splitLine(bytes, from: start, into: &row)
            lineNo += 1
            defer { start = end + 1 }
            if end == start { continue }
            if bytes[start] == UInt8(ascii: "#") {
                let key = string(row[0])
                if row.count >= 2, key.hasPrefix("# ") { header[String(key.dropFirst(2))] = string(row[1]) }
                continue
            }
            guard row.count == 8 else {
                throw MunicipalityTable.ParseError.line(lineNo, "expected 8 tab-separated fields, found \(row.count)")
            }
            guard let kind = Self.kindBytes.first(where: { $0.bytes.elementsEqual(bytes[row[1]]) })?.kind else {
                throw MunicipalityTable.ParseError.line(lineNo, "unknown kind '\(string(row[1]))'")
            }
            fields += row
            kinds.append(kind)
        }
        self.bytes = bytes; self.fields = fields; self.kinds = kinds; self.header = header
    }

    /// Splits the line starting at `start` into tab-separated field ranges and returns where it
    /// ends (the newline or the end of the bytes). memchr, because a byte loop over the 160 kB
    /// table was an eighth of `renkei show`'s instructions.
    static func splitLine(_ bytes: [UInt8], from start: Int, into row: inout [Range<Int>]) -> Int {
        bytes.withUnsafeBufferPointer { buf -> Int in
            guard let base = buf.baseAddress, start < buf.count else { row.append(start..<start); return start }
            let end = memchr(base + start, 10, buf.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? buf.count
            var f = start
            while f < end, let tab = memchr(base + f, 9, end - f) {
                let t = UnsafePointer(tab.assumingMemoryBound(to: UInt8.self)) - base
                row.append(f..<t)
                f = t + 1
            }
            row.append(f..<end)
            return end
        }
    }

    static let kindBytes = BodyKind.allCases.map { (bytes: Array($0.rawValue.utf8), kind: $0) }

    /// A 6-digit code field as a number (nil for anything else), to find rows without a String per row.
    func number(_ row: Int, _ k: Int) -> Int? { Self.number(field(row, k)) }
    static func number(_ b: some Collection<UInt8>) -> Int? {
        guard b.count == 6 else { return nil }
        var n = 0
        for c in b { guard c >= 0x30 && c <= 0x39 else { return nil }; n = n * 10 + Int(c - 0x30) }
        return n
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
        let prefectures = (0..<count).filter { kinds[$0] == .prefecture }.map(entry)
        // Codes compare as numbers; one that is not 6 digits (a hand-typed 11215X) by its text.
        let wantedNumbers = Set(codes.compactMap { Self.number($0.utf8) })
        let wantedOther = codes.filter { Self.number($0.utf8) == nil }
        let queries = names.compactMap { MunicipalityResolver.Query($0.name, prefecture: $0.prefecture, prefectures: prefectures) }
        let resolver = resolver(keeping: { i, parentRow, scratch in
            if !wantedNumbers.isEmpty, let n = number(i, 0), wantedNumbers.contains(n) { return true }
            if !wantedOther.isEmpty, wantedOther.contains(where: { field(i, 0).elementsEqual($0.utf8) }) { return true }
            return !queries.isEmpty && mayMatch(i, queries, parentRow: parentRow, &scratch)
        })
        return MunicipalityExactLookup(resolver: resolver)
    }

    /// A resolver over every prefecture, the rows `keep` says yes to (it is asked about the other
    /// rows, with the row of a ward's designated city), and the designated city of each ward kept
    /// — its full name 札幌市中央区 is one of the ward's keys and `displayName` needs it. The rows
    /// stay in the table's order, so answers come in the order the whole table gives them.
    func resolver(keeping keep: (Int, Int?, inout FoldScratch) -> Bool) -> MunicipalityResolver {
        var kept = [Bool](repeating: false, count: count)
        for i in 0..<count where kinds[i] == .prefecture { kept[i] = true }
        // A ward's keys include its city's name (札幌市中央区): find those cities first.
        var parentNumbers = Set<Int>(), parentOther = false
        for i in 0..<count where !field(i, 5).isEmpty {
            if let n = number(i, 5) { parentNumbers.insert(n) } else { parentOther = true }
        }
        var rowOfNumber: [Int: Int] = [:]
        for i in 0..<count { if let n = number(i, 0), parentNumbers.contains(n), rowOfNumber[n] == nil { rowOfNumber[n] = i } }
        func parentRow(_ i: Int) -> Int? {
            let p = field(i, 5)
            if p.isEmpty { return nil }
            if let n = Self.number(p) { return rowOfNumber[n] }
            guard parentOther else { return nil }
            return (0..<count).first { field($0, 0).elementsEqual(p) }
        }
        var scratch = FoldScratch()
        for i in 0..<count where !kept[i] && keep(i, parentRow(i), &scratch) { kept[i] = true }
        for i in 0..<count where kept[i] { if let p = parentRow(i) { kept[p] = true } }
        return MunicipalityResolver(table: table(rows: (0..<count).filter { kept[$0] }))
    }

    /// Buffers `mayMatch` reuses from row to row (no allocation per row).
    struct FoldScratch { var name: [UInt8] = [], full: [UInt8] = [] }

    /// Whether row `i` can match one of `queries` in `MunicipalityResolver.resolve` — never false
    /// when it does. Its keys are the folded name and full name (bases are their prefixes: the
    /// suffix 市 taken off), the reading (and its prefixes), the reading's base with the written
    /// suffix (さやま市), and romaji keys; so a match implies the query is a prefix of the folded
    /// name or full name, or of the reading, or is a prefix of the reading plus the name's last
    /// character. Romaji queries compare the row's real romaji keys (rare: only names typed so).
    ///
    /// The name is folded byte by byte when every scalar is one `TextNormalizer.fold` leaves as
    /// it is (`stableFold`, the usual case), else through `MunicipalityFolding.text`.
    func mayMatch(_ i: Int, _ queries: [MunicipalityResolver.Query], parentRow: Int?, _ scratch: inout FoldScratch) -> Bool {
        var folded = false
        var romajiKeys: [[UInt8]]?
        let kana = field(i, 3)
        for q in queries {
            let qb = q.bytes
            if q.romaji {
                if romajiKeys == nil {
                    let name = string(i, 2)
                    let full = parentRow.map { string($0, 2) + name } ?? name
                    romajiKeys = MunicipalityResolver.keys(of: entry(i), fullName: full).romaji
                }
                if romajiKeys!.contains(qb) { return true }
                continue
            }
            if kana.starts(with: qb) { return true }
            // さやま + 市: only when the reading and the query begin alike.
            if let k0 = kana.first, k0 == qb.first, let last = lastCharacter(i),
               qb.count > last.count, qb.suffix(last.count).elementsEqual(last),
               kana.starts(with: qb.prefix(qb.count - last.count)) { return true }
            if !folded {
                fold(i, parentRow: parentRow, &scratch)
                folded = true
            }
            if scratch.name.starts(with: qb) || (parentRow != nil && scratch.full.starts(with: qb)) { return true }
        }
        return false
    }

    /// The UTF-8 of the name's last Character (what `name.last` gives).
    func lastCharacter(_ i: Int) -> [UInt8]? {
        let b = field(i, 2)
        // A stable scalar (3 bytes) after another (or alone) is a Character of its own: neither
        // extends, prepends or joins (grapheme rules GB9–GB11).
        func stable(at k: Int) -> Bool { Self.scalar3(b, at: k).map(TextNormalizer.isStableJapanese) ?? false }
        if b.count >= 3, stable(at: b.endIndex - 3), b.count == 3 || stable(at: b.endIndex - 6) { return Array(b.suffix(3)) }
        return string(i, 2).last.map { Array(String($0).utf8) }
    }

    /// scratch.name = fold(name), scratch.full = fold(city's name + name) for a ward.
    func fold(_ i: Int, parentRow: Int?, _ scratch: inout FoldScratch) {
        scratch.name.removeAll(keepingCapacity: true)
        if !Self.stableFold(field(i, 2), into: &scratch.name) {
            scratch.name = Array(MunicipalityFolding.text(string(i, 2)).utf8)
        }
        guard let p = parentRow else { return }
        scratch.full.removeAll(keepingCapacity: true)
        if !(Self.stableFold(field(p, 2), into: &scratch.full) && Self.stableFold(field(i, 2), into: &scratch.full)) {
            scratch.full = Array(MunicipalityFolding.text(string(p, 2) + string(i, 2)).utf8)
        }
    }

    /// Appends `MunicipalityFolding.text` of `b` when every scalar of `b` is one `TextNormalizer`
    /// leaves alone (`isStableJapanese`): those fold one by one — katakana to hiragana, ・ dropped,
    /// the rest as they are. false (the buffer then holds a part) for any other byte.
    static func stableFold(_ b: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            guard let v = scalar3(b, at: i), TextNormalizer.isStableJapanese(v) else { return false }
            switch v {
            case 0x30FB: break                                            // ・
            case 0x30A1...0x30F6:                                         // カ → か
                let h = v - 0x60
                out += [0xE3, UInt8(0x80 | (h >> 6) & 0x3F), UInt8(0x80 | h & 0x3F)]
            default: out += b[i..<(i + 3)]
            }
            i += 3
        }
        return true
    }

    /// The scalar of a well-formed 3-byte UTF-8 sequence at `i` (every stable scalar is one).
    static func scalar3(_ b: ArraySlice<UInt8>, at i: Int) -> UInt32? {
        guard i + 2 < b.endIndex, b[i] & 0xF0 == 0xE0, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return nil }
        return UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
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
