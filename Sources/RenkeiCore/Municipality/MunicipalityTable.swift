/// One local public body of the shipped table (`Data/municipalities/jp.tsv`).
public struct MunicipalityEntry: Equatable, Sendable {
    public var code: String
    public var kind: BodyKind
    /// The body's own name: 狭山市, 北海道; a ward's own name without its city (中央区).
    public var name: String
    /// Reading in hiragana, suffix included (さやまし).
    public var kana: String
    /// Derived romaji of the name without suffix (Sayama); see Scripts/gen-municipalities.py.
    public var romaji: String
    /// For a 行政区: its designated city's code.
    public var parentCode: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(code: String, kind: BodyKind, name: String, kana: String, romaji: String, parentCode: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil) {
        self.code = code; self.kind = kind; self.name = name; self.kana = kana; self.romaji = romaji
        self.parentCode = parentCode; self.latitude = latitude; self.longitude = longitude
    }

    public var prefectureCode: String { MunicipalityCode.prefectureCode(of: code) ?? code }
}

/// The table of all bodies, parsed from the shipped text. Pure: the caller reads the file.
public struct MunicipalityTable: Sendable {
    public let entries: [MunicipalityEntry]
    /// The header's `source` and `generated` lines.
    public let source: String
    public let generated: String
    let byCode: [String: Int]

    public init(entries: [MunicipalityEntry], source: String = "", generated: String = "") {
        self.entries = entries; self.source = source; self.generated = generated
        var m: [String: Int] = [:]
        m.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() { m[e.code] = i }
        byCode = m
    }

    public func entry(code: String) -> MunicipalityEntry? { byCode[code].map { entries[$0] } }

    /// 埼玉県 for any body in Saitama.
    public func prefectureName(of code: String) -> String? {
        MunicipalityCode.prefectureCode(of: code).flatMap { entry(code: $0)?.name }
    }

    /// 札幌市中央区 for a ward, the body's own name otherwise.
    public func fullName(_ e: MunicipalityEntry) -> String {
        guard let p = e.parentCode, let city = entry(code: p) else { return e.name }
        return city.name + e.name
    }

    /// 狭山市（埼玉県）; a prefecture is just its name.
    public func displayName(_ e: MunicipalityEntry) -> String {
        if e.kind == .prefecture { return e.name }
        return fullName(e) + "（" + (prefectureName(of: e.code) ?? "") + "）"
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case line(Int, String)
        public var description: String {
            switch self { case .line(let n, let why): return "line \(n): \(why)" }
        }
    }

    /// Parses the tab-separated table: `#` lines are the header, then
    /// `code kind name kana romaji parent lat lng` per line (`MunicipalityRows` reads it).
    public static func parse(_ text: String) throws -> MunicipalityTable { try MunicipalityRows(text).table() }
}

/// The shipped tab-separated tables (adjacency.tsv; jp.tsv the same way through `MunicipalityRows`):
/// `# key<TAB>value` header lines (source, licence, generated …), then one row per line; blank lines are skipped.
enum ShippedTSV {
    /// Calls `row` with each data line's number (from 1) and fields; returns the header by key.
    static func read(_ text: String, row: (Int, [String]) throws -> Void) throws -> [String: String] {
        var header: [String: String] = [:]
        var lineNo = 0
        for raw in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNo += 1
            if raw.isEmpty { continue }
            let fields = raw.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            if raw.first == UInt8(ascii: "#") {
                if fields.count >= 2, fields[0].hasPrefix("# ") { header[String(fields[0].dropFirst(2))] = fields[1] }
                continue
            }
            try row(lineNo, fields)
        }
        return header
    }
}
