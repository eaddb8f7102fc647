import Foundation
import RenkeiCore

// A compact positional binary form of any Codable value, used for index records.
//
// Every value is written in the order the type's `encode(to:)` visits it, keys are not
// written at all, and decoding visits them in the same order (synthesised Codable does).
// Each keyed value carries a presence byte so `encodeIfPresent`/`decodeIfPresent` and plain
// `encode`/`decode` stay symmetric even for hand-written conformances. Because the layout
// depends on the type, the index stores a fingerprint of the type (see `IndexFingerprint`)
// and is rebuilt when it changes. Days are stored as their day number (no text parsing).

// MARK: writer / reader

struct ByteWriter {
    var bytes: [UInt8] = []
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func int(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in varint(UInt64(buf.count)); bytes.append(contentsOf: buf) }
    }
    mutating func patchU32(at offset: Int, _ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { raw in for k in 0..<4 { bytes[offset + k] = raw[k] } }
    }
}

struct IndexFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Reads from memory it does not own: only use inside the `withUnsafeBytes` that produced it.
final class ByteReader {
    let base: UnsafeRawPointer
    var pos: Int
    let end: Int
    init(_ base: UnsafeRawPointer, from: Int, to: Int) { self.base = base; pos = from; end = to }

    @inline(__always) func need(_ n: Int) throws {
        if n < 0 || pos + n > end { throw IndexFormatError("record truncated at \(pos)") }
    }
    @inline(__always) func u8() throws -> UInt8 {
        try need(1)
        defer { pos += 1 }
        return base.load(fromByteOffset: pos, as: UInt8.self)
    }
    func varint() throws -> UInt64 {
        var shift: UInt64 = 0, out: UInt64 = 0
        while true {
            let b = try u8()
            out |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return out }
            shift += 7
            if shift > 63 { throw IndexFormatError("varint too long at \(pos)") }
        }
    }
    func int() throws -> Int64 { let u = try varint(); return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))) }
    /// Day numbers of years 1…9999 — everything `Day` can be parsed from. The index is input
    /// too: a record with valid checksums but a 10-byte varint day trapped in `Day(ordinal:)` on
    /// every run until `.index` was deleted (issue 18, finding 7). Every day is read here.
    static let dayOrdinals: ClosedRange<Int64> = -719_162...2_932_896
    func day() throws -> Day {
        let o = try int()
        guard Self.dayOrdinals.contains(o) else { throw IndexFormatError("day out of range at \(pos)") }
        return Day(ordinal: Int(o))
    }
    /// A Double the encoder wrote: finite (a NaN or infinity would trap where it meets `Int`).
    func finiteDouble() throws -> Double {
        let d = Double(bitPattern: try u64())
        guard d.isFinite else { throw IndexFormatError("number out of range at \(pos)") }
        return d
    }
    func u64() throws -> UInt64 {
        try need(8)
        defer { pos += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
    }
    func u32() throws -> UInt32 {
        try need(4)
        defer { pos += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt32.self))
    }
    /// A varint used as a length, count or index: at most what is left to read (so a damaged
    /// value throws here instead of trapping in `Int(_:)` or allocating gigabytes).
    func length() throws -> Int {
        let v = try varint()
        guard v <= UInt64(end - pos) else { throw IndexFormatError("length \(v) past the end at \(pos)") }
        return Int(v)
    }
    func string() throws -> String {
        let n = try length()
        try need(n)
        defer { pos += n }
        return String(decoding: UnsafeRawBufferPointer(start: base + pos, count: n), as: UTF8.self)
    }
}

// MARK: encoder

final class BinaryRecordEncoder: Encoder {
    var w: ByteWriter
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    init(capacity: Int = 512) { w = ByteWriter(capacity: capacity) }

    static func encode<T: Encodable>(_ value: T, into writer: inout ByteWriter) throws {
        let e = BinaryRecordEncoder()
        swap(&e.w, &writer)
        defer { swap(&e.w, &writer) }
        try e.encodeValue(value)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { KeyedEncodingContainer(KeyedEnc<Key>(e: self)) }
    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let at = w.bytes.count
        w.u32(0)
        return UnkeyedEnc(e: self, countAt: at)
    }
    func singleValueContainer() -> SingleValueEncodingContainer { SingleEnc(e: self) }

    @inline(__always) func encodeValue<T: Encodable>(_ v: T) throws {
        switch v {
        case let s as String: w.string(s)
        case let i as Int: w.int(Int64(i))
        case let d as Day: w.int(Int64(d.ordinal))
        case let b as Bool: w.u8(b ? 1 : 0)
        case let d as Double: w.u64(d.bitPattern)
        default: try v.encode(to: self)
        }
    }

    struct KeyedEnc<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let e: BinaryRecordEncoder
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { e.w.u8(0) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { e.w.u8(1); try e.encodeValue(value) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { e.w.u8(1); try e.encodeValue(value) } else { e.w.u8(0) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { e.w.u8(1); e.w.string(value) } else { e.w.u8(0) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { e.w.u8(1); e.w.int(Int64(value)) } else { e.w.u8(0) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { e.w.u8(1); e.w.u8(value ? 1 : 0) } else { e.w.u8(0) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            if let value { e.w.u8(1); e.w.u64(value.bitPattern) } else { e.w.u8(0) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            e.w.u8(1); return e.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { e.w.u8(1); return e.unkeyedContainer() }
        mutating func superEncoder() -> Encoder { e.w.u8(1); return e }
        mutating func superEncoder(forKey key: Key) -> Encoder { e.w.u8(1); return e }
    }

    struct UnkeyedEnc: UnkeyedEncodingContainer {
        let e: BinaryRecordEncoder
        let countAt: Int
        var count = 0
        var codingPath: [CodingKey] { [] }
        mutating func bump() { count += 1; e.w.patchU32(at: countAt, UInt32(count)) }
        mutating func encodeNil() throws { bump(); e.w.u8(0) }
        mutating func encode<T: Encodable>(_ value: T) throws { bump(); e.w.u8(1); try e.encodeValue(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            bump(); e.w.u8(1); return e.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { bump(); e.w.u8(1); return e.unkeyedContainer() }
        mutating func superEncoder() -> Encoder { bump(); e.w.u8(1); return e }
    }

    struct SingleEnc: SingleValueEncodingContainer {
        let e: BinaryRecordEncoder
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil() throws { e.w.u8(0) }
        mutating func encode<T: Encodable>(_ value: T) throws { e.w.u8(1); try e.encodeValue(value) }
    }
}

// MARK: decoder

final class BinaryRecordDecoder: Decoder {
    let r: ByteReader
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    init(_ r: ByteReader) { self.r = r }

    static func decode<T: Decodable>(_ type: T.Type, from r: ByteReader) throws -> T {
        try BinaryRecordDecoder(r).decodeValue(type)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { KeyedDecodingContainer(KeyedDec<Key>(d: self)) }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { UnkeyedDec(d: self, count: Int(try r.u32())) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleDec(d: self) }

    @inline(__always) func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try r.string() as! T }
        if T.self == Int.self { return Int(try r.int()) as! T }
        if T.self == Day.self { return try r.day() as! T }
        if T.self == Bool.self { return (try r.u8() != 0) as! T }
        if T.self == Double.self { return try r.finiteDouble() as! T }
        return try T(from: self)
    }

    @inline(__always) func present() throws -> Bool {
        switch try r.u8() {
        case 0: return false
        case 1: return true
        default: throw IndexFormatError("bad presence byte at \(r.pos - 1)")
        }
    }

    struct KeyedDec<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let d: BinaryRecordDecoder
        var codingPath: [CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool {
            // Peek: a nil is a 0 presence byte, consumed; a value's 1 is left for decode.
            try d.r.need(1)
            if d.r.base.load(fromByteOffset: d.r.pos, as: UInt8.self) == 0 { d.r.pos += 1; return true }
            return false
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard try d.present() else { throw DecodingError.valueNotFound(T.self, .init(codingPath: [key], debugDescription: "index record: value missing")) }
            return try d.decodeValue(type)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try d.present() ? try d.decodeValue(type) : nil
        }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try d.present() ? try d.r.string() : nil }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try d.present() ? Int(try d.r.int()) : nil }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try d.present() ? (try d.r.u8() != 0) : nil }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try d.present() ? try d.r.finiteDouble() : nil }
        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            guard try d.present() else { throw IndexFormatError("index record: text missing") }
            return try d.r.string()
        }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
            guard try d.present() else { throw IndexFormatError("index record: number missing") }
            return Int(try d.r.int())
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            _ = try d.present(); return try d.container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { _ = try d.present(); return try d.unkeyedContainer() }
        func superDecoder() throws -> Decoder { _ = try d.present(); return d }
        func superDecoder(forKey key: Key) throws -> Decoder { _ = try d.present(); return d }
    }

    struct UnkeyedDec: UnkeyedDecodingContainer {
        let d: BinaryRecordDecoder
        let total: Int
        var currentIndex = 0
        init(d: BinaryRecordDecoder, count: Int) { self.d = d; total = count }
        var codingPath: [CodingKey] { [] }
        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }
        mutating func decodeNil() throws -> Bool {
            try d.r.need(1)
            if d.r.base.load(fromByteOffset: d.r.pos, as: UInt8.self) == 0 { d.r.pos += 1; currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else { throw IndexFormatError("index record: list overrun") }
            currentIndex += 1
            guard try d.present() else { throw IndexFormatError("index record: list value missing") }
            return try d.decodeValue(type)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1; _ = try d.present(); return try d.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { currentIndex += 1; _ = try d.present(); return try d.unkeyedContainer() }
        mutating func superDecoder() throws -> Decoder { currentIndex += 1; _ = try d.present(); return d }
    }

    struct SingleDec: SingleValueDecodingContainer {
        let d: BinaryRecordDecoder
        var codingPath: [CodingKey] { [] }
        func decodeNil() -> Bool {
            guard d.r.pos < d.r.end else { return false }
            if d.r.base.load(fromByteOffset: d.r.pos, as: UInt8.self) == 0 { d.r.pos += 1; return true }
            return false
        }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard try d.present() else { throw IndexFormatError("index record: value missing") }
            return try d.decodeValue(type)
        }
    }
}

// MARK: checksum

/// A fast non-cryptographic 64-bit checksum (four independent multiply-xorshift lanes over
/// 32-byte blocks). It detects torn, truncated and bit-flipped index files; it is not meant to
/// resist deliberate forgery — the index is a cache of files the user can edit anyway.
enum Checksum {
    static func of(_ buf: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
        var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
        let n = buf.count
        var i = 0
        guard let p = buf.baseAddress else { return k }
        @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = (h ^ w) &* k
            return x ^ (x >> 29)
        }
        while i + 32 <= n {
            a = mix(a, p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = mix(b, p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = mix(c, p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = mix(d, p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var tail: UInt64 = UInt64(n)
        var shift: UInt64 = 0
        while i < n {
            tail ^= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << (shift & 63)
            shift += 8
            if shift == 64 { a = mix(a, tail); tail = 0; shift = 0 }
            i += 1
        }
        var h = mix(mix(mix(mix(a, b), c), d), tail)
        h = mix(h, UInt64(n))
        return h
    }
    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}
