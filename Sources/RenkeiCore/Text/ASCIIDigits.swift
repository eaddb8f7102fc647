/// The value of a run of ASCII digits in UTF-8 bytes, or nil if any byte is not a digit (no sign,
/// no spaces, no full-width digits) — the byte parsers of `Day` and `MonthDay` share it.
enum ASCIIDigits {
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var n = 0
        for i in range {
            let c = bytes[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }
}
