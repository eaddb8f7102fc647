import Foundation
import RenkeiCore

/// A JSON tree written byte for byte as the store's encoder writes case files
/// (`JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`): two-space
/// indent, `"key" : value`, keys in UTF-8 byte order, empty containers as `{\n\n}`, the
/// encoder's escapes, a whole-number `Double` without `.0`. For the merge (issue 12), which
/// holds trees: writing them through `JSONEncoder` costs a `Codable` pass per node and, in a
/// fresh process such as git's merge driver, millions of instructions of first-use
/// conformance lookups. `CanonicalJSONTests` holds it to `JSONEncoder` on generated cases.
enum CanonicalJSON {
    /// nil where the encoder would refuse (a number that is not finite, nesting deeper than
    /// its limit): the caller takes the encoder's route and its error.
    static func pretty(_ v: JSONValue) -> Data? {
        var w = Writer()
        guard w.value(v, depth: 0) else { return nil }
        return Data(w.bytes)
    }

    /// `JSONEncoder`'s nesting limit (its `maximumRecursionDepth`).
    static let maxDepth = 512

    struct Writer {
        var bytes: [UInt8] = []

        mutating func value(_ v: JSONValue, depth: Int) -> Bool {
            switch v {
            case .null: bytes += "null".utf8
            case .bool(let b): bytes += (b ? "true" : "false").utf8
            case .int(let i): bytes += String(i).utf8
            case .double(let d):
                guard d.isFinite else { return false }
                var s = d.description
                if s.hasSuffix(".0") { s.removeLast(2) }
                bytes += s.utf8
            case .string(let s): string(s)
            case .array(let a):
                guard depth + 1 < CanonicalJSON.maxDepth else { return false }
                bytes.append(0x5B)
                bytes.append(0x0A)
                for (i, e) in a.enumerated() {
                    if i > 0 { bytes.append(0x2C); bytes.append(0x0A) }
                    indent(depth + 1)
                    guard value(e, depth: depth + 1) else { return false }
                }
                bytes.append(0x0A)
                indent(depth)
                bytes.append(0x5D)
            case .object(let o):
                guard depth + 1 < CanonicalJSON.maxDepth else { return false }
                bytes.append(0x7B)
                bytes.append(0x0A)
                let keys = o.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for (i, k) in keys.enumerated() {
                    if i > 0 { bytes.append(0x2C); bytes.append(0x0A) }
                    indent(depth + 1)
                    string(k)
                    bytes += " : ".utf8
                    guard value(o[k]!, depth: depth + 1) else { return false }
                }
                bytes.append(0x0A)
                indent(depth)
                bytes.append(0x7D)
            }
            return true
        }

        mutating func indent(_ level: Int) {
            for _ in 0..<(2 * level) { bytes.append(0x20) }
        }

        /// The encoder's escapes: quote, backslash, \b \f \n \r \t, other controls as \u00XX;
        /// everything else (slashes, non-ASCII) as it is.
        mutating func string(_ s: String) {
            bytes.append(0x22)
            for b in s.utf8 {
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x00...0x1F:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                default: bytes.append(b)
                }
            }
            bytes.append(0x22)
        }
    }
}
