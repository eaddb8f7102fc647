import Foundation
import RenkeiCore

/// Reads the shipped municipality table. Only commands that resolve or show municipalities call
/// this (start-up of every other command does not pay for ~130 KB of text), and a process reads
/// it at most once.
public enum MunicipalityTableLoader {
    public static func load(data: DataDirectory) throws -> MunicipalityTable {
        let url = data.municipalities
        let bytes = try RegularFile.read(url, limit: 8 * 1_048_576)
        do {
            return try MunicipalityTable.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw StoreError.damaged(path: url.path, reason: .municipalityTable(detail: "\(error)"))
        }
    }
}
