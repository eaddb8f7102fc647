/// A problem in this person's settings (`~/.config/renkei/config.json`, `keys.json`,
/// `views.json`), shown when the workbench starts — typed, so it is said in the reader's
/// language (issue 14: these were English under a Japanese locale). A bad settings file never
/// stops the start: renkei carries on with its defaults and says so.
public enum SettingsProblem: Equatable, Sendable {
    /// The file is there but cannot be read (a FIFO, a directory, too large), worded by the store.
    case unreadable(StoreMessage)
    /// The file reads but is not the settings it should be.
    case damaged(path: String, DamageReason)
    case language(String)
    case theme(String)
    case unknownAction(String, known: [String])
    case unknownKey(action: String, key: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        let defaults = ja ? " — 標準の設定で続けます" : " — using defaults"
        switch self {
        case .unreadable(let m):
            return m.text(lang) + defaults
        case .damaged(let path, let r):
            return "\(path): \(r.text(lang))" + defaults
        case .language(let l):
            return ja ? "config.json: lang「\(l)」は使えません — \"ja\" か \"en\" にしてください" : "config.json: lang '\(l)' must be \"ja\" or \"en\""
        case .theme(let t):
            return ja ? "config.json: theme「\(t)」は使えません — \"dark\" か \"light\" にしてください" : "config.json: theme '\(t)' must be \"dark\" or \"light\""
        case .unknownAction(let name, let known):
            return ja ? "keys: 操作「\(name)」はありません — 次のどれかにしてください: \(known.joined(separator: ", "))"
                      : "keys: unknown action '\(name)' (known: \(known.joined(separator: ", ")))"
        case .unknownKey(let action, let key):
            return ja ? "keys.\(action): キー「\(key)」はありません — ctrl-f、F10、Q のように書いてください"
                      : "keys.\(action): unknown key '\(key)' (write keys such as ctrl-f, F10, Q)"
        }
    }
}
