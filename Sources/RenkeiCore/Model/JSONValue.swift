import Foundation

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
        // Most values in a case's change log are strings or objects: try those first, since
        // every failed attempt throws (and throwing is what made long histories slow to decode).
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
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

    /// Converts a `JSONSerialization` tree (much faster than decoding through `Codable`).
    public init?(jsonObject o: Any) {
        switch o {
        case is NSNull: self = .null
        case let s as String: self = .string(s)
        case let n as NSNumber:
            let t = String(cString: n.objCType)
            if t == "c" || type(of: n) != NSNumber.self && String(describing: type(of: n)).contains("Boolean") { self = .bool(n.boolValue) }
            else if t == "d" || t == "f" { self = .double(n.doubleValue) }
            else if t == "Q", n.uint64Value > UInt64(Int.max) { self = .double(n.doubleValue) }
            else { self = .int(n.intValue) }
        case let a as [Any]:
            var out: [JSONValue] = []
            out.reserveCapacity(a.count)
            for e in a { guard let v = JSONValue(jsonObject: e) else { return nil }; out.append(v) }
            self = .array(out)
        case let d as [String: Any]:
            var out: [String: JSONValue] = [:]
            for (k, e) in d { guard let v = JSONValue(jsonObject: e) else { return nil }; out[k] = v }
            self = .object(out)
        default: return nil
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

    /// Key under which unknown keys found inside array elements are kept, by element index.
    public static let arrayMarker = "\u{0}elements"

    /// Puts `extra` back into `self` where `self` has no such key (arrays: into the element
    /// at the same index, when it is still there).
    public func merging(unknown extra: JSONValue?) -> JSONValue {
        guard let extra, case .object(let e) = extra else { return self }
        if case .array(var a) = self, case .object(let perIndex)? = e[JSONValue.arrayMarker] {
            for (key, value) in perIndex {
                if let i = Int(key.dropFirst()), a.indices.contains(i) { a[i] = a[i].merging(unknown: value) }
            }
            return .array(a)
        }
        guard case .object(var s) = self else { return self }
        for (key, value) in e {
            if let existing = s[key] {
                switch existing {
                case .object, .array: s[key] = existing.merging(unknown: value)
                default: break
                }
            } else {
                s[key] = value
            }
        }
        return .object(s)
    }
}
