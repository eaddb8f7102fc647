/// Words of the municipality and partner views (issue 16), part of Core's one label table:
/// fixed words in `MunicipalityLabel`, sentences with values in `MunicipalityMessage`.
/// `LabelWalkTests` walks both in ja and en.
public enum MunicipalityLabel: String, CaseIterable, Sendable {
    case code, kind, size, desk, readiness, casesByStage, deadlines, calendar, notes
    case noProfile, noCases, noDeadlines, unknownReadiness, cases, municipalities
    case unresolvedSection, unresolvedPartnerSection, reading, romaji

    public func text(_ lang: Lang) -> String { lang == .ja ? pair.ja : pair.en }

    public var pair: (ja: String, en: String) {
        switch self {
        // A table's column head over 6-digit codes: short.
        case .code: return ("団体コード", "Code")
        case .kind: return ("団体区分", "Kind of body")
        case .size: return ("規模", "Size class")
        case .desk: return ("担当窓口", "Desk")
        case .readiness: return ("庁内体制（実践ガイド p.29–35）", "Readiness (guide p.29–35)")
        case .casesByStage: return ("段階別の案件", "Cases by stage")
        case .deadlines: return ("次の期限", "Next deadlines")
        case .calendar: return ("予算カレンダー", "Budget calendar")
        case .notes: return ("備考", "Notes")
        case .noProfile: return ("プロフィールはまだありません", "No profile yet")
        case .noCases: return ("案件はありません", "No cases")
        case .noDeadlines: return ("期限はありません", "No deadlines")
        case .unknownReadiness: return ("未確認", "unknown")
        case .cases: return ("案件", "Cases")
        case .municipalities: return ("自治体", "Municipalities")
        case .unresolvedSection: return ("コード未確定の自治体", "Municipalities without a code")
        case .unresolvedPartnerSection: return ("コード未確定の連携先自治体", "Municipal partners without a code")
        case .reading: return ("読み", "Reading")
        case .romaji: return ("ローマ字", "Romaji")
        }
    }
}

extension ReadinessStatus {
    public var ja: String {
        switch self { case .yes: return "あり"; case .partial: return "一部"; case .no: return "なし" }
    }
    public var en: String {
        switch self { case .yes: return "yes"; case .partial: return "partly"; case .no: return "no" }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

/// Sentences about municipalities, typed; the wording lives only here.
public enum MunicipalityMessage: Equatable, Sendable {
    /// `resolve`: the case now carries the code.
    case linked(caseId: String, name: String, body: String, code: String)
    /// `resolve --dry-run`: would link.
    case wouldLink(caseId: String, name: String, body: String, code: String)
    case ambiguous(caseId: String, name: String, candidates: [String])
    case unresolved(caseId: String, name: String)
    case unknownCode(caseId: String, code: String)
    /// A municipal partner (kind 自治体) on a case whose name fits several bodies, none, or whose
    /// record's code the table lacks: `validate`'s notices; a partner record settles each.
    case partnerAmbiguous(caseId: String, name: String, candidates: [String])
    case partnerUnresolved(caseId: String, name: String)
    case partnerUnknownCode(caseId: String, name: String, code: String)
    case summary(linked: Int, ambiguous: Int, unresolved: Int, already: Int)
    /// `show`/`list` when a typed name fits several bodies.
    case chooseOne(input: String, candidates: [String])
    /// The new-case form: the name typed so far fits one body, which the case will be linked to.
    case willLink(body: String, code: String)
    /// The new-case form: no body fits; saved as free text, the nearest bodies offered.
    case freeText(near: [String])
    case notFound(input: String)
    case profileSize(size: String, fromKind: Bool)
    case readinessCounts(yes: Int, partial: Int, no: Int, unknown: Int)
    /// A joint-procurement group by codes: one prefecture (which can convene the call) or
    /// several, which members' bodies share a boundary, one size class or mixed; nil where not
    /// every member is known (the outer nil), so nothing is claimed from missing codes.
    case jointProximity(prefecture: String??, size: String??, neighbours: [String]?)
    /// A linked body as a case shows it: 狭山市（埼玉県・112151）; a prefecture has no prefecture.
    case codedBody(name: String, prefecture: String?, code: String)
    /// A case's municipality without a code, as written.
    case unlinked(name: String)
    /// How to link it — one line each: one body fits (`target`; nil when the table was not at hand),
    case linkHint(caseId: String, target: String?)
    /// several fit,
    case chooseHint(caseId: String, candidates: [String])
    /// none does (free text),
    case freeTextHint(caseId: String)
    /// the stored code is not in the table.
    case badCodeHint(caseId: String, code: String)
    /// The same four in the workbench, by its keys: `e` → 地方公共団体コード.
    case workbenchLinkHint(code: String?)
    case workbenchChooseHint(candidates: [String])
    case workbenchFreeTextHint
    case workbenchBadCodeHint(code: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .linked(let id, let name, let body, let code):
            return ja ? "\(id): 「\(name)」を \(body)［\(code)］に結び付けました" : "\(id): linked '\(name)' to \(body) [\(code)]"
        case .wouldLink(let id, let name, let body, let code):
            return ja ? "\(id): 「\(name)」→ \(body)［\(code)］（--dry-run のため未保存）" : "\(id): '\(name)' → \(body) [\(code)] (dry run, not saved)"
        case .ambiguous(let id, let name, let cs):
            return ja ? "\(id): 「\(name)」は複数の団体に当たります: \(cs.joined(separator: "、")) — renkei set \(id) municipality.code コード で選んでください"
                      : "\(id): '\(name)' fits several bodies: \(cs.joined(separator: ", ")) — choose with renkei set \(id) municipality.code CODE"
        case .unresolved(let id, let name):
            return ja ? "\(id): 「\(name)」は団体コード表にありません（自由記述のまま）— 正しい名前なら renkei set \(id) municipality.code コード"
                      : "\(id): '\(name)' is not in the table of local governments (kept as free text) — if it is one, renkei set \(id) municipality.code CODE"
        case .unknownCode(let id, let code):
            return ja ? "\(id): municipality.code「\(code)」は団体コード表にありません（検査数字を確認）— renkei municipality find 名前 で探せます"
                      : "\(id): municipality.code '\(code)' is not in the table (check digit?) — look it up with renkei municipality find NAME"
        case .partnerAmbiguous(let id, let name, let cs):
            return ja ? "\(id): 連携先の自治体「\(name)」は複数の団体に当たります: \(cs.joined(separator: "、")) — partners/ の記録に municipalityCode を書いて選んでください"
                      : "\(id): municipal partner '\(name)' fits several bodies: \(cs.joined(separator: ", ")) — choose by writing its municipalityCode in a record in partners/"
        case .partnerUnresolved(let id, let name):
            return ja ? "\(id): 連携先の自治体「\(name)」は団体コード表にありません（自由記述のまま）— 一つの団体なら partners/ の記録に municipalityCode を書いてください"
                      : "\(id): municipal partner '\(name)' is not in the table of local governments (kept as free text) — if it is one body, write its municipalityCode in a record in partners/"
        case .partnerUnknownCode(let id, let name, let code):
            return ja ? "\(id): 連携先の自治体「\(name)」の記録の municipalityCode「\(code)」は団体コード表にありません — renkei municipality find 名前 で探せます"
                      : "\(id): municipal partner '\(name)': its record's municipalityCode '\(code)' is not in the table — look it up with renkei municipality find NAME"
        case .summary(let linked, let ambiguous, let unresolved, let already):
            return ja ? "結び付け \(linked) 件・候補複数 \(ambiguous) 件・該当なし \(unresolved) 件・設定済み \(already) 件"
                      : "linked \(linked), several candidates \(ambiguous), not found \(unresolved), already linked \(already)"
        case .chooseOne(let input, let cs):
            return ja ? "「\(input)」は複数の団体に当たります: \(cs.joined(separator: "、")) — 都道府県を付けるかコードで指定してください"
                      : "'\(input)' fits several bodies: \(cs.joined(separator: ", ")) — add the prefecture or give the code"
        case .willLink(let body, let code):
            return ja ? "→ \(body)［\(code)］に結び付けます" : "→ will be linked to \(body) [\(code)]"
        case .freeText(let near):
            let base = ja ? "団体コード表に一致なし（自由記述として保存）" : "not in the table of local governments (saved as free text)"
            guard !near.isEmpty else { return base }
            return base + (ja ? "。候補: " + near.joined(separator: "、") : "; nearest: " + near.joined(separator: ", "))
        case .notFound(let input):
            return ja ? "「\(input)」に当たる団体はありません — renkei municipality find で候補を確認できます"
                      : "no local government matches '\(input)' — see the candidates with renkei municipality find"
        case .profileSize(let size, let fromKind):
            return fromKind ? size + (ja ? "（団体区分から）" : " (from the kind of body)") : size
        case .readinessCounts(let y, let p, let n, let u):
            return ja ? "あり \(y)・一部 \(p)・なし \(n)・未確認 \(u)" : "yes \(y), partly \(p), no \(n), unknown \(u)"
        case .jointProximity(let p, let s, let n):
            var parts: [String] = []
            if let p { parts.append(p.map { ja ? "同じ都道府県（\($0)）" : "same prefecture (\($0))" } ?? (ja ? "都道府県をまたぐ" : "across prefectures")) }
            if let n { parts.append(n.isEmpty ? (ja ? "隣接する団体なし" : "no two share a boundary")
                                              : (ja ? "隣接（\(n.joined(separator: "、"))）" : "neighbouring (\(n.joined(separator: ", ")))")) }
            if let s { parts.append(s.map { ja ? "同じ規模（\($0)）" : "same size class (\($0))" } ?? (ja ? "規模は混在" : "mixed size classes")) }
            return (ja ? "所在・規模: " : "Where and size: ") + parts.joined(separator: ja ? "・" : ", ")
        case .codedBody(let name, let pref, let code):
            return ja ? "\(name)（\(pref.map { $0 + "・" } ?? "")\(code)）" : "\(name) (\(pref.map { $0 + ", " } ?? "")\(code))"
        case .unlinked(let name):
            return ja ? "\(name)（未照合）" : "\(name) (no code)"
        case .linkHint(_, let target):
            guard let target else {
                return ja ? "未照合 — renkei municipality resolve で団体コードに結び付けます" : "not linked to a code — renkei municipality resolve links it"
            }
            return ja ? "未照合 — renkei municipality resolve で \(target) に結び付けます" : "not linked to a code — renkei municipality resolve links it to \(target)"
        case .chooseHint(let id, let cs):
            return ja ? "未照合 — 複数の団体に当たります（\(cs.joined(separator: "、"))）: renkei set \(id) municipality.code コード で選んでください"
                      : "not linked to a code — fits several bodies (\(cs.joined(separator: ", "))): choose with renkei set \(id) municipality.code CODE"
        case .freeTextHint(let id):
            return ja ? "未照合 — 団体コード表にない名前（自由記述のまま）。自治体なら renkei municipality find 名前 で探し renkei set \(id) municipality.code コード"
                      : "not linked to a code — not in the table (kept as free text); if it is a local government, renkei municipality find NAME, then renkei set \(id) municipality.code CODE"
        case .workbenchLinkHint(let code):
            let field = CaseFields.codeSpec.label(lang)
            guard let code else {
                return ja ? "未照合 — e →「\(field)」で団体コードに結び付けます" : "not linked to a code — e → '\(field)' links it"
            }
            // The body is named on the line above; the code is what to type.
            return ja ? "未照合 — e →「\(field)」に \(code) と入れて結び付けます"
                      : "not linked to a code — e → '\(field)': enter \(code) to link it"
        case .workbenchChooseHint(let cs):
            let field = CaseFields.codeSpec.label(lang)
            return ja ? "未照合 — 複数の団体に当たります（\(cs.joined(separator: "、"))）: e →「\(field)」でどちらかを入れてください"
                      : "not linked to a code — fits several bodies (\(cs.joined(separator: ", "))): enter one with e → '\(field)'"
        case .workbenchFreeTextHint:
            let field = CaseFields.codeSpec.label(lang)
            return ja ? "未照合 — 団体コード表にない名前（自由記述のまま）。自治体なら e →「\(field)」に団体コードを入れます"
                      : "not linked to a code — not in the table (kept as free text); if it is a local government, enter its code with e → '\(field)'"
        case .workbenchBadCodeHint(let code):
            let field = CaseFields.codeSpec.label(lang)
            return ja ? "未照合 — \(field)「\(code)」は団体コード表にありません（検査数字を確認）: e →「\(field)」で直してください"
                      : "not linked — '\(field)' \(code) is not in the table (check digit?): correct it with e → '\(field)'"
        case .badCodeHint(let id, let code):
            return ja ? "未照合 — municipality.code「\(code)」は団体コード表にありません（検査数字を確認）: renkei municipality find 名前 で探し renkei set \(id) municipality.code コード"
                      : "not linked — municipality.code '\(code)' is not in the table (check digit?): renkei municipality find NAME, then renkei set \(id) municipality.code CODE"
        }
    }
}

/// Words of the partner views (issue 16).
public enum PartnerLabel: String, CaseIterable, Sendable {
    case partner, corporateNumber, aliases, people, noRecord, role

    public func text(_ lang: Lang) -> String { lang == .ja ? pair.ja : pair.en }

    public var pair: (ja: String, en: String) {
        switch self {
        case .partner: return ("連携先", "Partner")
        case .corporateNumber: return ("法人番号", "Corporate number")
        case .aliases: return ("別名", "Also known as")
        case .people: return ("担当者", "Person")
        case .noRecord: return ("記録ファイルなし（案件の記載から表示）", "No record file (shown from the cases)")
        case .role: return ("役割", "Role")
        }
    }
}

/// Sentences of the partner views, typed.
public enum PartnerMessage: Equatable, Sendable {
    case notFound(String)
    case caseCount(Int, municipalities: Int)
    /// `P` on a case that names no partner.
    case noPartners(caseId: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .notFound(let name):
            return ja ? "連携先「\(name)」はどの案件にも記録にもありません — renkei partner list で記録を確認できます"
                      : "no case and no record names partner '\(name)' — see the records with renkei partner list"
        case .caseCount(let n, let m):
            return ja ? "参加している案件 \(n) 件（\(m) 自治体）" : "Takes part in \(n) case\(n == 1 ? "" : "s") in \(m) municipalit\(m == 1 ? "y" : "ies")"
        case .noPartners(let id):
            return ja ? "\(id) には連携先がありません — e で連携先を追加できます" : "\(id) names no partner — add one with e"
        }
    }
}

/// Words and sentences of `renkei grant` (issue 16: funding rules as data).
public enum GrantLabel: String, CaseIterable, Sendable {
    case national, local, cap, applications, criteria, obligations, related, window, noGrant, source

    public func text(_ lang: Lang) -> String { lang == .ja ? pair.ja : pair.en }

    public var pair: (ja: String, en: String) {
        switch self {
        case .national: return ("国費（補助率分）", "State share")
        case .local: return ("地方負担分（自治体の予算計上が必要）", "Local share (needs its own budget line)")
        case .cap: return ("交付上限額", "Cap")
        case .applications: return ("同年度の新規申請", "New applications this fiscal year")
        case .criteria: return ("評価基準（確認する）", "Evaluation criteria (to confirm)")
        case .obligations: return ("義務", "Obligations")
        case .related: return ("関連する制度", "Related programmes")
        case .window: return ("申請締切", "Application deadline")
        case .noGrant: return ("国の交付金に頼る財源はありません", "No funding source relies on a national grant programme")
        case .source: return ("出典", "Source")
        }
    }
}

public enum GrantMessage: Equatable, Sendable {
    case overCap(national: String, cap: String)
    case applicationCount(count: Int, limit: Int, fiscalYear: String)
    case capBasis(track: String, perYear: Bool, bodyClass: String)
    case tickHint(caseId: String)
    case unknownItem(String, known: [String])

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .overCap(let n, let cap):
            return ja ? "国費 \(n) が上限 \(cap) を超えています — 事業を分けるか規模を見直してください"
                      : "state share \(n) is over the cap \(cap) — split the project or resize it"
        case .applicationCount(let n, let limit, let fy):
            return ja ? "\(fy)にこの自治体で \(n) 件（通常の上限 \(limit) 件）" : "\(n) in \(fy) for this municipality (normal limit \(limit))"
        case .capBasis(let track, let perYear, let cls):
            return ja ? "\(track)・\(cls)・\(perYear ? "年度あたり" : "事業計画期間の総額")" : "\(track), \(cls), \(perYear ? "per fiscal year" : "over the plan")"
        case .tickHint(let id):
            return ja ? "確認したら: renkei grant \(id) --tick 項目ID（取り消しは --untick）" : "once confirmed: renkei grant \(id) --tick ITEM-ID (--untick to take it back)"
        case .unknownItem(let item, let known):
            return ja ? "「\(item)」は交付金の評価基準・義務の項目ではありません — 項目: \(known.joined(separator: "、"))"
                      : "'\(item)' is not a criterion or obligation of a grant programme — items: \(known.joined(separator: ", "))"
        }
    }
}

extension BodyClass {
    public var ja: String {
        switch self { case .prefecture: return "都道府県"; case .centralCoreCity: return "中枢中核都市"; case .municipality: return "市区町村" }
    }
    public var en: String {
        switch self { case .prefecture: return "prefecture"; case .centralCoreCity: return "central core city"; case .municipality: return "municipality" }
    }
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}
