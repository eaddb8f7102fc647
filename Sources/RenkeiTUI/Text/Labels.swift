import RenkeiCore

/// Every UI string, in one ja/en table.
public enum Label: String, CaseIterable, Sendable {
    // app chrome
    case appName, portfolio, board, detail, cases, active, ended, damaged, shown, of
    case help, palette, filterPrompt, noMatches, emptyWorkspace, unknownKey, loading, readOnly
    case sortedBy, ascending, descending, view
    // columns
    case colId, colTitle, colMunicipality, colPartners, colStage, colExit, colDeadline, colDays
    // detail tabs
    case tabOverview, tabChecklist, tabBudget, tabKPI, tabHistory, tabNotes, tabSimilar
    // insight, calendar, overdue actions
    case dashboardTitle, jointTitle, calendarTitle, insightLoading, noSimilar, similarHint
    case snoozeTitle, snoozeUntil, snoozeReason, nextActionTitle, nextActionText, nextActionDue, dateInvalid, dateNotAhead
    // overview
    case municipality, department, partners, exit, method, stage, reason, nextAction, tags, domain, targetFY
    case gateOpen, gateUnmet, noItems, endStateNoChecklist, required
    // budget
    case budgetTotal, roughQuote, expenditureItem, funding, referenceItems, nextDeadline, noBudget
    // kpi
    case kpiName, kpiBaseline, kpiTarget, kpiLatest, noKPI
    // history
    case noHistory, timeInStage, daysAgo, today
    // notes
    case noNotes, addNoteHint
    // forms & dialogs
    case newCaseTitle, editTitle, noteTitle, fieldPicker, save, cancel, requiredField, saving
    case gateTitle, gateBody, gateConfirm, gateReasonPrompt, reasonRequired
    case moveBackTitle, moveBackPrompt, moveToTitle, endStateTitle
    case saveViewTitle, saveViewPrompt
    case idHint, partnersHint, choiceHint
    // toasts
    case saved, created, undone, redone, reloaded, externalChange, comingOverdue, comingExport, exported
    case noCaseSelected, atFirstStage, endStateAdvance, viewSaved, langSwitched
    case quitHint, paletteEmpty
    case exportTitle, overdueTitle, overdueEmpty, exportFailed

    public func text(_ lang: Lang) -> String {
        let (ja, en) = pair
        return lang == .ja ? ja : en
    }

    var pair: (String, String) {
        switch self {
        case .appName: return ("連携ワークベンチ", "renkei workbench")
        case .portfolio: return ("一覧", "Portfolio")
        case .board: return ("ボード", "Board")
        case .detail: return ("詳細", "Case")
        case .cases: return ("件", " cases")
        case .active: return ("進行中", "active")
        case .ended: return ("終了", "ended")
        case .damaged: return ("破損", "damaged")
        case .shown: return ("表示", "shown")
        case .of: return ("/", "/")
        case .help: return ("ヘルプ", "Help")
        case .palette: return ("コマンド", "Commands")
        case .filterPrompt: return ("絞り込み", "Filter")
        case .noMatches: return ("該当する案件はありません（Esc で絞り込みを解除）", "No cases match (Esc clears the filter)")
        case .emptyWorkspace: return ("案件がありません。n で新しい案件を作成します", "No cases yet. Press n to create one")
        case .unknownKey: return ("そのキーは使えません — ? でヘルプ", "Unknown key — press ? for help")
        case .loading: return ("読み込み中…", "Loading…")
        case .readOnly: return ("読み取り専用（新しい版の形式）", "read-only (newer schema)")
        case .sortedBy: return ("並び", "sort")
        case .ascending: return ("↑", "↑")
        case .descending: return ("↓", "↓")
        case .view: return ("ビュー", "view")
        case .colId: return ("ID", "ID")
        case .colTitle: return ("件名", "Title")
        case .colMunicipality: return ("自治体", "Municipality")
        case .colPartners: return ("連携先", "Partners")
        case .colStage: return ("段階", "Stage")
        case .colExit: return ("出口/手法", "Exit/method")
        case .colDeadline: return ("次の期限", "Next due")
        case .colDays: return ("滞留", "Days")
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
        case .gateUnmet: return ("未了", "unmet")
        case .noItems: return ("この段階のチェック項目はありません", "No checklist items for this stage")
        case .endStateNoChecklist: return ("終了状態の案件です（m で段階を移動）", "This case is in an end state (m moves it)")
        case .required: return ("必須", "required")
        case .budgetTotal: return ("予算額", "Budget")
        case .roughQuote: return ("下見積もり", "Rough quote")
        case .expenditureItem: return ("歳出費目", "Expenditure item")
        case .funding: return ("財源", "Funding")
        case .referenceItems: return ("他自治体が知りたい参考項目（p.45–47）", "Reference items for other municipalities (p.45–47)")
        case .nextDeadline: return ("次の期限", "Next deadline")
        case .noBudget: return ("予算情報はまだありません", "No budget information yet")
        case .kpiName: return ("指標", "Indicator")
        case .kpiBaseline: return ("基準", "Baseline")
        case .kpiTarget: return ("目標", "Target")
        case .kpiLatest: return ("実績", "Actual")
        case .noKPI: return ("KPI はまだ設定されていません", "No KPIs yet")
        case .noHistory: return ("履歴はありません", "No history")
        case .timeInStage: return ("段階ごとの滞在", "Time per stage")
        case .daysAgo: return ("前", " ago")
        case .today: return ("今日", "today")
        case .noNotes: return ("メモはありません（a で追加）", "No notes (a adds one)")
        case .addNoteHint: return ("a メモを追加", "a add note")
        case .newCaseTitle: return ("新しい案件", "New case")
        case .editTitle: return ("項目を編集", "Edit field")
        case .noteTitle: return ("メモを追加", "Add note")
        case .fieldPicker: return ("編集する項目", "Field to edit")
        case .save: return ("保存", "save")
        case .cancel: return ("取消", "cancel")
        case .requiredField: return ("入力してください", "required")
        case .saving: return ("保存中…", "saving…")
        case .gateTitle: return ("次の段階へ進む前に", "Before advancing")
        case .gateBody: return ("未了の項目があります:", "These items are not done yet:")
        case .gateConfirm: return ("y 理由を書いて進める · n/Esc やめる", "y override with a reason · n/Esc cancel")
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
        case .reloaded: return ("再読み込みしました", "Reloaded")
        case .externalChange: return ("ファイルが外部で変更されました — 再読み込みしました", "Files changed on disk — reloaded")
        case .comingOverdue: return ("期限レビュー（o）は予算カレンダー機能の完成後に使えます — 準備中", "Overdue review (o) is coming with the budget calendar")
        case .comingExport: return ("書き出し（x）はレポート機能の完成後に使えます — 準備中", "Export (x) is coming with the report engine")
        case .exported: return ("書き出しました", "Exported")
        case .noCaseSelected: return ("案件が選択されていません", "No case selected")
        case .atFirstStage: return ("最初の段階です（戻せません）", "Already at the first stage")
        case .endStateAdvance: return ("終了状態です — m で段階を移動", "End state — m moves it")
        case .viewSaved: return ("ビューを保存しました", "View saved")
        case .langSwitched: return ("表示言語: 日本語", "Language: English")
        case .quitHint: return ("q で終了", "q to quit")
        case .paletteEmpty: return ("一致するコマンドはありません", "No matching command")
        case .exportTitle: return ("書き出し形式", "Export format")
        case .overdueTitle: return ("期限レビュー", "Overdue review")
        case .overdueEmpty: return ("期限の迫った案件はありません", "Nothing is due")
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

extension Action {
    /// What the action does, for help, hints and the palette.
    public func label(_ lang: Lang) -> String {
        let ja: String, en: String
        switch self {
        case .down: (ja, en) = ("下へ", "down")
        case .up: (ja, en) = ("上へ", "up")
        case .top: (ja, en) = ("先頭へ", "top")
        case .bottom: (ja, en) = ("末尾へ", "bottom")
        case .pageDown: (ja, en) = ("次のページ", "page down")
        case .pageUp: (ja, en) = ("前のページ", "page up")
        case .open: (ja, en) = ("開く", "open")
        case .back: (ja, en) = ("戻る・閉じる", "back / close")
        case .filter: (ja, en) = ("絞り込み", "filter")
        case .sort: (ja, en) = ("並べ替え", "sort")
        case .sortReverse: (ja, en) = ("並び順を反転", "reverse sort")
        case .nextView: (ja, en) = ("ビュー", "next view")
        case .saveView: (ja, en) = ("ビューを保存", "save current view")
        case .advance: (ja, en) = ("次の段階へ", "advance stage")
        case .moveBack: (ja, en) = ("段階を戻す", "move back")
        case .moveTo: (ja, en) = ("段階を移動（終了・保留・再開）", "move to stage (end/pause/reopen)")
        case .tick: (ja, en) = ("チェック", "tick item")
        case .newCase: (ja, en) = ("新規案件", "new case")
        case .edit: (ja, en) = ("編集", "edit field")
        case .addNote: (ja, en) = ("メモ追加", "add note")
        case .board: (ja, en) = ("ボード", "stage board")
        case .list: (ja, en) = ("一覧", "portfolio list")
        case .overdue: (ja, en) = ("期限レビュー", "overdue review")
        case .export: (ja, en) = ("書き出し", "export")
        case .undo: (ja, en) = ("取り消し", "undo")
        case .redo: (ja, en) = ("やり直し", "redo")
        case .nextTab: (ja, en) = ("次のタブ", "next tab")
        case .prevTab: (ja, en) = ("前のタブ", "previous tab")
        case .left: (ja, en) = ("左の列", "column left")
        case .right: (ja, en) = ("右の列", "column right")
        case .palette: (ja, en) = ("コマンド", "commands")
        case .help: (ja, en) = ("ヘルプ", "help")
        case .reload: (ja, en) = ("再読み込み", "reload")
        case .toggleLang: (ja, en) = ("日本語/English", "日本語/English")
        case .quit: (ja, en) = ("終了", "quit")
        case .forceQuit: (ja, en) = ("どこでも終了", "quit from anywhere")
        case .tab1: (ja, en) = ("概要タブ", "overview tab")
        case .tab2: (ja, en) = ("チェックリストタブ", "checklist tab")
        case .tab3: (ja, en) = ("予算タブ", "budget tab")
        case .tab4: (ja, en) = ("KPIタブ", "KPI tab")
        case .tab5: (ja, en) = ("履歴タブ", "history tab")
        case .tab6: (ja, en) = ("メモタブ", "notes tab")
        case .tab7: (ja, en) = ("類似事例タブ", "similar cases tab")
        case .dashboard: (ja, en) = ("ダッシュボード（ファネル）", "dashboard (funnel)")
        case .joint: (ja, en) = ("共同調達の候補", "joint-procurement candidates")
        case .calendar: (ja, en) = ("予算カレンダー", "budget calendar")
        case .filterMunicipality: (ja, en) = ("自治体を切り替え", "cycle municipality")
        case .filterExit: (ja, en) = ("出口を切り替え", "cycle exit")
        case .filterYear: (ja, en) = ("年度を切り替え", "cycle fiscal year")
        case .clearFilters: (ja, en) = ("条件を解除", "clear filters")
        case .prevYear: (ja, en) = ("前の年度", "previous fiscal year")
        case .nextYear: (ja, en) = ("次の年度", "next fiscal year")
        case .snooze: (ja, en) = ("スヌーズ", "snooze")
        case .setNextAction: (ja, en) = ("次のアクション", "set next action")
        }
        return lang == .ja ? ja : en
    }
}

extension KeyContext {
    public func label(_ lang: Lang) -> String {
        switch self {
        case .global: return lang == .ja ? "全画面" : "Everywhere"
        case .list: return Label.portfolio.text(lang)
        case .board: return Label.board.text(lang)
        case .detail: return Label.detail.text(lang)
        case .dashboard: return Label.dashboardTitle.text(lang)
        case .joint: return Label.jointTitle.text(lang)
        case .calendar: return Label.calendarTitle.text(lang)
        case .overdue: return Label.overdueTitle.text(lang)
        }
    }
}
