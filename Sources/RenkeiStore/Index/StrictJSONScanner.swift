import Foundation
import RenkeiCore

/// A strict JSON scanner over bytes: whitespace, literals, strings (with the escapes it
/// knows), integers and doubles without exponents, objects with duplicate-key detection,
/// arrays, optionals, and a few value types (enums by raw value, timestamps, days). Anything
/// outside that throws `GiveUp`, so a caller can fall back to `JSONDecoder`. It knows no
/// schema: `StrictCaseParser` builds a `Case` with it.
struct StrictJSONScanner {
    struct GiveUp: Error {}

    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0
    /// Where the keys of the objects being read are (start, count pairs; innermost last): one
    /// buffer for the whole file, so duplicate-key detection allocates nothing per object.
    var openKeys: [Int] = []


    // MARK: lexical

    @inline(__always) mutating func ws() {
        while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    }
    @inline(__always) mutating func peek() throws -> UInt8 {
        ws()
        guard i < n else { throw GiveUp() }
        return p[i]
    }
    @inline(__always) mutating func expect(_ b: UInt8) throws {
        guard try peek() == b else { throw GiveUp() }
        i += 1
    }
    mutating func literal(_ s: StaticString) throws {
        let len = s.utf8CodeUnitCount
        guard i + len <= n else { throw GiveUp() }
        for k in 0..<len where p[i + k] != s.utf8Start[k] { throw GiveUp() }
        i += len
    }
    /// true when the next value is `null` (consumed).
    mutating func isNull() throws -> Bool {
        if try peek() == 0x6E { try literal("null"); return true }
        return false
    }

    mutating func string() throws -> String {
        try expect(0x22)
        let start = i
        while i < n {
            let b = p[i]
            if b == 0x22 {
                // The caller validated the whole file's UTF-8 once (`loadFileForIndex`): the
                // non-generic decoding init is several times cheaper than `String(validating:)`.
                let s = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
                i += 1
                return s
            }
            if b == 0x5C { return try escapedString(from: start) }
            if b < 0x20 { throw GiveUp() }
            i += 1
        }
        throw GiveUp()
    }

    mutating func escapedString(from start: Int) throws -> String {
        var out = [UInt8](UnsafeBufferPointer(start: p + start, count: i - start))
        while i < n {
            let b = p[i]
            if b == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw GiveUp() }
            if b != 0x5C { out.append(b); i += 1; continue }
            guard i + 1 < n else { throw GiveUp() }
            let e = p[i + 1]
            i += 2
            if let plain = JSONDocument.simpleEscape(e) { out.append(plain); continue }
            switch e {
            case 0x75:
                guard i + 4 <= n else { throw GiveUp() }
                var v: UInt32 = 0
                for _ in 0..<4 {
                    let h = p[i]
                    let d: UInt32
                    switch h {
                    case 0x30...0x39: d = UInt32(h - 0x30)
                    case 0x41...0x46: d = UInt32(h - 0x41 + 10)
                    case 0x61...0x66: d = UInt32(h - 0x61 + 10)
                    default: throw GiveUp()
                    }
                    v = v << 4 | d
                    i += 1
                }
                // Surrogates (pairs or lone) are left to JSONDecoder.
                guard !(0xD800...0xDFFF).contains(v), let scalar = Unicode.Scalar(v) else { throw GiveUp() }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw GiveUp()
            }
        }
        throw GiveUp()
    }

    /// The digits of a number token: -?(0|[1-9][0-9]*)(\.[0-9]+)? — no exponent, ≤ 18 integer digits.
    mutating func numberToken() throws -> (range: Range<Int>, isInteger: Bool) {
        ws()
        let start = i
        if i < n, p[i] == 0x2D { i += 1 }
        let intStart = i
        while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        let intDigits = i - intStart
        guard intDigits > 0, intDigits <= 18, !(intDigits > 1 && p[intStart] == 0x30) else { throw GiveUp() }
        var isInteger = true
        if i < n, p[i] == 0x2E {
            i += 1
            let f = i
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
            guard i > f, i - f <= 30 else { throw GiveUp() }
            isInteger = false
        }
        if i < n, p[i] == 0x65 || p[i] == 0x45 { throw GiveUp() }
        return (start..<i, isInteger)
    }

    mutating func int() throws -> Int {
        let t = try numberToken()
        guard t.isInteger else { throw GiveUp() }
        var v = 0
        var k = t.range.lowerBound
        let neg = p[k] == 0x2D
        if neg { k += 1 }
        while k < t.range.upperBound { v = v * 10 + Int(p[k] - 0x30); k += 1 }
        return neg ? -v : v
    }

    mutating func double() throws -> Double {
        let t = try numberToken()
        let s = String(decoding: UnsafeBufferPointer(start: p + t.range.lowerBound, count: t.range.count), as: UTF8.self)
        guard let d = Double(s), d.isFinite else { throw GiveUp() }
        return d
    }

    mutating func bool() throws -> Bool {
        switch try peek() {
        case 0x74: try literal("true"); return true
        case 0x66: try literal("false"); return false
        default: throw GiveUp()
        }
    }

    /// An object key as its bytes in the file. The schema's `switch` compares it with string
    /// literals byte for byte (`~=`), so a case file's ~1,000 keys cost no `String` each; a
    /// dictionary that keeps keys asks for `string()`. A key with an escape gives up (renkei
    /// never writes one; such a file takes the full decoder).
    struct Key {
        let start: UnsafePointer<UInt8>
        let count: Int

        static func ~= (pattern: StaticString, key: Key) -> Bool {
            pattern.utf8CodeUnitCount == key.count && memcmp(pattern.utf8Start, key.start, key.count) == 0
        }

        func string() -> String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }
    }

    /// Iterates an object's keys; `body` must consume the value. Duplicate keys give up.
    mutating func object(_ body: (inout StrictJSONScanner, Key) throws -> Void) throws {
        try expect(0x7B)
        if try peek() == 0x7D { i += 1; return }
        let outer = openKeys.count
        while true {
            try expect(0x22)
            let start = i
            while i < n, p[i] != 0x22 {
                if p[i] == 0x5C || p[i] < 0x20 { throw GiveUp() }
                i += 1
            }
            guard i < n else { throw GiveUp() }
            let count = i - start
            i += 1
            var k = outer
            while k < openKeys.count {
                if openKeys[k + 1] == count && memcmp(p + openKeys[k], p + start, count) == 0 { throw GiveUp() }
                k += 2
            }
            openKeys.append(start); openKeys.append(count)
            try expect(0x3A)
            try body(&self, Key(start: p + start, count: count))
            let b = try peek()
            i += 1
            if b == 0x7D { openKeys.removeSubrange(outer...); return }
            guard b == 0x2C else { throw GiveUp() }
        }
    }

    mutating func array<T>(_ element: (inout StrictJSONScanner) throws -> T) throws -> [T] {
        try expect(0x5B)
        var out: [T] = []
        if try peek() == 0x5D { i += 1; return out }
        while true {
            out.append(try element(&self))
            let b = try peek()
            i += 1
            if b == 0x5D { return out }
            guard b == 0x2C else { throw GiveUp() }
        }
    }

    mutating func optional<T>(_ value: (inout StrictJSONScanner) throws -> T) throws -> T? {
        try isNull() ? nil : try value(&self)
    }

    mutating func enumValue<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: try string()) else { throw GiveUp() }
        return v
    }
    mutating func timestamp() throws -> Timestamp {
        guard let t = Timestamp(try string()) else { throw GiveUp() }
        return t
    }
    mutating func day() throws -> Day {
        guard let d = Day(try string()) else { throw GiveUp() }
        return d
    }

    /// A `JSONValue` as `JSONValue.init(from:)` builds it through JSONDecoder: decimals and
    /// anything ambiguous give up.
    mutating func jsonValue(depth: Int = 0) throws -> JSONValue {
        guard depth < 32 else { throw GiveUp() }
        switch try peek() {
        case 0x6E: try literal("null"); return .null
        case 0x22: return .string(try string())
        case 0x74, 0x66: return .bool(try bool())
        case 0x5B: return .array(try array { try $0.jsonValue(depth: depth + 1) })
        case 0x7B:
            var o: [String: JSONValue] = [:]
            try object { p, k in o[k.string()] = try p.jsonValue(depth: depth + 1) }
            return .object(o)
        default:
            return .int(try int())
        }
    }
}
