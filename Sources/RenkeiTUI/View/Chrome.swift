import Foundation
import RenkeiCore

/// Chrome around every page: title bar, status line, toasts.
extension AppState {
    // MARK: chrome

    /// The title bar: app name │ where │ counts (list and board), then the sync state and the
    /// date on the right. When it does not fit, parts give way whole, least important first —
    /// the app name, the page name (the counts name the view), the 和暦 beside the date, the
    /// sync state's parts (the last sync before the counts of edits) — and only what is still
    /// too wide is cut (issue 14: at 80 columns `· 破…` lost the damaged count). Where `where_`
    /// holds free text (a case title, a name), that text is cut rather than the sync counts.
    func titleBar(_ scr: inout Screen, _ where_: String, freeText: Bool = false) {
        let c = counts
        var parts: [(text: String, style: Style)] = [(Label.appName.text(lang), theme.titleAccent), (where_, theme.title)]
        let listed = page == .list || page == .board
        if listed {
            let view = views.indices.contains(viewIndex) ? views[viewIndex].name : ""
            let info = Message.listCounts(view: view, shown: c.shown, total: c.total, active: c.active, ended: c.ended, damaged: c.damaged)
            parts.append((info.text(lang), theme.title))
        }
        var wareki = settings.wareki || width >= 100
        var sync = syncHeaderSpans()
        func spans() -> [Span] { parts.enumerated().map { Span(($0.offset == 0 ? " " : "│ ") + $0.element.text + " ", $0.element.style) } }
        func right() -> [Span] { sync + [Span(DisplayFormat.day(today, wareki: wareki) + " ", theme.title)] }
        func fits() -> Bool { (spans() + right()).reduce(0) { $0 + DisplayWidth.of(TerminalText.inline($1.text)) } + 1 <= width }
        if !fits() { parts.removeFirst() }
        if !fits(), listed { parts.removeFirst() }
        if !fits() { wareki = settings.wareki }
        while !freeText, !fits(), !sync.isEmpty { sync.removeLast() }
        scr.bar(0, left: spans(), right: right(), style: theme.title)
    }

    func renderStatus(_ scr: inout Screen) {
        let y = height - 1
        if filterEditing {
            let label = "/ "
            scr.fill(Rect(x: 0, y: y, width: width, height: 1), .plain)
            scr.put(0, y, label, theme.key)
            let count = " " + Message.rowCount(rows.count).text(lang)
            let cw = DisplayWidth.of(count)
            let inputW = max(1, width - 2 - cw - 1)
            filter.draw(into: &scr, Rect(x: 2, y: y, width: inputW, height: 1), style: theme.input, focused: modal == nil)
            scr.put(width - cw, y, count, theme.dim)
            return
        }
        var right: [Span] = []
        if pending > 0 { right.append(Span(Label.saving.text(lang) + " ", theme.warning)) }
        if let status {
            scr.bar(y, left: [Span(" " + status, theme.warning)], right: right, style: .plain)
            return
        }
        var left: [Span] = []
        if !filter.isEmpty, page != .detail {
            left.append(Span(" /" + filter.text + " ", theme.accent))
        }
        let hints = settings.keymap.hints(in: context).filter { $0.action != .help }
        if let helpKey = settings.keymap.keys(for: .help, in: context).first {
            right.append(Span(helpKey.display, theme.key)); right.append(Span(" " + Action.help.label(lang) + " ", theme.dim))
        }
        var used = left.reduce(0) { $0 + DisplayWidth.of($1.text) } + right.reduce(0) { $0 + DisplayWidth.of($1.text) }
        for (k, a) in hints {
            let kt = " " + k.display, at = " " + a.label(lang) + " "
            let w = DisplayWidth.of(kt) + DisplayWidth.of(at)
            if used + w > width - 1 { break }
            left.append(Span(kt, theme.key)); left.append(Span(at, theme.dim))
            used += w
        }
        scr.bar(y, left: left, right: right, style: .plain)
    }

    func renderToast(_ scr: inout Screen) {
        guard let t = toasts.last, height >= 4, width >= 10 else { return }
        let maxW = max(6, width - 4)
        let lines = wrapText(t.text, width: maxW - 2).prefix(3)
        let w = min(maxW, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        let style = t.kind == .error ? theme.toastError : theme.toast
        for (i, line) in lines.enumerated() {
            let y = height - 1 - lines.count + i
            let x = width - w - 1
            scr.fill(Rect(x: x, y: y, width: w, height: 1), style)
            scr.put(x + 1, y, line, style, limit: x + w - 1)
        }
    }
}
