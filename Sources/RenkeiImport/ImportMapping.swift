import Foundation
import RenkeiCore

/// How a sheet's columns become case fields. Stored as JSON next to the source file or in
/// `<workspace>/import/`, so the second import of the same export needs no questions (kintone's
/// own importer cannot save one).
///
/// ```json
/// { "format": "renkei.import-mapping", "preset": "kintone", "key": "レコード番号", "idPrefix": "kintone-",
///   "columns": { "案件名": "title", "ステータス": "stage", "備考": "note", "作成者": "ignore" },
///   "values": { "stage": { "要確認": "coordination" } } }
/// ```
public struct ImportMapping: Codable, Equatable, Sendable {
    public var format = "renkei.import-mapping"
    /// "kintone", "renkei" or nil (guessed or hand-written).
    public var preset: String?
    /// The column whose value identifies a case across imports (レコード番号, ID): a second import
    /// updates the same cases instead of creating duplicates.
    public var key: String?
    /// Prepended to the key to form the case id ("kintone-" + 12 → kintone-12).
    public var idPrefix: String?
    /// Header → field path (`renkei set --help` lists them), or "note" / "ignore".
    public var columns: [String: String]
    /// Field → (cell text → stored value), consulted before the built-in names.
    public var values: [String: [String: String]]
    /// Characters that separate several partners or tags in one cell.
    public var listSeparators: String?
    /// The worksheet to read when the import names none (`--sheet` or the workbench's `s` overrides).
    public var sheet: String?
    /// A CSV's encoding (utf-8, utf-8-bom, cp932) when detection would guess wrong (`--encoding` overrides).
    public var encoding: String?

    public init(preset: String? = nil, key: String? = nil, idPrefix: String? = nil, columns: [String: String] = [:],
                values: [String: [String: String]] = [:], listSeparators: String? = nil) {
        self.preset = preset; self.key = key; self.idPrefix = idPrefix; self.columns = columns
        self.values = values; self.listSeparators = listSeparators
    }

    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? "renkei.import-mapping"
        preset = try c.decodeIfPresent(String.self, forKey: .preset)
        key = try c.decodeIfPresent(String.self, forKey: .key)
        idPrefix = try c.decodeIfPresent(String.self, forKey: .idPrefix)
        columns = try c.decodeIfPresent([String: String].self, forKey: .columns) ?? [:]
        values = try c.decodeIfPresent([String: [String: String]].self, forKey: .values) ?? [:]
        listSeparators = try c.decodeIfPresent(String.self, forKey: .listSeparators)
        sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
    }

    /// Targets other than `CaseFields` paths.
    public static let specialTargets = ["id", "stage", "stageReason", "note", "ignore"]

    public static func isValidTarget(_ t: String) -> Bool {
        specialTargets.contains(t) || CaseFields.spec(t) != nil
    }

    /// The largest mapping file read; `ImportSession.saveMapping` never writes a larger one.
    public static let fileLimit = 1_048_576

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(self)
        d.append(0x0A)
        return d
    }

    /// Reads a mapping file, naming the file and the bad target on failure.
    public static func decode(_ data: Data, file: String) throws -> ImportMapping {
        let m: ImportMapping
        do { m = try JSONDecoder().decode(ImportMapping.self, from: data) } catch {
            throw ImportError(.notAMappingFile(file: file, detail: "\(error)"))
        }
        for (column, target) in m.columns.sorted(by: { $0.key < $1.key }) where !isValidTarget(target) {
            throw ImportError(.unknownTarget(file: file, column: TerminalText.inline(column), target: TerminalText.inline(target)))
        }
        if let e = m.encoding { _ = try SourceEncoding.parse(e) }
        return m
    }
}
