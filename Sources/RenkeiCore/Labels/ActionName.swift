/// The names of the workbench's actions (help, key hints, the command palette) in the one label
/// table. The TUI's `Action` maps onto these by raw value; `ActionNameTests` (TUI) fails when an
/// action has no name or a name no action, `LabelWalkTests` when a name is missing a language.
public enum ActionName: String, CaseIterable, Sendable {
    case down, up, top, bottom, pageDown, pageUp, open, back, filter, sort, sortReverse, nextView
    case saveView, advance, moveBack, moveTo, tick, newCase, edit, addNote, board, list, overdue, export
    case undo, redo, nextTab, prevTab, left, right, palette, help, reload, toggleLang, quit, forceQuit
    case tab1, tab2, tab3, tab4, tab5, tab6, tab7, dashboard, joint, calendar, filterMunicipality, filterExit
    case filterYear, clearFilters, prevYear, nextYear, snooze, setNextAction, municipality, partner
    case sync, conflicts, keepWinner, takeOther
    case editContacts, editPartners, editKPIs, editFunding, editBudgetLines, deleteCase, loadSamples
    case importFile, exportCSV
    case archiveCase, unarchiveCase, toggleArchived

    public func text(_ lang: Lang) -> String { lang == .ja ? pair.ja : pair.en }

    public var pair: (ja: String, en: String) {
        switch self {
        case .down: return ("下へ", "down")
        case .up: return ("上へ", "up")
        case .top: return ("先頭へ", "top")
        case .bottom: return ("末尾へ", "bottom")
        case .pageDown: return ("次のページ", "page down")
        case .pageUp: return ("前のページ", "page up")
        case .open: return ("開く", "open")
        case .back: return ("戻る・閉じる", "back / close")
        case .filter: return ("絞り込み", "filter")
        case .sort: return ("並べ替え", "sort")
        case .sortReverse: return ("並び順を反転", "reverse sort")
        case .nextView: return ("ビュー", "next view")
        case .saveView: return ("ビューを保存", "save current view")
        case .advance: return ("次の段階へ", "advance stage")
        case .moveBack: return ("段階を戻す", "move back")
        case .moveTo: return ("段階を移動（終了・保留・再開）", "move to stage (end/pause/reopen)")
        case .tick: return ("チェック", "tick item")
        case .newCase: return ("新規案件", "new case")
        case .edit: return ("編集", "edit field")
        case .addNote: return ("メモ追加", "add note")
        case .board: return ("ボード", "stage board")
        case .list: return ("一覧", "portfolio list")
        case .overdue: return ("期限レビュー", "overdue review")
        case .export: return ("書き出し", "export")
        case .undo: return ("取り消し", "undo")
        case .redo: return ("やり直し", "redo")
        case .nextTab: return ("次のタブ", "next tab")
        case .prevTab: return ("前のタブ", "previous tab")
        case .left: return ("左の列", "column left")
        case .right: return ("右の列", "column right")
        case .palette: return ("コマンド", "commands")
        case .help: return ("ヘルプ", "help")
        case .reload: return ("再読み込み", "reload")
        case .toggleLang: return ("日本語/English", "日本語/English")
        case .quit: return ("終了", "quit")
        case .forceQuit: return ("どこでも終了", "quit from anywhere")
        case .tab1: return ("概要タブ", "overview tab")
        case .tab2: return ("チェックリストタブ", "checklist tab")
        case .tab3: return ("予算タブ", "budget tab")
        case .tab4: return ("KPIタブ", "KPI tab")
        case .tab5: return ("履歴タブ", "history tab")
        case .tab6: return ("メモタブ", "notes tab")
        case .tab7: return ("類似事例タブ", "similar cases tab")
        case .dashboard: return ("ダッシュボード（ファネル）", "dashboard (funnel)")
        case .joint: return ("共同調達の候補", "joint-procurement candidates")
        case .calendar: return ("予算カレンダー", "budget calendar")
        case .filterMunicipality: return ("自治体を切り替え", "cycle municipality")
        case .filterExit: return ("出口を切り替え", "cycle exit")
        case .filterYear: return ("年度を切り替え", "cycle fiscal year")
        case .clearFilters: return ("条件を解除", "clear filters")
        case .prevYear: return ("前の年度", "previous fiscal year")
        case .nextYear: return ("次の年度", "next fiscal year")
        case .snooze: return ("スヌーズ", "snooze")
        case .setNextAction: return ("次のアクション", "set next action")
        case .sync: return ("同期", "sync")
        case .conflicts: return ("同時編集の確認", "review concurrent edits")
        case .keepWinner: return ("このまま", "keep as is")
        case .takeOther: return ("もう一方を採用", "take the other")
        case .municipality: return ("自治体", "municipality view")
        case .partner: return ("連携先", "partner view")
        case .editContacts: return ("連絡先・担当者を編集", "edit contacts")
        case .editPartners: return ("連携先と種類を編集", "edit partners and their kind")
        case .editKPIs: return ("KPI を編集・実績を記録", "edit KPIs / record an actual")
        case .editFunding: return ("財源を編集", "edit funding sources")
        case .editBudgetLines: return ("予算の内訳・金額を編集", "edit budget lines and amounts")
        case .deleteCase: return ("案件を削除（ごみ箱へ）", "delete case (to trash)")
        case .loadSamples: return ("サンプル案件を読み込む", "load sample cases")
        case .importFile: return ("取り込み（Excel・CSV・kintone の一覧から）", "import cases (Excel, CSV, kintone)")
        case .exportCSV: return ("一覧を CSV で書き出す（Excel・Shift_JIS）", "export the list as CSV (Excel, Shift_JIS)")
        case .archiveCase: return ("案件をアーカイブ（一覧・期限から外す）", "archive case (out of the list and deadlines)")
        case .unarchiveCase: return ("アーカイブから戻す", "bring case back from the archive")
        case .toggleArchived: return ("アーカイブ済みの案件を表示／一覧に戻る", "show archived cases / back to the list")
        }
    }
}
