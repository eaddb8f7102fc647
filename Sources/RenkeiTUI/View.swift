import Foundation
import RenkeiCore

/// The pure render: state → a Screen of exactly `width × height` cells.
public func view(_ state: AppState, width: Int, height: Int) -> Screen {
    var s = state
    if s.width != width || s.height != height { s.width = width; s.height = height; s.clampSelection() }
    return s.render()
}

public func view(_ state: AppState) -> Screen { view(state, width: state.width, height: state.height) }

extension AppState {
    func render() -> Screen {
        var scr = Screen(width: width, height: height)
        guard width > 0, height > 0 else { return scr }
        if width < 8 || height < 3 {
            scr.put(0, 0, width >= 6 ? "renkei" : "…", theme.title)
            return scr
        }
        switch page {
        case .list: renderList(&scr)
        case .board: renderBoard(&scr)
        case .detail: renderDetail(&scr)
        case .dashboard: renderDashboard(&scr)
        case .joint: renderJoint(&scr)
        case .calendar: renderCalendar(&scr)
        }
        renderStatus(&scr)
        if let modal { renderModal(modal, &scr) }
        renderToast(&scr)
        return scr
    }

    // MARK: chrome

    func titleBar(_ scr: inout Screen, _ where_: String) {
        let c = counts
        let ja = lang == .ja
        var left = [Span(" " + L.appName.text(lang) + " ", theme.titleAccent), Span("│ " + where_ + " ", theme.title)]
        if page == .list || page == .board {
            let view = views.indices.contains(viewIndex) ? views[viewIndex].name : ""
            var info = ja ? "│ \(view) \(c.shown)/\(c.total)件 · 進行中 \(c.active) · 終了 \(c.ended)"
                          : "│ \(view) \(c.shown)/\(c.total) · \(c.active) active · \(c.ended) ended"
            if c.damaged > 0 { info += ja ? " · 破損 \(c.damaged)" : " · \(c.damaged) damaged" }
            left.append(Span(info + " ", theme.title))
        }
        let date = Fmt.day(today, wareki: settings.wareki || width >= 100) + " "
        scr.bar(0, left: left, right: [Span(date, theme.title)], style: theme.title)
    }

    func renderStatus(_ scr: inout Screen) {
        let y = height - 1
        if filterEditing {
            let label = "/ "
            scr.fill(Rect(x: 0, y: y, width: width, height: 1), .plain)
            scr.put(0, y, label, theme.key)
            let count = " \(rows.count)\(lang == .ja ? "件" : "")"
            let cw = DisplayWidth.of(count)
            let inputW = max(1, width - 2 - cw - 1)
            filter.draw(into: &scr, Rect(x: 2, y: y, width: inputW, height: 1), style: theme.input, focused: modal == nil)
            scr.put(width - cw, y, count, theme.dim)
            return
        }
        var right: [Span] = []
        if pending > 0 { right.append(Span(L.saving.text(lang) + " ", theme.warning)) }
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

    // MARK: list

    var stageColumnWidth: Int { lang == .ja ? 20 : 22 }

    func renderList(_ scr: inout Screen) {
        titleBar(&scr, L.portfolio.text(lang))
        let layout = ListLayout(width: width, stageWidth: stageColumnWidth)
        // column header
        scr.fill(Rect(x: 0, y: 1, width: width, height: 1), theme.header)
        for col in layout.cols {
            var label = col.column.label.text(lang)
            if col.column == sort { label += descending ? "↓" : "↑" }
            scr.putPadded(col.x, 1, label, columns: col.width, theme.header.withUnderline, alignRight: col.column == .days)
        }
        let top = listBodyTop, h = listBodyHeight
        if rows.isEmpty {
            let msg = !loaded ? L.loading.text(lang) : (summaries.isEmpty && damaged.isEmpty ? L.emptyWorkspace.text(lang) : L.noMatches.text(lang))
            for (i, l) in wrapText(msg, width: max(1, width - 4)).prefix(max(0, h - 1)).enumerated() {
                scr.put(2, top + 1 + i, l, theme.dim)
            }
            return
        }
        for r in 0..<h {
            let ri = scroll + r
            guard ri < rows.count else { break }
            let y = top + r
            let sel = ri == selection
            switch rows[ri] {
            case .summary(let i):
                drawRow(&scr, y, summaries[i], layout, selected: sel)
            case .damaged(let i):
                let d = damaged[i]
                let st = sel ? theme.error.withReverse : theme.error
                scr.fill(Rect(x: 0, y: y, width: width, height: 1), sel ? Style(reverse: true) : .plain)
                scr.put(0, y, "!", st)
                let text = "\(lang == .ja ? "破損" : "DAMAGED") \(d.fileName) — \(d.reason)"
                scr.put(1, y, text, st, limit: width - 1)
            }
        }
        // scroll position marker
        if rows.count > h, h > 1 {
            let pos = top + Int(Double(h - 1) * Double(scroll) / Double(max(1, rows.count - h)))
            scr.put(width - 1, pos, "▐", theme.dim)
        }
    }

    func drawRow(_ scr: inout Screen, _ y: Int, _ s: CaseSummary, _ layout: ListLayout, selected: Bool) {
        let base: Style = selected ? theme.selected : .plain
        scr.fill(Rect(x: 0, y: y, width: width, height: 1), base)
        let marker = readOnly.contains(s.id) ? "🔒" : (selected ? "▶" : " ")
        if marker == "🔒" { scr.put(0, y, "R", base.withBold) } else { scr.put(0, y, marker, base.withBold) }
        func st(_ x: Style) -> Style { selected ? Style(fg: x.fg, bg: x.bg, bold: x.bold, reverse: true) : x }
        for col in layout.cols {
            switch col.column {
            case .id: scr.putPadded(col.x, y, s.id, columns: col.width, st(theme.dim))
            case .title: scr.putPadded(col.x, y, s.title, columns: col.width, base.withBoldIf(selected))
            case .municipality: scr.putPadded(col.x, y, s.municipality, columns: col.width, base)
            case .partners: scr.putPadded(col.x, y, s.partners.joined(separator: "、"), columns: col.width, base)
            case .stage:
                let text = col.compact && col.width <= 6 ? s.stage.progressGlyph : "\(s.stage.progressGlyph) \(s.stage.label(lang))"
                scr.putPadded(col.x, y, text, columns: col.width, st(theme.stage(s.stage)))
            case .exit:
                var t = ""
                if let e = s.exit { t = lang == .ja ? e.shortJa : e.en }
                if let m = s.method {
                    let name = catalog.method(m).map { lang == .ja ? $0.ja : $0.en } ?? m
                    t += (t.isEmpty ? "" : "/") + name
                }
                scr.putPadded(col.x, y, t.isEmpty ? "—" : t, columns: col.width, base)
            case .deadline:
                if let d = deadlines[s.id] {
                    let text = col.width >= 10 ? d.day.description : String(d.day.description.dropFirst(5))
                    let over = d.day < today
                    let soon = !over && today.days(until: d.day) <= 14
                    scr.putPadded(col.x, y, text, columns: col.width, st(over ? theme.error : soon ? theme.warning : .plain))
                } else {
                    scr.putPadded(col.x, y, "—", columns: col.width, st(theme.dim))
                }
            case .days:
                let t = s.daysInStage(today: today).map { lang == .ja ? "\($0)日" : "\($0)d" } ?? "—"
                scr.putPadded(col.x, y, t, columns: col.width, base, alignRight: true)
            }
        }
    }

    // MARK: board

    func renderBoard(_ scr: inout Screen) {
        titleBar(&scr, L.board.text(lang))
        let layout = BoardLayout(width: width, selected: boardColumn)
        let stages: [Stage?] = Stage.pipeline + [nil]
        for col in layout.columns {
            let cards = boardColumns[col.index]
            let stage = stages[col.index]
            let name = stage?.label(lang) ?? (lang == .ja ? "終了・保留" : "Ended/paused")
            let focused = col.index == boardColumn
            var count = " \(cards.count)"
            var prefix = ""
            if col.index == layout.columns.first?.index, layout.hiddenLeft { prefix = "‹" }
            if col.index == layout.columns.last?.index, layout.hiddenRight { count += "›" }
            let nameW = max(1, col.width - DisplayWidth.of(prefix) - DisplayWidth.of(count))
            let head = prefix + DisplayWidth.clip(name, to: nameW) + count
            let hs = (stage.map { theme.stage($0) } ?? theme.dim).withBold
            scr.putPadded(col.x, 1, head, columns: col.width, focused ? hs.withReverse : hs.withUnderline)
            if col.x + col.width < width { for y in 1..<(height - 1) { scr.put(col.x + col.width, y, "│", theme.border) } }
            let lines = boardCardLines
            let visible = max(1, boardBodyHeight / lines)
            let first = boardScroll(col.index)
            for k in 0..<visible {
                let ci = first + k
                guard ci < cards.count else { break }
                let s = summaries[cards[ci]]
                let y = 2 + k * lines
                let sel = focused && ci == boardSelection[col.index]
                let style: Style = sel ? theme.selected : .plain
                var title = s.title
                if stage == nil {
                    let mark = s.stage == .realized ? "✓" : s.stage == .dropped ? "×" : "‖"
                    title = mark + " " + title
                }
                scr.putPadded(col.x, y, title, columns: col.width, sel ? style.withBold : style)
                if lines > 1, y + 1 < height - 1 {
                    var sub = s.municipality
                    if let d = s.daysInStage(today: today) { sub += lang == .ja ? " · \(d)日" : " · \(d)d" }
                    scr.putPadded(col.x, y + 1, sub, columns: col.width, sel ? style : theme.dim)
                }
            }
            if cards.isEmpty { scr.putPadded(col.x, 2, "—", columns: col.width, theme.dim) }
        }
    }

    // MARK: detail

    func renderDetail(_ scr: inout Screen) {
        guard let d = detail else { return }
        let s = summary(d.id)
        titleBar(&scr, "\(d.id)  \(d.doc?.title ?? s?.title ?? "")")
        // stage line
        if let c = d.doc ?? nil {
            var spans = [Span(" " + c.stage.progressGlyph + " " + c.stage.label(lang), theme.stage(c.stage).withBold),
                         Span("  " + c.municipality.name, .plain)]
            if let e = c.exit { spans.append(Span("  " + e.label(lang), theme.dim)) }
            if let m = c.method { spans.append(Span(" / " + (catalog.method(m).map { lang == .ja ? $0.ja : $0.en } ?? m), theme.dim)) }
            if d.readOnly { spans.append(Span("  [" + L.readOnly.text(lang) + "]", theme.warning)) }
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
            let msg = d.error ?? L.loading.text(lang)
            for (i, l) in wrapText(msg, width: max(1, width - 2)).prefix(h).enumerated() { scr.put(1, top + i, l, d.error == nil ? theme.dim : theme.error) }
            return
        }
        let lines = detailLines(c, d, width: max(1, width - 2))
        var scroll = min(d.scroll, max(0, lines.count - h))
        if d.tab == .checklist || d.tab == .similar, let selLine = lines.firstIndex(where: { $0.selected }) {
            scroll = max(0, min(selLine - h / 2, lines.count - h))
        }
        for i in 0..<h {
            let li = scroll + i
            guard li < lines.count else { break }
            let line = lines[li]
            let y = top + i
            if line.selected { scr.fill(Rect(x: 0, y: y, width: width, height: 1), theme.selected) }
            let spans = line.selected ? line.spans.map { Span($0.text, Style(fg: $0.style.fg, bold: $0.style.bold, reverse: true)) } : line.spans
            scr.put(1 + line.indent, y, spans: spans, limit: width - 1)
        }
        if lines.count > h {
            let pos = top + Int(Double(h - 1) * Double(scroll) / Double(max(1, lines.count - h)))
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

    func detailLines(_ c: Case, _ d: DetailState, width: Int) -> [Line] {
        let ja = lang == .ja
        let kw = min(ja ? 14 : 14, max(4, width / 3))
        var out: [Line] = []
        switch d.tab {
        case .overview:
            var muni = c.municipality.name
            if let p = c.municipality.prefecture, p != c.municipality.name { muni += ja ? "（\(p)）" : " (\(p))" }
            if let k = c.municipality.kind { muni += " · " + (ja ? k.ja : k.rawValue) }
            if let sz = c.municipality.size { muni += " · " + (ja ? sz.ja : sz.en) }
            out += kv(L.municipality.text(lang), muni, width: width, keyWidth: kw)
            out += kv(L.department.text(lang), c.department, width: width, keyWidth: kw)
            out += kv(L.partners.text(lang), c.partners.map { ja ? "\($0.name)（\($0.kind.ja)）" : "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ja ? "、" : ", "), width: width, keyWidth: kw)
            out += kv(L.domain.text(lang), c.domain.map { id in catalog.domain(id).map { ja ? $0.ja : $0.en } ?? id } ?? "", width: width, keyWidth: kw)
            out += kv(L.exit.text(lang), c.exit.map { e in e.label(lang) + (catalog.exit(e).map { " (\($0.page))" } ?? "") } ?? "", width: width, keyWidth: kw)
            out += kv(L.method.text(lang), c.method.map { m in catalog.method(m).map { (ja ? $0.ja : $0.en) + " (\($0.page))" } ?? m } ?? "", width: width, keyWidth: kw)
            var stage = "\(c.stage.progressGlyph) \(c.stage.label(lang))"
            if let entered = c.stageEnteredDay { stage += ja ? "（\(Fmt.span(days: entered.days(until: today), lang))滞在）" : " (for \(Fmt.span(days: entered.days(until: today), lang)))" }
            out += kv(L.stage.text(lang), stage, width: width, keyWidth: kw)
            if let r = c.stageReason { out += kv(L.reason.text(lang), r, width: width, keyWidth: kw) }
            out += kv(L.targetFY.text(lang), c.budget.fiscalYear.map { Fmt.fiscalYear($0, lang) } ?? "", width: width, keyWidth: kw)
            if let na = c.nextAction {
                var t = na.text
                if let due = na.due { t += " (\(Fmt.day(due, wareki: settings.wareki)) · \(Fmt.due(due, today: today, lang)))" }
                out += kv(L.nextAction.text(lang), t, width: width, keyWidth: kw)
            }
            out += kv(L.tags.text(lang), c.tags.joined(separator: ja ? "、" : ", "), width: width, keyWidth: kw)
            out.append(.blank)
            out.append(section(ja ? "WHY 課題と理想像" : "WHY — issue and ideal"))
            out += paragraph(c.issue.why, width: width)
            out.append(section(ja ? "HOW 連携の方法" : "HOW — approach"))
            out += paragraph(c.issue.how, width: width)
            out.append(section(ja ? "WHAT 実施内容" : "WHAT — activities"))
            out += paragraph(c.issue.what, width: width)

        case .checklist:
            if c.stage.isEndState {
                out.append(Line(L.endStateNoChecklist.text(lang), theme.dim))
                return out
            }
            let items = catalog.items(for: c.stage, exit: c.exit, method: c.method)
            let done = items.filter { c.checklist[$0.id] != nil }.count
            let problems = Gate.check(c, catalog: catalog)
            out.append(Line([Span("\(c.stage.label(lang)) ", theme.stage(c.stage).withBold),
                             Span(ja ? " \(done)/\(items.count) 完了" : " \(done)/\(items.count) done", theme.dim),
                             Span(catalog.stage(c.stage).map { "  (\($0.page))" } ?? "", theme.dim)]))
            if items.isEmpty { out.append(Line(L.noItems.text(lang), theme.dim)) }
            var group: String?
            let pageW = 10
            for (i, item) in items.enumerated() {
                if item.group != group, let g = item.group { out.append(Line(g, theme.accent)); group = g }
                let ticked = c.checklist[item.id] != nil
                let box = ticked ? "[x] " : "[ ] "
                let req = item.required ? (ja ? " ※必須" : " *req") : ""
                let labelW = max(1, width - 4 - pageW - DisplayWidth.of(req))
                let wrapped = wrapText(item.label(lang), width: labelW)
                let selected = i == d.itemSelection
                for (j, l) in wrapped.enumerated() {
                    if j == 0 {
                        out.append(Line([Span(box, ticked ? theme.success : .plain), Span(DisplayWidth.pad(l, to: labelW)),
                                         Span(req, theme.warning), Span(" " + DisplayWidth.pad(item.page, to: pageW - 1, alignRight: true), theme.dim)],
                                        selected: selected))
                    } else {
                        out.append(Line([Span("    " + l)], selected: selected))
                    }
                }
                if selected, let t = c.checklist[item.id] {
                    out.append(Line("    ✓ \(Fmt.day(t.at.day, wareki: settings.wareki)) \(t.by) (\(Fmt.relative(t.at.day, today: today, lang)))", theme.dim))
                }
            }
            out.append(.blank)
            if problems.isEmpty {
                out.append(Line("→ " + L.gateOpen.text(lang), theme.success))
            } else {
                out.append(Line(ja ? "→ 次へ進むには未了 \(problems.count) 件:" : "→ \(problems.count) unmet before advancing:", theme.warning))
                for p in problems { out += paragraph("・" + p.label(lang), width: width, indent: 2, style: theme.dim) }
            }
            out.append(Line(ja ? "Space でチェック/解除 · > 次の段階へ" : "Space ticks/unticks · > advances", theme.dim))

        case .budget:
            let b = c.budget
            out += kv(L.targetFY.text(lang), b.fiscalYear.map { fy in Fmt.fiscalYear(fy, lang) + (ja ? "（\(fy)-04-01〜\(fy + 1)-03-31）" : " (\(fy)-04-01 – \(fy + 1)-03-31)") } ?? "", width: width, keyWidth: kw)
            out += kv(L.budgetTotal.text(lang), b.items.isEmpty ? "" : Fmt.yen(b.totalYen), width: width, keyWidth: kw)
            for it in b.items where b.items.count > 1 { out += kv("", "・\(it.label) \(Fmt.yen(it.yen))", width: width, keyWidth: kw) }
            out += kv(L.roughQuote.text(lang), b.roughQuoteYen.map(Fmt.yen) ?? "", width: width, keyWidth: kw)
            out += kv(L.expenditureItem.text(lang), b.expenditureItem ?? "", width: width, keyWidth: kw)
            if let dl = deadlines[c.id] {
                out += kv(L.nextDeadline.text(lang), "\(dl.label(lang)) \(Fmt.day(dl.day, wareki: settings.wareki)) · \(Fmt.due(dl.day, today: today, lang))", width: width, keyWidth: kw)
            }
            out.append(.blank)
            out.append(section(L.funding.text(lang)))
            if b.funding.isEmpty { out.append(Line("—", theme.dim, indent: 2)) }
            for f in b.funding {
                var t = "\(f.name)（\(ja ? f.kind.ja : f.kind.rawValue)）"
                if let r = f.ratePercent { t += " \(r == r.rounded() ? String(Int(r)) : String(r))%" }
                if let y = f.yen { t += " " + Fmt.yen(y) }
                if f.kind == .subsidy || f.kind == .grant, let r = f.ratePercent, r < 100 {
                    t += ja ? " ※地元負担分の予算措置が必要" : " ※ local share needs its own budget line"
                }
                out += paragraph("・" + t, width: width)
            }
            out.append(.blank)
            out.append(section(L.referenceItems.text(lang)))
            for r in catalog.referenceItems {
                out.append(Line([Span("■ " + r.label(lang)), Span(" " + r.page, theme.dim)], indent: 1))
                out += paragraph(b.reference[r.id] ?? "", width: width, indent: 4)
            }

        case .kpi:
            if c.kpis.isEmpty { out.append(Line(L.noKPI.text(lang), theme.dim)) }
            for k in c.kpis {
                out.append(Line([Span("■ " + k.name, .plain.withBold), Span(" (\(k.unit))", theme.dim)]))
                func num(_ v: Double?) -> String {
                    guard let v else { return "—" }
                    return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.2f", v)
                }
                var line = "\(L.kpiBaseline.text(lang)) \(num(k.baseline)) → \(L.kpiTarget.text(lang)) \(num(k.target))"
                if let l = k.latest { line += " · \(L.kpiLatest.text(lang)) \(num(l.value)) (\(l.date))" }
                out += paragraph(line, width: width)
                if let t = k.target, let l = k.latest {
                    let base = k.baseline ?? 0
                    let frac = t == base ? (l.value >= t ? 1 : 0) : (l.value - base) / (t - base)
                    let bw = max(4, min(30, width - 12))
                    out.append(Line("\(progressBar(frac, width: bw)) \(Int((max(0, frac) * 100).rounded()))%", theme.accent, indent: 2))
                }
            }

        case .history:
            out.append(section(L.timeInStage.text(lang)))
            for (stage, from, to) in stageSpans(c) {
                let days = from.days(until: to ?? today)
                out.append(Line([Span(DisplayWidth.pad(stage.label(lang), to: ja ? 14 : 16), theme.stage(stage)),
                                 Span(" \(from) → \(to.map(\.description) ?? (ja ? "現在" : "now"))", theme.dim),
                                 Span("  " + Fmt.span(days: days, lang))], indent: 1))
            }
            out.append(.blank)
            if c.events.isEmpty { out.append(Line(L.noHistory.text(lang), theme.dim)) }
            for e in c.events.reversed() {
                let what = ja ? e.kind.ja : e.kind.rawValue
                out.append(Line([Span("\(e.at.day)", .plain), Span(" \(Fmt.relative(e.at.day, today: today, lang))", theme.dim),
                                 Span("  \(what)", .plain.withBold), Span("  \(e.actor)", theme.dim)]))
                let changes = e.changes.filter { !(e.reason != nil && $0.field == "stageReason") }
                for ch in changes.prefix(4) { out += paragraph(describe(ch), width: width, indent: 4, style: theme.dim) }
                if changes.count > 4 { out.append(Line("…+\(changes.count - 4)", theme.dim, indent: 4)) }
                if let r = e.reason { out += paragraph("\(L.reason.text(lang)): \(r)", width: width, indent: 4, style: theme.warning) }
            }

        case .similar:
            out = similarLines(d, width: width)

        case .notes:
            if c.notes.isEmpty { out.append(Line(L.noNotes.text(lang), theme.dim)) }
            for n in c.notes.reversed() {
                out.append(Line([Span("#\(n.id) ", theme.accent), Span(Fmt.day(n.at.day, wareki: settings.wareki)),
                                 Span(" \(Fmt.relative(n.at.day, today: today, lang))", theme.dim), Span("  \(n.author)", theme.dim)]))
                out += paragraph(n.text, width: width)
                out.append(.blank)
            }
        }
        return out
    }

    /// (stage, entered, left) spans from the event log.
    func stageSpans(_ c: Case) -> [(Stage, Day, Day?)] {
        var out: [(Stage, Day, Day?)] = []
        for e in c.events {
            for ch in e.changes where ch.field == "stage" {
                guard let s = ch.after.stringValue.flatMap(Stage.init(rawValue:)) else { continue }
                if !out.isEmpty { out[out.count - 1].2 = e.at.day }
                out.append((s, e.at.day, nil))
            }
        }
        return out
    }

    func describe(_ ch: Change) -> String {
        let ja = lang == .ja
        func v(_ j: JSONValue) -> String {
            let s = AppState.displayValue(j)
            return s.isEmpty ? "—" : DisplayWidth.clip(TerminalText.inline(s), to: 30)
        }
        if ch.field == "stage" {
            let a = ch.before.stringValue.flatMap(Stage.init(rawValue:))?.label(lang) ?? "—"
            let b = ch.after.stringValue.flatMap(Stage.init(rawValue:))?.label(lang) ?? "—"
            return "\(L.stage.text(lang)): \(a) → \(b)"
        }
        if ch.field.hasPrefix("checklist.") {
            let id = String(ch.field.dropFirst(10))
            let label = catalog.item(id)?.label(lang) ?? id
            return (ch.after.isNull ? "[ ] " : "[x] ") + label
        }
        if ch.field.hasPrefix("note.") {
            let text = ch.after.objectValue?["text"]?.stringValue ?? ch.before.objectValue?["text"]?.stringValue ?? ""
            return (ja ? "メモ: " : "note: ") + DisplayWidth.clip(TerminalText.inline(text), to: 40)
        }
        if ch.field == "stageReason" { return "\(L.reason.text(lang)): \(v(ch.after))" }
        let label = CaseFields.spec(ch.field)?.label(lang) ?? ch.field
        return "\(label): \(v(ch.before)) → \(v(ch.after))"
    }

    // MARK: modals

    func renderModal(_ m: Modal, _ scr: inout Screen) {
        let ja = lang == .ja
        switch m {
        case .help(let scroll):
            let lines = helpLines()
            let inner = scr.dialog(width: min(width - 2, 76), height: height - 2, title: "\(L.help.text(lang)) — Esc", theme: theme)
            let maxScroll = max(0, lines.count - inner.height)
            let s0 = min(scroll, maxScroll)
            for i in 0..<inner.height {
                guard s0 + i < lines.count else { break }
                scr.put(inner.x, inner.y + i, spans: lines[s0 + i].spans, limit: inner.maxX)
            }
        case .palette(let input, let sel):
            let matches = paletteMatches(input.text)
            let h = min(height - 2, max(5, min(matches.count, 12) + 4))
            let inner = scr.dialog(width: min(width - 2, 60), height: h, title: L.palette.text(lang), theme: theme)
            scr.put(inner.x, inner.y, ":", theme.key)
            input.draw(into: &scr, Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), style: theme.input, focused: true)
            let listH = inner.height - 2
            if matches.isEmpty { scr.put(inner.x, inner.y + 2, L.paletteEmpty.text(lang), theme.dim, limit: inner.maxX) }
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
            var body: [Line] = [Line("\(g.caseId): \(g.stage.label(lang))", .plain.withBold), Line(L.gateBody.text(lang))]
            let w = min(width - 2, 70)
            for p in g.problems { body += wrapText("・" + p, width: max(1, w - 6)).map { Line($0, theme.warning, indent: 1) } }
            body.append(.blank)
            body.append(Line(L.gateConfirm.text(lang), theme.key))
            let inner = scr.dialog(width: w, height: min(height, body.count + 2), title: L.gateTitle.text(lang), theme: theme)
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
            if y < inner.maxY { scr.put(inner.x, y, ja ? "Enter 決定 · Esc やめる" : "Enter confirm · Esc cancel", theme.dim, limit: inner.maxX) }
        case .picker(let p):
            let h = min(height - 2, p.ids.count + 3)
            let inner = scr.dialog(width: min(width - 2, 64), height: h, title: p.title, theme: theme)
            let listH = max(0, inner.height - 1)
            let first = max(0, min(p.selection - listH / 2, p.ids.count - listH))
            for i in 0..<listH {
                let k = first + i
                guard k < p.labels.count else { break }
                scr.putPadded(inner.x, inner.y + i, p.labels[k], columns: inner.width, k == p.selection ? theme.selected : .plain)
            }
            if listH >= 0 { scr.put(inner.x, inner.maxY - 1, ja ? "Enter 選択 · Esc やめる" : "Enter choose · Esc cancel", theme.dim, limit: inner.maxX) }
        case .form(let f):
            renderForm(f, &scr)
        case .overdue(let review, let sel):
            renderOverdue(review, sel, &scr)
        }
    }

    func drawLines(_ lines: [Line], in r: Rect, _ scr: inout Screen, pinLast: Bool = false) {
        guard r.height > 0 else { return }
        var ls = Array(lines.prefix(r.height))
        if pinLast, lines.count > r.height, let last = lines.last { ls[r.height - 1] = last }
        for (i, l) in ls.enumerated() { scr.put(r.x + l.indent, r.y + i, spans: l.spans, limit: r.maxX) }
    }

    func renderForm(_ f: Form, _ scr: inout Screen) {
        let ja = lang == .ja
        let w = min(width - 2, 72)
        let innerW = max(1, w - 4)
        // Lay fields out as blocks: label line, input (multiline: up to 6 lines), optional error.
        struct Block { var field: Int; var height: Int }
        let blocks: [Block] = f.fields.indices.map { i in
            let fld = f.fields[i]
            var h = 2
            if fld.kind == .multiline { h = 1 + min(6, max(3, fld.input.lines(width: innerW).count)) }
            if fld.error != nil { h += 1 }
            return Block(field: i, height: h)
        }
        let total = blocks.reduce(0) { $0 + $1.height } + 2
        let inner = scr.dialog(width: w, height: min(height, total + 2), title: f.title, theme: theme)
        let footer = ja ? "Tab 次の項目 · Ctrl-S 保存 · Esc 取消" : "Tab next field · Ctrl-S save · Esc cancel"
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
        }
        scr.put(inner.x, inner.maxY - 1, f.error ?? footer, f.error == nil ? theme.dim : theme.error, limit: inner.maxX)
    }

    /// The overdue review: missed / due soon / upcoming, then by municipality (the calendar engine's order).
    func renderOverdue(_ review: OverdueReview, _ sel: Int, _ scr: inout Screen) {
        let ja = lang == .ja
        let inner = scr.dialog(width: width - 2, height: height - 2,
                               title: "\(L.overdueTitle.text(lang)) — \(Fmt.day(review.today, wareki: settings.wareki))", theme: theme)
        var lines: [Line] = []
        var index = 0
        var selLine = 0
        for g in review.groups {
            lines.append(Line([Span("\(g.title(lang)) ", g.kind == .missed ? theme.error : g.kind == .dueSoon ? theme.warning : theme.accent),
                               Span("\(g.count)\(ja ? "件" : "")", theme.dim)]))
            if g.count == 0 { lines.append(Line("—", theme.dim, indent: 2)) }
            for m in g.municipalities {
                lines.append(Line(m.municipality + (m.prefecture.flatMap { $0 == m.municipality ? nil : ja ? "（\($0)）" : " (\($0))" } ?? ""), .plain.withBold, indent: 1))
                for item in m.items {
                    let isSel = index == sel
                    if isSel { selLine = lines.count }
                    let status = item.statusText(lang)
                    var text = "\(item.label(lang)) \(settings.wareki ? item.due.wareki : item.due.description)"
                    if let req = item.requiredStage { text += " · \(item.currentStage.label(lang))→\(req.label(lang))" }
                    text += " · \(item.caseTitle)"
                    lines.append(Line([Span(DisplayWidth.pad(status, to: 9), item.isMissed ? theme.error : theme.warning), Span(" " + text)],
                                      selected: isSel, indent: 2))
                    if isSel {
                        if let r = item.requirement(lang) { lines.append(Line((ja ? "要件: " : "needs: ") + r, theme.dim, indent: 12)) }
                        if let route = item.earliestRoute {
                            lines.append(Line((ja ? "最短の予算化: " + route.ja : "earliest route: " + route.en), theme.accent, indent: 12))
                        }
                        if let note = item.calendarNote { lines.append(Line(note, theme.warning, indent: 12)) }
                    }
                    index += 1
                }
            }
            lines.append(.blank)
        }
        if !review.unscheduled.isEmpty {
            lines.append(Line((ja ? "目標年度が未設定: " : "No target fiscal year: ") + review.unscheduled.joined(separator: ", "), theme.dim))
        }
        let footer = settings.keymap.hints(in: .overdue).map { "\($0.key.display) \($0.action.label(lang))" }.joined(separator: " · ")
        let bodyH = max(0, inner.height - 1)
        let first = max(0, min(selLine - bodyH / 2, lines.count - bodyH))
        for i in 0..<bodyH {
            guard first + i < lines.count else { break }
            let l = lines[first + i]
            let y = inner.y + i
            if l.selected { scr.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), theme.selected) }
            let spans = l.selected ? l.spans.map { Span($0.text, Style(fg: $0.style.fg, bold: $0.style.bold, reverse: true)) } : l.spans
            scr.put(inner.x + l.indent, y, spans: spans, limit: inner.maxX)
        }
        if inner.height > 0 { scr.put(inner.x, inner.maxY - 1, footer, theme.dim, limit: inner.maxX) }
    }

    /// The `?` overlay, generated from the keymap table.
    func helpLines() -> [Line] {
        var out: [Line] = []
        let km = settings.keymap
        for ctx in KeyContext.allCases {
            let bs = km.bindings.filter { $0.context == ctx }
            guard !bs.isEmpty else { continue }
            out.append(Line(ctx.label(lang), theme.accent))
            var seen: [Action] = []
            for b in bs where !seen.contains(b.action) { seen.append(b.action) }
            for a in seen {
                let keys = bs.filter { $0.action == a }.map(\.key.display).joined(separator: " ")
                out.append(Line([Span(DisplayWidth.pad(keys, to: 20), theme.key), Span(" " + a.label(lang))], indent: 1))
            }
            out.append(.blank)
        }
        let ja = lang == .ja
        out.append(Line(ja ? "入力欄" : "Text fields", theme.accent))
        out.append(Line(ja ? "Ctrl-A/E 行頭/行末 · Ctrl-K/U 行末まで/行頭まで削除 · Ctrl-W 直前の語を削除" : "Ctrl-A/E line start/end · Ctrl-K/U kill to end/start · Ctrl-W delete word", indent: 1))
        out.append(Line(ja ? "Tab 次の項目 · Ctrl-S 保存 · Esc 取消 · メモ欄では Enter で改行" : "Tab next field · Ctrl-S save · Esc cancel · Enter is a newline in notes", indent: 1))
        out.append(.blank)
        out.append(Line(ja ? "キーは $XDG_CONFIG_HOME/renkei/config.json の \"keys\" で変更できます" : "Rebind keys in $XDG_CONFIG_HOME/renkei/config.json (\"keys\")", theme.dim))
        return out
    }
}

extension Style {
    var withUnderline: Style { var s = self; s.underline = true; return s }
    func withBoldIf(_ b: Bool) -> Style { b ? withBold : self }
}
