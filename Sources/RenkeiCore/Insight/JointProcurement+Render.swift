/// Text for the 共同調達 view and `renkei joint`. `width` clips every line (nil: no clipping).
extension JointProcurementReport {
    public func lines(lang: Lang, width: Int? = nil) -> [String] {
        let ja = lang == .ja
        var out: [String] = [ja ? "共同調達の候補（\(today)時点・調達案件\(considered)件）"
                                : "Joint-procurement candidates (as of \(today), \(considered) procurement cases)"]
        if let note { out.append("  " + note.text(lang)) }
        for g in groups {
            out.append("")
            var deadline = "—"
            if let d = g.commonRequestDeadline, let left = g.daysLeft {
                deadline = "\(d)（\(d.wareki)）" + (ja ? (left >= 0 ? " あと\(left)日" : " \(-left)日超過")
                                                   : (left >= 0 ? " in \(left) days" : " \(-left) days ago"))
            }
            out.append(ja ? "■ \(g.domainJa)・\(g.fiscalYear)年度 — \(g.municipalities.count)自治体: \(g.municipalities.joined(separator: "・"))"
                          : "■ \(g.domainEn), FY\(g.fiscalYear) — \(g.municipalities.count) municipalities: \(g.municipalities.joined(separator: ", "))")
            out.append("  " + (ja ? "共通の予算要求締切: " : "Latest common request deadline: ") + deadline)
            let missing = g.membersWithoutAmount.joined(separator: ", ")
            out.append("  " + (ja ? "合計予算: " : "Combined budget: ") + Self.yen(g.combinedYen)
                       + (missing.isEmpty ? "" : (ja ? "（金額未定: \(missing)）" : " (no amount yet: \(missing))")))
            for m in g.members {
                let slid = m.slid ? (ja ? "  ※\(m.targetFiscalYear)年度の締切を過ぎたため翌年度以降" : "  * missed FY\(m.targetFiscalYear)'s deadline")
                                  : ""
                let method = (ja ? m.methodJa : m.methodEn) ?? m.method
                let undecided = m.exitUndecided ? (ja ? "・出口未定" : ", exit undecided") : ""
                out.append("  - \(m.id)  \(m.municipality)  \(m.title)  [\(m.stage.label(lang))\(method.map { (ja ? "・" : ", ") + $0 } ?? "")\(undecided)]  "
                           + (m.budgetYen > 0 ? Self.yen(m.budgetYen) : "—") + slid)
            }
        }
        if !skipped.isEmpty {
            out.append("")
            out.append(ja ? "対象外（情報不足）:" : "Not considered (missing data):")
            for s in skipped { out.append("  - \(s.id): " + (ja ? s.ja : s.en)) }
        }
        guard let width else { return out }
        return out.map { DisplayWidth.clip($0, to: width) }
    }

    /// 45800000 → "¥45,800,000"
    static func yen(_ n: Int) -> String { Yen.format(n) }
}
