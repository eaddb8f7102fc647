/// Display width in terminal columns, per grapheme cluster (Character), as a terminal like
/// xterm/tmux with glibc's wcwidth renders it: East Asian Wide/Fullwidth and emoji are 2,
/// combining marks and zero-width joiners add nothing, East Asian Ambiguous (※ ① ○ × —) is 1.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        // Most text is made of scalars that are each a grapheme of their own, whatever their
        // neighbours: then the width is the sum over scalars, without grapheme breaking (which
        // was a fifth of `renkei list`'s instructions, issue 19). Anything that can join a
        // neighbour (combining marks, ZWJ, variation selectors, Hangul jamo, regional
        // indicators, emoji modifiers) sends the whole string the grapheme way.
        var w = 0
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x7F { w += v < 0x20 ? 0 : 1; continue }
            guard standsAlone(v) else { return ofGraphemes(s) }
            w += scalarWidth(u)
        }
        return w
    }

    /// The width as the sum over grapheme clusters — the definition `of(_:)` shortcuts.
    static func ofGraphemes(_ s: String) -> Int {
        var w = 0
        for ch in s { w += of(ch) }
        return w
    }

    /// Scalars at or above U+007F whose Grapheme_Cluster_Break is Other or Control (they never
    /// join a neighbour), in the blocks Japanese text is made of, plus ﾞ and ﾟ: they do extend
    /// the grapheme before them, but `of(Character)` counts each as one column of its own.
    /// `DisplayWidthShortcutTests` holds the sum to the grapheme way for every scalar here.
    static func standsAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x7F...0x2FF,                       // Latin-1, Latin Extended, spacing modifiers
             0x2010...0x2027, 0x2030...0x205E,   // punctuation: ― ‥ … ※ ‼
             0x2070...0x20CF,                    // super/subscripts, currency
             0x2100...0x2BFF,                    // letterlike, arrows, maths, ① ─ ■ ★ ✓
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,   // CJK punctuation, kana
             0x3105...0x312F, 0x3131...0x318E, 0x3190...0x33FF,   // ㈱ ㍻ ㎡
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,   // kanji (髙)
             0xFF01...0xFFEE,                    // full-width forms, half-width kana (ｻﾔﾏ ﾞ ﾟ)
             0x1F300...0x1F3FA, 0x1F400...0x1FAFF:   // emoji (not the skin-tone modifiers)
            return true
        default:
            return false
        }
    }

    public static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // ASCII fast path (controls are sanitised before display); only for a lone scalar, so that
        // a ﾞ after a Latin letter is counted like one after kana (found by DisplayWidthShortcutTests).
        if first.value < 0x7F, ch.utf8.count == 1 { return first.value < 0x20 ? 0 : 1 }
        // Emoji presentation (VS16) or a ZWJ sequence renders as one double-width glyph.
        if scalars.contains(where: { $0.value == 0xFE0F }) || (scalars.count > 1 && scalars.contains(where: { $0.value == 0x200D })) {
            return 2
        }
        // Half-width (semi-)voiced marks ﾞ ﾟ extend a grapheme in Unicode but are spacing
        // characters on a terminal: ｶﾞ occupies two columns.
        var w = scalarWidth(first)
        if scalars.count > 1 { for u in scalars.dropFirst() where u.value == 0xFF9E || u.value == 0xFF9F { w += 1 } }
        return w
    }

    public static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        // Fast paths for the common cases: Latin/Greek/Cyrillic/box drawing (narrow), kana and
        // CJK ideographs (wide). The full tables below decide everything else.
        if v < 0x0300 { return 1 }
        if (0x3041...0x30FF).contains(v) && v != 0x3099 && v != 0x309A { return 2 }
        if (0x4E00...0x9FFF).contains(v) { return 2 }
        if (0x2500...0x257F).contains(v) || (0xFF61...0xFF9D).contains(v) { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || v == 0x200B || v == 0x200C
            || v == 0x200D || v == 0x2060 || v == 0xFEFF || (0xFE00...0xFE0F).contains(v)
            || (0x3099...0x309A).contains(v) || (0xE0100...0xE01EF).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
             0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
             0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
             0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
             0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `columns`, never splitting a glyph; appends
    /// `ellipsis` (counted in the width) when something was cut.
    public static func clip(_ s: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if of(s) <= columns { return s }
        let ew = of(ellipsis)
        let budget = max(0, columns - ew)
        var out = ""
        var w = 0
        for ch in s {
            let cw = of(ch)
            if w + cw > budget { break }
            out.append(ch)
            w += cw
        }
        return ew <= columns ? out + ellipsis : out
    }

    /// Pads with spaces to exactly `columns` (clipping first when longer).
    public static func pad(_ s: String, to columns: Int, alignRight: Bool = false) -> String {
        let c = clip(s, to: columns)
        let fill = String(repeating: " ", count: max(0, columns - of(c)))
        return alignRight ? fill + c : c + fill
    }
}
