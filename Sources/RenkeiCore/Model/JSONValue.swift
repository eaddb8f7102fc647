/// Any JSON value. Used for the before/after of logged changes and to carry fields this
/// version of renkei does not know (so a newer file is re-saved without losing them).
public enum JSONValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        // The JSON kinds are disjoint (JSONDecoder never coerces between string, number, bool,
        // array and object), so the order of attempts only matters between Int and Double.
        // Trying the common kinds first matters for speed: every failed attempt throws a
        // DecodingError, and this was most of the time spent decoding a case file.
        if c.decodeNil() { self = .null }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value") }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }
    public var isNull: Bool { self == .null }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }

    /// Short human form used in history lines ("—" for null).
    public var description: String {
        switch self {
        case .null: return "—"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .array(let a): return a.map(\.description).joined(separator: ", ")
        case .object(let o): return "{" + o.keys.sorted().map { "\($0): \(o[$0]!.description)" }.joined(separator: ", ") + "}"
        }
    }

    /// Keys present in `raw` but absent from `known`, recursively through objects.
    /// Arrays are not aligned element by element; an unknown array element key is kept only
    /// when the whole key is unknown.
    public static func unknownKeys(raw: JSONValue, known: JSONValue) -> JSONValue? {
        guard case .object(let r) = raw, case .object(let k) = known else { return nil }
        var out: [String: JSONValue] = [:]
        for (key, value) in r {
            if let kv = k[key] {
                if let nested = unknownKeys(raw: value, known: kv) { out[key] = nested }
            } else {
                out[key] = value
            }
        }
        return out.isEmpty ? nil : .object(out)
    }

    /// Puts `extra` back into `self` where `self` has no such key.
    public func merging(unknown extra: JSONValue?) -> JSONValue {
        guard let extra, case .object(let e) = extra, case .object(var s) = self else { return self }
        for (key, value) in e {
            if let existing = s[key] {
                if case .object = existing { s[key] = existing.merging(unknown: value) }
            } else {
                s[key] = value
            }
        }
        return .object(s)
    }
}
