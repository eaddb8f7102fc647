import RenkeiCore

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
        case .global: return Label.everywhere.text(lang)
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

extension Action {
    /// Other words a coordinator types into the palette for this action (issue 14: 印刷 finds
    /// the export, 担当 the field editor where the department is).
    public var paletteAliases: [String] {
        switch self {
        case .export: return ["印刷", "print", "PDF", "レポート", "report", "事例シート"]
        case .edit: return ["担当", "部署", "原課", "department", "タグ", "tags", "予算", "budget", "連携先", "partner", "出口", "手法"]
        case .addNote: return ["メモ", "note", "記録"]
        case .overdue: return ["期限", "締切", "deadline", "スヌーズ", "snooze"]
        case .moveTo: return ["見送り", "保留", "終了", "archive", "アーカイブ"]
        case .calendar: return ["予算", "年度", "議会"]
        default: return []
        }
    }
}
