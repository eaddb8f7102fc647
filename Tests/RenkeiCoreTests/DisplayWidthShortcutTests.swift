import Testing
@testable import RenkeiCore

/// `DisplayWidth.of(String)` sums scalar widths when every scalar stands alone, instead of
/// breaking the string into graphemes (issue 19). The shortcut must give the grapheme way's
/// answer for every string: each scalar it accepts, next to every kind of scalar that joins a
/// neighbour, and generated mixtures.
@Suite struct DisplayWidthShortcutTests {
    /// Scalars that join a neighbour: combining acute, ZWJ, VS16, VS15, a skin-tone modifier,
    /// Hangul V and T jamo and an L jamo, a regional indicator, an Arabic prepend, the kana
    /// voiced mark (combining and half-width), ideographic tone mark, CR, LF, and plain ASCII.
    static let neighbours: [UInt32] = [0x301, 0x200D, 0xFE0F, 0xFE0E, 0x1F3FB, 0x1160, 0x11A8, 0x1100, 0x1F1E6,
                                       0x0600, 0x3099, 0xFF9E, 0xFF9F, 0x302A, 0x0D, 0x0A, 0x61, 0x20E3]

    static var acceptedScalars: [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var v: UInt32 = 0x7F
        while v <= 0x1FAFF {
            if DisplayWidth.standsAlone(v), let u = Unicode.Scalar(v) { out.append(u) }
            // The big uniform blocks (kanji, emoji) are sampled; every other accepted scalar is checked.
            v += (0x3400...0x9FFF).contains(v) || (0x1F400...0x1FAFF).contains(v) ? 31 : 1
        }
        return out
    }

    /// The strings where the shortcut and the grapheme way disagree (hex scalars: fast vs slow).
    /// Collected rather than one #expect each: a few hundred thousand expectations are slow.
    static func disagreements(_ cases: [[Unicode.Scalar]]) -> [String] {
        var out: [String] = []
        for scalars in cases {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars)
            let fast = DisplayWidth.of(s), slow = DisplayWidth.ofGraphemes(s)
            if fast != slow { out.append("\(scalars.map { String($0.value, radix: 16) }): \(fast) vs \(slow)") }
        }
        return out
    }

    @Test func everyAcceptedScalarAloneAndBesideEveryJoiner() {
        let joiners = Self.neighbours.compactMap(Unicode.Scalar.init)
        var cases: [[Unicode.Scalar]] = []
        for u in Self.acceptedScalars {
            cases += [[u], [u, u]]
            for j in joiners { cases += [[u, j], [j, u]] }
        }
        let wrong = Self.disagreements(cases)
        #expect(wrong.isEmpty, "\(wrong.count) strings, e.g. \(wrong.prefix(5))")
    }

    @Test func generatedMixtures() {
        let accepted = Self.acceptedScalars
        let joiners = Self.neighbours.compactMap(Unicode.Scalar.init)
        var rng = SplitMix64(seed: 19)
        let cases: [[Unicode.Scalar]] = (0..<10_000).map { _ in
            (0..<(Int(rng.next() % 10) + 1)).map { _ in
                rng.next() % 4 == 0 ? joiners[Int(rng.next() % UInt64(joiners.count))] : accepted[Int(rng.next() % UInt64(accepted.count))]
            }
        }
        let wrong = Self.disagreements(cases)
        #expect(wrong.isEmpty, "\(wrong.count) strings, e.g. \(wrong.prefix(5))")
    }

    @Test func japaneseFixturesKeepTheirWidths() {
        #expect(DisplayWidth.of("※①㈱髙ｻﾔﾏ") == 1 + 1 + 2 + 2 + 3)
        #expect(DisplayWidth.of("ｶﾞｲﾄﾞ") == 5)
        #expect(DisplayWidth.of("令和８年度 👍🏽") == 2 * 5 + 1 + 2)
        #expect(DisplayWidth.of("e\u{301}cole") == 5)
        #expect(DisplayWidth.of("aﾞ") == 2)   // ﾞ is a column of its own after a Latin letter too
    }
}
