import Foundation
import RenkeiCore

/// A case as loaded from disk: the typed case plus whatever keys this renkei does not know
/// (kept and re-emitted on save, so an older renkei never damages a newer file).
public struct CaseDocument: Sendable, Equatable {
    public var value: Case
    public var unknown: JSONValue?
    /// A file written by a newer renkei (higher schemaVersion) is shown but never rewritten.
    public var readOnly: Bool

    public init(value: Case, unknown: JSONValue? = nil, readOnly: Bool = false) {
        self.value = value; self.unknown = unknown; self.readOnly = readOnly
    }
}

/// Decoding and encoding of case files, with errors that name the file, the line/column or
/// the field, and the fix.
public enum CaseCodec {
    public static let maxFileSize = 16 * 1_048_576

    /// The hand-written parser alone (nil outside its strict subset), for `renkei-bench decode`,
    /// which weighs it against JSONDecoder; not an API for the product.
    @_spi(Benchmarks) public static func strictParse(_ data: Data) -> Case? { StrictCaseParser.parse(data) }

    public static func decode(_ data: Data, path: String) throws -> CaseDocument {
        guard String(data: data, encoding: .utf8) != nil else {
            throw StoreError.damaged(path: path, reason: .notUTF8(offset: invalidUTF8Offset(data)))
        }
        // Fast path: a file in the hand-written parser's strict subset (everything renkei itself
        // writes) decodes to the identical `Case` over 5× faster than the JSONDecoder pass below
        // alone (`renkei-bench decode`, BENCHMARKS.md; the grammar pass comes on top), and that
        // subset has no unknown keys, so there is nothing to carry. Anything else takes both passes.
        if let value = StrictCaseParser.parse(data), CaseID.isValid(value.id), counterProblem(value) == nil {
            return CaseDocument(value: value, unknown: nil, readOnly: value.schemaVersion > Case.schemaVersion)
        }
        // One grammar decides for every path (`JSONDecoder` skips an unknown key's value
        // without checking it, `JSONSerialization` checks it differently): the file is read
        // by `JSONDocument`, whose tree also gives the unknown keys a save carries.
        let tree: JSONValue
        do { tree = try JSONDocument.parse(data) } catch { throw StoreError.damaged(path: path, reason: error.reason) }
        guard case .object = tree else { throw StoreError.damaged(path: path, reason: .notAnObject) }
        let value: Case
        do {
            let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
            value = try JSONDecoder().decode(Case.self, from: body)
        } catch let e as DecodingError {
            // A number a whole-number field cannot hold (1.5, 20 digits) is named, not "not valid JSON".
            if case .dataCorrupted = e, let problem = numberReason(data) { throw StoreError.damaged(path: path, reason: problem) }
            throw StoreError.damaged(path: path, reason: reason(e))
        }
        guard CaseID.isValid(value.id) else {
            throw StoreError.damaged(path: path, reason: .invalidId(TerminalText.inline(value.id)))
        }
        if let problem = counterReason(value) { throw StoreError.damaged(path: path, reason: problem) }
        return CaseDocument(value: value, unknown: KeySchema.caseFile.unknown(in: tree),
                            readOnly: value.schemaVersion > Case.schemaVersion)
    }

    /// Counters renkei increments (revision, event seq, note id) must leave room: a hand-edited
    /// 9223372036854775807 would otherwise trap on "+ 1" at the next save
    /// (Tests/Fixtures/fuzz-regressions). Every decode path (this one, the index's fast one)
    /// must apply it, or a file is judged differently by `list` and by `note`.
    public static func counterProblem(_ value: Case) -> String? { counterReason(value)?.text(.en) }

    static func counterReason(_ value: Case) -> DamageReason? {
        let counterLimit = 1 << 53
        if value.revision < 0 || value.revision >= counterLimit {
            return .counterTooLarge(field: "revision", value: value.revision)
        }
        if let i = value.events.firstIndex(where: { $0.seq >= counterLimit }) {
            return .counterTooLarge(field: "events[\(i)].seq", value: value.events[i].seq)
        }
        if let i = value.notes.firstIndex(where: { $0.id >= counterLimit }) {
            return .counterTooLarge(field: "notes[\(i)].id", value: value.notes[i].id)
        }
        return nil
    }

    /// Pretty-printed, keys sorted (stable diffs under git), unknown keys merged back in.
    /// Migration on first write: an older file (schemaVersion 1) is stored as the current
    /// version — its events already carry ids (`s<seq>`, filled in when it was read).
    public static func encode(_ doc: CaseDocument) throws -> Data {
        try encode(doc, compact: false)
    }

    /// The bytes a save writes: pretty-printed while that stays within `limit` (what renkei
    /// reads back), else compact (a 15 MiB compact file must not become 28 MB because one note
    /// was added), else refused — naming the case, nothing written (issue 18, finding 3).
    public static func encode(_ doc: CaseDocument, limit: Int, path: String) throws -> Data {
        let pretty = try encode(doc)
        if pretty.count <= limit { return pretty }
        let compact = try encode(doc, compact: true)
        if compact.count <= limit { return compact }
        throw StoreError.caseTooLarge(path: path, id: doc.value.id, size: compact.count, limit: limit)
    }

    /// Never throws Foundation's `EncodingError`: its description dumps the whole value being
    /// encoded — contacts' e-mails and phones included — into what would be the error line.
    static func encode(_ doc: CaseDocument, compact: Bool) throws -> Data {
        do { return try encodeUnchecked(doc, compact: compact) } catch let e as EncodingError {
            throw StoreError.damaged(path: doc.value.id, reason: .notWritable(path: Self.encodingPath(e)))
        }
    }

    private static func encodeUnchecked(_ doc: CaseDocument, compact: Bool) throws -> Data {
        var value = doc.value
        if value.schemaVersion < Case.schemaVersion { value.schemaVersion = Case.schemaVersion }
        let e = compact ? compactEncoder : encoder
        let typed = try e.encode(value) + Data([0x0A])
        guard let unknown = doc.unknown else { return typed }
        let merged = try JSONDecoder().decode(JSONValue.self, from: typed).merging(unknown: unknown)
        return try e.encode(merged) + Data([0x0A])
    }

    static func encodeTyped(_ c: Case) throws -> Data {
        try encoder.encode(c) + Data([0x0A])
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static var compactEncoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// JSONDecoder gives no location on Linux; JSONSerialization says "around character N".
    /// Turn that into line:column.
    static func syntaxError(_ data: Data) -> String { syntaxReason(data).text(.en) }

    static func syntaxReason(_ data: Data) -> DamageReason {
        do {
            _ = try JSONDocument.parse(data)
            return numberReason(data) ?? .shape
        } catch {
            return error.reason
        }
    }

    /// Where in the value an `EncodingError` happened (never the value itself).
    static func encodingPath(_ e: EncodingError) -> String {
        if case .invalidValue(_, let ctx) = e { return path(ctx.codingPath) }
        return ""
    }

    static func lineColumn(_ data: Data, offset: Int) -> (Int, Int) {
        var line = 1, col = 1
        for b in data.prefix(offset) {
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }
        return (line, col)
    }

    static func invalidUTF8Offset(_ data: Data) -> Int? {
        var i = 0
        let bytes = [UInt8](data)
        while i < bytes.count {
            let b = bytes[i]
            let len = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if len == 0 || i + len > bytes.count { return i }
            if len > 1 && !bytes[(i + 1)..<(i + len)].allSatisfy({ $0 & 0xC0 == 0x80 }) { return i }
            i += len
        }
        return nil
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { k in k.intValue.map { "[\($0)]" } ?? ".\(k.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    static func describe(_ e: DecodingError) -> String { reason(e).text(.en) }

    /// The reason with the file's bytes at hand: JSONDecoder's "The given data was not valid
    /// JSON" (data corrupted at the top) is said from the bytes — line, column, what was found —
    /// not in JSONDecoder's English.
    static func reason(_ e: DecodingError, bytes: Data) -> DamageReason {
        if case .dataCorrupted(let ctx) = e, ctx.codingPath.isEmpty { return syntaxReason(bytes) }
        return reason(e)
    }

    static func reason(_ e: DecodingError) -> DamageReason {
        switch e {
        case .keyNotFound(let key, let ctx):
            return .fieldMissing(path: path(ctx.codingPath + [key]))
        case .typeMismatch(let type, let ctx):
            return .wrongType(path: path(ctx.codingPath), expected: valueKind(type))
        case .valueNotFound(let type, let ctx):
            return .nullField(path: path(ctx.codingPath), expected: valueKind(type))
        case .dataCorrupted(let ctx):
            let p = path(ctx.codingPath)
            let detail = ctx.debugDescription
            // "not a date YYYY-MM-DD: <the value>": name the problem, not the value (it may be
            // an e-mail or phone typed into the wrong field).
            if detail.hasPrefix("not a date") { return .notADate(path: p) }
            if detail.hasPrefix("not an ISO 8601 time") { return .notATime(path: p) }
            if detail.contains("Cannot initialize") || detail.contains("rawValue") {
                var accepted: [String] = []
                if p.hasSuffix("stage") { accepted = Stage.allCases.map(\.rawValue) }
                if p.hasSuffix("exit") { accepted = Exit.allCases.map(\.rawValue) }
                return .unknownValue(path: p, accepted: accepted)
            }
            return .badValue(path: p, detail: detail)
        @unknown default:
            return .shape
        }
    }

    static func valueKind(_ t: Any.Type) -> DamageReason.ValueKind {
        switch t {
        case is String.Type: return .text
        case is Int.Type: return .integer
        case is Double.Type: return .number
        case is Bool.Type: return .bool
        default:
            let n = String(describing: t)
            return n.hasPrefix("Array") ? .list : n.hasPrefix("Dictionary") ? .object : .value
        }
    }
}
