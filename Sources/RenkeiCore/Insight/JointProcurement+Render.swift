/// Text for the 共同調達 view and `renkei joint`. `width` clips every line (nil: no clipping).
extension JointProcurementReport {
    /// Plain lines, for the CLI.
    public func lines(lang: Lang, width: Int? = nil) -> [String] { rows(lang: lang, width: width).texts }

    /// Rows for the view: a heading per group, a `.member` row per case (selectable).
    public func rows(lang: Lang, width: Int? = nil) -> [InsightRow] {
        let ja = lang == .ja
        var out = [InsightRow(.title, ja ? "共同調達の候補（\(today)時点・調達案件\(considered)件）"
                                        : "Joint-procurement candidates (as of \(today), \(considered) procurement cases)")]
        if let note { out.append(InsightRow(.note, "  " + note.text(lang))) }
        var memberIndex = 0
        for g in groups {
            out.append(InsightRow(.blank, ""))
            var deadline = "—"
            if let d = g.commonRequestDeadline, let left = g.daysLeft {
                deadline = "\(d)（\(d.wareki)）" + (ja ? (left >= 0 ? " あと\(left)日" : " \(-left)日超過")
                                                   : (left >= 0 ? " in \(left) days" : " \(-left) days ago"))
            }
            out.append(InsightRow(.heading, ja ? "■ \(g.domainJa)・\(g.fiscalYear)年度 — \(g.municipalities.count)自治体: \(g.municipalities.joined(separator: "・"))"
                          : "■ \(g.domainEn), FY\(g.fiscalYear) — \(g.municipalities.count) municipalities: \(g.municipalities.joined(separator: ", "))"))
            out.append(InsightRow(.value, "  " + (ja ? "共通の予算要求締切: " : "Latest common request deadline: ") + deadline))
            if g.prefecturesKnown || g.sizesKnown {
                out.append(InsightRow(.value, "  " + MunicipalityMessage.jointProximity(
                    prefecture: g.prefecturesKnown ? .some(g.sharedPrefecture) : nil,
                    size: g.sizesKnown ? .some(g.sharedSize?.label(lang)) : nil, neighbours: g.neighbouringPairs).text(lang)))
            }
            let missing = g.membersWithoutAmount.joined(separator: ", ")
            out.append(InsightRow(.value, "  " + (ja ? "合計予算: " : "Combined budget: ") + Self.yen(g.combinedYen)
                       + (missing.isEmpty ? "" : (ja ? "（金額未定: \(missing)）" : " (no amount yet: \(missing))"))))
            for m in g.members {
                let slid = m.slid ? (ja ? "  ※\(m.targetFiscalYear)年度の締切を過ぎたため翌年度以降" : "  * missed FY\(m.targetFiscalYear)'s deadline")
                                  : ""
                let method = (ja ? m.methodJa : m.methodEn) ?? m.method
                let undecided = m.exitUndecided ? (ja ? "・出口未定" : ", exit undecided") : ""
                out.append(InsightRow(.member(index: memberIndex),
                                      "  - \(m.id)  \(m.municipality)  \(m.title)  [\(m.stage.label(lang))\(method.map { (ja ? "・" : ", ") + $0 } ?? "")\(undecided)]  "
                                      + (m.budgetYen > 0 ? Self.yen(m.budgetYen) : "—") + slid))
                memberIndex += 1
            }
        }
        if !skipped.isEmpty {
            out.append(InsightRow(.blank, ""))
            out.append(InsightRow(.skipped, ja ? "対象外（情報不足）:" : "Not considered (missing data):"))
            for s in skipped { out.append(InsightRow(.skipped, "  - \(s.id): " + (ja ? s.ja : s.en))) }
        }
        return out.clipped(to: width)
    }

    /// 45800000 → "¥45,800,000"
    static func yen(_ n: Int) -> String { Yen.format(n) }
}
