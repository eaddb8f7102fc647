import RenkeiCore

/// Escaping of user text for each output format. Every string that came from a case goes
/// through here exactly once, after control characters and bidi overrides have been made
/// visible (␛, ␇, ⟨U+202E⟩) by `TerminalText.sanitize`, so hostile text is inert *and* noticeable.
public enum Escaper: String, Sendable {
    case html, markdown

    /// `block` text (WHY/HOW/WHAT, notes, reasons) keeps its line structure; inline text
    /// (table cells, headings) must stay on one logical line.
    public func escape(_ s: String, block: Bool) -> String {
        let clean = TerminalText.sanitize(s, keepNewlines: true)
        switch self {
        case .html: return Escaper.html(clean)
        case .markdown: return block ? Escaper.markdownBlock(clean) : Escaper.markdownInline(clean)
        }
    }

    /// & < > " ' → entities. Newlines are kept; the stylesheet shows them (white-space: pre-wrap).
    public static func html(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// CommonMark backslash escapes for the punctuation that could start markup anywhere in a
    /// line (emphasis, code, links, raw HTML, tables, strikethrough, entities).
    static func markdownChars(_ s: Substring, into out: inout String) {
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out += "\\"; out.unicodeScalars.append(u)
            case "&":
                // Only where it would start an entity (&lt; &#60;), so "R&D" stays readable.
                var j = i + 1
                while j < scalars.count, scalars[j].isASCII,
                      scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) || scalars[j] == "#" { j += 1 }
                out += (j > i + 1 && j < scalars.count && scalars[j] == ";") ? "\\&" : "&"
            default:
                out.unicodeScalars.append(u)
            }
        }
    }

    /// One line: newlines become `<br>` (valid inside GFM table cells).
    static func markdownInline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { out += "<br>" }
            markdownChars(line.replacingOccurrences(of: "\t", with: " ")[...], into: &out)
        }
        return out
    }

    /// Paragraph text: blank lines separate paragraphs, single newlines are hard breaks (two
    /// trailing spaces); a line that would start a heading, list, quote, rule or code block is
    /// neutralised.
    static func markdownBlock(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
            if i > 0 {
                let prevBlank = lines[i - 1].allSatisfy { $0 == " " || $0 == "\t" }
                out += (prevBlank || line.isEmpty) ? "\n" : "  \n"
            }
            if let first = line.first, "#-+=".contains(first) {
                out += "\\"
            } else if let dot = line.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != line.startIndex,
                      line[dot] == "." || line[dot] == ")" {
                // "1. " / "1) " would start an ordered list
                out += line[line.startIndex..<dot]
                out += "\\"
                markdownChars(line[dot...], into: &out)
                continue
            }
            markdownChars(line, into: &out)
        }
        return out
    }
}
