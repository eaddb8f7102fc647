import Foundation
import RenkeiCore

extension AppState {
    // MARK: modals

    func renderModal(_ m: Modal, _ scr: inout Screen) {
        switch m {
        case .help(let scroll):
            renderHelp(scroll: scroll, &scr)
        case .palette(let input, let sel):
            let matches = paletteMatches(input.text)
            let h = min(height - 2, max(5, min(matches.count, 12) + 4))
            let inner = scr.dialog(width: min(width - 2, 60), height: h, title: Label.palette.text(lang), theme: theme)
            scr.put(inner.x, inner.y, ":", theme.key)
            input.draw(into: &scr, Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), style: theme.input, focused: true)
            let listH = inner.height - 2
            if matches.isEmpty { scr.put(inner.x, inner.y + 2, Label.paletteEmpty.text(lang), theme.dim, limit: inner.maxX) }
            let first = max(0, min(sel - listH + 1, matches.count - listH))
            for i in 0..<max(0, listH) {
                let mi = first + i
                guard mi < matches.count else { break }
                let a = matches[mi]
                let y = inner.y + 2 + i
                let keys = settings.keymap.keys(for: a, in: context).prefix(2).map(\.display).joined(separator: " ")
                let style: Style = mi == sel ? theme.selected : .plain
                let kw = DisplayWidth.of(keys)
                scr.putPadded(inner.x, y, a.label(lang), columns: max(1, inner.width - kw - 1), style)
                scr.putPadded(inner.maxX - kw - 1, y, " " + keys, columns: kw + 1, mi == sel ? style : theme.key, alignRight: true)
            }
        case .gate(let g):
            let w = min(width - 2, 70)
            var body: [Line] = wrapText("\(g.caseId): \(g.stage.label(lang))", width: max(1, w - 4)).map { Line($0, .plain.withBold) }
            body.append(Line(Label.gateBody.text(lang)))
            for p in g.problems { body += wrapText("・" + p, width: max(1, w - 6)).map { Line($0, theme.warning, indent: 1) } }
            body.append(.blank)
            body.append(Line(KeyLine(Label.gateConfirm.text(lang)).fitted(max(1, w - 4)), theme.key))
            let inner = scr.dialog(width: w, height: min(height, body.count + 2), title: Label.gateTitle.text(lang), theme: theme)
            drawLines(body, in: inner, &scr, pinLast: true)
        case .prompt(let p):
            let w = min(width - 2, 70)
            var body: [Line] = p.body.flatMap { wrapText("・" + $0, width: max(1, w - 6)).map { Line($0, theme.warning, indent: 1) } }
            body.append(Line(p.label))
            let extra = 1 + (p.error == nil ? 0 : 1) + 1
            let inner = scr.dialog(width: w, height: min(height, body.count + extra + 2), title: p.title, theme: theme)
            let bodyH = max(0, inner.height - extra)
            drawLines(Array(body.suffix(max(0, bodyH))), in: Rect(x: inner.x, y: inner.y, width: inner.width, height: bodyH), &scr)
            var y = inner.y + bodyH
            p.input.draw(into: &scr, Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme.input, focused: true)
            y += 1
            if let e = p.error, y < inner.maxY { scr.put(inner.x, y, e, theme.error, limit: inner.maxX); y += 1 }
            if y < inner.maxY { scr.putKeyLine(inner.x, y, KeyLine(Label.confirmFooter.text(lang)), theme.dim, limit: inner.maxX) }
        case .picker(let p):
            let h = min(height - 2, p.ids.count + 3)
            // As wide as the longest item where the screen allows (a reference item's long name
            // is then whole), never narrower than 64; on a narrower screen items are clipped.
            let longest = p.labels.map(DisplayWidth.of).max() ?? 0
            let inner = scr.dialog(width: min(width - 2, max(64, longest + 4)), height: h, title: p.title, theme: theme)
            let listH = max(0, inner.height - 1)
            let first = max(0, min(p.selection - listH / 2, p.ids.count - listH))
            for i in 0..<listH {
                let k = first + i
                guard k < p.labels.count else { break }
                scr.putPadded(inner.x, inner.y + i, p.labels[k], columns: inner.width, k == p.selection ? theme.selected : .plain)
            }
            if listH >= 0 { scr.putKeyLine(inner.x, inner.maxY - 1, KeyLine(p.footer ?? Label.chooseFooter.text(lang)), theme.dim, limit: inner.maxX) }
        case .form(let f):
            renderForm(f, &scr)
        case .overdue(let review, let sel):
            renderOverdue(review, sel, &scr)
        case .export(let d):
            renderExportDialog(d, &scr)
        case .importFile(let d):
            renderImportDialog(d, &scr)
        case .conflicts(let rows, let sel):
            renderConflicts(rows, sel, &scr)
        }
    }

    func drawLines(_ lines: [Line], in r: Rect, _ scr: inout Screen, pinLast: Bool = false) {
        guard r.height > 0 else { return }
        var ls = Array(lines.prefix(r.height))
        if pinLast, lines.count > r.height, let last = lines.last { ls[r.height - 1] = last }
        for (i, l) in ls.enumerated() { scr.put(r.x + l.indent, r.y + i, spans: l.spans, limit: r.maxX) }
    }
}
