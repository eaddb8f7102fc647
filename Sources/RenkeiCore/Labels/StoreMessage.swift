/// The workspace's refusals and failures (the store's `StoreError`), typed: the CLI's error
/// line and the workbench's toast render them with `text(lang)` (issue 14: I/O errors, the
/// lock, duplicate ids and undo's "changed since" were English under a Japanese locale).
/// Each names the file or case and says what to do.
public enum StoreMessage: Equatable, Sendable, Codable {
    case io(path: String, FileProblem)
    case damaged(path: String, DamageReason)
    /// A damaged case file asked for by id: fix it or quarantine it.
    case damagedCase(path: String, DamageReason, caseId: String)
    case caseTooLarge(path: String, caseId: String, size: Int, limit: Int)
    case caseNotFound(String)
    case duplicateId(String, files: [String])
    case invalidId(String)
    case newerSchema(path: String, version: Int, supported: Int)
    case caseReadOnly(caseId: String, version: Int?, nothingImported: Bool)
    case changedByOthers(caseId: String, field: String)
    case casesDirectoryGone(path: String)
    case idUsedInTrash(String)
    case caseExists(caseId: String, path: String)
    /// A file is where renkei moves one (trash/, cases/): move it away first.
    case targetExists(path: String, retry: String?)
    case lockHeld(path: String, seconds: Int)
    case lockNotAFile(path: String, FileKind, remove: String)
    case indexDirectoryInTheWay(path: String, move: String)
    case indexNotWritten(path: String, detail: String)
    case cannotCreateDirectory(path: String, detail: String)
    case fileDescriptors(free: Int, limit: String, required: Int)
    case dataDirectoryMissing(env: String?)
    case notARecord(file: String)
    case recordFieldGone(file: String, path: String)
    /// A batch (an import) stopped part-way: what was written stays and is undoable.
    /// `cause` is the failure's own line; `journal` a problem recording the batch for undo.
    indirect case batchStopped(label: String, written: Int, total: Int, cause: StoreMessage, journal: StoreWarning?)
    case undoUnreadable(path: String, DamageReason)
    case undoNewer(path: String, version: Int, supported: Int)
    /// Written, but the disk did not confirm it (the store's warning, thrown where a caller
    /// needs all-or-nothing, e.g. the sync's move-in).
    indirect case notConfirmed(StoreWarning)
    /// Undo/redo could not take a command back; it left the history.
    case undoSkipped(redo: Bool, what: String, caseId: String, UndoSkip)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .io(let path, let p), .damaged(let path, .unreadable(let p)):
            return "\(path): \(p.text(lang))"
        case .damaged(let path, let r):
            return "\(path): \(r.text(lang))"
        case .damagedCase(let path, let r, let id):
            return ja ? "\(path): \(r.text(lang)) — ファイルを直すか、renkei quarantine \(id) で隔離してください"
                      : "\(path): \(r.text(lang)) — fix the file or move it aside with 'renkei quarantine \(id)'"
        case .caseTooLarge(let path, let id, let size, let limit):
            return ja ? "\(path): この変更で案件「\(id)」が \(size) バイトになり、renkei が読み戻せる \(ByteSize.text(limit)) を超えます。何も保存していません — 長い文章（議事録・書き起こし）は renkei の外のファイルに置き、その場所をメモしてください"
                      : "\(path): this change would make case '\(id)' \(size) bytes, over the \(ByteSize.text(limit)) renkei can read back; nothing was saved — keep long texts (minutes, transcripts) in a file outside renkei and note where they are"
        case .caseNotFound(let id):
            return Message.unknownCase(id).text(lang)
        case .duplicateId(let id, let files):
            return ja ? "案件 ID「\(id)」が複数のファイルにあります: \(files.joined(separator: "、")) — どちらかの id を変えてください"
                      : "case id '\(id)' appears in several files: \(files.joined(separator: ", ")); rename one id"
        case .invalidId(let id):
            return Message.invalidCaseId(id, maxLength: 64).text(lang)
        case .newerSchema(let path, let v, let supported):
            return ja ? "\(path): 新しい renkei で書かれています（schemaVersion \(v)、この renkei は \(supported) まで）。ここでは読み取り専用です — 編集するには renkei を更新してください"
                      : "\(path): schemaVersion \(v) is newer than this renkei understands (\(supported)); it is read-only here — upgrade renkei to edit it"
        case .caseReadOnly(let id, let v, let nothingImported):
            let version = v.map { ja ? "（schemaVersion \($0)）" : " (schemaVersion \($0))" } ?? ""
            let tail = nothingImported ? (ja ? "。何も取り込んでいません" : " (nothing was imported)") : ""
            return ja ? "\(id) は新しい renkei で書かれています\(version)。ここでは読み取り専用です\(tail)"
                      : "\(id) was written by a newer renkei\(version); it is read-only here\(tail)"
        case .changedByOthers(let id, let field):
            return ja ? "\(id): \(field)は他の人が変更しました — 読み込み直してからもう一度実行してください"
                      : "\(id): \(field) was changed by someone else; reload and try again"
        case .casesDirectoryGone(let path):
            return ja ? "\(path): cases ディレクトリがなくなっています（ワークスペースを削除または移動しましたか？）"
                      : "\(path): the cases directory has disappeared (was the workspace deleted or moved?)"
        case .idUsedInTrash(let id):
            return ja ? "案件 ID「\(id)」はごみ箱（trash/）か隔離（quarantine/）の案件が使っています — 別の id にしてください"
                      : "case id '\(id)' belongs to a case in trash/ or quarantine/; choose another id"
        case .caseExists(let id, let path):
            return ja ? "案件「\(id)」はすでにあります（\(path)） — 別の id にしてください" : "case '\(id)' already exists (\(path)); choose another id"
        case .targetExists(let path, let retry):
            let then = retry.map { ja ? "、それから \($0) をもう一度実行してください" : ", then \($0) again" } ?? ""
            return ja ? "\(path) がすでにあります — 先に移動してください\(then)" : "\(path) already exists; move it away first\(then)"
        case .lockHeld(let path, let s):
            return ja ? "\(path): 別の renkei がワークスペースのロックを \(s) 秒間持っています — もう一度実行してください"
                      : "\(path): another renkei process has held the workspace lock for \(s) s; try again"
        case .lockNotAFile(let path, let kind, let remove):
            return ja ? "\(path): \(kind.label(lang))で、renkei のロックファイルではありません — 削除してから（\(remove)）もう一度実行してください。renkei が新しく作ります"
                      : "\(path): \(kind.label(lang)), not renkei's lock file (renkei never follows one here); remove it (\(remove)) — renkei creates a new one — and try again"
        case .indexDirectoryInTheWay(let path, let move):
            return ja ? "\(path): 索引の置き場所にファイル入りのディレクトリがあります — 移動してください（\(move)）"
                      : "\(path): a directory with files in it is where the summary index belongs; move it away (\(move))"
        case .indexNotWritten(let path, let detail):
            return ja ? "\(path): 索引を書けませんでした: \(detail)" : "\(path): \(detail)"
        case .cannotCreateDirectory(let path, let detail):
            return ja ? "\(path): ディレクトリを作れません: \(detail)" : "\(path): cannot create directory: \(detail)"
        case .fileDescriptors(let free, let limit, let required):
            return ja ? "使えるファイル記述子が \(free) 個しかありません（ulimit -n は \(limit)）。renkei には \(required) 個以上必要です — 上限を上げて（ulimit -n 1024）もう一度実行してください"
                      : "only \(free) file descriptors are free (ulimit -n is \(limit)); renkei needs at least \(required) — raise the limit (ulimit -n 1024) and try again"
        case .dataDirectoryMissing(let env):
            if let env {
                return ja ? "RENKEI_DATA=\(env) に catalog/guide.json がありません — renkei の Data ディレクトリを指定してください"
                          : "RENKEI_DATA=\(env) has no catalog/guide.json; point it at renkei's Data directory"
            }
            return ja ? "renkei の Data ディレクトリ（catalog/guide.json）が見つかりません — RENKEI_DATA に指定してください"
                      : "cannot find renkei's Data directory (catalog/guide.json); set RENKEI_DATA to it"
        case .notARecord(let file):
            return ja ? "\(file): 自治体プロファイルまたは連携先の記録として読めません" : "\(file): not a readable municipality profile or partner record"
        case .recordFieldGone(let file, let path):
            return ja ? "\(file): 「\(path)」が記録にありません（手で編集しましたか？） — 相手の値にするにはファイルを直接編集してください"
                      : "\(file): '\(path)' is no longer in the record (edited by hand?); edit the file to take the other value"
        case .batchStopped(let label, let written, let total, let causeMessage, let journal):
            let cause = causeMessage.text(lang)
            if let journal { return ja ? "\(label): \(total) 件中 \(written) 件を書いたところで止まりました: \(cause)／\(journal.text(lang))"
                                       : "\(label): \(written) of \(total) cases were written, then: \(cause); \(journal.text(lang))" }
            return ja ? "\(label): \(total) 件中 \(written) 件を書いたところで止まりました: \(cause) — renkei undo で取り消せます。同じ取り込みをもう一度実行すると残りを書きます"
                      : "\(label): \(written) of \(total) cases were written, then: \(cause); 'renkei undo' takes them back, running the same import again writes the rest"
        case .undoUnreadable(let path, let r):
            return ja ? "\(path): 取り消し履歴を読めません（\(r.text(lang))） — 脇へ移すと（mv undo.json undo.json.bad）新しい履歴で始まります。案件には影響しません"
                      : "\(path): the undo history cannot be read (\(r.text(lang))); move it aside (mv undo.json undo.json.bad) to start a new history — the cases are not affected"
        case .undoNewer(let path, let v, let supported):
            return ja ? "\(path): 新しい renkei で書かれた取り消し履歴です（版 \(v)、この renkei は \(supported) まで）。ここでは取り消せません — renkei を更新してください"
                      : "\(path): written by a newer renkei (undo journal version \(v), this renkei reads up to \(supported)); undo is not available here — upgrade renkei"
        case .notConfirmed(let warning):
            return warning.text(lang)
        case .undoSkipped(let redo, let what, let id, let why):
            if ja {
                let verb = redo ? "やり直せません" : "取り消せません"
                let again = redo ? "やり直し" : "取り消し"
                let what = CommandSummary(label: what).text(lang, names: FieldNames(catalog: Catalog()))
                return "\(id) の「\(what)」は\(verb): \(why.text(lang)) — 履歴から外しました。もう一度実行するとその前の操作を\(again)ます"
            }
            let verb = redo ? "redo" : "undo"
            return "cannot \(verb) '\(what)' on \(id): \(why.text(lang)); it was removed from your \(verb) history — \(verb) again for the command before it"
        }
    }
}

/// Why undo/redo could not take one command back (the store checks before touching anything).
public enum UndoSkip: Equatable, Sendable, Error, Codable {
    case caseGone
    case caseGoneOrTrashed
    case historyGone
    case otherActor(by: String, me: String)
    /// A field the command changed was changed again since (by someone, or a later command).
    case changedSince(field: String)
    case notInTrash
    case notInCases
    case existsAgain
    case pathExists(String)
    case editedSince(by: String, stays: String?)
    case importMoved(caseId: String)
    /// An import killed before it renamed its first case into place (its write-ahead entry).
    case importInterruptedEmpty
    case recordUnreadable
    case recordChanged(path: String)
    case commandGone(caseId: String, command: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .caseGone:
            return ja ? "案件が cases/ にありません（隔離・削除済み）" : "the case is no longer in cases/ (quarantined or removed)"
        case .caseGoneOrTrashed:
            return ja ? "案件が cases/ にありません（隔離・ごみ箱・削除済み）" : "the case is no longer in cases/ (quarantined, moved to trash/ or removed)"
        case .historyGone:
            return ja ? "案件の履歴にこの操作がありません（ファイルを置き換えましたか？）" : "the case's history no longer has this command (was the file replaced?)"
        case .otherActor(let by, let me):
            return ja ? "この操作は「\(by)」さんのもので、「\(me)」さんのものではありません" : "it was made by '\(by)', not by '\(me)'"
        case .changedSince(let field):
            // The field by its name (件名, not `title`); its value is never printed.
            let name = ja ? FieldNames(catalog: Catalog()).name(field, lang) : field
            return ja ? "\(name)はその後、他の人か後の操作で変更されています" : "\(field) was changed since by someone else or by a later command"
        case .notInTrash:
            return ja ? "ごみ箱（trash/）にもうありません" : "it is no longer in trash/"
        case .notInCases:
            return ja ? "案件が cases/ にもうありません" : "the case is no longer in cases/"
        case .existsAgain:
            return ja ? "同じ id の案件が cases/ にまたあります" : "a case with this id exists again in cases/"
        case .pathExists(let p):
            return ja ? "\(p) がすでにあります" : "\(p) exists already"
        case .editedSince(let by, let stays):
            if let stays {
                return ja ? "その後「\(by)」さんが編集しています。cases/ に残します（終えるには renkei move \(stays) --to 見送り）"
                          : "'\(by)' has edited it since; it stays in cases/ (use 'renkei move \(stays) --to dropped' to end it)"
            }
            return ja ? "その後「\(by)」さんが編集しています。何も取り消していません" : "'\(by)' has edited it since; nothing was undone"
        case .importInterruptedEmpty:
            return ja ? "取り込みは案件を書き込む前に中断されていました（元に戻すものはありません）" : "the import was interrupted before it wrote any case (nothing to take back)"
        case .importMoved(let id):
            return ja ? "\(id) は取り込んだときの場所にもうありません" : "\(id) is no longer where the import left it"
        case .recordUnreadable:
            return ja ? "記録が読めなくなっています" : "the record no longer reads"
        case .recordChanged(let path):
            return ja ? "「\(path)」はその後、他の人か後の操作で変更されています" : "'\(path)' was changed since by someone else or by a later command"
        case .commandGone(let id, let command):
            return ja ? "\(id) の履歴に操作 \(command) がありません" : "\(id): no command \(command) in its history"
        }
    }
}
