import RenkeiCore

extension Action {
    /// What the action does, for help, hints and the palette (Core's `ActionName`, the one table).
    public func label(_ lang: Lang) -> String { ActionName(rawValue: rawValue)?.text(lang) ?? rawValue }
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
        case .conflicts: return SyncLabel.conflictsTitle.text(lang)
        case .municipality: return Label.municipality.text(lang)
        case .partner: return PartnerLabel.partner.text(lang)
        }
    }
}

extension Action {
    /// Other words a coordinator types into the palette for this action (issue 14: 印刷 finds
    /// the export, 担当 the field editor where the department is).
    public var paletteAliases: [String] {
        switch self {
        case .export: return ["印刷", "print", "PDF", "レポート", "report", "事例シート"]
        case .edit: return ["担当", "部署", "原課", "department", "タグ", "tags", "予算", "budget", "出口", "手法"]
        case .editContacts: return ["連絡", "連絡先", "担当者", "担当", "contact", "メール", "電話", "email", "phone"]
        case .editPartners: return ["連携先", "パートナー", "partner", "企業", "大学", "金融機関", "スタートアップ"]
        case .editKPIs: return ["KPI", "指標", "実績", "目標", "indicator", "actual"]
        case .editFunding: return ["財源", "補助金", "交付金", "funding", "grant", "subsidy"]
        case .editBudgetLines: return ["予算", "金額", "内訳", "budget", "amount"]
        case .deleteCase: return ["削除", "ごみ箱", "delete", "remove", "trash"]
        case .loadSamples: return ["サンプル", "練習", "sample", "demo"]
        case .archiveCase: return ["アーカイブ", "保管", "archive", "片付け"]
        case .unarchiveCase: return ["アーカイブ解除", "保管から戻す", "unarchive", "restore"]
        case .toggleArchived: return ["アーカイブ済み", "アーカイブ一覧", "保管済み", "archived", "show archived"]
        case .importFile: return ["取り込み", "インポート", "import", "Excel", "kintone", "CSV", "xlsx", "一覧"]
        case .exportCSV: return ["書き出し", "エクスポート", "export", "CSV", "Shift_JIS", "SJIS", "CP932", "一覧"]
        case .addNote: return ["メモ", "note", "記録"]
        case .overdue: return ["期限", "締切", "deadline", "スヌーズ", "snooze"]
        case .moveTo: return ["見送り", "保留", "終了"]
        case .calendar: return ["予算", "年度", "議会"]
        case .sync: return ["共有", "送信", "取り込み", "git", "push", "pull", "share"]
        case .conflicts: return ["競合", "衝突", "conflict", "同時", "レビュー"]
        case .municipality: return ["庁内体制", "readiness", "団体", "市町村", "profile"]
        case .partner: return ["スタートアップ", "startup", "企業", "company"]
        default: return []
        }
    }
}
