/// What `renkei sync`, `clone`, `conflicts` and the merge driver say (issue 12), in the
/// reader's language. One line each; every failure says what to do next.
public enum SyncMessage: Equatable, Sendable {
    // results
    case result(up: Int, down: Int, merged: Int, concurrent: Int)
    case committedOffline(reason: String)
    case initialized(path: String, remote: String?)
    case cloned(path: String, cases: Int)
    case quarantinedSide(file: String, side: MergeSide, reason: DamageReason, kept: MergeSide, aside: String)
    case restoredFromTrash(caseId: String)
    case otherFileKept(file: String, aside: String)
    case localDamaged(file: String, reason: DamageReason)
    // failures
    case gitMissing
    case notARepository(path: String)
    case noRemote
    case unreachable(remote: String, detail: String)
    case authFailed(remote: String)
    case unrelatedHistory(remote: String)
    case newerSchema(file: String, version: Int)
    case pushKeptFailing(tries: Int)
    case gitFailed(command: String, detail: String)
    case targetNotEmpty(path: String)
    case syncBusy
    case driverFailed(file: String, side: MergeSide, reason: DamageReason)
    case driverNewer(file: String, side: MergeSide, version: Int)
    // conflicts
    case noConflicts
    case conflictsCount(Int)
    case conflictLine(number: Int, caseId: String, field: String, kept: String, keptBy: String, other: String, otherBy: String)
    case conflictGateKept
    case conflictUnknown(String)
    case conflictKept(caseId: String, field: String)
    case conflictTookOther(caseId: String, field: String, value: String)
    // the workbench's header and review list
    case lastSynced(at: String)
    case unseenCount(Int)
    /// The header: concurrent edits waiting for review (`C` opens the list).
    case openEditsCount(Int)
    case conflictSide(label: String, value: String, who: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .result(let up, let down, let merged, let concurrent):
            var s = "↑\(up) ↓\(down)"
            if merged == 0 && concurrent == 0 && up == 0 && down == 0 { return s + (ja ? " 最新です" : " up to date") }
            if merged > 0 { s += ja ? " 案件\(merged)件を統合" : " merged \(merged) case\(merged == 1 ? "" : "s")" }
            if concurrent > 0 {
                s += ja ? "、確認待ちの同時編集 \(concurrent)件（renkei conflicts）"
                        : ", \(concurrent) concurrent edit\(concurrent == 1 ? "" : "s") to review (renkei conflicts)"
            }
            return s
        case .committedOffline(let reason):
            return ja ? "変更はこの端末に記録しました（未送信）: \(reason)" : "changes recorded on this machine (not sent): \(reason)"
        case .initialized(let path, let remote):
            if let remote { return ja ? "\(path) を共有ワークスペースにしました（送信先 \(remote)）" : "\(path) is now a shared workspace (remote \(remote))" }
            return ja ? "\(path) を共有ワークスペースにしました — 送信先は renkei sync init --remote URL で追加できます"
                      : "\(path) is now a shared workspace — add a remote with: renkei sync init --remote URL"
        case .cloned(let path, let n):
            return ja ? "\(path) に複製しました（案件 \(n) 件）" : "cloned into \(path) (\(n) cases)"
        case .quarantinedSide(let file, let s, let reason, let k, let aside):
            let side = MergeSideName.of(s, lang), kept = MergeSideName.of(k, lang)
            return ja ? "\(file): \(side)の版が読めないため統合しませんでした（\(reason.text(lang))）。\(kept)の版を残し、もう一方は \(aside) に保存しました"
                      : "\(file): \(side) version does not read (\(reason.text(lang))); not merged — kept \(kept) version, the other is in \(aside)"
        case .restoredFromTrash(let id):
            // Said by whichever machine merges: the trash may have been here or there.
            return ja ? "\(id): 一方の端末でごみ箱に移され、もう一方で編集されていたため、編集を残して元に戻しました"
                      : "\(id): trashed on one machine and edited on another — brought back with the edits"
        case .otherFileKept(let file, let aside):
            return ja ? "\(file): 両方で変更されたため一方を残し、もう一方を \(aside) に保存しました" : "\(file): changed on both sides — kept one, the other is in \(aside)"
        case .localDamaged(let file, let reason):
            return ja ? "\(file) はこの端末で壊れているため送信しませんでした（\(reason.text(lang))）— 直すか renkei quarantine で隔離してください"
                      : "\(file) is damaged here and was not sent (\(reason.text(lang))) — fix it or set it aside with renkei quarantine"
        case .gitMissing:
            return ja ? "git が見つかりません — git をインストールしてください（make deps）" : "git is not installed — install it (make deps)"
        case .notARepository(let path):
            return ja ? "\(path) は共有されていません — 先に renkei sync init を実行してください" : "\(path) is not shared yet — run: renkei sync init"
        case .noRemote:
            return ja ? "送信先がありません — renkei sync init --remote URL で追加してください" : "no remote — add one with: renkei sync init --remote URL"
        case .unreachable(let remote, let detail):
            return ja ? "送信先 \(remote) に接続できません（\(detail)）— ネットワークか URL を確認してください。作業はこの端末で続けられます"
                      : "cannot reach \(remote) (\(detail)) — check the network or the URL; you can keep working offline"
        case .authFailed(let remote):
            return ja ? "送信先 \(remote) の認証に失敗しました — git の認証情報（ssh 鍵・資格情報ヘルパー）を設定してください"
                      : "authentication to \(remote) failed — set up git's credentials (ssh key or credential helper)"
        case .unrelatedHistory(let remote):
            return ja ? "送信先 \(remote) には別のワークスペースの履歴があります — renkei clone URL DIR で複製し、案件を移してください"
                      : "\(remote) holds another workspace's history — use 'renkei clone URL DIR' and move your cases there"
        case .newerSchema(let file, let v):
            return ja ? "\(file) は新しい renkei（形式 \(v)）で書かれています — renkei を更新してから同期してください。何も変更していません"
                      : "\(file) was written by a newer renkei (schema \(v)) — update renkei, then sync; nothing was changed"
        case .pushKeptFailing(let n):
            return ja ? "他の人の送信が続き、\(n) 回試しても送信できませんでした — しばらくしてもう一度 renkei sync を実行してください"
                      : "others kept pushing; could not send after \(n) tries — run renkei sync again in a moment"
        case .gitFailed(let command, let detail):
            return (ja ? "git \(command) に失敗しました: \(detail)" : "git \(command) failed: \(detail)") + GitStep(command).whatToDo(lang)
        case .targetNotEmpty(let path):
            return ja ? "\(path) は空ではありません — 新しいフォルダを指定してください" : "\(path) is not empty — give a new directory"
        case .syncBusy:
            return ja ? "別の同期が実行中です — 終わってからもう一度実行してください" : "another sync is running — try again when it has finished"
        case .driverFailed(let file, let s, let reason):
            let side = MergeSideName.of(s, lang)
            return ja ? "\(file): \(side)の版が読めないため統合しませんでした（\(reason.text(lang))）。両方の版は git に残っています（git checkout --ours / --theirs \(file)）"
                      : "\(file): \(side) version does not read (\(reason.text(lang))); not merged — both versions stay in git (git checkout --ours / --theirs \(file))"
        case .driverNewer(let file, let s, let v):
            let side = MergeSideName.of(s, lang)
            return ja ? "\(file): \(side)の版は新しい renkei（形式 \(v)）で書かれています — renkei を更新してから統合してください"
                      : "\(file): \(side) version was written by a newer renkei (schema \(v)) — update renkei, then merge"
        case .noConflicts:
            return ja ? "確認待ちの同時編集はありません" : "no concurrent edits to review"
        case .conflictsCount(let n):
            return ja ? "確認待ちの同時編集 \(n) 件 — renkei conflicts --keep N（このまま）/ --take-other N（もう一方を採用）"
                      : "\(n) concurrent edit\(n == 1 ? "" : "s") to review — renkei conflicts --keep N / --take-other N"
        case .conflictLine(let n, let id, let field, let kept, let keptBy, let other, let otherBy):
            return ja ? "\(n). \(id) \(field): 採用「\(kept)」（\(keptBy)） / もう一方「\(other)」（\(otherBy)）"
                      : "\(n). \(id) \(field): kept \"\(kept)\" (\(keptBy)) / other \"\(other)\" (\(otherBy))"
        case .conflictGateKept:
            return ja ? "段階の条件を保つため" : "kept for the stage's gate"
        case .conflictUnknown(let n):
            return ja ? "同時編集「\(n)」はありません — renkei conflicts で番号を確認してください" : "no concurrent edit '\(n)' — see renkei conflicts for the numbers"
        case .conflictKept(let id, let field):
            return ja ? "\(id): \(field)はこのままにしました" : "\(id): kept \(field) as it is"
        case .conflictTookOther(let id, let field, let value):
            return ja ? "\(id): \(field)をもう一方の「\(value)」にしました" : "\(id): \(field) set to the other value \"\(value)\""
        case .lastSynced(let at):
            return ja ? "同期 \(at)" : "synced \(at)"
        case .unseenCount(let n):
            return ja ? "● 他の人の変更 \(n)件" : "● \(n) changed by others"
        case .openEditsCount(let n):
            return ja ? "⚑ 同時編集の確認 \(n)件（C）" : "⚑ \(n) concurrent edit\(n == 1 ? "" : "s") to review (C)"
        case .conflictSide(let label, let value, let who):
            return ja ? "\(label)「\(value)」 \(who)" : "\(label) \"\(value)\" \(who)"
        }
    }
}

/// The two sides of a merge, as a person reads them.
public enum MergeSideName {
    public static func of(_ side: MergeSide, _ lang: Lang) -> String {
        switch (side, lang) {
        case (.base, .ja): return "共通の元"
        case (.ours, .ja): return "この端末"
        case (.theirs, .ja): return "他の端末"
        case (.base, _): return "the common base's"
        case (.ours, _): return "this machine's"
        case (.theirs, _): return "the other machine's"
        }
    }
}

/// What a person does after a git step failed: a step that talks to the remote (fetch, push,
/// clone) fails on the network or the remote's address; a local one (merge, commit, add …) is
/// tried again by the next sync, and `git status` shows what state it left.
enum GitStep {
    case remote(clone: Bool), local

    init(_ command: String) {
        let verb = command.split(separator: " ").first.map(String.init) ?? command
        switch verb {
        case "fetch", "push", "pull", "ls-remote": self = .remote(clone: false)
        case "clone": self = .remote(clone: true)
        default: self = .local
        }
    }

    func whatToDo(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .remote(let clone):
            let again = clone ? "renkei clone" : "renkei sync"
            return ja ? " — ネットワークと送信先（git remote -v）を確認して、もう一度 \(again) を実行してください。作業はこの端末で続けられます"
                      : " — check the network and the remote (git remote -v), then run \(again) again; you can keep working offline"
        case .local:
            return ja ? " — もう一度 renkei sync を実行してください。続けて失敗するときは git status で状態を確かめてください"
                      : " — run renkei sync again; if it keeps failing, look at git status"
        }
    }
}
