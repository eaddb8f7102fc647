import Foundation
import RenkeiCore

/// The `?` overlay, generated from the keymap table: every context's keys, then the commands
/// that have no key and are reached by their name in the palette (issue 14: 連絡先の編集,
/// 削除… were missing), then the text-field keys. Lines wrap to the dialog, so it reads the
/// same at 40 columns as at 200; j/k/PgDn scroll it, and a bar on the right says where.
extension AppState {
    /// The dialog's width and the help's text width inside it (`Screen.dialog`'s geometry).
    var helpBox: (width: Int, text: Int, rows: Int) {
        let w = min(width - 2, 76)
        return (w, max(1, min(width, max(4, w)) - 4), max(0, min(height, max(3, height - 2)) - 2))
    }

    /// The last scroll position that still fills the box.
    var helpMaxScroll: Int { max(0, helpLines(width: helpBox.text).count - helpBox.rows) }

    func renderHelp(scroll: Int, _ scr: inout Screen) {
        let box = helpBox
        let lines = helpLines(width: box.text)
        let maxScroll = max(0, lines.count - box.rows)
        let s0 = min(scroll, maxScroll)
        let inner = scr.dialog(width: box.width, height: height - 2, title: "\(Label.help.text(lang)) — Esc", theme: theme)
        for i in 0..<max(0, inner.height) {
            guard s0 + i < lines.count else { break }
            let l = lines[s0 + i]
            scr.put(inner.x + l.indent, inner.y + i, spans: l.spans, limit: inner.maxX)
        }
        // Where in the help the box is (only when it does not all fit).
        if lines.count > inner.height, inner.height > 0 {
            let pos = inner.y + (inner.height - 1) * s0 / max(1, maxScroll)
            scr.put(inner.maxX, pos, "▐", theme.dim)
        }
    }

    /// Commands the palette finds that no key reaches (with this keymap, so a rebound action
    /// shows here when its key was taken away).
    var keylessActions: [Action] {
        let bound = Set(settings.keymap.bindings.map(\.action))
        return Action.allCases.filter { $0.inPalette && !bound.contains($0) }
    }

    func helpLines(width: Int) -> [Line] {
        var out: [Line] = []
        let km = settings.keymap
        // The key column: 20 columns, narrower on a narrow terminal (a label keeps the rest).
        let keyColumn = min(20, max(6, (width - 1) * 2 / 5))
        let labelWidth = max(1, width - 1 - keyColumn - 1)
        func entry(_ keys: String, _ label: String, _ keyStyle: Style) {
            let wrapped = wrapText(label, width: labelWidth)
            if DisplayWidth.of(keys) > keyColumn {
                out += wrapText(keys, width: max(1, width - 1)).map { Line($0, keyStyle, indent: 1) }
                out += wrapped.map { Line($0, indent: 2 + keyColumn) }
                return
            }
            out.append(Line([Span(DisplayWidth.pad(keys, to: keyColumn), keyStyle), Span(" " + (wrapped.first ?? ""))], indent: 1))
            out += wrapped.dropFirst().map { Line($0, indent: 2 + keyColumn) }
        }
        for ctx in KeyContext.allCases {
            let bs = km.bindings.filter { $0.context == ctx }
            guard !bs.isEmpty else { continue }
            out.append(Line(ctx.label(lang), theme.accent))
            var seen: [Action] = []
            for b in bs where !seen.contains(b.action) { seen.append(b.action) }
            for a in seen {
                entry(bs.filter { $0.action == a }.map(\.key.display).joined(separator: " "), a.label(lang), theme.key)
            }
            out.append(.blank)
        }
        let keyless = keylessActions
        if !keyless.isEmpty {
            out += wrapText(Label.helpPaletteOnly.text(lang), width: width).map { Line($0, theme.accent) }
            for a in keyless {
                out += wrapText(": " + a.label(lang), width: max(1, width - 1)).map { Line($0, theme.key, indent: 1) }
                let aliases = a.paletteAliases.filter { LabelScript.isJapanese($0) == (lang == .ja) }
                if !aliases.isEmpty {
                    out += wrapText(aliases.joined(separator: " · "), width: max(1, width - 3)).map { Line($0, theme.dim, indent: 3) }
                }
            }
            out.append(.blank)
        }
        out.append(Line(Label.helpTextFields.text(lang), theme.accent))
        for keys in [Label.helpEditingKeys, .helpFormKeys] {
            out += Self.wrapItems(keys.text(lang), width: max(1, width - 1)).map { Line($0, indent: 1) }
        }
        out.append(.blank)
        out += wrapText(Label.helpRebind.text(lang), width: width).map { Line($0, theme.dim) }
        return out
    }
}

extension AppState {
    /// 「Ctrl-A/E 行頭/行末 · Ctrl-K/U …」 wrapped between its items, not inside one.
    static func wrapItems(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in text.components(separatedBy: " · ") {
            let joined = current.isEmpty ? item : current + " · " + item
            if DisplayWidth.of(joined) <= width { current = joined; continue }
            if !current.isEmpty { lines.append(current) }
            let parts = wrapText(item, width: width)
            lines += parts.dropLast()
            current = parts.last ?? ""
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Which language a palette alias is written in (「連絡」 vs 「contact」), so help lists the
/// ones of the language on screen.
enum LabelScript {
    static func isJapanese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
}
