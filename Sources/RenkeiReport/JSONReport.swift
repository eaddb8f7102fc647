import Foundation

/// JSON exports: pretty, keys sorted (stable diffs), slashes unescaped. Control characters are
/// escaped by JSONEncoder (\u001b); bidi controls and line separators, which JSONEncoder writes
/// raw, are escaped here too (\u202e), so the file is inert in a terminal or an editor while the
/// data stays exactly what the user typed.
enum JSONReport {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapeInvisibleControls(try e.encode(value)) + Data([0x0A])
    }

    /// U+202A–U+202E, U+2066–U+2069 (bidi), U+2028/U+2029 → "\uXXXX". These code points only
    /// occur inside JSON strings, so a byte-level rewrite is safe.
    static func escapeInvisibleControls(_ data: Data) -> Data {
        // UTF-8: E2 80 A8…AE  and  E2 81 A6…A9
        guard data.contains(0xE2) else { return data }
        var out = Data()
        out.reserveCapacity(data.count)
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE2, i + 2 < bytes.count {
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                var cp: UInt32? = nil
                if b1 == 0x80, (0xA8...0xAE).contains(b2) { cp = 0x2000 + UInt32(b2 - 0x80) }
                if b1 == 0x81, (0xA6...0xA9).contains(b2) { cp = 0x2040 + UInt32(b2 - 0x80) }
                if let cp {
                    out.append(contentsOf: Array(String(format: "\\u%04x", cp).utf8))
                    i += 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
