import RenkeiCore

extension AppState {
    /// The review list of concurrent edits: for each, the case, the field, the value in use and
    /// the other one with who and when. A calm list — the values are kept, nothing is broken.
    func renderConflicts(_ rows: [ConcurrentEditRow], _ sel: Int, _ scr: inout Screen) {
        let title = "\(SyncLabel.conflictsTitle.text(lang)) — \(Message.rowCount(rows.count).text(lang))"
        let inner = scr.dialog(width: width - 2, height: height - 2, title: title, theme: theme)
        let names = FieldNames(catalog: catalog)
        // The calm sentence first where there is room for it and the list.
        var lines: [Line] = []
        if inner.height >= 14 {
            lines = wrapText(SyncLabel.conflictsCalm.text(lang), width: max(1, inner.width)).map { Line($0, theme.dim) }
            lines.append(.blank)
        }
        if rows.isEmpty { lines.append(Line(SyncMessage.noConflicts.text(lang), theme.dim)) }
        var selLine = 0
        for (i, r) in rows.enumerated() {
            let isSel = i == sel
            if isSel { selLine = lines.count }
            let head = "\(isSel ? "▶" : " ") \(i + 1). \(r.caseId) \(r.caseTitle)"
            lines.append(Line([Span(head, .plain.withBold)], selected: isSel))
            var field = names.name(r.path, lang)
            if r.edit.cause == .gateKept { field += " — " + SyncMessage.conflictGateKept.text(lang) }
            lines.append(Line(field, theme.accent, indent: 5))
            lines.append(Line(SyncMessage.conflictSide(label: SyncLabel.keptValue.text(lang), value: names.value(r.path, r.edit.kept, lang),
                                                       who: Self.who(r.edit.keptSide)).text(lang), .plain, indent: 5))
            lines.append(Line(SyncMessage.conflictSide(label: SyncLabel.otherValue.text(lang), value: names.value(r.path, r.edit.other, lang),
                                                       who: Self.who(r.edit.otherSide)).text(lang), theme.dim, indent: 5))
        }
        drawReviewList(lines, selectedLine: selLine, anchor: 3, in: inner, footer: .conflicts, &scr)
    }

    /// 職員b 2026-12-01 11:00 — as written on that machine (its own offset).
    static func who(_ side: ConcurrentEdit.Side) -> String {
        [side.by, side.at.map { String($0.text.prefix(16)).replacingOccurrences(of: "T", with: " ") }].compactMap { $0 }.joined(separator: " ")
    }

    /// The header's sync state: nothing until the runtime has looked; 「未共有」 without git;
    /// cases to send and to bring in, the last sync (or why it could not reach the remote), and
    /// how many cases others changed that are not opened yet. Left out on narrow screens.
    func syncHeaderSpans() -> [Span] {
        guard width >= 60 else { return [] }
        if team.syncing { return [Span(SyncLabel.syncing.text(lang) + " │ ", theme.title)] }
        guard let st = team.status else { return [] }
        var parts: [String] = []
        switch st.sharing {
        case .notShared:
            return [Span(SyncLabel.notShared.text(lang) + " │ ", theme.title)]
        case .noRemote:
            parts = ["↑\(st.up)", SyncLabel.noRemote.text(lang)]
        case .shared:
            parts = ["↑\(st.up) ↓\(st.down)"]
            switch st.reach {
            case .unreachable: parts.append(SyncLabel.offline.text(lang))
            case .authFailed: parts.append(SyncLabel.authFailed.text(lang))
            case nil:
                if let at = st.lastSync {
                    let time = String(at.text.dropFirst(11).prefix(5))
                    let when = at.day == today ? time : String(at.text.dropFirst(5).prefix(5)) + " " + time
                    parts.append(SyncMessage.lastSynced(at: when).text(lang))
                } else {
                    parts.append(SyncLabel.neverSynced.text(lang))
                }
            }
        }
        var spans = [Span(parts.joined(separator: " ") + " │ ", st.reach == nil ? theme.title : theme.titleAccent)]
        let unseen = st.unseen.filter { indexById[$0] != nil }.count
        if unseen > 0, width >= 100 { spans.insert(Span(SyncMessage.unseenCount(unseen).text(lang) + " │ ", theme.titleAccent), at: 0) }
        if st.openEdits > 0, width >= 80 { spans.insert(Span(SyncMessage.openEditsCount(st.openEdits).text(lang) + " │ ", theme.titleAccent), at: 0) }
        return spans
    }
}
