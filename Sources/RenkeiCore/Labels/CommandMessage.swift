/// Why a command refused, typed (issue 14: 「wakaba-ai-minutes is already at dropped」 was
/// printed under a Japanese locale): `CommandError` carries one, the CLI and the workbench
/// render it with `text(lang)`; the wording lives only here.
public enum CommandMessage: Equatable, Sendable {
    case titleEmpty(caseId: String)
    case unknownChecklistItem(caseId: String, item: String)
    case noteEmpty(caseId: String)
    case endStateAdvance(caseId: String, stage: Stage)
    case alreadyAt(caseId: String, stage: Stage)
    case nothingChanged(caseId: String)
    case moveNeedsReason(caseId: String, stage: Stage)
    case snoozeNeedsReason(item: String)
    case snoozeNotAhead(caseId: String, until: Day)
    case newCaseNeedsTitle
    case newCaseNeedsMunicipality
    /// `undo`/`redo` with nothing of this person's (or this workbench's, `actor` nil) to take
    /// back; `keptAside` names an older undo history that could not be read.
    case nothingToUndo(redo: Bool, actor: String?, keptAside: String?)
    /// An id that cannot name a case file.
    case invalidCaseId(String)
    /// Undo/redo: a field the command changed was changed again since.
    case changedSince(caseId: String, redo: Bool, kind: EventKind, field: String)
    case noCommandInHistory(caseId: String, command: String)
    /// The case (or one of an import's) was written by a newer renkei.
    case readOnly(caseId: String, version: Int?, nothingImported: Bool)
    // reviewing a concurrent edit (`renkei conflicts`, the team workspace — issue 12)
    case noConcurrentEdit(file: String, id: String)
    case noCommandSets(caseId: String, unit: String)
    case severalBudgetLines(caseId: String)
    /// An import row with nothing to write reached the applier.
    case importRowEmpty(row: Int)
    /// Archiving an archived case, or bringing back one that is not archived: nothing changes.
    case alreadyArchived(caseId: String)
    case notArchived(caseId: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .titleEmpty(let id):
            return ja ? "\(id): 件名は空にできません" : "\(id): title cannot be empty"
        case .unknownChecklistItem(let id, let item):
            return ja ? "\(id): チェック項目「\(item)」はありません — 今の段階の項目は renkei show \(id) で確認できます"
                      : "\(id): unknown checklist item '\(item)'; see 'renkei show \(id)' for the current stage's items"
        case .noteEmpty(let id):
            return ja ? "\(id): メモが空です" : "\(id): a note cannot be empty"
        case .endStateAdvance(let id, let s):
            return ja ? "\(id): 「\(s.ja)」は終了した状態です — 再開するには renkei move \(id) --to 段階 --reason 理由"
                      : "\(id): \(s.en) is an end state; use 'renkei move \(id) --to STAGE --reason TEXT' to reopen"
        case .alreadyAt(let id, let s):
            return ja ? "\(id): すでに「\(s.ja)」です" : "\(id) is already at \(s.en)"
        case .nothingChanged(let id):
            return ja ? "\(id): 変更はありません（同じ値です）" : "\(id): nothing changed"
        case .moveNeedsReason(let id, let s):
            return ja ? "\(id) を「\(s.ja)」に移すには理由が必要です: --reason 理由"
                      : "moving \(id) to \(s.en) needs a reason: add --reason TEXT"
        case .snoozeNeedsReason(let item):
            return ja ? "「\(DeadlineItemName.of(item, .ja))」のスヌーズには理由が必要です: --reason 理由"
                      : "snoozing \(DeadlineItemName.of(item, .en)) needs a reason: add --reason TEXT"
        case .snoozeNotAhead(let id, let until):
            return ja ? "\(id): スヌーズの期限 \(until) が今日より後ではありません" : "\(id): snooze until \(until) is not in the future"
        case .newCaseNeedsTitle:
            return ja ? "新しい案件には件名が必要です（--title）" : "a new case needs a title (--title)"
        case .newCaseNeedsMunicipality:
            return ja ? "新しい案件には自治体が必要です（--municipality）" : "a new case needs a municipality (--municipality)"
        case .nothingToUndo(let redo, let actor, let kept):
            let verb = ja ? (redo ? "やり直せる" : "取り消せる") : (redo ? "redo" : "undo")
            let scope = actor.map { ja ? "このマシンで\($0)さんが実行した" : "by '\($0)' on this machine" } ?? (ja ? "このワークベンチで実行した" : "in this workbench")
            let note = kept.map { ja ? "（読めない古い取り消し履歴は \($0) として残してあります。その操作はここでは取り消せません）"
                                     : "; an older, unreadable undo history was kept as \($0) (its commands can no longer be undone here)" } ?? ""
            return ja ? "\(verb)操作はありません（\(scope)操作がありません）\(note)" : "nothing to \(verb) (no command \(scope))\(note)"
        case .invalidCaseId(let id):
            return Message.invalidCaseId(id, maxLength: CaseID.maxLength).text(lang)
        case .changedSince(let id, let redo, let kind, let field):
            // The field is named, its value never printed: it may hold contacts' details.
            let name = FieldNames(catalog: Catalog()).name(field, lang)
            return ja ? "\(id): 「\(kind.label(lang))」を\(redo ? "やり直せません" : "取り消せません") — \(name)がその後に変更されています"
                      : "\(id): cannot \(redo ? "redo" : "undo") '\(kind.rawValue)' — \(field) was changed since"
        case .noCommandInHistory(let id, let command):
            return UndoSkip.commandGone(caseId: id, command: command).text(lang)
        case .readOnly(let id, let version, let nothingImported):
            return StoreMessage.caseReadOnly(caseId: id, version: version, nothingImported: nothingImported).text(lang)
        case .noConcurrentEdit(let file, let id):
            return ja ? "\(file): 同時編集「\(id)」はありません — 一覧は renkei conflicts" : "\(file): no concurrent edit '\(id)'; see 'renkei conflicts'"
        case .noCommandSets(let id, let unit):
            return ja ? "\(id): 「\(unit)」を設定するコマンドはありません — 相手の値にするには案件ファイルを直接編集してください"
                      : "\(id): '\(unit)' has no command that sets it — edit the case file to take the other value"
        case .severalBudgetLines(let id):
            return ja ? "\(id): 相手の予算には内訳が複数あります — 採用するには案件ファイルを直接編集してください"
                      : "\(id): the other budget has several lines — edit the case file to take it"
        case .importRowEmpty(let row):
            return ja ? "\(row)行目: 書き込む内容がありません" : "row \(row): nothing to write"
        case .alreadyArchived(let id):
            return ja ? "\(id): すでにアーカイブ済みです（変更なし）— 戻すには renkei unarchive \(id)"
                      : "\(id) is already archived (nothing changed); 'renkei unarchive \(id)' brings it back"
        case .notArchived(let id):
            return ja ? "\(id): アーカイブされていません（変更なし）" : "\(id) is not archived (nothing changed)"
        }
    }
}

extension CommandError: WordedError {
    /// The refusal in the reader's language (`description` is the English one, for logs).
    public func text(_ lang: Lang) -> String {
        switch self {
        case .gateBlocked(let id, let stage, let problems):
            return Message.gateBlocked(caseId: id, stage: stage, unmet: problems.count).text(lang) + " "
                + problems.map { $0.label(lang) }.joined(separator: lang == .ja ? "、" : ", ")
        case .refused(let m), .reasonRequired(let m), .noChange(let m): return m.text(lang)
        case .field(let e): return e.sentence(lang)
        case .invalid(let m), .conflict(let m), .readOnly(let m): return m.text(lang)
        }
    }
}

extension FieldError {
    /// One line naming the field and what to type (the form shows `text(lang)` under the field).
    public func sentence(_ lang: Lang) -> String {
        switch self {
        case .unknownField(let f):
            return lang == .ja ? "項目「\(f)」はありません — 項目の一覧は renkei set --help" : description
        case .invalid(let f, let v, let e):
            guard lang == .ja else { return description }
            return "\(CaseFields.spec(f)?.ja ?? f)「\(v)」は使えません — \(e.text(.ja))"
        }
    }
}
