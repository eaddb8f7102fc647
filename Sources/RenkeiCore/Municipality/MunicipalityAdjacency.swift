/// Which local public bodies share a land boundary — the "neighbouring" of joint procurement
/// and similar-case insight (issue 16). Parsed from the shipped `Data/municipalities/adjacency.tsv`
/// (Scripts/gen-municipality-adjacency.py: 国土数値情報 N03 boundaries, as of 2021-01-01). Pure:
/// the caller reads the file.
///
/// Bodies across the sea or touching at one point are not neighbours. The file lists wards of
/// designated cities with their own neighbours and the designated cities whole with theirs, so
/// 調布市 neighbours both 川崎市 and 川崎市多摩区.
public struct MunicipalityAdjacency: Sendable {
    let byCode: [String: [String]]
    /// The header's `source` and `generated` lines.
    public let source: String
    public let generated: String

    public init(_ neighbours: [String: [String]], source: String = "", generated: String = "") {
        byCode = neighbours; self.source = source; self.generated = generated
    }

    /// The codes sharing a boundary with `code`, ascending (none for an island or an unknown code).
    public func neighbours(of code: String) -> [String] { byCode[code] ?? [] }

    public func areNeighbours(_ a: String, _ b: String) -> Bool { byCode[a]?.contains(b) ?? false }

    /// Every code with at least one neighbour.
    public var codes: [String] { byCode.keys.sorted() }

    /// Parses `code name neighbours` lines (neighbours comma-separated); `#` lines are the header.
    public static func parse(_ text: String) throws -> MunicipalityAdjacency {
        var out: [String: [String]] = [:]
        out.reserveCapacity(2_000)
        let header = try ShippedTSV.read(text) { lineNo, fields in
            guard fields.count == 3 else {
                throw MunicipalityTable.ParseError.line(lineNo, "expected 3 tab-separated fields (code, name, neighbours), found \(fields.count)")
            }
            let list = fields[2].split(separator: ",").map(String.init)
            for c in [fields[0]] + list where !MunicipalityCode.isValid(c) {
                throw MunicipalityTable.ParseError.line(lineNo, "'\(c)' is not a 6-digit code with its check digit")
            }
            out[fields[0]] = list
        }
        return MunicipalityAdjacency(out, source: header["source"] ?? "", generated: header["generated"] ?? "")
    }
}
