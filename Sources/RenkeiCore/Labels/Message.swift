/// Sentences with values, typed: the CLI and the TUI build a `Message` and render it with
/// `text(lang)`; the Japanese and English wording lives only here.
public enum Message: Equatable, Sendable {
    // values people type
    case unknownChoice(field: ChoiceField, input: String, accepted: [Choice], ambiguous: Bool)
    case unknownCase(String)
    case ambiguousCase(prefix: String, candidates: [String])
    /// An id that cannot name a case file (typed, or found in a file's `id` field).
    case invalidCaseId(String, maxLength: Int)
    // what a command did
    case advancedTo(caseId: String, stage: Stage)
    case movedCase(caseId: String, stage: Stage)
    case ticked(caseId: String, item: String)
    case unticked(caseId: String, item: String)
    case noteAdded(caseId: String)
    case fieldChanged(caseId: String, field: String, value: String)
    case undone(caseId: String, what: String)
    case redone(caseId: String, what: String)
    case created(caseId: String)
    case listChanged(caseId: String, field: String, value: String)
    case snoozed(caseId: String, item: String, until: String, reason: String)
    case unsnoozed(caseId: String, item: String)
    case nextActionSet(caseId: String, text: String)
    case nextActionCleared(caseId: String)
    case nextActionUnchanged(caseId: String)
    // gate
    case gateBlocked(caseId: String, stage: Stage, unmet: Int)
    case gateHowTo(caseId: String)
    case gateOpen(caseId: String)
    case unmetCount(Int)
    // parts of sentences
    case checklistItem(String)
    case referenceItemNamed(String)
    case snoozeOf(String)
    case unsnoozeOf(String)
    case snoozedUntil(String, reason: String)
    case tickedBy(String)
    case changedFields([String])
    case tickedItem(String)
    case untickedItem(String)
    case movedTo(Stage)
    case newCase
    case checklistOf(Stage)
    case reasonLine(String)
    case fiscalYearValue(Int)
    case unknownMunicipality(String, known: [String])
    case targetYearLate(fiscalYear: Int, deadline: String, route: String, alternative: String)
    // the workbench
    case listCounts(view: String, shown: Int, total: Int, active: Int, ended: Int, damaged: Int)
    case rowCount(Int)
    case snoozedRow(item: String, until: String, caseTitle: String)
    // workspace
    case firstRun(path: String)
    // the command line
    case unknownCommand(String, suggestion: String?)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .unknownChoice(let field, let input, let accepted, let ambiguous):
            let list = accepted.map { c in ja ? c.ja : "\(c.code) (\(c.en))" }.joined(separator: ja ? "、" : ", ")
            if ambiguous {
                return ja ? "\(field.label(lang))「\(input)」は複数に当てはまります: \(list) — どれか一つを指定してください"
                          : "\(field.label(lang)) '\(input)' matches several: \(list) — give one of them"
            }
            return ja ? "\(field.label(lang))「\(input)」はありません。次のいずれかを指定してください: \(list)"
                      : "unknown \(field.label(lang).lowercased()) '\(input)'; use one of: \(list)"
        case .unknownCase(let id):
            return ja ? "案件「\(id)」はありません — ID は renkei list で確認できます"
                      : "no case '\(id)' — see 'renkei list' for the ids"
        case .ambiguousCase(let prefix, let candidates):
            return ja ? "「\(prefix)」で始まる案件が複数あります: \(candidates.joined(separator: ", ")) — もう少し長く指定してください"
                      : "'\(prefix)' matches several cases: \(candidates.joined(separator: ", ")) — type more of the id"
        case .invalidCaseId(let id, let n):
            return ja ? "案件 ID「\(id)」は使えません: 半角英数字と「-」で 1〜\(n) 文字（「/」「.」空白は不可、先頭は「-」以外）"
                      : "invalid case id '\(id)': use 1–\(n) letters, digits and '-' (no '/', '.', spaces), not starting with '-'"
        case .advancedTo(let id, let s):
            return ja ? "\(id): 「\(s.ja)」に進めました" : "\(id): advanced to \(s.en)"
        case .movedCase(let id, let s):
            return ja ? "\(id): 「\(s.ja)」に移しました" : "\(id): moved to \(s.en)"
        case .ticked(let id, let item):
            return ja ? "\(id): チェックしました「\(item)」" : "\(id): ticked \"\(item)\""
        case .unticked(let id, let item):
            return ja ? "\(id): チェックを外しました「\(item)」" : "\(id): unticked \"\(item)\""
        case .noteAdded(let id):
            return ja ? "\(id): メモを追加しました" : "\(id): note added"
        case .fieldChanged(let id, let field, let value):
            return ja ? "\(id): \(field)を「\(value)」にしました" : "\(id): \(field) = \(value)"
        case .undone(let id, let what):
            return ja ? "取り消しました: \(id) — \(what)" : "undone: \(what) on \(id)"
        case .redone(let id, let what):
            return ja ? "やり直しました: \(id) — \(what)" : "redone: \(what) on \(id)"
        case .listChanged(let id, let field, let value):
            return ja ? "\(id): \(field): \(value.isEmpty ? "—" : value)" : "\(id): \(field): \(value.isEmpty ? "—" : value)"
        case .created(let id):
            return ja ? "作成しました: \(id)" : "created \(id)"
        case .snoozed(let id, let item, let until, let reason):
            return ja ? "\(id): 「\(item)」を \(until) までスヌーズしました — \(reason)" : "\(id): \(item) snoozed until \(until) — \(reason)"
        case .unsnoozed(let id, let item):
            return ja ? "\(id): 「\(item)」のスヌーズを解除しました" : "\(id): \(item) no longer snoozed"
        case .nextActionSet(let id, let text):
            return ja ? "\(id): 次のアクション: \(text)" : "\(id): next action: \(text)"
        case .nextActionCleared(let id):
            return ja ? "\(id): 次のアクションを消しました" : "\(id): next action cleared"
        case .nextActionUnchanged(let id):
            return ja ? "\(id): 次のアクションは変わりません" : "\(id): next action unchanged"
        case .gateBlocked(let id, let s, let n):
            return ja ? "\(id): 「\(s.ja)」の未了項目が \(n) 件あり、次の段階へ進めません:"
                      : "\(id): cannot leave \(s.en); \(n) unmet:"
        case .gateHowTo(let id):
            return ja ? "項目をチェックする（renkei tick \(id) 項目ID）か、項目を入力する（renkei set）か、理由を書いて進めてください: renkei advance \(id) --force --reason 理由"
                      : "tick them (renkei tick \(id) ITEM), fill the fields (renkei set), or override: renkei advance \(id) --force --reason TEXT"
        case .gateOpen(let id):
            return ja ? "次の段階へ進めます (renkei advance \(id))" : "gate open: renkei advance \(id)"
        case .unmetCount(let n):
            return ja ? "未了 \(n) 件" : "\(n) unmet"
        case .referenceItemNamed(let name):
            return ja ? "参考項目「\(name)」" : "Reference: \(name)"
        case .checklistItem(let name):
            return ja ? "チェック項目「\(name)」" : "checklist item \"\(name)\""
        case .snoozeOf(let name):
            return ja ? "スヌーズ「\(name)」" : "snooze \"\(name)\""
        case .unsnoozeOf(let name):
            return ja ? "スヌーズ解除「\(name)」" : "unsnooze \"\(name)\""
        case .snoozedUntil(let until, let reason):
            return ja ? "\(until) まで（\(reason)）" : "until \(until) (\(reason))"
        case .tickedBy(let by):
            return ja ? "済（\(by)）" : "done (\(by))"
        case .changedFields(let names):
            return ja ? "\(names.joined(separator: "、"))を変更" : "changed " + names.joined(separator: ", ")
        case .tickedItem(let name):
            return ja ? "チェック「\(name)」" : "tick \"\(name)\""
        case .untickedItem(let name):
            return ja ? "チェック解除「\(name)」" : "untick \"\(name)\""
        case .movedTo(let s):
            return ja ? "「\(s.ja)」へ移動" : "move to \(s.en)"
        case .newCase:
            return ja ? "案件の作成" : "new case"
        case .checklistOf(let s):
            return ja ? "チェックリスト（\(s.ja)）" : "Checklist (\(s.en))"
        case .reasonLine(let r):
            return ja ? "理由: \(r)" : "reason: \(r)"
        case .fiscalYearValue(let y):
            return ja ? "\(y)年度" : "FY\(y)"
        case .unknownMunicipality(let typed, let known):
            let list = known.joined(separator: ja ? "、" : ", ")
            return ja ? "自治体「\(typed)」に一致する案件・カレンダーはありません。次のいずれかを指定してください: \(list)"
                      : "no case or calendar matches the municipality '\(typed)'; use one of: \(list)"
        case .targetYearLate(let n, let deadline, let route, let alternative):
            return ja ? "\(n)年度の予算要求締切（\(deadline)）は過ぎています。最も早い道: \(route)。\(alternative)"
                      : "the FY\(n) budget request deadline (\(deadline)) has passed. Earliest route: \(route). \(alternative)"
        case .listCounts(let view, let shown, let total, let active, let ended, let damaged):
            let broken = damaged > 0 ? (ja ? " · 破損 \(damaged)" : " · \(damaged) damaged") : ""
            return ja ? "\(view) \(shown)/\(total)件 · 進行中 \(active) · 終了 \(ended)\(broken)"
                      : "\(view) \(shown)/\(total) · \(active) active · \(ended) ended\(broken)"
        case .snoozedRow(let item, let until, let title):
            return ja ? "\(item) · \(until) まで · \(title)" : "\(item) · until \(until) · \(title)"
        case .rowCount(let n):
            return ja ? "\(n)件" : "\(n)"
        case .firstRun(let path):
            return ja ? "初回起動 — 空のワークスペース \(path) を作成しました（サンプル案件はワークベンチで読み込めます。別の場所は RENKEI_WORKSPACE か --workspace で指定）"
                      : "first run — created the empty workspace \(path) (the workbench offers the sample cases; set RENKEI_WORKSPACE or --workspace to use another)"
        case .unknownCommand(let word, let suggestion):
            if let s = suggestion {
                return ja ? "コマンド「\(word)」はありません — 「\(s)」のことですか？（一覧は renkei --help）"
                          : "unknown command '\(word)' — did you mean '\(s)'? (renkei --help lists them)"
            }
            return ja ? "コマンド「\(word)」はありません（一覧は renkei --help）"
                      : "unknown command '\(word)' (renkei --help lists them)"
        }
    }
}
