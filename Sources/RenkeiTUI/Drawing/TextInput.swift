import Foundation
import RenkeiCore

/// A text field that edits by grapheme cluster: the cursor moves over whole characters (a
/// kanji, a ｶﾞ with its dakuten, an emoji family), Backspace deletes one whole character, and
/// wrapping is by display width. Emacs keys: Ctrl-A/E line start/end, Ctrl-K kill to end,
/// Ctrl-U kill to start, Ctrl-W delete the word before the cursor (a run of one script).
public struct TextInput: Equatable, Sendable {
    public private(set) var chars: [Character]
    /// Cursor position in graphemes, 0…chars.count.
    public private(set) var cursor: Int
    public var multiline: Bool
    /// Maximum length in graphemes (inputs are bounded; pasting a novel does not hang the UI).
    public var limit: Int

    public init(_ text: String = "", multiline: Bool = false, limit: Int = 20_000) {
        var t = text
        if !multiline { t = t.replacingAll("\n", " ") }
        chars = Array(t.prefix(limit))
        cursor = chars.count
        self.multiline = multiline
        self.limit = limit
    }

    public var text: String { String(chars) }
    public var isEmpty: Bool { chars.isEmpty }

    public mutating func setText(_ s: String) { self = TextInput(s, multiline: multiline, limit: limit) }

    public mutating func insert(_ s: String) {
        var s = s
        if !multiline { s = s.replacingAll("\n", " ").replacingAll("\r", " ") }
        s = s.replacingAll("\r\n", "\n").replacingAll("\r", "\n")
        guard !s.isEmpty else { return }
        let room = limit - chars.count
        guard room > 0 else { return }
        let head = String(chars[..<cursor]), tail = String(chars[cursor...])
        let merged = Array(head + String(s.prefix(room)) + tail)
        let tailCount = Array(tail).count
        chars = merged
        cursor = max(0, min(merged.count, merged.count - tailCount))
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1); cursor -= 1
    }
    public mutating func deleteForward() {
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
    }
    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(chars.count, cursor + 1) }

    var lineStart: Int {
        var i = cursor
        while i > 0 && chars[i - 1] != "\n" { i -= 1 }
        return i
    }
    var lineEnd: Int {
        var i = cursor
        while i < chars.count && chars[i] != "\n" { i += 1 }
        return i
    }
    public mutating func home() { cursor = lineStart }
    public mutating func end() { cursor = lineEnd }
    public mutating func killToEnd() {
        let e = lineEnd
        if e == cursor, e < chars.count { chars.remove(at: cursor); return }  // at a line end: join lines
        chars.removeSubrange(cursor..<e)
    }
    public mutating func killToStart() {
        let s = lineStart
        chars.removeSubrange(s..<cursor); cursor = s
    }

    /// Script class used for word boundaries in Japanese text (no spaces between words).
    enum CharClass: Equatable { case space, latin, hiragana, katakana, kanji, other }
    static func charClass(_ c: Character) -> CharClass {
        if c.isWhitespace { return .space }
        guard let u = c.unicodeScalars.first?.value else { return .other }
        switch u {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0x24F, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin
        case 0x3041...0x309F: return .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .katakana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005, 0x20000...0x2FFFF: return .kanji
        default: return .other
        }
    }

    /// Deletes back over spaces, then over one run of the same script (漢字 / ひらがな / カタカナ / ASCII word).
    public mutating func deleteWordBack() {
        guard cursor > 0 else { return }
        var i = cursor
        while i > 0 && TextInput.charClass(chars[i - 1]) == .space && chars[i - 1] != "\n" { i -= 1 }
        if i > 0 {
            let cls = TextInput.charClass(chars[i - 1])
            if chars[i - 1] == "\n" { i -= 1 } else {
                while i > 0 && chars[i - 1] != "\n" && TextInput.charClass(chars[i - 1]) == cls { i -= 1 }
            }
        }
        chars.removeSubrange(i..<cursor); cursor = i
    }

    // MARK: wrapping

    /// Visual lines for a width: (start, end) grapheme ranges. Hard newlines break lines; a
    /// wide glyph never straddles the edge. One extra column is reserved so the caret fits.
    public func lines(width: Int) -> [Range<Int>] {
        let w = max(2, width)
        var out: [Range<Int>] = []
        var start = 0, col = 0, i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { out.append(start..<i); start = i + 1; col = 0; i += 1; continue }
            let cw = max(0, min(2, DisplayWidth.of(TerminalText.inline(String(c)))))
            if col + cw > w - 1 && i > start {
                out.append(start..<i); start = i; col = 0; continue
            }
            col += cw; i += 1
        }
        out.append(start..<chars.count)
        return out
    }

    /// Caret (row, column) within `lines(width:)`.
    public func caret(width: Int) -> (row: Int, col: Int) {
        let ls = lines(width: width)
        for (r, range) in ls.enumerated() {
            let isLast = r == ls.count - 1
            let nextStart = isLast ? Int.max : ls[r + 1].lowerBound
            if cursor >= range.lowerBound && (cursor <= range.upperBound && (cursor < nextStart || isLast)) {
                let col = DisplayWidth.of(TerminalText.inline(String(chars[range.lowerBound..<cursor])))
                return (r, col)
            }
        }
        return (ls.count - 1, 0)
    }

    /// Moves the caret one visual line up or down, keeping its column where possible.
    public mutating func moveVertical(_ delta: Int, width: Int) {
        let ls = lines(width: width)
        let (r, col) = caret(width: width)
        let target = r + delta
        guard target >= 0, target < ls.count else { cursor = delta < 0 ? 0 : chars.count; return }
        let range = ls[target]
        var i = range.lowerBound, c = 0
        while i < range.upperBound {
            let cw = DisplayWidth.of(TerminalText.inline(String(chars[i])))
            if c + cw > col { break }
            c += cw; i += 1
        }
        cursor = i
    }

    /// Handles an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key, wrapWidth: Int = 80) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): left()
        case .right, .ctrl("f"): right()
        case .home, .ctrl("a"): home()
        case .end, .ctrl("e"): end()
        case .ctrl("k"): killToEnd()
        case .ctrl("u"): killToStart()
        case .ctrl("w"): deleteWordBack()
        case .up where multiline: moveVertical(-1, width: wrapWidth)
        case .down where multiline: moveVertical(1, width: wrapWidth)
        case .enter where multiline, .ctrl("j") where multiline: insert("\n")
        default: return false
        }
        return true
    }

    /// Draws the input into `rect` (scrolled so the caret is visible) and places the cursor.
    public func draw(into s: inout Screen, _ r: Rect, style: Style, focused: Bool) {
        guard r.width > 0, r.height > 0 else { return }
        s.fill(r, style)
        let ls = lines(width: r.width)
        let (cr, cc) = caret(width: r.width)
        let first = max(0, min(cr - r.height + 1, ls.count - r.height))
        let top = max(0, cr < first ? cr : first)
        for row in 0..<r.height {
            let li = top + row
            guard li < ls.count else { break }
            s.put(r.x, r.y + row, String(chars[ls[li]]), style, limit: r.maxX)
        }
        if focused { s.setCursor(min(r.maxX - 1, r.x + cc), r.y + (cr - top)) }
    }
}

extension String {
    func replacingAll(_ a: String, _ b: String) -> String {
        guard contains(a) else { return self }
        return components(separatedBy: a).joined(separator: b)
    }
}
