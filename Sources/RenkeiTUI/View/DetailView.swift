import Foundation
import RenkeiCore

/// The detail page frame: stage line, tab bar, scrolling body; helpers the tabs share.
extension AppState {
    // MARK: detail

    func renderDetail(_ scr: inout Screen) {
        guard let d = detail else { return }
        let s = summary(d.id)
        titleBar(&scr, "\(d.id)  \(d.doc?.title ?? s?.title ?? "")", freeText: true)
        // stage line
        if let c = d.doc ?? nil {
            var spans = [Span(" " + c.stage.progressGlyph + " " + c.stage.label(lang), theme.stage(c.stage).withBold),
                         Span("  " + c.municipality.name, .plain)]
            if let e = c.exit { spans.append(Span("  " + e.label(lang), theme.dim)) }
            if let m = c.method { spans.append(Span(" / " + (catalog.method(m)?.label(lang) ?? m), theme.dim)) }
            if d.readOnly { spans.append(Span("  [" + Label.readOnly.text(lang) + "]", theme.warning)) }
            if c.isArchived { spans.append(Span("  [" + ArchiveLabel.archived.text(lang) + "]", theme.warning)) }
            scr.bar(1, left: spans, right: [], style: .plain)
        }
        // tabs
        let tabs = TabLayout(lang: lang, width: width, selected: d.tab)
        scr.fill(Rect(x: 0, y: 2, width: width, height: 1), .plain)
        for t in tabs.cells {
            scr.put(t.x, 2, t.text, t.tab == d.tab ? theme.titleAccent : theme.dim, limit: width)
        }
        let top = detailBodyTop, h = detailBodyHeight
        guard h > 0 else { return }
        guard let c = d.doc else {
            let msg = d.error ?? Label.loading.text(lang)
            for (i, l) in wrapText(msg, width: max(1, width - 2)).prefix(h).enumerated() { scr.put(1, top + i, l, d.error == nil ? theme.dim : theme.error) }
            return
        }
        let lines = detailLines(c, d, width: max(1, width - 2))
        var scroll = min(d.scroll, max(0, lines.count - h))
        if d.tab == .checklist || d.tab == .similar, let selLine = lines.firstIndex(where: { $0.selected }) {
            scroll = max(0, min(selLine - h / 2, lines.count - h))
        }
        drawLines(lines, top: top, height: h, first: scroll, &scr)
    }

    /// Draws `lines` from `first` into `height` rows at `top` (the selected one highlighted),
    /// with a scroll mark when they do not all fit.
    func drawLines(_ lines: [Line], top: Int, height h: Int, first: Int, _ scr: inout Screen) {
        for i in 0..<h {
            let li = first + i
            guard li < lines.count else { break }
            let line = lines[li]
            let y = top + i
            if line.selected { scr.fill(Rect(x: 0, y: y, width: width, height: 1), theme.selected) }
            let spans = line.selected ? line.spans.map { Span($0.text, Style(fg: $0.style.fg, bold: $0.style.bold, reverse: true)) } : line.spans
            scr.put(1 + line.indent, y, spans: spans, limit: width - 1)
        }
        if lines.count > h {
            let pos = top + Int(Double(h - 1) * Double(first) / Double(max(1, lines.count - h)))
            scr.put(width - 1, pos, "▐", theme.dim)
        }
    }

    func kv(_ key: String, _ value: String, width: Int, keyWidth: Int) -> [Line] {
        let vw = max(1, width - keyWidth - 1)
        let wrapped = wrapText(value.isEmpty ? "—" : value, width: vw)
        var out: [Line] = []
        for (i, l) in wrapped.enumerated() {
            let k = i == 0 ? DisplayWidth.pad(key, to: keyWidth) : String(repeating: " ", count: keyWidth)
            out.append(Line([Span(k, theme.dim), Span(" " + l)]))
        }
        return out
    }

    func section(_ title: String) -> Line { Line(title, theme.accent) }

    func paragraph(_ text: String, width: Int, indent: Int = 2, style: Style = .plain) -> [Line] {
        wrapText(text.isEmpty ? "—" : text, width: max(1, width - indent)).map { Line($0, text.isEmpty ? theme.dim : style, indent: indent) }
    }
}
