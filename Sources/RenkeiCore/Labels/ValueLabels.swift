/// Japanese and English names of the enum values a person reads (one table for the CLI, the
/// TUI and the reports). Stage and Exit keep theirs next to the pipeline in `Stage.swift`.
/// `LabelWalkTests` walks every case in both languages.

extension SizeClass {
    public var ja: String { self == .urban ? "都市部" : "小・中規模" }
    public var en: String { self == .urban ? "Urban" : "Small/medium" }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

extension MunicipalityKind {
    public var ja: String {
        switch self {
        case .prefecture: return "都道府県"
        case .designatedCity: return "政令指定都市"
        case .city: return "市"
        case .town: return "町"
        case .village: return "村"
        case .ward: return "特別区"
        }
    }
    public var en: String {
        switch self {
        case .prefecture: return "prefecture"
        case .designatedCity: return "designated city"
        case .city: return "city"
        case .town: return "town"
        case .village: return "village"
        case .ward: return "special ward"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

extension PartnerKind {
    public var ja: String {
        switch self {
        case .startup: return "スタートアップ"
        case .intermediary: return "中間支援団体"
        case .municipality: return "自治体"
        case .company: return "企業"
        case .university: return "大学・研究機関"
        case .financialInstitution: return "金融機関"
        case .other: return "その他"
        }
    }
    public var en: String {
        switch self {
        case .startup: return "startup"
        case .intermediary: return "intermediary"
        case .municipality: return "municipality"
        case .company: return "company"
        case .university: return "university / research"
        case .financialInstitution: return "financial institution"
        case .other: return "other"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

extension FundingKind {
    public var ja: String {
        switch self {
        case .general: return "一般財源"
        case .grant: return "交付金"
        case .subsidy: return "補助金"
        case .bond: return "地方債"
        case .privateFunds: return "民間資金"
        case .other: return "その他"
        }
    }
    public var en: String {
        switch self {
        case .general: return "general revenue"
        case .grant: return "grant (交付金)"
        case .subsidy: return "subsidy (補助金)"
        case .bond: return "local bond"
        case .privateFunds: return "private funds"
        case .other: return "other"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

extension EventKind {
    public var ja: String {
        switch self {
        case .created: return "作成"
        case .advanced: return "次の段階へ"
        case .gateOverridden: return "未了のまま次へ（理由あり）"
        case .movedBack: return "段階を戻す"
        case .ended: return "終了状態へ"
        case .reopened: return "再開"
        case .ticked: return "チェック"
        case .unticked: return "チェック解除"
        case .fieldSet: return "項目を変更"
        case .noteAdded: return "メモ追加"
        case .snoozed: return "スヌーズ"
        case .undo: return "取り消し"
        case .redo: return "やり直し"
        case .imported: return "取り込み"
        case .restored: return "ごみ箱から復元（他の端末で編集）"
        case .archived: return "アーカイブ"
        case .unarchived: return "アーカイブから戻す"
        }
    }
    public var en: String {
        switch self {
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
        case .restored: return "restored from trash (edited elsewhere)"
        case .archived: return "archived"
        case .unarchived: return "brought back from the archive"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

/// Names of the deadline items that are not calendar milestones (`renkei snooze ID stale`).
public enum DeadlineItemName {
    public static func of(_ id: String, _ lang: Lang) -> String {
        let ja = lang == .ja
        switch id {
        case "stale": return ja ? "停滞" : "stale"
        case "follow-up": return ja ? "議決後のフォローアップ" : "follow-up after the vote"
        case "next-action": return Label.nextAction.text(lang)
        // The standard milestones (Data/calendars/default.json), for screens without calendars.
        case "info-provision": return ja ? "情報提供" : "Information provision"
        case "policy": return ja ? "予算編成方針" : "Budget policy"
        case "request": return ja ? "予算要求締切" : "Budget request deadline"
        case "finance-review": return ja ? "財政課査定" : "Finance review"
        case "mayor-review": return ja ? "首長査定" : "Mayor's review"
        case "submission": return ja ? "予算案公表・議会提出" : "Budget published and submitted"
        case "vote": return ja ? "議決" : "Council vote"
        case "start": return ja ? "執行開始" : "Execution starts"
        default:
            if id.hasPrefix("funding:") { return (ja ? "申請締切: " : "application deadline: ") + id.dropFirst("funding:".count) }
            return id
        }
    }
}

extension BodyKind {
    public var ja: String {
        switch self {
        case .prefecture: return "都道府県"
        case .designatedCity: return "政令指定都市"
        case .coreCity: return "中核市"
        case .specialWard: return "特別区"
        case .city: return "市"
        case .town: return "町"
        case .village: return "村"
        case .ward: return "行政区"
        }
    }
    public var en: String {
        switch self {
        case .prefecture: return "prefecture"
        case .designatedCity: return "designated city"
        case .coreCity: return "core city"
        case .specialWard: return "special ward"
        case .city: return "city"
        case .town: return "town"
        case .village: return "village"
        case .ward: return "ward of a designated city"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}
