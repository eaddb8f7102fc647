import Foundation
import RenkeiCore

extension AppState {
    func renderForm(_ f: Form, _ scr: inout Screen) {
        let w = min(width - 2, 72)
        // The input's own width (dialog inside minus the two-column indent), as it wraps when drawn.
        let innerW = max(1, w - 6)
        // Lay fields out as blocks: label line, input (multiline: up to 6 lines), optional error.
        struct Block { var field: Int; var height: Int }
        let blocks: [Block] = f.fields.indices.map { i in
            let fld = f.fields[i]
            var h = 2
            // A long value wraps so all of it shows (issue 14: a one-line field showed only its
            // tail); a form of one field may use the screen's height, beyond that it scrolls.
            let cap = f.fields.count == 1 ? max(6, height - 8) : 6
            if fld.kind == .multiline { h = 1 + min(cap, max(3, fld.input.lines(width: innerW).count)) }
            else if fld.kind == .text { h = 1 + min(cap, max(1, fld.input.lines(width: innerW).count)) }
            if fld.error != nil { h += 1 }
            h += warningLines(fld, width: innerW).count
            return Block(field: i, height: h)
        }
        let note = f.note.map { wrapText($0, width: innerW + 2) } ?? []
        let total = blocks.reduce(0) { $0 + $1.height } + 2 + note.count
        let dialog = scr.dialog(width: w, height: min(height, total + 2), title: f.title, theme: theme)
        for (i, l) in note.enumerated() where i < dialog.height - 1 { scr.put(dialog.x, dialog.y + i, l, theme.accent, limit: dialog.maxX) }
        let inner = Rect(x: dialog.x, y: dialog.y + note.count, width: dialog.width, height: max(0, dialog.height - note.count))
        let footer = Label.formFooter.text(lang)
        let avail = max(0, inner.height - 1)
        // scroll so the focused block is visible
        var start = 0
        var acc = blocks.prefix(f.focus + 1).reduce(0) { $0 + $1.height }
        while acc > avail && start < f.focus { acc -= blocks[start].height; start += 1 }
        var y = inner.y
        for b in blocks[start...] {
            let fld = f.fields[b.field]
            if y + 1 >= inner.y + avail + 1 { break }
            let focused = b.field == f.focus
            var label = fld.label + (fld.required ? " *" : "")
            if let h = fld.hint { label += "  (\(h))" }
            scr.put(inner.x, y, (focused ? "▸ " : "  ") + label, focused ? theme.accent : theme.dim, limit: inner.maxX)
            y += 1
            let ih = b.height - 1 - (fld.error == nil ? 0 : 1)
            let ir = Rect(x: inner.x + 2, y: y, width: max(1, inner.width - 2), height: min(ih, inner.y + avail - y))
            if ir.height > 0 {
                switch fld.kind {
                case .choice(_, let labels):
                    let text = "‹ " + (labels.indices.contains(fld.choice) ? labels[fld.choice] : "") + " ›"
                    scr.putPadded(ir.x, ir.y, text, columns: ir.width, focused ? theme.input.withBold : theme.input)
                default:
                    fld.input.draw(into: &scr, ir, style: theme.input, focused: focused)
                }
            }
            y += ih
            if let e = fld.error, y < inner.y + avail {
                scr.put(inner.x + 2, y, "⚠ " + e, theme.error, limit: inner.maxX); y += 1
            }
            for l in warningLines(fld, width: innerW) where y < inner.y + avail {
                scr.put(inner.x + 2, y, l, theme.warning, limit: inner.maxX); y += 1
            }
        }
        if let e = f.error {
            scr.put(inner.x, inner.maxY - 1, e, theme.error, limit: inner.maxX)
        } else {
            scr.putKeyLine(inner.x, inner.maxY - 1, KeyLine(footer), theme.dim, limit: inner.maxX)
        }
    }
}
