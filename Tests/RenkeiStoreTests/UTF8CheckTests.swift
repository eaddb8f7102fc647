import Foundation
import Testing
@testable import RenkeiStore
@testable import RenkeiDevSupport
import RenkeiCore

/// `UTF8Check` (the index builder's one UTF-8 check per case file) must say exactly what
/// `String(validating:)` says.
@Suite struct UTF8CheckTests {
    static func agree(_ bytes: [UInt8]) -> Bool {
        let fast = bytes.withUnsafeBytes(UTF8Check.isValid)
        let slow = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
        return fast == slow
    }

    /// Every one- and two-byte sequence, and every three- and four-byte sequence whose bytes
    /// come from the values where the rules change (lead bytes, continuation bounds, ASCII).
    @Test func everyShortSequence() {
        for a in 0...255 { #expect(Self.agree([UInt8(a)])) }
        for a in 0...255 { for b in 0...255 { #expect(Self.agree([UInt8(a), UInt8(b)]), "\(a) \(b)") } }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                              0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var bad = 0
        for a in edges { for b in edges { for c in edges {
            #expect(Self.agree([a, b, c]), "\([a, b, c])")
            for d in edges {
                let s = [a, b, c, d]
                if !s.withUnsafeBytes(UTF8Check.isValid) { bad += 1 }
                #expect(Self.agree(s), "\(s)")
            }
        } } }
        #expect(bad > 0)
    }

    /// Long ASCII runs (the eight-byte path) broken at every offset by a multi-byte character
    /// or an invalid byte, and whole generated case files with one byte changed.
    @Test func longRunsAndCaseFiles() throws {
        for k in 0..<40 {
            for insert in [Array("髙".utf8), Array("😀".utf8), [0xFF], [0xE3, 0x81], [0xED, 0xA0, 0x80]] {
                var s = Array(repeating: UInt8(0x61), count: 40)
                s.insert(contentsOf: insert, at: k)
                #expect(Self.agree(s), "\(insert) at \(k)")
            }
        }
        let g = CaseGenerator(catalog: Catalog(), seed: 5, count: 20)
        var rng = SplitMix64(seed: 9)
        for i in 0..<20 {
            let file = [UInt8](try g.bytes(i))
            #expect(file.withUnsafeBytes(UTF8Check.isValid))
            for _ in 0..<50 {
                var s = file
                s[Int(rng.next() % UInt64(s.count))] = UInt8(truncatingIfNeeded: rng.next())
                #expect(Self.agree(s))
            }
        }
    }
}
