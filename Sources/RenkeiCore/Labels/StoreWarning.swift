/// What the workspace reports beside a success — the change is on disk, but something around
/// it did not go as it should (the disk did not confirm a write, the undo history could not
/// record it, the summary index was rebuilt). Typed, so the CLI's `warning:` line and the
/// workbench's notice say it in the reader's language (issue 14: these were English sentences
/// built inside the store under a Japanese locale).
public enum StoreWarning: Equatable, Sendable, Codable {
    /// Renamed into place, but the fsync of `directory` failed: `files` is nil for one file
    /// (`target` is its path) or the count of a batch's files in `directory`.
    case notConfirmed(target: String, files: Int?, directory: String, reason: IOReason)
    /// The case was saved; the undo history is a newer renkei's, so this change is not in it.
    case notJournaledNewer(caseId: String, StoreMessage)
    /// The case was saved; the unreadable undo history could not be moved aside.
    case notJournaledUnreadable(caseId: String, StoreMessage)
    /// The unreadable undo history was kept aside as `keptAs`; a new one starts with this change.
    case journalRestarted(path: String, DamageReason, keptAs: String)
    /// The case was saved, but the undo history could not be written.
    case journalNotUpdated(caseId: String, StoreMessage)
    /// Undo/redo was done, but the history could not record it (the next one notices).
    case historyNotUpdated(what: String, redo: Bool, StoreMessage)
    /// The workspace directory is readable by others: it holds contacts' personal data.
    case readableByOthers(path: String, mode: String)
    /// The summary index was unusable; `detail` is its format's technical reason (English only:
    /// it is for a bug report, the reader needs only what happened). `notRebuilt` when writing
    /// the new one failed too.
    case indexRebuilt(path: String, detail: String, notRebuilt: StoreMessage?)
    /// The summary index could not be written (every run reads all case files until fixed).
    case indexNotWritten(path: String, StoreMessage)
    /// Several warnings of one call, in the order they happened.
    indirect case several([StoreWarning])

    /// Warnings of one call as one value (nil when there are none).
    public static func join(_ parts: StoreWarning?...) -> StoreWarning? {
        let present = parts.compactMap { $0 }
        return present.count > 1 ? .several(present) : present.first
    }

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .notConfirmed(let target, let files, let dir, let reason):
            let what = files.map { ja ? "\(dir) の \($0) 個のファイル" : "\($0) files in \(dir)" } ?? target
            return ja ? "\(what): 書き込みましたが、ディスクが確認しませんでした（\(dir) の fsync に失敗: \(reason.text(lang))）。いま電源が落ちると変更が失われるかもしれません — ディスクを確認してください"
                      : "\(what): written, but the disk did not confirm it (fsync of \(dir) failed: \(reason.text(lang))); if the machine loses power now the change may be lost — check the disk"
        case .notJournaledNewer(let id, let m):
            return ja ? "\(id): 保存しました。\(m.text(lang))。この変更は取り消し履歴に記録されていません"
                      : "\(id): saved; \(m.text(lang)); this change is not recorded for undo"
        case .notJournaledUnreadable(let id, let m):
            return ja ? "\(id): 保存しましたが、\(m.text(lang))。この変更は取り消せません"
                      : "\(id): saved, but \(m.text(lang)); this change cannot be undone"
        case .journalRestarted(let path, let r, let aside):
            return ja ? "\(path): 取り消し履歴を読めませんでした（\(r.text(lang))）。\(aside) として残し、この変更から新しい履歴を始めます"
                      : "\(path): the undo history could not be read (\(r.text(lang))); it was kept as \(aside) and a new history starts with this change"
        case .journalNotUpdated(let id, let m):
            return ja ? "\(id): 保存しましたが、取り消し履歴を更新できませんでした（\(m.text(lang))）。この変更は renkei undo で取り消せません"
                      : "\(id): saved, but the undo journal could not be updated (\(m.text(lang))); this change cannot be undone with 'renkei undo'"
        case .historyNotUpdated(let what, let redo, let m):
            let verb = redo ? "redo" : "undo"
            return ja ? "\(what): \(redo ? "やり直し" : "取り消し")ましたが、取り消し履歴を更新できませんでした（\(m.text(lang))）。次の renkei \(verb) はこれに気づき、その前の操作に進みます"
                      : "\(what): \(verb) done, but the undo history could not be updated (\(m.text(lang))); the next '\(verb)' notices and goes on with the command before it"
        case .readableByOthers(let path, let mode):
            return ja ? "\(path) は他のユーザーも読めます（mode \(mode)）。連絡先の個人情報があります — chmod -R go-rwx \(path) を実行してください"
                      : "\(path) is readable by other users (mode \(mode)); it holds contacts' personal data — run: chmod -R go-rwx \(path)"
        case .indexRebuilt(let path, let detail, let failed):
            if let failed {
                return ja ? "\(path): 要約索引を使えず、作り直しもできませんでした（\(failed.text(lang))）。直るまで毎回すべての案件ファイルを読みます"
                          : "\(path): the summary index could not be used (\(detail)) nor rebuilt (\(failed.text(lang))); every run reads all case files until this is fixed"
            }
            return ja ? "\(path): 要約索引を使えなかったので、案件ファイルから作り直しました"
                      : "\(path): the summary index could not be used (\(detail)); it was rebuilt from the case files"
        case .indexNotWritten(let path, let m):
            return ja ? "\(path): 要約索引を書けませんでした（\(m.text(lang))）。直るまで毎回すべての案件ファイルを読みます"
                      : "\(path): the summary index could not be written (\(m.text(lang))); every run reads all case files until this is fixed"
        case .several(let all):
            return all.map { $0.text(lang) }.joined(separator: ja ? "／" : "; ")
        }
    }
}
