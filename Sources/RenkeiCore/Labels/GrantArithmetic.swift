/// `renkei grant`: the national and local shares of a budget could not be computed to the yen
/// — typed, so the line is said in the reader's language (issue 14).
public enum GrantArithmetic: Equatable, Sendable {
    case overflow(caseId: String, totalYen: Int, ratePercent: Int)
    case sharesDoNotAdd(caseId: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .overflow(let id, let total, let rate):
            return ja ? "\(id): 予算総額 \(total) 円 × \(rate)% を正確に計算できません — 予算額と補助率を確かめてください"
                      : "\(id): budget total \(total) yen × \(rate)% cannot be computed exactly"
        case .sharesDoNotAdd(let id):
            return ja ? "\(id): 国と自治体の負担額の合計が総額と合いません — 予算額と補助率を確かめてください"
                      : "\(id): shares do not add up to the total"
        }
    }
}
