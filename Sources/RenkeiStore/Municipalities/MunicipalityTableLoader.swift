import Foundation
import RenkeiCore

/// Reads the shipped municipality table. Only commands that resolve or show municipalities call
/// this (start-up of every other command does not pay for ~130 KB of text), and a process reads
/// it at most once.
public enum MunicipalityTableLoader {
    public static func load(data: DataDirectory) throws -> MunicipalityTable {
        try read(data.municipalities, generator: "gen-municipalities.py", MunicipalityTable.parse)
    }

    /// Exact answers for these names and codes (`resolve`, `entry(code:)`) without building the
    /// typing index over the whole table: what `show`, `overdue`, `validate` and the filters need.
    /// A damaged table fails the same way as `load`.
    public static func exactLookup(data: DataDirectory, names: [(name: String, prefecture: String?)],
                                   codes: [String]) throws -> MunicipalityExactLookup {
        // The bytes go to the row reader as they are: only the rows kept are decoded.
        try rows(data: data).exactLookup(names: names, codes: codes)
    }

    /// The table's rows, split but not decoded: what `municipality find` and search by reading
    /// offer candidates from (`MunicipalityRows.typingLookup`, `suggest`) without the typing index.
    public static func rows(data: DataDirectory) throws -> MunicipalityRows {
        try readBytes(data.municipalities, generator: "gen-municipalities.py", MunicipalityRows.init(bytes:))
    }

    /// For what `MunicipalityLink.status` asks about these cases' municipalities: a stored code,
    /// else the name with the case's prefecture.
    public static func exactLookup(data: DataDirectory, for municipalities: [Municipality]) throws -> MunicipalityExactLookup {
        try exactLookup(data: data, names: municipalities.filter { $0.code == nil }.map { ($0.name, $0.prefecture) },
                        codes: municipalities.compactMap(\.code))
    }

    /// The shipped adjacency (joint procurement and similar cases say "neighbouring" from it).
    /// Insight reads it with `try?`: without it nothing is called neighbouring; `renkei validate`
    /// reports a damaged one.
    public static func adjacency(data: DataDirectory) throws -> MunicipalityAdjacency {
        try read(data.municipalityAdjacency, generator: "gen-municipality-adjacency.py", MunicipalityAdjacency.parse)
    }

    /// A damaged file is one line naming it and the script that regenerates it.
    static func read<T>(_ url: URL, generator: String, _ parse: (String) throws -> T) throws -> T {
        try readBytes(url, generator: generator) { try parse(String(decoding: $0, as: UTF8.self)) }
    }

    static func readBytes<T>(_ url: URL, generator: String, _ parse: ([UInt8]) throws -> T) throws -> T {
        let bytes = try RegularFile.read(url, limit: 8 * 1_048_576)
        do {
            return try parse(Array(bytes))
        } catch {
            throw StoreError.damaged(path: url.path, reason: .regenerate(detail: "\(error)", script: generator))
        }
    }
}
