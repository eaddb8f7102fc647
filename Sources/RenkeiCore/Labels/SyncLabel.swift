/// The workbench's words for a shared workspace (issue 12): the header's sync state and the
/// review list of concurrent edits. Sentences with values are `SyncMessage`s.
public enum SyncLabel: String, CaseIterable, Sendable {
    case notShared, noRemote, offline, authFailed, syncing, neverSynced
    case conflictsTitle, keptValue, otherValue, conflictsCalm, syncAlreadyRunning

    public func text(_ lang: Lang) -> String { lang == .ja ? pair.ja : pair.en }

    public var pair: (ja: String, en: String) {
        switch self {
        case .notShared: return ("未共有", "not shared")
        case .noRemote: return ("送信先なし", "no remote")
        case .offline: return ("オフライン", "offline")
        case .authFailed: return ("認証エラー", "auth failed")
        case .syncing: return ("同期中…", "syncing…")
        case .neverSynced: return ("未同期", "never synced")
        case .conflictsTitle: return ("同時編集の確認", "Concurrent edits to review")
        case .keptValue: return ("採用中", "kept")
        case .otherValue: return ("もう一方", "other")
        case .conflictsCalm: return ("同じ項目を別々の端末で同時に編集したものです。採用中の値はそのままで問題なければ w、もう一方を採用するなら t。",
                                     "Both machines changed the same field before seeing each other's change. w keeps the value in use, t takes the other one.")
        case .syncAlreadyRunning: return ("同期はすでに実行中です", "a sync is already running")
        }
    }
}
