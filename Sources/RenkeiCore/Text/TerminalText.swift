/// Makes user text safe to print on a terminal: control characters and bidi overrides never
/// reach the terminal raw. They become visible placeholders, so hostile text is inert *and*
/// noticeable (ESC shows as ␛, BEL as ␇, U+202E as ⟨U+202E⟩).
public enum TerminalText {
    /// Replaces every C0/C1 control (keeping "\n" and "\t" only when `keepNewlines`), DEL and
    /// bidi/format controls that can reorder or hide text.
    public static func sanitize(_ s: String, keepNewlines: Bool = true) -> String {
        // Fast path: nothing to replace.
        if !s.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard needsEscape(u, keepNewlines: keepNewlines) else { out.append(u); continue }
            out.append(contentsOf: placeholder(u).unicodeScalars)
        }
        return String(out)
    }

    /// One line: newlines and tabs become ⏎ and a space as well.
    public static func inline(_ s: String) -> String {
        sanitize(s, keepNewlines: false)
    }

    /// One line of at most `limit` characters, a last "…" where it was cut: a cell of a
    /// megabyte is named in a message, not echoed whole.
    public static func inline(_ s: String, limit: Int) -> String {
        let cut = s.count > limit
        let t = inline(cut ? String(s.prefix(limit)) : s)
        return cut || t.count > limit ? String(t.prefix(max(0, limit - 1))) + "…" : t
    }

    public static func needsEscape(_ u: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        let v = u.value
        if keepNewlines && (v == 0x0A || v == 0x09) { return false }
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        // Bidi embeddings/overrides/isolates and the line/paragraph separators.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 { return true }
        return false
    }

    static func placeholder(_ u: Unicode.Scalar) -> String {
        let v = u.value
        switch v {
        case 0x0A: return "⏎"
        case 0x09: return " "
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + v)!)   // ␀ … ␟ (Control Pictures)
        case 0x7F: return "␡"
        default:
            let hex = String(v, radix: 16, uppercase: true)
            return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
        }
    }
}
