/// Reading a strict parser tree (`JSONDocument`) into model values with `Decodable`'s rules, for
/// the start-up fast paths (`Catalog.init(tree:)`, `BudgetCalendar.init(tree:)`): each init gives
/// up (nil) on anything `init(from:)` would not accept as-is, and its caller falls back to
/// `JSONDecoder`, whose error names the field.
extension JSONValue {
    var string: String? { if case .string(let s) = self { return s }; return nil }
    var int: Int? { if case .int(let i) = self { return i }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
}

/// Field access with `Decodable`'s rules: a required key must be present with the right type;
/// an optional key may be absent or null (`.some(nil)`), but a present value of the wrong type
/// is a failure (nil), as `decodeIfPresent` would throw.
extension Dictionary where Key == String, Value == JSONValue {
    func string(_ key: String) -> String? { self[key]?.string }
    func int(_ key: String) -> Int? { self[key]?.int }

    func optional<T>(_ key: String, _ read: (JSONValue) -> T?) -> T?? {
        guard let v = self[key], v != .null else { return .some(nil) }
        return read(v).map { .some($0) }
    }

    func array<T>(_ key: String, _ read: (JSONValue) -> T?) -> [T]? {
        guard case .array(let values)? = self[key] else { return nil }
        var out: [T] = []
        out.reserveCapacity(values.count)
        for v in values { guard let t = read(v) else { return nil }; out.append(t) }
        return out
    }

    func optionalArray<T>(_ key: String, _ read: (JSONValue) -> T?) -> [T]?? {
        guard let v = self[key], v != .null else { return .some(nil) }
        guard case .array = v else { return nil }
        return array(key, read).map { .some($0) }
    }
}
