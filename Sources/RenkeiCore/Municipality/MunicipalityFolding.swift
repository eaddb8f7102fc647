import Foundation

/// Folding of typed municipality names into comparable keys: 「ｻﾔﾏ」「サヤマ」「さやま」 → さやま,
/// 「Sayama」「SAYAMA」 → sayama, 「ｓａｙａｍａ」 → sayama, and romaji in any common spelling
/// (Hepburn or 訓令式, long vowels written or not: Tokyo/Toukyou, Fuchu/Huchuu) to one form.
enum MunicipalityFolding {
    /// NFKC + lower case (TextNormalizer), spaces and middle dots removed, katakana → hiragana.
    static func text(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in TextNormalizer.fold(s).unicodeScalars {
            switch u.value {
            case 0x20, 0x3000, 0x30FB, 0x09: continue           // spaces, ・
            case 0x30A1...0x30F6: out.append(Unicode.Scalar(u.value - 0x60)!)  // カ → か
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Whether folded text is romaji (ASCII letters, hyphens, apostrophes only).
    static func isRomaji(_ folded: String) -> Bool {
        !folded.isEmpty && folded.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x27 }
    }

    /// One spelling for romaji: Hepburn consonants (si → shi, tu → tsu, hu → fu, zi → ji, sy → sh),
    /// n before b/p/m written n (Namba → nanba), long vowels unmarked (ou/oo → o, uu → u, oh
    /// before a consonant → o). Applied to the table and to what is typed, so prefixes of a
    /// partly typed name still match.
    static func romajiKey(_ s: String) -> String {
        let b = Array(s.lowercased().utf8.filter { $0 >= 0x61 && $0 <= 0x7A })
        func at(_ i: Int) -> UInt8 { i >= 0 && i < b.count ? b[i] : 0 }
        let (a, e, h, i, o, u, s_, t, z, d, c, y, j, n, m, p, bb, f) =
            (UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "h"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "z"), UInt8(ascii: "d"), UInt8(ascii: "c"), UInt8(ascii: "y"),
             UInt8(ascii: "j"), UInt8(ascii: "n"), UInt8(ascii: "m"), UInt8(ascii: "p"), UInt8(ascii: "b"), UInt8(ascii: "f"))
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 4)
        var k = 0
        while k < b.count {
            let x = b[k], nx = at(k + 1)
            switch (x, nx) {
            case (s_, y): out += [s_, h]; k += 2; continue                         // sya → sha
            case (t, y), (c, y): out += [c, h]; k += 2; continue                   // tya → cha
            case (z, y), (j, y): out.append(j); k += 2; continue                   // zya/jya → ja
            case (s_, i): out += [s_, h, i]; k += 2; continue                       // si → shi
            case (t, i): out += [c, h, i]; k += 2; continue                        // ti → chi
            case (t, u): out += [t, s_, u]; k += 2; continue                       // tu → tsu
            case (h, u) where at(k - 1) != s_ && at(k - 1) != c: out += [f, u]; k += 2; continue  // hu → fu
            case (z, i), (d, i): out += [j, i]; k += 2; continue                   // zi/di → ji
            case (d, u): out += [z, u]; k += 2; continue                           // du → zu
            case (m, bb), (m, p): out.append(n); k += 1; continue                  // Namba → nanba
            default: break
            }
            out.append(x); k += 1
        }
        // Long vowels: ou/oo → o, uu → u, "oh" before a consonant or at the end → o (Ohno).
        var folded: [UInt8] = []
        folded.reserveCapacity(out.count)
        for (idx, x) in out.enumerated() {
            let prev = folded.last ?? 0
            if prev == o && (x == u || x == o) { continue }
            if prev == u && x == u { continue }
            if prev == o && x == h && (idx + 1 == out.count || ![a, e, i, o, u, y].contains(out[idx + 1])) { continue }
            folded.append(x)
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
