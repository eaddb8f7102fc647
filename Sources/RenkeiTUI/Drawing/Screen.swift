import RenkeiCore

/// The 16 ANSI colours (0–7 normal, 8–15 bright). `nil` in a `Style` means the terminal default.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}

public struct Style: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public init(fg: Color? = nil, bg: Color? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }
    public static let plain = Style()
    public var withBold: Style { var s = self; s.bold = true; return s }
    public var withReverse: Style { var s = self; s.reverse = true; return s }
}

/// One terminal column. A wide glyph occupies its cell (width 2) and the next one, which is a
/// continuation cell (width 0).
public struct Cell: Equatable, Sendable {
    public var grapheme: Character
    public var width: UInt8
    public var style: Style
    public init(_ g: Character = " ", width: UInt8 = 1, style: Style = .plain) { grapheme = g; self.width = width; self.style = style }
    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height) }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func inset(_ d: Int) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    public func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// A grid of cells with display-width-aware writing. Writing never leaves half a wide glyph:
/// overwriting either half of a wide glyph blanks the other half, and a wide glyph that does not
/// fit before the clip edge is replaced by a space.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should sit (the caret of the focused input), if anywhere.
    public var cursorX: Int?
    public var cursorY: Int?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public mutating func setCursor(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cursorX = x; cursorY = y
    }

    /// Width of a grapheme as this screen draws it.
    @inline(__always)
    static func glyphWidth(_ ch: Character) -> Int {
        if let a = ch.asciiValue, a >= 0x20, a < 0x7F { return 1 }
        return min(2, DisplayWidth.of(ch))
    }

    /// Sets one cell, repairing any wide glyph it cuts into.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        let old = cells[i]
        if old.width == 0, x > 0 {                          // overwriting a right half: blank the left half
            cells[i - 1] = Cell(" ", width: 1, style: cells[i - 1].style)
        }
        if old.width == 2, x + 1 < width, cell.width != 2 { // overwriting a left half: blank the right half
            cells[i + 1] = Cell(" ", width: 1, style: old.style)
        }
        cells[i] = cell
    }

    /// Writes `text` at (x, y), clipped to columns [max(0,x), limit). Control characters become
    /// visible placeholders. Returns the column after the last glyph written.
    @discardableResult
    public mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, width > 0 else { return x }
        let end = min(width, limit ?? width)
        var col = x
        let safe = TerminalText.inline(text)
        for ch in safe {
            if col >= end { break }
            let w = Screen.glyphWidth(ch)
            if w == 0 { continue }          // a lone zero-width scalar: nothing to draw
            if col < 0 {                   // left of the screen: a wide glyph straddling column 0 leaves a blank
                col += w
                if col == 1 { setCell(0, y, Cell(" ", width: 1, style: style)) }
                continue
            }
            if w == 2 {
                if col + 1 >= end {         // does not fit: pad the last column instead of splitting
                    setCell(col, y, Cell(" ", width: 1, style: style)); col += 1; break
                }
                setCell(col, y, Cell(ch, width: 2, style: style))
                let j = y * width + col + 1
                if cells[j].width == 2, col + 2 < width { cells[j + 1] = Cell(" ", width: 1, style: cells[j].style) }
                cells[j] = Cell(" ", width: 0, style: style)
                col += 2
            } else {
                setCell(col, y, Cell(ch, width: 1, style: style))
                col += 1
            }
        }
        return col
    }

    /// Writes text clipped (with an ellipsis) and padded with spaces to exactly `columns`.
    public mutating func putPadded(_ x: Int, _ y: Int, _ text: String, columns: Int, _ style: Style = .plain, alignRight: Bool = false) {
        guard columns > 0 else { return }
        let t = DisplayWidth.clip(TerminalText.inline(text), to: columns)
        let w = DisplayWidth.of(t)
        if alignRight {
            fill(Rect(x: x, y: y, width: columns - w, height: 1), style)
            put(x + columns - w, y, t, style, limit: x + columns)
        } else {
            let end = put(x, y, t, style, limit: x + columns)
            fill(Rect(x: end, y: y, width: x + columns - end, height: 1), style)
        }
    }

    /// Fills a rectangle with blanks in `style`. Wide glyphs straddling its left or right edge
    /// are blanked, so an overlay never leaves half a glyph behind.
    public mutating func fill(_ r: Rect, _ style: Style = .plain) {
        let x0 = max(0, r.x), x1 = min(width, r.maxX), y0 = max(0, r.y), y1 = min(height, r.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { setCell(x, y, Cell(" ", width: 1, style: style)) }
            // A continuation just past the right edge whose leader was overwritten was repaired by
            // setCell; guard against any leftover anyway.
            if x1 < width, cells[y * width + x1].width == 0 {
                cells[y * width + x1] = Cell(" ", width: 1, style: cells[y * width + x1].style)
            }
        }
    }

    /// Changes the style of existing cells (e.g. reverse a selected row) without touching glyphs.
    public mutating func restyle(_ r: Rect, _ transform: (Style) -> Style) {
        let x0 = max(0, r.x), x1 = min(width, r.maxX), y0 = max(0, r.y), y1 = min(height, r.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x].style = transform(cells[y * width + x].style) } }
    }

    /// A box with a single-line border and an optional title; the inside is cleared.
    public mutating func box(_ r: Rect, title: String? = nil, _ style: Style = .plain, border: Style? = nil) {
        guard r.width >= 2, r.height >= 2 else { fill(r, style); return }
        fill(r, style)
        let b = border ?? style
        put(r.x, r.y, "┌", b, limit: r.maxX); put(r.maxX - 1, r.y, "┐", b)
        put(r.x, r.maxY - 1, "└", b); put(r.maxX - 1, r.maxY - 1, "┘", b)
        if r.width > 2 { for x in (r.x + 1)..<(r.maxX - 1) { put(x, r.y, "─", b); put(x, r.maxY - 1, "─", b) } }
        if r.height > 2 { for y in (r.y + 1)..<(r.maxY - 1) { put(r.x, y, "│", b); put(r.maxX - 1, y, "│", b) } }
        if let title, r.width > 5 {
            put(r.x + 1, r.y, " " + DisplayWidth.clip(TerminalText.inline(title), to: r.width - 4) + " ", b.withBold, limit: r.maxX - 1)
        }
    }

    /// One row as text (continuation cells skipped), trailing spaces kept.
    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if c.width != 0 { s.append(c.grapheme) }
        }
        return s
    }

    /// The screen as text, one line per row, trailing spaces trimmed (for tests and goldens).
    public var text: String {
        (0..<height).map { y in
            var r = row(y)
            while r.last == " " { r.removeLast() }
            return r
        }.joined(separator: "\n")
    }

    /// Every wide glyph is followed by its continuation, no continuation is orphaned, and every
    /// row's display width is exactly the screen width.
    public var isWellFormed: Bool {
        for y in 0..<height {
            var x = 0
            var w = 0
            while x < width {
                let c = cells[y * width + x]
                if c.width == 0 { return false }
                if c.width == 2 {
                    guard x + 1 < width, cells[y * width + x + 1].width == 0 else { return false }
                    x += 2
                } else { x += 1 }
                w += Screen.glyphWidth(c.grapheme)
            }
            if w != width { return false }
        }
        if let cx = cursorX, let cy = cursorY, cx >= width || cy >= height { return false }
        return true
    }

    public func rowEquals(_ other: Screen, _ y: Int) -> Bool {
        guard other.width == width, y < other.height, y < height else { return false }
        let s = y * width
        for i in s..<(s + width) where cells[i] != other.cells[i] { return false }
        return true
    }
}
