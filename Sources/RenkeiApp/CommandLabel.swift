import RenkeiCore

/// What a saved command is called in the 「保存しました」 toast.
enum CommandLabel {
    static func text(_ c: Command, _ lang: Lang) -> String {
        guard lang == .ja else { return c.label }
        switch c {
        case .setFields: return "項目を変更"
        case .setField(let p, _): return "「\(CaseFields.spec(p)?.ja ?? p)」を変更"
        case .tick: return "チェック"
        case .untick: return "チェック解除"
        case .addNote: return "メモ追加"
        case .advance(_, let o): return o == nil ? "次の段階へ" : "未了のまま次の段階へ"
        case .move(let s, _): return "\(s.ja)へ移動"
        case .snooze: return "スヌーズ"
        case .unsnooze: return "スヌーズ解除"
        }
    }
}
