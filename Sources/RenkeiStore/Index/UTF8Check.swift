/// Whether bytes are well-formed UTF-8 (the Unicode Standard, table 3-7: no overlong forms, no
/// surrogates, nothing above U+10FFFF), skipping ASCII eight bytes at a time.
///
/// Why not `String(validating:)`: the index builder checks every case file once before the
/// strict parser decodes its strings unchecked, and the standard library's validator spent an
/// eighth of a cold start (10,000 files, mostly ASCII JSON) on it. `UTF8CheckTests` holds this to
/// `String(validating:)` on every short sequence and on generated and real files.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        @inline(__always) func at(_ k: Int) -> UInt8 { p.load(fromByteOffset: k, as: UInt8.self) }
        @inline(__always) func isContinuation(_ k: Int) -> Bool { k < n && at(k) & 0xC0 == 0x80 }
        while i < n {
            while i + 8 <= n, p.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let c = at(i)
            switch c {
            case 0x00...0x7F:
                i += 1
            case 0xC2...0xDF:
                guard isContinuation(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard isContinuation(i + 1), isContinuation(i + 2) else { return false }
                let second = at(i + 1)
                if c == 0xE0 && second < 0xA0 { return false }      // overlong
                if c == 0xED && second > 0x9F { return false }      // surrogate
                i += 3
            case 0xF0...0xF4:
                guard isContinuation(i + 1), isContinuation(i + 2), isContinuation(i + 3) else { return false }
                let second = at(i + 1)
                if c == 0xF0 && second < 0x90 { return false }      // overlong
                if c == 0xF4 && second > 0x8F { return false }      // above U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
