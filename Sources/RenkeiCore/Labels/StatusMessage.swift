/// The CLI's status lines that were English under a Japanese locale (issue 14): a damaged case
/// file passed over, a written export, a created workspace, a validation that found nothing.
public enum StatusMessage: Equatable, Sendable {
    case damagedCaseFile(path: String, reason: String, leftOut: Bool)
    case calendarFeedNotUpdated(file: String, reason: String)
    case quarantined(path: String)
    case validated(cases: Int)
    case initialised(path: String, samples: Int?)
    case wrote(path: String, cases: Int?)
    /// `renkei ical`: a feed written (and kept up to date when subscribed), or no longer kept.
    case wroteEvents(path: String, events: Int, subscribed: Bool)
    case feedStopped
    /// The guide catalog (shipped or a workspace extension) cannot be read; `reason` names the file.
    case catalogUnreadable(reason: String)
    /// What `export --anonymize` replaced.
    case anonymized(names: Int, emails: Int, phones: Int, addresses: Int, organisations: Int)
    /// `renkei delete`: the CLI's undo is a command, not the workbench's `u`.
    case trashed(caseId: String)
    /// `--workspace DIR` (or the default) is not a workspace: what to run instead.
    case notAWorkspace(path: String, problem: WorkspaceProblem)
    /// config.json is not a JSON object: the name is not saved over it.
    case configNotAnObject(path: String, actor: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .damagedCaseFile(let path, let reason, let leftOut):
            return ja ? "破損した案件ファイル \(path): \(reason)\(leftOut ? "（集計から除外）" : "")"
                      : "damaged case file \(path): \(reason)\(leftOut ? " (left out)" : "")"
        case .calendarFeedNotUpdated(let file, let reason):
            return ja ? "カレンダー配信 \(file) を更新できませんでした: \(reason)" : "calendar feed \(file) not updated: \(reason)"
        case .quarantined(let path): return ja ? "隔離しました: \(path)" : "moved to \(path)"
        case .validated(let n): return ja ? "問題なし: 案件 \(n) 件、カタログも正常" : "ok: \(n) cases, catalog valid"
        case .initialised(let path, let samples):
            if let n = samples { return ja ? "ワークスペース \(path) を作成し、サンプル案件 \(n) 件を入れました" : "initialised \(path) with \(n) sample cases" }
            return ja ? "ワークスペース \(path) を作成しました" : "initialised \(path)"
        case .wrote(let path, let cases):
            if let n = cases { return ja ? "書き出しました: \(path)（\(n) 件）" : "wrote \(path) (\(n) cases)" }
            return ja ? "書き出しました: \(path)" : "wrote \(path)"
        case .wroteEvents(let path, let n, let subscribed):
            if subscribed { return ja ? "書き出しました: \(path)（予定 \(n) 件）。変更のたびに書き直します" : "wrote \(path) (\(n) events); it is rewritten after every change" }
            return ja ? "書き出しました: \(path)（予定 \(n) 件）" : "wrote \(path) (\(n) events)"
        case .anonymized(let names, let emails, let phones, let addresses, let organisations):
            var parts: [String] = []
            func add(_ n: Int, _ ja1: String, _ one: String, _ many: String) {
                if n > 0 { parts.append(ja ? "\(ja1) \(n) 件" : "\(n) \(n == 1 ? one : many)") }
            }
            add(names, "氏名", "name", "names")
            add(emails, "メールアドレス", "e-mail address", "e-mail addresses")
            add(phones, "電話番号", "phone number", "phone numbers")
            add(addresses, "住所", "postal address", "postal addresses")
            add(organisations, "連携先名", "partner name", "partner names")
            if parts.isEmpty { return ja ? "置き換える個人情報は見つかりませんでした" : "nothing personal found to replace" }
            return ja ? parts.joined(separator: "、") + "を置き換えました" : "replaced " + parts.joined(separator: ", ")
        case .feedStopped: return ja ? "カレンダー配信の更新を止めました" : "the calendar feed is no longer updated"
        case .catalogUnreadable(let reason):
            return ja ? "ガイドのカタログを読めません: \(reason)（renkei を入れ直すか RENKEI_DATA を確認してください）"
                      : "guide catalog: \(reason) (reinstall renkei or check RENKEI_DATA)"
        case .configNotAnObject(let path, let actor):
            return ja ? "\(path) は JSON のオブジェクトではありません — \"actor\": \"\(actor)\" を手で書き足してください"
                      : "\(path) is not a JSON object; add \"actor\": \"\(actor)\" by hand"
        case .trashed(let id): return ja ? "ごみ箱へ移しました: \(id)（renkei undo で戻せます）" : "moved \(id) to trash (renkei undo brings it back)"
        case .notAWorkspace(let path, .missing):
            return ja ? "\(path): ワークスペースがありません — 作るには renkei init \(path) --sample"
                      : "\(path): no workspace here; create one with 'renkei init \(path) --sample'"
        case .notAWorkspace(let path, .isFile):
            return ja ? "\(path): ファイルです。ワークスペースのディレクトリを指定してください" : "\(path): is a file, not a workspace directory"
        case .notAWorkspace(let path, .noCases):
            return ja ? "\(path): renkei のワークスペースではありません（cases/ がありません） — 作るには renkei init \(path)"
                      : "\(path): not a renkei workspace (no cases/ directory); create one with 'renkei init \(path)'"
        }
    }
}

/// Why a directory is not a workspace.
public enum WorkspaceProblem: Equatable, Sendable { case missing, isFile, noCases }
