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

    /// The whole dashboard as lines (headings, bars, tables), for the CLI and a TUI pane.
    public func lines(width: Int, lang: Lang) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = [DisplayWidth.clip(filterLine(lang: lang), to: width)]
        if let note { out.append(DisplayWidth.clip(note.text(lang), to: width)) }
        guard total > 0 else { return out }
        out.append("")
        out.append(lang == .ja ? "■ 段階別の件数" : "■ Cases per stage")
        out += stageBarLines(width: width, lang: lang)
        out.append("")
        out.append(lang == .ja ? "■ 次の段階への通過率（履歴から）" : "■ Conversion to the next stage (from history)")
        out += conversionBarLines(width: width, lang: lang)
        out.append("")
        out.append(lang == .ja ? "■ 段階ごとの所要日数" : "■ Days spent per stage")
        out += durationBarLines(width: width, lang: lang)
        out.append("")
        out.append(lang == .ja ? "■ 年度別の結果" : "■ Outcomes per fiscal year")
        let fy = fiscalYearLines(width: width, lang: lang)
        out += fy.isEmpty ? [lang == .ja ? "（連携実現・見送りの案件なし）" : "(no realized or dropped cases)"] : fy
        out.append("")
        out.append(overdueLine(width: width, lang: lang))
        return out.map { DisplayWidth.clip($0, to: width) }
    }

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
