/// A problem in the guide catalog (`Data/catalog/guide.json`) or in a workspace's extension of it
/// (`<workspace>/catalog/*.json`) — typed, so `renkei validate` says it in the reader's language
/// (issue 14). Each names the file and the item, stage, method or exit, and what to change.
public enum CatalogProblem: Equatable, Sendable, CustomStringConvertible {
    /// An extension file that cannot be read or is not a catalog (worded by the store: file and reason).
    case unreadable(StoreMessage)
    case itemIdTwice(file: String, id: String, times: Int)
    case noGuidePage(file: String, item: String)
    case itemId(file: String, id: String)
    case stageNeedsUnknownField(file: String, stage: String, field: String)
    case methodNeedsUnknownField(file: String, method: String, field: String)
    case stageMissing(file: String, stage: Stage)
    case exitUnknownMethod(file: String, exit: String, method: String)
    case roughQuoteItemMissing(file: String, item: String)
    case referenceItems(file: String, found: Int)

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .unreadable(let m):
            return m.text(lang)
        case .itemIdTwice(let file, let id, let n):
            return ja ? "\(file): チェック項目の id「\(id)」が \(n) 回使われています — id は一つずつにしてください"
                      : "\(file): checklist item id '\(id)' is used \(n) times; ids must be unique"
        case .noGuidePage(let file, let item):
            return ja ? "\(file): 項目「\(item)」に手引きのページ（page）がありません — page を書き足してください"
                      : "\(file): item '\(item)' has no guide page reference; add its page"
        case .itemId(let file, let id):
            return ja ? "\(file): 項目の id「\(id)」は使えません — 英小文字・数字・ハイフン（-）だけで書いてください"
                      : "\(file): item id '\(id)' must be lowercase letters, digits and '-'"
        case .stageNeedsUnknownField(let file, let stage, let field):
            return ja ? "\(file): 段階「\(stage)」の必須項目「\(field)」は案件の項目にありません — requiredFields を直してください"
                      : "\(file): stage '\(stage)' requires unknown field '\(field)'; fix its requiredFields"
        case .methodNeedsUnknownField(let file, let method, let field):
            return ja ? "\(file): 手法「\(method)」の必須項目「\(field)」は案件の項目にありません — requiredFields を直してください"
                      : "\(file): method '\(method)' requires unknown field '\(field)'; fix its requiredFields"
        case .stageMissing(let file, let stage):
            return ja ? "\(file): 段階「\(stage.label(lang))」（\(stage.rawValue)）がありません — 手引きのカタログから戻してください"
                      : "\(file): stage '\(stage.rawValue)' is missing; restore it from the shipped catalog"
        case .exitUnknownMethod(let file, let exit, let method):
            return ja ? "\(file): 出口「\(exit)」に挙げた手法「\(method)」はカタログにありません — 手法を追加するか、名前を直してください"
                      : "\(file): exit '\(exit)' lists unknown method '\(method)'; add the method or fix the name"
        case .roughQuoteItemMissing(let file, let item):
            return ja ? "\(file): 下見積もりの項目「\(item)」がありません（期限の計算に必要です）— 手引きのカタログから戻してください"
                      : "\(file): the 下見積もり item '\(item)' is missing (the deadline rules need it)"
        case .referenceItems(let file, let found):
            return ja ? "\(file): 予算化の参考項目は手引きの6つが必要ですが、\(found) つしかありません — 手引きのカタログから戻してください"
                      : "\(file): expected the guide's six budget reference items, found \(found)"
        }
    }
}
