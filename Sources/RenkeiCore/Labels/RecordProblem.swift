/// A problem a person can fix in a record file renkei reads beside the cases — a funding
/// programme (`Data/funding`, `<workspace>/programmes`), a partner record, a municipality
/// profile — typed, so `renkei validate`, `grant`, `partner` and `municipality show` say it in
/// the reader's language (issue 14: these lines were English under a Japanese locale). Each
/// names the file and, where it helps, the field and what to write.
public enum RecordProblem: Equatable, Sendable, CustomStringConvertible {
    /// The file does not read as its kind of record (not JSON, a field missing or of the wrong type).
    case damaged(file: String, DamageReason)
    /// The file cannot be read at all (permissions, not a regular file), worded by the store.
    case unreadable(StoreMessage)
    // funding programmes
    case rateNotPercent(file: String, rate: Int)
    case yearsOverMax(file: String, track: Int, years: Int, maxYears: Int)
    case unknownBodyClass(file: String, track: Int, key: String, known: [String])
    // partner records
    case partnerNameEmpty(file: String)
    case corporateNumber(file: String, number: String)
    case partnerMunicipalityCode(file: String, code: String)
    case partnerTwice(file: String, name: String, other: String)
    // municipality profiles
    case profileCodeUnknown(file: String, code: String)
    case readinessUnknown(file: String, id: String, known: [String])
    case profileFileName(file: String, code: String)
    case profileTwice(file: String, code: String, name: String)
    // `renkei validate`'s checks of a case against the catalog
    case endStateWithoutReason(caseId: String, stage: Stage)
    case unknownMethod(caseId: String, method: String)
    case unknownDomain(caseId: String, domain: String)

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .damaged(let file, let r):
            return "\(file): \(r.text(lang))"
        case .unreadable(let m):
            return m.text(lang)
        case .rateNotPercent(let file, let rate):
            return ja ? "\(file): ratePercent \(rate) は百分率の補助率（1〜100）ではありません"
                      : "\(file): ratePercent \(rate) is not a rate in percent (1–100)"
        case .yearsOverMax(let file, let i, let years, let max):
            return ja ? "\(file): tracks[\(i)].years \(years) が maxYears \(max) を超えています"
                      : "\(file): tracks[\(i)].years \(years) is more than maxYears \(max)"
        case .unknownBodyClass(let file, let i, let key, let known):
            return ja ? "\(file): tracks[\(i)].capYen.\(key) は団体の区分ではありません（\(known.joined(separator: "、")) のいずれか）"
                      : "\(file): tracks[\(i)].capYen.\(key) is not a class of body (\(known.joined(separator: ", ")))"
        case .partnerNameEmpty(let file):
            return ja ? "\(file): 名前（name）が空です" : "\(file): name is empty"
        case .corporateNumber(let file, let n):
            return ja ? "\(file): corporateNumber「\(n)」は法人番号（先頭がチェックデジットの13桁）ではありません — 国税庁法人番号公表サイトで確認してください"
                      : "\(file): corporateNumber '\(n)' is not a 法人番号 (13 digits, the first the check digit); check it on the 国税庁法人番号公表サイト"
        case .partnerMunicipalityCode(let file, let c):
            return ja ? "\(file): municipalityCode「\(c)」のチェックデジットが違います（renkei municipality find 名前 で調べられます）"
                      : "\(file): municipalityCode '\(c)' has a wrong check digit (renkei municipality find NAME)"
        case .partnerTwice(let file, let name, let other):
            return ja ? "\(file): 「\(name)」はすでに \(other) の記録です — 連携先ごとにファイルは一つにしてください"
                      : "\(file): '\(name)' is already the record of \(other); keep one file per partner"
        case .profileCodeUnknown(let file, let code):
            return ja ? "\(file): code「\(code)」は団体コード表にありません — チェックデジット付きの6桁のコードにしてください（renkei municipality find 名前）"
                      : "\(file): code '\(code)' is not a local government code in the table; use the 6-digit code with its check digit (renkei municipality find NAME)"
        case .readinessUnknown(let file, let id, let known):
            return ja ? "\(file): readiness.\(id) はカタログの準備項目ではありません（ある項目: \(known.joined(separator: "、"))）"
                      : "\(file): readiness.\(id) is not a readiness item of the catalog; known: \(known.joined(separator: ", "))"
        case .profileFileName(let file, let code):
            return ja ? "\(file): code「\(code)」とファイル名が違います — ファイル名を \(code).json にしてください"
                      : "\(file): code '\(code)' differs from the file name; name the file \(code).json"
        case .endStateWithoutReason(let id, let stage):
            return ja ? "\(id): \(stage.label(lang))になった理由（stageReason）がありません — renkei move \(id) --to \(stage.label(lang)) --reason 理由 で記録してください"
                      : "\(id): end state \(stage.rawValue) has no reason (stageReason)"
        case .unknownMethod(let id, let m):
            return ja ? "\(id): 手法「\(m)」はカタログにありません — renkei set \(id) method で選び直してください"
                      : "\(id): unknown method '\(m)'"
        case .unknownDomain(let id, let d):
            return ja ? "\(id): 課題分野「\(d)」はカタログにありません — renkei set \(id) domain で選び直してください"
                      : "\(id): unknown domain '\(d)'"
        case .profileTwice(let file, let code, let name):
            return ja ? "\(file): \(code)（\(name)）のプロファイルが二つあります — コードごとにファイルは一つにしてください"
                      : "\(file): a second profile for \(code) (\(name)); keep one file per code"
        }
    }
}
