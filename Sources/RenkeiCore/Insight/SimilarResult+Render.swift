/// Text for the 類似事例 pane and `renkei similar`: per match a title line, a reasons line and
/// what the case learned. `width` clips every line (nil: no clipping, for piping).
extension SimilarResult {
    /// Plain lines, for the CLI.
    public func lines(lang: Lang, width: Int? = nil, lessons showLessons: Bool = true) -> [String] {
        rows(lang: lang, width: width, lessons: showLessons).texts
    }

    /// Rows for the view: the note, then per match its title (`.match`), reasons and lessons.
    public func rows(lang: Lang, width: Int? = nil, lessons showLessons: Bool = true) -> [InsightRow] {
        let ja = lang == .ja
        var out: [InsightRow] = []
        if let note { out.append(InsightRow(.note, note.text(lang))) }
        for (n, m) in matches.enumerated() {
            if !out.isEmpty { out.append(InsightRow(.blank, "")) }
            let score = String(Int((m.score * 100).rounded()) / 100) + "." + Self.twoDigits(Int((m.score * 100).rounded()) % 100)
            out.append(InsightRow(.match(index: n),
                                  "\(n + 1). \(m.id)  \(m.title)  [\(m.municipality)・\(m.stage.label(lang))]  " + (ja ? "スコア " : "score ") + score))
            out.append(InsightRow(.reasons, "   " + (ja ? "理由: " : "Why: ") + m.reasonLine(lang)))
            if showLessons { for l in m.lessons?.lines(lang) ?? [] { out.append(InsightRow(.lesson, "   " + l)) } }
        }
        return out.clipped(to: width)
    }

    static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}
