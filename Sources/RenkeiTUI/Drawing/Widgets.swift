import Foundation
import RenkeiCore

/// Width-aware wrapping for display: hard newlines break, a wide glyph never straddles the
/// edge, ASCII words break at spaces when possible, and simple 禁則 keeps 。、）」 and small
/// kana from starting a line.
public func wrapText(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var out: [String] = []
    for para in TerminalText.sanitize(text).split(separator: "\n", omittingEmptySubsequences: false) {
        let chars = Array(para.replacingOccurrences(of: "\t", with: " "))
        if chars.isEmpty { out.append(""); continue }
        var start = 0
        while start < chars.count {
            var w = 0, i = start
            while i < chars.count {
                let cw = Screen.glyphWidth(chars[i])
                if w + cw > width { break }
                w += cw; i += 1
            }
            if i == start { i = start + 1 }              // a glyph wider than the line: take it anyway
            if i < chars.count {
                // prefer breaking ASCII text at a space
                if chars[i] != " ", chars[i].isASCII, let sp = chars[start..<i].lastIndex(of: " "), sp > start + (i - start) / 2 {
                    i = sp + 1
                } else if noLineStart.contains(chars[i]), i - start > 1 {
                    i -= 1                                // 禁則: carry one glyph over with the punctuation
                }
            }
            var line = String(chars[start..<i])
            while line.last == " " && line.count > 1 { line.removeLast() }
            out.append(line)
            start = i
            if start < chars.count && chars[start] == " " { start += 1 }   // a soft break eats one space
        }
    }
    return out
}

private let noLineStart: Set<Character> = Set("。、，．・：；？！）」』】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…")

/// A styled segment of a line.
struct Span {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

/// A line of the detail body: spans, optionally marked as the selected line.
struct Line {
    var spans: [Span]
    var selected = false
    var indent = 0
    init(_ spans: [Span], selected: Bool = false, indent: Int = 0) { self.spans = spans; self.selected = selected; self.indent = indent }
    init(_ text: String, _ style: Style = .plain, indent: Int = 0) { spans = [Span(text, style)]; self.indent = indent }
    static let blank = Line("")
}

extension Screen {
    /// Draws spans left to right, clipped to `limit`.
    @discardableResult
    mutating func put(_ x: Int, _ y: Int, spans: [Span], limit: Int) -> Int {
        var col = x
        for sp in spans where col < limit {
            col = put(col, y, sp.text, sp.style, limit: limit)
        }
        return col
    }

    /// One-line bar: `left` from the left edge, `right` right-aligned; `right` wins space.
    mutating func bar(_ y: Int, left: [Span], right: [Span], style: Style) {
        guard y >= 0, y < height else { return }
        fill(Rect(x: 0, y: y, width: width, height: 1), style)
        let rw = right.reduce(0) { $0 + DisplayWidth.of(TerminalText.inline($1.text)) }
        let rightFits = rw + 2 <= width
        let leftLimit = rightFits ? width - rw - 1 : width
        let lw = left.reduce(0) { $0 + DisplayWidth.of(TerminalText.inline($1.text)) }
        if lw > leftLimit {
            var clipped: [Span] = []
            var budget = max(0, leftLimit - 1)
            for sp in left {
                let t = TerminalText.inline(sp.text)
                if budget <= 0 { break }
                let c = DisplayWidth.clip(t, to: budget, ellipsis: "")
                clipped.append(Span(c, sp.style))
                budget -= DisplayWidth.of(c)
                if DisplayWidth.of(c) < DisplayWidth.of(t) { break }
            }
            clipped.append(Span("…", style))
            put(0, y, spans: clipped, limit: leftLimit)
        } else {
            put(0, y, spans: left, limit: leftLimit)
        }
        if rightFits { put(width - rw, y, spans: right, limit: width) }
    }

    /// A centred dialog box; returns the inner rectangle (inside border and padding).
    mutating func dialog(width w: Int, height h: Int, title: String, theme: Theme) -> Rect {
        let bw = min(width, max(4, w)), bh = min(height, max(3, h))
        let r = Rect(x: (width - bw) / 2, y: max(0, (height - bh) / 2), width: bw, height: bh)
        box(r, title: title, .plain, border: theme.border)
        return Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
    }
}

/// Tab strip geometry (for drawing and for mouse clicks).
struct TabLayout {
    var cells: [(tab: DetailTab, x: Int, width: Int, text: String)] = []
    var compact = false
    init(lang: Lang, width: Int, selected: DetailTab) {
        var x = 1
        var all: [(DetailTab, Int, Int, String)] = []
        for t in DetailTab.allCases {
            let text = " \(t.rawValue + 1) \(t.label.text(lang)) "
            let w = DisplayWidth.of(text)
            all.append((t, x, w, text))
            x += w + 1
        }
        if x <= width {
            cells = all.map { (tab: $0.0, x: $0.1, width: $0.2, text: $0.3) }
        } else {
            compact = true
            let t = selected
            let text = "‹ \(t.rawValue + 1)/\(DetailTab.allCases.count) \(t.label.text(lang)) ›"
            cells = [(tab: t, x: 1, width: DisplayWidth.of(text), text: text)]
        }
    }
    func tab(at x: Int) -> DetailTab? { cells.first { x >= $0.x && x < $0.x + $0.width }?.tab }
}

/// Board column geometry: all six columns when they fit at ≥ 12 columns each, else a window
/// of columns around the selected one.
struct BoardLayout {
    var columns: [(index: Int, x: Int, width: Int)] = []
    var hiddenLeft = false, hiddenRight = false
    init(width: Int, selected: Int) {
        let minW = 12
        let fit = max(1, min(6, (width + 1) / (minW + 1)))
        let first = max(0, min(selected - fit / 2, 6 - fit))
        let colW = max(1, (width - (fit - 1)) / fit)
        var x = 0
        for i in 0..<fit {
            let w = i == fit - 1 ? max(1, width - x) : colW
            columns.append((first + i, x, w))
            x += w + 1
        }
        hiddenLeft = first > 0
        hiddenRight = first + fit < 6
    }
    func column(at x: Int) -> Int? { columns.first { x >= $0.x && x < $0.x + $0.width }?.index }
}

/// Column layout of the portfolio list: columns are taken in priority order at a comfortable
/// width, else a compact one, and dropped when neither fits; left-over width goes to the title.
/// The id column is the longest id wide or absent, never cut: people copy ids from the list
/// (issue 14: `sayama-ntt-eco-acti…` on a 200-column terminal) — the title gives way instead.
struct ListLayout {
    struct Col { var column: SortColumn; var x: Int; var width: Int; var compact: Bool }
    var cols: [Col] = []

    /// The columns in the order they are given room; `idWidth` is the widest id to show.
    static func priority(idWidth: Int) -> [(SortColumn, comfortable: Int, compact: Int)] {
        [(.title, 28, 10), (.stage, 20, 5), (.id, idWidth, idWidth), (.municipality, 10, 6), (.deadline, 10, 5),
         (.days, 5, 0), (.partners, 14, 0), (.exit, 12, 0)]
    }
    static let order: [SortColumn] = [.id, .title, .municipality, .partners, .stage, .exit, .deadline, .days]

    /// - Parameter sorted: the column the list is sorted by: it is placed right after the title,
    ///   so the order the rows are in is always on screen (issue 14: the default ID sort was
    ///   invisible at 80 columns).
    /// - Parameter idWidth: the display width of the longest id in the list (ids are ASCII).
    /// - Parameter headers: each column's short header width in the shown language: a column is
    ///   never narrower than its short header (the sorted one: and its arrow), so the renderer can
    ///   always show the full header or the short one, never a cut word (issue 14: `Municipal…`).
    ///   The full header does not widen a column: `Munic.` costs less than a date cut to `12-02`.
    init(width: Int, stageWidth: Int, sorted: SortColumn? = nil, idWidth: Int = 12, headers: [SortColumn: Int] = [:]) {
        let avail = width - 2          // a marker column on the left, one spare on the right
        var chosen: [SortColumn: (Int, Bool)] = [:]
        var used = 0
        let priority = ListLayout.priority(idWidth: max(2, idWidth)).map { c, comfortable, compact in
            let short = (headers[c] ?? 0) + (c == sorted ? 1 : 0)
            return (c, comfortable: max(comfortable, short), compact: compact > 0 ? max(compact, short) : 0)
        }
        for (c, comf00, compact) in priority {
            let comf0 = c == .title ? min(comf00, max(compact, avail * 45 / 100)) : comf00
            let comf = c == .stage ? stageWidth : comf0
            let sep = chosen.isEmpty ? 0 : 1
            if used + sep + comf <= avail { chosen[c] = (comf, false); used += sep + comf }
            else if compact > 0, used + sep + compact <= avail { chosen[c] = (compact, true); used += sep + compact }
            else if c == .title { chosen[c] = (max(1, avail), true); used = avail }
        }
        if let sorted, sorted != .title, chosen[sorted] == nil, let spec = priority.first(where: { $0.0 == sorted }) {
            // The sort column did not fit: make room — the title gives down to 10 columns, then
            // the least important columns go compact, then away (at 80 columns the title gives).
            // Its comfortable width when the title alone can give that, else its compact one.
            let titleSpare = chosen[.title].map { max(0, $0.0 - 10) } ?? 0
            let roomy = spec.comfortable + 1 - max(0, avail - used) <= titleSpare
            let want = roomy ? spec.comfortable : spec.compact > 0 ? spec.compact : min(spec.comfortable, 10)
            var need = want + 1 - max(0, avail - used)
            if need > 0, let (tw, tc) = chosen[.title] {
                let give = min(need, max(0, tw - 10)); chosen[.title] = (tw - give, tc); used -= give; need -= give
            }
            for (c, _, compact) in priority.reversed() where need > 0 && c != .title && c != .id {
                guard let (w, _) = chosen[c] else { continue }
                if compact > 0 && w > compact { let give = min(need, w - compact); chosen[c] = (w - give, true); used -= give; need -= give }
            }
            for (c, _, _) in priority.reversed() where need > 0 && c != .title {
                guard let (w, _) = chosen[c] else { continue }
                chosen[c] = nil; used -= w + 1; need -= w + 1
            }
            chosen[sorted] = (want, !roomy && spec.compact > 0); used += want + 1
        }
        if used > avail, let (tw, tc) = chosen[.title] {
            // Only an id wider than the terminal allows gets here: the title gives down to one
            // column, and only what still does not fit is cut from the id.
            let give = min(used - avail, tw - 1); chosen[.title] = (tw - give, tc); used -= give
            if used > avail, let (iw, ic) = chosen[.id] { chosen[.id] = (max(1, iw - (used - avail)), ic); used = avail }
        }
        var extra = max(0, avail - used)
        // Grow compact columns back first (priority order), then the title, then partners.
        for (c, comf0, _) in priority {
            guard let (w, compact) = chosen[c], compact, c != .title else { continue }
            let comf = c == .stage ? stageWidth : comf0
            if extra >= comf - w { chosen[c] = (comf, false); extra -= comf - w }   // all the way, or not at all
        }
        if let (w, _) = chosen[.title] {
            let add = min(extra, max(0, 48 - w)); chosen[.title] = (w + add, false); extra -= add
        }
        if let (w, c) = chosen[.partners] { chosen[.partners] = (w + extra / 2, c); extra -= extra / 2 }
        if let (w, c) = chosen[.title] { chosen[.title] = (w + extra, c) }
        var x = 1
        for c in ListLayout.order {
            guard let (w, compact) = chosen[c] else { continue }
            cols.append(Col(column: c, x: x, width: w, compact: compact))
            x += w + 1
        }
    }
}

func progressBar(_ fraction: Double, width: Int) -> String {
    guard width > 0 else { return "" }
    let f = max(0, min(1, fraction.isFinite ? fraction : 0))
    let full = Int((f * Double(width)).rounded())
    return String(repeating: "█", count: full) + String(repeating: "░", count: width - full)
}
