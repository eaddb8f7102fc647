import Foundation

/// Text renderings of a `FunnelReport`, shared by `renkei funnel`, the TUI dashboard and the
/// Markdown/HTML export. Every line fits `width` columns.
extension FunnelReport {
    /// Current cases per stage (pipeline stages, then end states).
    public func stageBarLines(width: Int, lang: Lang) -> [String] {
        BlockBars.lines(stages.map { .init(label: $0.stage.label(lang), value: Double($0.count), valueText: String($0.count)) },
                        width: width)
    }

    /// One row per stage: the share of the cases that reached it which went on to the next
    /// stage ("→ 88% (15/17)"), against 100%.
    public func conversionBarLines(width: Int, lang: Lang) -> [String] {
        BlockBars.lines(conversions.map { c in
            .init(label: c.stage.label(lang), value: c.rate ?? 0,
                  valueText: "→ " + InsightStats.percent(c.rate) + " (\(c.reachedNext)/\(c.reached))")
        }, width: width, maxValue: 1)
    }

    /// Median days per stage as bars (p90 in the value text).
    public func durationBarLines(width: Int, lang: Lang) -> [String] {
        let d = lang == .ja ? "日" : "d"
        return BlockBars.lines(durations.map { x in
            let med = x.medianDays.map { $0 == $0.rounded() ? String(Int($0)) : String(format1($0)) } ?? "—"
            let p90 = x.p90Days.map(String.init) ?? "—"
            return .init(label: x.stage.label(lang), value: x.medianDays ?? 0,
                         valueText: (lang == .ja ? "中央値 " : "median ") + med + d + " / p90 " + p90 + d + " (n=\(x.samples))")
        }, width: width)
    }

    /// Realized / dropped per fiscal year.
    public func fiscalYearLines(width: Int, lang: Lang) -> [String] {
        fiscalYears.map { y in
            let fy = y.fiscalYear.map { lang == .ja ? "\($0)年度" : "FY\($0)" } ?? (lang == .ja ? "年度不明" : "FY unknown")
            let s = lang == .ja ? "\(fy)  連携実現 \(y.realized)  見送り \(y.dropped)" : "\(fy)  realized \(y.realized)  dropped \(y.dropped)"
            return DisplayWidth.clip(s, to: width)
        }
    }

    public func overdueLine(width: Int, lang: Lang) -> String {
        let s = lang == .ja
            ? "期限超過: \(overdue.overdue) / 進行中 \(overdue.open) 件（\(InsightStats.percent(overdue.share))）"
            : "Overdue: \(overdue.overdue) of \(overdue.open) open cases (\(InsightStats.percent(overdue.share)))"
        return DisplayWidth.clip(s, to: width)
    }

    public func filterLine(lang: Lang) -> String {
        var parts: [String] = []
        if let m = filter.municipality { parts.append((lang == .ja ? "自治体=" : "municipality=") + m) }
        if let e = filter.exit { parts.append((lang == .ja ? "出口=" : "exit=") + e.label(lang)) }
        if let y = filter.fiscalYear { parts.append((lang == .ja ? "年度=" : "FY=") + String(y)) }
        let scope = parts.isEmpty ? (lang == .ja ? "全案件" : "all cases") : parts.joined(separator: ", ")
        return lang == .ja ? "ファネル（\(scope)・\(total)件・\(today)時点）" : "Funnel (\(scope), \(total) cases, as of \(today))"
    }

    /// The whole dashboard as rows (title, sections, bars, the overdue alert), for a TUI pane.
    public func rows(width: Int, lang: Lang) -> [InsightRow] {
        guard width > 0 else { return [] }
        var out = [InsightRow(.title, filterLine(lang: lang))]
        if let note { out.append(InsightRow(.note, note.text(lang))) }
        guard total > 0 else { return out.clipped(to: width) }
        func section(_ heading: String, _ values: [String]) {
            out.append(InsightRow(.blank, ""))
            out.append(InsightRow(.heading, heading))
            out += values.map { InsightRow(.value, $0) }
        }
        section(lang == .ja ? "■ 段階別の件数" : "■ Cases per stage", stageBarLines(width: width, lang: lang))
        section(lang == .ja ? "■ 次の段階への通過率（履歴から）" : "■ Conversion to the next stage (from history)",
                conversionBarLines(width: width, lang: lang))
        section(lang == .ja ? "■ 段階ごとの所要日数" : "■ Days spent per stage", durationBarLines(width: width, lang: lang))
        let fy = fiscalYearLines(width: width, lang: lang)
        section(lang == .ja ? "■ 年度別の結果" : "■ Outcomes per fiscal year",
                fy.isEmpty ? [lang == .ja ? "（連携実現・見送りの案件なし）" : "(no realized or dropped cases)"] : fy)
        out.append(InsightRow(.blank, ""))
        out.append(InsightRow(.alert(active: overdue.overdue > 0), overdueLine(width: width, lang: lang)))
        return out.clipped(to: width)
    }

    /// The dashboard as plain lines, for the CLI.
    public func lines(width: Int, lang: Lang) -> [String] { rows(width: width, lang: lang).texts }

    /// Markdown for the portfolio export: a heading, then the dashboard in a code block (block
    /// characters keep their alignment in monospace).
    public func markdown(lang: Lang, width: Int = 72) -> String {
        (["## " + (lang == .ja ? "ファネル" : "Funnel"), "", "```"] + lines(width: width, lang: lang) + ["```", ""]).joined(separator: "\n")
    }
}

private func format1(_ v: Double) -> String {
    let t = (v * 10).rounded() / 10
    return t == t.rounded() ? String(Int(t)) : String(t)
}
