/// Every fixed word and sentence the TUI and the CLI show, in one ja/en table (issue 14/17).
/// Sentences with values are typed `Message`s, names of enum values are in `ValueLabels.swift`;
/// `LabelWalkTests` fails on a missing, code-looking or unused entry.
public enum Label: String, CaseIterable, Sendable {
    // app chrome
    case appName, portfolio, board, detail, ended
    case help, palette, noMatches, emptyWorkspace, unknownKey, loading, readOnly
    case sortedBy, view
    // columns
    case colId, colTitle, colMunicipality, colPartners, colStage, colExit, colDeadline, colDays
    // a column's short header, drawn when the full one does not fit (never a cut word)
    case colMunicipalityShort, colPartnersShort, colExitShort, colDeadlineShort, endedPausedShort
    // detail tabs
    case tabOverview, tabChecklist, tabBudget, tabKPI, tabHistory, tabNotes, tabSimilar
    // insight, calendar, overdue actions
    case dashboardTitle, jointTitle, calendarTitle, insightLoading, noSimilar, similarHint
    case snoozeTitle, snoozeUntil, snoozeReason, nextActionTitle, nextActionText, nextActionDue, dateInvalid, dateNotAhead
    // overview
    case municipality, department, partners, exit, method, stage, reason, nextAction, tags, domain, targetFY
    case gateOpen, noItems, endStateNoChecklist
    // budget
    case budgetTotal, roughQuote, expenditureItem, funding, referenceItems, nextDeadline
    // kpi
    case kpiBaseline, kpiTarget, kpiLatest, noKPI
    // history
    case noHistory, timeInStage, today
    // notes
    case noNotes
    // forms & dialogs
    case newCaseTitle, editTitle, noteTitle, fieldPicker, requiredField, saving
    case gateTitle, gateBody, gateConfirm, gateReasonPrompt, reasonRequired
    case moveBackTitle, moveBackPrompt, moveToTitle, endStateTitle
    case saveViewTitle, saveViewPrompt
    case idHint, partnersHint, choiceHint
    // toasts
    case saved, created, undone, redone, externalChange, exported
    case noCaseSelected, atFirstStage, endStateAdvance, viewSaved, langSwitched
    case paletteEmpty
    // the one line after a crash of the workbench (issue 18)
    case crashStopped, crashTerminalRestored, crashNoLog
    // a budget total that cannot be added up (issue 18)
    case amountTooLarge
    case overdueTitle, exportFailed
    // workbench words once inline in the TUI (issue 17)
    case viewAll, viewActive, viewMethodBudgeting, viewEnded, endedPausedColumn
    case unset, undecided, prefecture, yenHint, fiscalYearHint, idTaken, nothingChanged
    case defaultCalendar, defaultCalendarShort, nextActionHint, everywhere, noInsightData, movedEarlier
    case confirmFooter, chooseFooter, formFooter, helpPaletteOnly, helpTextFields, helpEditingKeys, helpFormKeys, helpRebind
    case loadingCases
    case issueWhy, issueHow, issueWhat, requiredMark, checklistKeysHint, localShareNeedsBudget, now
    // CLI tables and choice names
    case snoozedSection, contacts
    case fiscalYear, sizeClass, municipalityKind, partnerKind, fundingKind, format, referenceItem, none
    // record editors and deleting a case (issue 14)
    case budgetLines, recordAdd, recordsFooter, recordName, recordRole, organization, email, phone
    case kpiUnit, actualDay, actualValue, ratePercent, amountYen, lineLabel
    case deleteCaseTitle, deleteCaseConfirm, deleteCaseKeep, movedToTrash
    // the first run (issue 14)
    case askNameTitle, askNamePrompt, samplesTitle, samplesLoad, samplesSkip, samplesOnlyEmpty
    // CLI section headings once inline (issue 14)
    case noneItems, calendarFallbackHeading, calendarProblemsHeading, calendarsHeading, problemsHeading
    /// The CLI's prefix for a warning on stderr ("renkei: 注意: …").
    case warningPrefix

    public func text(_ lang: Lang) -> String {
        let (ja, en) = pair
        return lang == .ja ? ja : en
    }

    public var pair: (ja: String, en: String) {
        switch self {
        case .viewAll: return ("すべて", "All")
        case .viewActive: return ("進行中", "Active")
        case .viewMethodBudgeting: return ("予算化・方法", "Method & budgeting")
        case .viewEnded: return ("終了・保留", "Ended & paused")
        case .endedPausedColumn: return ("終了・保留", "Ended/paused")
        case .unset: return ("（未設定）", "(none)")
        case .warningPrefix: return ("注意", "warning")
        case .undecided: return ("（未定）", "(undecided)")
        case .prefecture: return ("都道府県", "Prefecture")
        case .yenHint: return ("例: 4,800,000", "e.g. 4,800,000")
        case .fiscalYearHint: return ("例: 2027", "e.g. 2027")
        case .idTaken: return ("この ID は既に使われています", "this id is already taken")
        case .nothingChanged: return ("変更はありません", "Nothing changed")
        case .defaultCalendar: return ("標準カレンダー", "default calendar")
        case .defaultCalendarShort: return ("標準", "default")
        case .nextActionHint: return ("例: 財政課と下見積もりを確認", "e.g. check the rough quote with finance")
        case .everywhere: return ("全画面", "Everywhere")
        case .noInsightData: return ("この案件の分析データがありません（一覧を再読み込み: Ctrl-L）", "No insight data for this case (reload: Ctrl-L)")
        case .movedEarlier: return ("（前営業日へ）", " (moved earlier)")
        case .confirmFooter: return ("Enter 決定 · Esc やめる", "Enter confirm · Esc cancel")
        case .chooseFooter: return ("Enter 選択 · Esc やめる", "Enter choose · Esc cancel")
        case .formFooter: return ("Tab 次へ · Ctrl-S 保存 · Esc 取消", "Tab next · Ctrl-S save · Esc cancel")
        case .helpPaletteOnly: return ("キーのないコマンド（: のあとに名前を入力）", "Commands without a key (type the name after :)")
        case .helpTextFields: return ("入力欄", "Text fields")
        case .helpEditingKeys: return ("Ctrl-A/E 行頭/行末 · Ctrl-K/U 行末まで/行頭まで削除 · Ctrl-W 直前の語を削除",
                                       "Ctrl-A/E line start/end · Ctrl-K/U kill to end/start · Ctrl-W delete word")
        case .helpFormKeys: return ("Tab 次の項目 · Ctrl-S 保存 · Esc 取消 · メモ欄では Enter で改行",
                                    "Tab next field · Ctrl-S save · Esc cancel · Enter is a newline in notes")
        case .helpRebind: return ("キーは $XDG_CONFIG_HOME/renkei/config.json の \"keys\" で変更できます",
                                  "Rebind keys in $XDG_CONFIG_HOME/renkei/config.json (\"keys\")")
        case .loadingCases: return ("案件を読み込んでいます…", "Loading cases…")
        case .issueWhy: return ("WHY 課題と理想像", "WHY — issue and ideal")
        case .issueHow: return ("HOW 連携の方法", "HOW — approach")
        case .issueWhat: return ("WHAT 実施内容", "WHAT — activities")
        case .requiredMark: return (" ※必須", " *req")
        case .checklistKeysHint: return ("Space でチェック/解除 · > 次の段階へ", "Space ticks/unticks · > advances")
        case .localShareNeedsBudget: return (" ※地元負担分の予算措置が必要", " ※ local share needs its own budget line")
        case .now: return ("現在", "now")
        case .snoozedSection: return ("スヌーズ中", "Snoozed")
        case .contacts: return ("連絡先", "Contacts")
        case .fiscalYear: return ("年度", "FY")
        case .sizeClass: return ("規模", "Size class")
        case .municipalityKind: return ("団体区分", "Kind of municipality")
        case .partnerKind: return ("連携先の種類", "Kind of partner")
        case .fundingKind: return ("財源の種類", "Kind of funding")
        case .format: return ("形式", "Format")
        case .referenceItem: return ("参考項目", "Reference item")
        case .none: return ("—", "—")
        case .budgetLines: return ("予算の内訳", "Budget lines")
        case .noneItems: return ("なし", "none")
        case .calendarFallbackHeading: return ("標準カレンダーで代用（暦ファイルに誤り）:", "Using the default calendar (bad calendar file):")
        case .calendarProblemsHeading: return ("暦・資金データの問題:", "Calendar and funding data problems:")
        case .calendarsHeading: return ("利用可能なカレンダー:", "Calendars:")
        case .problemsHeading: return ("問題:", "Problems:")
        case .askNameTitle: return ("ようこそ — はじめにお名前を", "Welcome — first, your name")
        case .askNamePrompt: return ("お名前（変更の記録に残ります。設定ファイルに保存）", "Your name (signs your changes; saved in the config file)")
        case .samplesTitle: return ("はじめ方", "Getting started")
        case .samplesLoad: return ("実践ガイドのサンプル案件を読み込む（練習用）", "Load the practice guide's sample cases (to practise)")
        case .samplesSkip: return ("空のまま始める", "Start empty")
        case .samplesOnlyEmpty: return ("サンプル案件は空のワークスペースにだけ読み込めます（実際の案件と混ざらないように）",
                                        "Sample cases load only into an empty workspace (never mixed with real work)")
        case .recordAdd: return ("＋ 追加する", "+ Add")
        case .recordsFooter: return ("Enter 編集 · d 削除 · Esc 閉じる", "Enter edit · d remove · Esc close")
        case .recordName: return ("名前", "Name")
        case .recordRole: return ("役割・役職", "Role")
        case .organization: return ("所属", "Organization")
        case .email: return ("メール", "E-mail")
        case .phone: return ("電話", "Phone")
        case .kpiUnit: return ("単位", "Unit")
        case .actualDay: return ("実績の日付", "Date of the actual")
        case .actualValue: return ("実績値（空欄なら記録しない）", "Actual (blank: none recorded)")
        case .ratePercent: return ("補助率・負担割合（%）", "Rate (%)")
        case .amountYen: return ("金額（円）", "Amount (yen)")
        case .lineLabel: return ("費目・内訳", "Line")
        case .deleteCaseTitle: return ("案件を削除（ごみ箱へ移す）", "Delete case (move to trash)")
        case .deleteCaseConfirm: return ("ごみ箱へ移す（u で元に戻せます）", "Move to trash (u brings it back)")
        case .deleteCaseKeep: return ("やめる", "Keep it")
        case .movedToTrash: return ("ごみ箱へ移しました（u で元に戻せます）", "Moved to trash (u brings it back)")
        case .appName: return ("連携ワークベンチ", "renkei workbench")
        case .portfolio: return ("一覧", "Portfolio")
        case .board: return ("ボード", "Board")
        case .detail: return ("詳細", "Case")
        case .ended: return ("終了", "ended")
        case .help: return ("ヘルプ", "Help")
        case .palette: return ("コマンド", "Commands")
        case .noMatches: return ("該当する案件はありません（Esc で絞り込みを解除）", "No cases match (Esc clears the filter)")
        case .emptyWorkspace: return ("案件がありません。n で新しい案件を作成 · : で「サンプル」と入力すると練習用の案件を読み込めます",
                                      "No cases yet. n creates one · : then “sample” loads practice cases")
        case .unknownKey: return ("そのキーは使えません — ? でヘルプ", "Unknown key — press ? for help")
        case .loading: return ("読み込み中…", "Loading…")
        case .readOnly: return ("読み取り専用（新しい版の形式）", "read-only (newer schema)")
        case .sortedBy: return ("並び", "sort")
        case .view: return ("ビュー", "view")
        case .colId: return ("ID", "ID")
        case .colTitle: return ("件名", "Title")
        case .colMunicipality: return ("自治体", "Municipality")
        case .colPartners: return ("連携先", "Partners")
        case .colStage: return ("段階", "Stage")
        case .colExit: return ("出口/手法", "Exit/method")
        case .colDeadline: return ("次の期限", "Next due")
        case .colDays: return ("滞留", "Days")
        case .colMunicipalityShort: return ("自治体", "Munic.")
        case .colPartnersShort: return ("連携先", "Partn.")
        case .colExitShort: return ("出口", "Exit")
        case .colDeadlineShort: return ("期限", "Due")
        case .endedPausedShort: return ("終了等", "Ended")
        case .tabOverview: return ("概要", "Overview")
        case .tabChecklist: return ("チェックリスト", "Checklist")
        case .tabBudget: return ("予算", "Budget")
        case .tabKPI: return ("KPI", "KPI")
        case .tabHistory: return ("履歴", "History")
        case .tabNotes: return ("メモ", "Notes")
        case .municipality: return ("自治体", "Municipality")
        case .department: return ("原課", "Department")
        case .partners: return ("連携先", "Partners")
        case .exit: return ("出口", "Exit")
        case .method: return ("手法", "Method")
        case .stage: return ("段階", "Stage")
        case .reason: return ("理由", "Reason")
        case .nextAction: return ("次のアクション", "Next action")
        case .tags: return ("タグ", "Tags")
        case .domain: return ("課題分野", "Domain")
        case .targetFY: return ("目標年度", "Target FY")
        case .gateOpen: return ("次の段階へ進めます（>）", "Gate open — press > to advance")
        case .noItems: return ("この段階のチェック項目はありません", "No checklist items for this stage")
        case .endStateNoChecklist: return ("終了状態の案件です（m で段階を移動）", "This case is in an end state (m moves it)")
        case .budgetTotal: return ("予算額", "Budget")
        case .roughQuote: return ("下見積もり", "Rough quote")
        case .expenditureItem: return ("歳出費目", "Expenditure item")
        case .funding: return ("財源", "Funding")
        case .referenceItems: return ("他自治体が知りたい参考項目（p.45–47）", "Reference items for other municipalities (p.45–47)")
        case .nextDeadline: return ("次の期限", "Next deadline")
        case .kpiBaseline: return ("基準", "Baseline")
        case .kpiTarget: return ("目標", "Target")
        case .kpiLatest: return ("実績", "Actual")
        case .noKPI: return ("KPI はまだ設定されていません", "No KPIs yet")
        case .noHistory: return ("履歴はありません", "No history")
        case .timeInStage: return ("段階ごとの滞在", "Time per stage")
        case .today: return ("今日", "today")
        case .noNotes: return ("メモはありません（a で追加）", "No notes (a adds one)")
        case .newCaseTitle: return ("新しい案件", "New case")
        case .editTitle: return ("項目を編集", "Edit field")
        case .noteTitle: return ("メモを追加", "Add note")
        case .fieldPicker: return ("編集する項目", "Field to edit")
        case .requiredField: return ("入力してください", "required")
        case .saving: return ("保存中…", "saving…")
        case .gateTitle: return ("次の段階へ進む前に", "Before advancing")
        case .gateBody: return ("未了の項目があります:", "These items are not done yet:")
        case .gateConfirm: return ("y 理由を書いて進める · n/Esc やめる", "y give a reason · n/Esc cancel")
        case .gateReasonPrompt: return ("未了のまま進める理由（記録されます）", "Reason for advancing anyway (logged)")
        case .reasonRequired: return ("理由を入力してください", "A reason is required")
        case .moveBackTitle: return ("段階を戻す", "Move back")
        case .moveBackPrompt: return ("戻す理由（記録されます）", "Reason for moving back (logged)")
        case .moveToTitle: return ("移動先の段階", "Move to stage")
        case .endStateTitle: return ("移動の理由（記録されます）", "Reason (logged)")
        case .saveViewTitle: return ("ビューを保存", "Save view")
        case .saveViewPrompt: return ("ビューの名前", "View name")
        case .idHint: return ("空欄なら自動採番", "blank: next free id")
        case .partnersHint: return ("「、」か「,」で区切る", "separate with , or 、")
        case .choiceHint: return ("←/→ で選択", "←/→ to choose")
        case .saved: return ("保存しました", "Saved")
        case .created: return ("作成しました", "Created")
        case .undone: return ("取り消しました", "Undone")
        case .redone: return ("やり直しました", "Redone")
        case .externalChange: return ("ファイルが外部で変更されました — 再読み込みしました", "Files changed on disk — reloaded")
        case .exported: return ("書き出しました", "Exported")
        case .noCaseSelected: return ("案件が選択されていません", "No case selected")
        case .atFirstStage: return ("最初の段階です（戻せません）", "Already at the first stage")
        case .endStateAdvance: return ("終了状態です — m で段階を移動", "End state — m moves it")
        case .viewSaved: return ("ビューを保存しました", "View saved")
        case .langSwitched: return ("表示言語: 日本語", "Language: English")
        case .paletteEmpty: return ("一致するコマンドはありません", "No matching command")
        case .crashStopped: return ("内部エラーで終了しました", "stopped on an internal error")
        case .crashTerminalRestored: return ("端末は元に戻しました。記録:", "the terminal was restored; crash log:")
        case .amountTooLarge: return ("金額が大きすぎます（合計できません）", "amount too large to add up")
        case .crashNoLog: return ("（記録は書けませんでした）", "(no crash log could be written)")
        case .overdueTitle: return ("期限レビュー", "Overdue review")
        case .exportFailed: return ("書き出せませんでした", "Export failed")
        case .tabSimilar: return ("類似事例", "Similar")
        case .dashboardTitle: return ("ダッシュボード", "Dashboard")
        case .jointTitle: return ("共同調達", "Joint procurement")
        case .calendarTitle: return ("予算カレンダー", "Budget calendar")
        case .insightLoading: return ("分析データを読み込み中…", "Loading portfolio insight…")
        case .noSimilar: return ("類似事例はありません", "No similar cases")
        case .similarHint: return ("Enter でその案件を開く · j/k 選択", "Enter opens that case · j/k select")
        case .snoozeTitle: return ("スヌーズ", "Snooze")
        case .snoozeUntil: return ("いつまで", "Until")
        case .snoozeReason: return ("理由", "Reason")
        case .nextActionTitle: return ("次のアクションを設定", "Set next action")
        case .nextActionText: return ("内容", "What")
        case .nextActionDue: return ("期日", "Due")
        case .dateInvalid: return ("日付を YYYY-MM-DD で入力してください", "Enter a date as YYYY-MM-DD")
        case .dateNotAhead: return ("今日より後の日付を入力してください", "Enter a date after today")
        }
    }
}
