/// Text for the 類似事例 pane and `renkei similar`: per match a title line, a reasons line and
/// what the case learned. `width` clips every line (nil: no clipping, for piping).
extension SimilarResult {
    public func lines(lang: Lang, width: Int? = nil, lessons showLessons: Bool = true) -> [String] {
        let ja = lang == .ja
        var out: [String] = []
        if let note { out.append(note.text(lang)) }
        for (n, m) in matches.enumerated() {
            if !out.isEmpty { out.append("") }
            let score = String(Int((m.score * 100).rounded()) / 100) + "." + Self.twoDigits(Int((m.score * 100).rounded()) % 100)
            out.append("\(n + 1). \(m.id)  \(m.title)  [\(m.municipality)・\(m.stage.label(lang))]  " + (ja ? "スコア " : "score ") + score)
            out.append("   " + (ja ? "理由: " : "Why: ") + m.reasonLine(lang))
            if showLessons { for l in m.lessons?.lines(lang) ?? [] { out.append("   " + l) } }
        }
        guard let width else { return out }
        return out.map { DisplayWidth.clip($0, to: width) }
    }

    static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}
