/// Why a report template (`templates/*.mustache`, `report-style.css`) cannot be used — typed,
/// so `export` says it in the reader's language (issue 14: these reasons were English under a
/// Japanese locale). `ExportMessage.template` puts the file in front.
public enum TemplateProblem: Equatable, Sendable {
    /// The file cannot be read (permissions, a FIFO, too large).
    case unreadable(DamageReason)
    case notUTF8
    /// `{{> a}}` … `{{> a}}` again: the loop, first to last.
    case partialLoop([String])
    /// `{{=<% %>=}}`: a partial could hide behind other delimiters.
    case setDelimiter
    /// A partial whose name is not a template name.
    case partialName(String, ExportMessage)
    /// The Mustache parser refused it; `detail` is the parser's own word for what it found.
    case syntax(line: Int, column: Int, detail: String, near: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .unreadable(let r):
            return r.text(lang)
        case .notUTF8:
            return ja ? "UTF-8 のテキストではありません — UTF-8 で保存し直してください" : "not valid UTF-8 text"
        case .partialLoop(let loop):
            let path = loop.joined(separator: " → ")
            let last = loop[loop.count - 1], from = loop.count > 1 ? loop[loop.count - 2] : last
            return ja ? "部分テンプレートが互いを読み込んでいます（\(path)）— \(from) から {{> \(last)}} を外してください"
                      : "partials include each other in a loop (\(path)); a template must not include itself — remove {{> \(last)}} from \(from)"
        case .setDelimiter:
            return ja ? "区切り記号を変えるタグ（{{=…=}}）は renkei のテンプレートでは使えません — {{ }} のまま書いてください"
                      : "set-delimiter tags ({{=…=}}) are not supported in renkei templates"
        case .partialName(let name, let m):
            return ja ? "部分テンプレート「\(name)」: \(m.text(lang))" : "partial '\(name)': \(m.text(lang))"
        case .syntax(let line, let column, let detail, let near):
            return ja ? "\(line)行 \(column)文字目: テンプレートの書き方に誤りがあります（\(detail)）「\(near)」の辺り — {{ }} の対応を確かめてください"
                      : "line \(line), column \(column): \(detail) near \"\(near)\""
        }
    }
}
