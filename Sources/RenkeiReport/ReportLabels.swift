import RenkeiCore

/// The fixed words of a report, in Japanese (default) or English. Templates read them as
/// `{{L.key}}`, so a municipality can re-word a heading in its own template without code.
public enum ReportLabels {
    public static func table(_ lang: Lang) -> [String: String] {
        lang == .ja ? ja : en
    }

    static let ja: [String: String] = [
        "reportTitle": "官民連携 事例レポート",
        "portfolioTitle": "官民連携 案件一覧",
        "generatedOn": "作成日",
        "anonymized": "匿名化版（個人名・メールアドレス・電話番号を削除）",
        "source": "出典: 官民連携実践ガイド（頁は同ガイドの該当頁）",
        "overview": "概要",
        "caseId": "案件ID",
        "municipality": "自治体",
        "department": "原課",
        "partners": "連携先",
        "exit": "出口",
        "method": "手法",
        "stage": "段階",
        "progress": "進捗",
        "fiscalYear": "目標年度",
        "domain": "課題分野",
        "tags": "タグ",
        "nextAction": "次のアクション",
        "due": "期限",
        "stageReason": "理由",
        "issueFrame": "課題と連携の枠組み（WHY → HOW → WHAT）",
        "why": "WHY 課題と理想像",
        "how": "HOW 連携の方法",
        "what": "WHAT 実施内容",
        "stages": "段階ごとの経過",
        "entered": "開始",
        "left": "終了",
        "timeSpent": "所要日数",
        "inProgress": "進行中",
        "passed": "完了",
        "current": "現在の段階",
        "checklist": "チェック項目",
        "guidePage": "ガイド頁",
        "done": "済",
        "notDone": "未",
        "doneOn": "実施日",
        "by": "担当",
        "required": "必須",
        "decisions": "判断と決定",
        "date": "日付",
        "decision": "内容",
        "reason": "理由",
        "budget": "予算",
        "budgetTotal": "予算額",
        "budgetLines": "予算明細",
        "item": "項目",
        "amount": "金額",
        "share": "構成比",
        "expenditureItem": "歳出費目",
        "roughQuote": "下見積もり",
        "funding": "財源",
        "fundingKind": "種別",
        "rate": "負担割合",
        "reference": "他自治体が参考にしたい情報（実践ガイド p.45–47）",
        "notRecorded": "未記入",
        "kpis": "活動指標（KPI）",
        "kpi": "指標",
        "unit": "単位",
        "baseline": "基準値",
        "target": "目標値",
        "actual": "実績",
        "actualDate": "実績日",
        "achievement": "達成度",
        "chart": "グラフ",
        "calendar": "予算カレンダー上の位置",
        "milestone": "マイルストーン",
        "status": "状況",
        "nextMilestone": "次のマイルストーン",
        "daysOverdue": "超過日数",
        "earliestRoute": "最短の予算化ルート",
        "calendarNone": "予算カレンダーの情報はありません。",
        "openItems": "未了の項目（現在の段階のゲート）",
        "openItemsNone": "未了の項目はありません。次の段階へ進めます。",
        "contacts": "連絡先",
        "name": "氏名",
        "organization": "所属",
        "role": "役職",
        "email": "メール",
        "phone": "電話",
        "notes": "メモ",
        "history": "履歴の要約",
        "events": "記録数",
        "period": "期間",
        "actors": "関与した担当者数",
        "byKind": "種類別",
        "recent": "最近の記録",
        "kind": "種類",
        "detail": "詳細",
        "count": "件数",
        "none": "—",
        "title": "件名",
        "prefecture": "都道府県",
        "daysInStage": "段階滞留日数",
        "roughQuoteShort": "下見積",
        "cases": "件",
        "total": "合計",
        "yes": "はい",
        "no": "いいえ",
        "damaged": "読み込めなかった案件ファイル",
        // share sheet (事例シート)
        "shareTitle": "官民連携 事例シート（横展開用）",
        "sharePrivacy": "この資料は他の自治体と共有するためのものです。個人名・連絡先・内部メモ・変更履歴は含みません。",
        "sharePath": "段階の経過",
        "shareDecisions": "要となった判断",
        "shareBudget": "予算と財源",
        "shareLessons": "学び・他の自治体へ",
        "shareContact": "問い合わせ先",
        "shareStarted": "開始",
        "shareUpdated": "最終更新",
        "shareDuration": "期間",
        "shareEnded": "終了",
        "shareNow": "現在",
        "shareFrom": "から",
        "undecided": "未定",
        "undecidedYear": "年度未定",
        "yearTotals": "年度別の予算額（中止・保留を除く）",
        "undecidedCases": "予算未定",
        "passedDate": "経過",
        "shareStatus": "現在の段階",
    ]

    static let en: [String: String] = [
        "reportTitle": "Public–private collaboration case report",
        "portfolioTitle": "Public–private collaboration portfolio",
        "generatedOn": "Generated on",
        "anonymized": "Anonymised (personal names, e-mail addresses and phone numbers removed)",
        "source": "Source: the practice guide for public–private collaboration (page references are to the guide)",
        "overview": "Overview",
        "caseId": "Case ID",
        "municipality": "Municipality",
        "department": "Department",
        "partners": "Partners",
        "exit": "Exit",
        "method": "Method",
        "stage": "Stage",
        "progress": "Progress",
        "fiscalYear": "Target fiscal year",
        "domain": "Issue domain",
        "tags": "Tags",
        "nextAction": "Next action",
        "due": "Due",
        "stageReason": "Reason",
        "issueFrame": "Issue and approach (WHY → HOW → WHAT)",
        "why": "WHY issue and ideal",
        "how": "HOW approach",
        "what": "WHAT activities",
        "stages": "Stages",
        "entered": "Entered",
        "left": "Left",
        "timeSpent": "Time spent",
        "inProgress": "in progress",
        "passed": "passed",
        "current": "current stage",
        "checklist": "Checklist",
        "guidePage": "Guide page",
        "done": "done",
        "notDone": "open",
        "doneOn": "Done on",
        "by": "By",
        "required": "required",
        "decisions": "Decisions",
        "date": "Date",
        "decision": "Decision",
        "reason": "Reason",
        "budget": "Budget",
        "budgetTotal": "Budget total",
        "budgetLines": "Budget lines",
        "item": "Item",
        "amount": "Amount",
        "share": "Share",
        "expenditureItem": "Expenditure item",
        "roughQuote": "Rough quote",
        "funding": "Funding sources",
        "fundingKind": "Kind",
        "rate": "Share of cost",
        "reference": "What other municipalities want to learn (guide p.45–47)",
        "notRecorded": "not recorded",
        "kpis": "Activity indicators (KPIs)",
        "kpi": "Indicator",
        "unit": "Unit",
        "baseline": "Baseline",
        "target": "Target",
        "actual": "Actual",
        "actualDate": "As of",
        "achievement": "Achievement",
        "chart": "Chart",
        "calendar": "Position in the budget calendar",
        "milestone": "Milestone",
        "status": "Status",
        "nextMilestone": "Next milestone",
        "daysOverdue": "Days overdue",
        "earliestRoute": "Earliest budget route",
        "calendarNone": "No budget calendar information.",
        "openItems": "Open items (gate of the current stage)",
        "openItemsNone": "No open items; the case can move to the next stage.",
        "contacts": "Contacts",
        "name": "Name",
        "organization": "Organisation",
        "role": "Role",
        "email": "E-mail",
        "phone": "Phone",
        "notes": "Notes",
        "history": "History summary",
        "events": "Events",
        "period": "Period",
        "actors": "People involved",
        "byKind": "By kind",
        "recent": "Recent events",
        "kind": "Kind",
        "detail": "Detail",
        "count": "Count",
        "none": "—",
        "title": "Title",
        "prefecture": "Prefecture",
        "daysInStage": "Days in stage",
        "roughQuoteShort": "Rough quote",
        "cases": "cases",
        "total": "Total",
        "yes": "yes",
        "no": "no",
        "damaged": "Case files that could not be read",
        // share sheet
        "shareTitle": "Public–private collaboration case sheet (for sharing)",
        "sharePrivacy": "Prepared for sharing with other municipalities. It contains no personal names, contact details, internal memos or change log.",
        "sharePath": "Path through the stages",
        "shareDecisions": "Decisions that mattered",
        "shareBudget": "Budget and funding",
        "shareLessons": "Lessons for other municipalities",
        "shareContact": "Contact point",
        "shareStarted": "Started",
        "shareUpdated": "Last updated",
        "shareDuration": "Duration",
        "shareEnded": "ended",
        "shareNow": "now",
        "shareFrom": "from",
        "undecided": "undecided",
        "undecidedYear": "no target year",
        "yearTotals": "Budget by fiscal year (dropped and paused left out)",
        "undecidedCases": "budget undecided",
        "passedDate": "passed",
        "shareStatus": "Current stage",
    ]

    /// English names of event kinds (Core only carries the Japanese).
    static func eventKind(_ k: EventKind, _ lang: Lang) -> String {
        if lang == .ja { return k.ja }
        switch k {
        case .created: return "created"
        case .advanced: return "advanced"
        case .gateOverridden: return "advanced with open items (reason given)"
        case .movedBack: return "moved back"
        case .ended: return "ended"
        case .reopened: return "reopened"
        case .ticked: return "ticked"
        case .unticked: return "unticked"
        case .fieldSet: return "field changed"
        case .noteAdded: return "note added"
        case .snoozed: return "snoozed"
        case .undo: return "undo"
        case .redo: return "redo"
        case .imported: return "imported"
        }
    }

    static func partnerKind(_ k: PartnerKind, _ lang: Lang) -> String {
        if lang == .ja { return k.ja }
        switch k {
        case .startup: return "startup"
        case .intermediary: return "intermediary"
        case .municipality: return "municipality"
        case .company: return "company"
        case .university: return "university / research"
        case .other: return "other"
        }
    }

    static func fundingKind(_ k: FundingKind, _ lang: Lang) -> String {
        if lang == .ja { return k.ja }
        switch k {
        case .general: return "general revenue"
        case .grant: return "grant (交付金)"
        case .subsidy: return "subsidy (補助金)"
        case .bond: return "local bond"
        case .privateFunds: return "private funds"
        case .other: return "other"
        }
    }

    static func municipalityKind(_ k: MunicipalityKind, _ lang: Lang) -> String {
        if lang == .ja { return k.ja }
        switch k {
        case .prefecture: return "prefecture"
        case .designatedCity: return "designated city"
        case .city: return "city"
        case .town: return "town"
        case .village: return "village"
        case .ward: return "special ward"
        }
    }
}
