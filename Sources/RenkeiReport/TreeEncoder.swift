import Foundation

/// Encodes an `Encodable` straight into the `[String: Any]` / `[Any]` tree a Mustache template
/// reads, without a JSON round trip (which cost most of a report's time). Leaves are `String`
/// (already escaped by `transform`), `Bool`, `Int` or `Double`; nils are left out.
struct TreeEncoder {
    /// Called for every string with the key it sits under.
    let transform: (String, String) -> Any?

    func encode<T: Encodable>(_ value: T) throws -> Any? {
        let root = Node.Box(transform: transform, key: "")
        try value.encode(to: Impl(box: root, codingPath: []))
        return root.value?.resolve()
    }

    /// A mutable node of the tree under construction.
    indirect enum Node {
        case object(Ref<[String: Node]>)
        case array(Ref<[Node]>)
        case leaf(Any)

        final class Ref<T> { var v: T; init(_ v: T) { self.v = v } }

        final class Box {
            let transform: (String, String) -> Any?
            let key: String
            var value: Node?
            init(transform: @escaping (String, String) -> Any?, key: String) { self.transform = transform; self.key = key }
        }

        func resolve() -> Any? {
            switch self {
            case .leaf(let v): return v
            case .array(let r): return r.v.compactMap { $0.resolve() }
            case .object(let r):
                var out: [String: Any] = [:]
                out.reserveCapacity(r.v.count * 2)
                for (k, n) in r.v {
                    if let v = n.resolve() { out[k] = v }
                    if case .array(let a) = n { out["has_" + k] = !a.v.isEmpty }
                }
                return out
            }
        }
    }

    struct Impl: Encoder {
        let box: Node.Box
        var codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let ref: Node.Ref<[String: Node]>
            if case .object(let r)? = box.value { ref = r } else { ref = .init([:]); box.value = .object(ref) }
            return KeyedEncodingContainer(Keyed<Key>(ref: ref, box: box, codingPath: codingPath))
        }
        func unkeyedContainer() -> UnkeyedEncodingContainer {
            let ref: Node.Ref<[Node]>
            if case .array(let r)? = box.value { ref = r } else { ref = .init([]); box.value = .array(ref) }
            return Unkeyed(ref: ref, box: box, codingPath: codingPath)
        }
        func singleValueContainer() -> SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    static func leaf(_ v: Any, box: Node.Box, key: String) -> Node? {
        if let s = v as? String { return box.transform(s, key).map(Node.leaf) }
        return .leaf(v)
    }

    static func encodeValue<T: Encodable>(_ value: T, key: String, parent: Node.Box, codingPath: [CodingKey]) throws -> Node? {
        switch value {
        case let s as String: return leaf(s, box: parent, key: key)
        case let b as Bool: return .leaf(b)
        case let i as Int: return .leaf(String(i))
        case let d as Double: return .leaf(ReportFormat.number(d))
        default:
            let child = Node.Box(transform: parent.transform, key: key)
            try value.encode(to: Impl(box: child, codingPath: codingPath))
            return child.value
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let ref: Node.Ref<[String: Node]>
        let box: Node.Box
        var codingPath: [CodingKey]
        mutating func encodeNil(forKey key: Key) {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let n = try TreeEncoder.encodeValue(value, key: key.stringValue, parent: box, codingPath: codingPath + [key]) {
                ref.v[key.stringValue] = n
            }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let r = Node.Ref<[String: Node]>([:]); ref.v[key.stringValue] = .object(r)
            return KeyedEncodingContainer(Keyed<NestedKey>(ref: r, box: Node.Box(transform: box.transform, key: key.stringValue), codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let r = Node.Ref<[Node]>([]); ref.v[key.stringValue] = .array(r)
            return Unkeyed(ref: r, box: Node.Box(transform: box.transform, key: key.stringValue), codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> Encoder { Impl(box: box, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> Encoder { Impl(box: box, codingPath: codingPath) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let ref: Node.Ref<[Node]>
        let box: Node.Box
        var codingPath: [CodingKey]
        var count: Int { ref.v.count }
        mutating func encodeNil() {}
        mutating func encode<T: Encodable>(_ value: T) throws {
            // Array elements inherit the array's key (so "tags" strings escape like "tags").
            if let n = try TreeEncoder.encodeValue(value, key: box.key, parent: box, codingPath: codingPath) { ref.v.append(n) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let r = Node.Ref<[String: Node]>([:]); ref.v.append(.object(r))
            return KeyedEncodingContainer(Keyed<NestedKey>(ref: r, box: box, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let r = Node.Ref<[Node]>([]); ref.v.append(.array(r))
            return Unkeyed(ref: r, box: box, codingPath: codingPath)
        }
        mutating func superEncoder() -> Encoder { Impl(box: box, codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Node.Box
        var codingPath: [CodingKey]
        mutating func encodeNil() {}
        mutating func encode<T: Encodable>(_ value: T) throws {
            box.value = try TreeEncoder.encodeValue(value, key: box.key, parent: box, codingPath: codingPath)
        }
    }
}
