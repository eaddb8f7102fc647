/// The words of archiving (issue 14), for the CLI and the workbench alike. Part of the one label
/// table: `LabelWalkTests` walks both enums.
public enum ArchiveLabel: String, CaseIterable, Sendable {
    /// The state, as `show`, `history`, the detail view and the list's title say it.
    case archived
    /// The field name in a history line (`アーカイブ: — → アーカイブ済み`).
    case field
    /// The list's title while it shows the archived cases.
    case portfolioArchived
    /// The list's empty state while it shows the archived cases.
    case noneArchived

    public func text(_ lang: Lang) -> String {
        let (ja, en): (String, String)
        switch self {
        case .archived: (ja, en) = ("アーカイブ済み", "archived")
        case .field: (ja, en) = ("アーカイブ", "Archive")
        case .portfolioArchived: (ja, en) = ("ポートフォリオ（アーカイブ済み）", "Portfolio (archived)")
        case .noneArchived: (ja, en) = ("アーカイブ済みの案件はありません", "No archived cases")
        }
        return lang == .ja ? ja : en
    }
}

public enum ArchiveMessage: Equatable, Sendable {
    /// `renkei archive` / `unarchive`: what was done, and how to take it back.
    case archived(caseId: String)
    case unarchived(caseId: String)
    /// The state with when and by whom (and the note), for `show`, `history` and the detail view.
    case archivedOn(when: String, by: String, note: String?)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .archived(let id):
            return ja ? "アーカイブしました: \(id)（一覧・期限から外れます。renkei unarchive \(id) または renkei undo で戻せます）"
                      : "archived \(id) (out of the list and the deadlines; 'renkei unarchive \(id)' or 'renkei undo' brings it back)"
        case .unarchived(let id):
            return ja ? "アーカイブから戻しました: \(id)" : "brought \(id) back from the archive"
        case .archivedOn(let when, let by, let note):
            let tail = note.map { " — \($0)" } ?? ""
            return ja ? "アーカイブ済み（\(when)・\(by)）" + tail : "archived (\(when), \(by))" + tail
        }
    }
}
