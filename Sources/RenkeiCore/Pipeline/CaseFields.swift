import Foundation

/// Every user-editable field of a case, by path — one table that `renkei set`, the TUI's edit
/// form, event changes and undo all use. A change is (path, before, after) as JSON; undo is just
/// `set(path, before)`.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case text, multiline, int, yen, day, choice([String]), tags
    }
    public let path: String
    public let ja: String
    public let en: String
    public let kind: Kind
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

/// What a field accepts, typed so that every screen words it in its own language
/// (`FieldExpectation.text(lang)`), never by matching English sentences.
public enum FieldExpectation: Equatable, Sendable {
    case wholeNumber, number, fiscalYear, yen, date, tick, note, snooze, stageId
    /// An amount at or beyond `Yen.limit`.
    case yenTooLarge
    /// 6 digits whose last is the check digit (全国地方公共団体コード).
    case municipalityCode
    case oneOf([String])
    /// `budget.totalYen` on a case with several budget lines.
    case singleTotal

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .wholeNumber: return ja ? "整数で入力してください" : "a whole number"
        case .number: return ja ? "数値で入力してください" : "a number"
        case .fiscalYear: return ja ? "2000〜2100 の年度を入力してください" : "a fiscal year between 2000 and 2100"
        case .yen: return ja ? "金額（円）を入力してください（例: 4,800,000）" : "an amount in yen, e.g. 4,800,000"
        case .yenTooLarge: return ja ? "金額が大きすぎます（\(Yen.grouped(Yen.limit - 1))円まで）" : "the amount is too large (at most ¥\(Yen.grouped(Yen.limit - 1)))"
        case .date: return ja ? "日付を YYYY-MM-DD で入力してください" : "a date YYYY-MM-DD"
        case .tick: return ja ? "チェックの記録 {at, by}" : "a tick {at, by}"
        case .note: return ja ? "メモの記録" : "a note"
        case .snooze: return ja ? "スヌーズの記録" : "a snooze"
        case .stageId: return ja ? "段階" : "a stage id"
        case .municipalityCode:
            return ja ? "検査数字つき6桁の地方公共団体コードを入力してください（例: 狭山市 112151）— 名前から探すには renkei municipality find"
                      : "a 6-digit local government code with its check digit, e.g. 112151 for 狭山市 — look it up with renkei municipality find"
        case .oneOf(let options): return ja ? "次のいずれか: " + options.joined(separator: "、") : "one of " + options.joined(separator: ", ")
        case .singleTotal:
            return ja ? "予算の内訳が複数あるため合計だけは変えられません — ファイルで内訳を編集してください"
                      : "a single total; this case has several budget lines — edit them in the file"
        }
    }
}

public enum FieldError: Error, Equatable, CustomStringConvertible {
    case unknownField(String)
    case invalid(field: String, value: String, expected: FieldExpectation)

    public var description: String {
        switch self {
        case .unknownField(let f):
            return "unknown field '\(f)'; run 'renkei set --help' for the list of fields"
        case .invalid(let f, let v, let e):
            return "field '\(f)': '\(v)' is not valid — expected \(e.text(.en))"
        }
    }

    /// The message for a form: what to type, in the reader's language.
    public func text(_ lang: Lang) -> String {
        switch self {
        case .unknownField(let f): return lang == .ja ? "項目「\(f)」はありません" : description
        case .invalid(_, _, let e): return lang == .ja ? e.text(lang) : "expected " + e.text(lang)
        }
    }
}

public enum CaseFields {
    /// Fields a user can set directly. Dynamic paths (`checklist.<item>`, `note.<id>`,
    /// `reference.<item>`) are handled in `get`/`set` as well.
    public static let specs: [FieldSpec] = [
        FieldSpec(path: "title", ja: "件名", en: "Title", kind: .text),
        FieldSpec(path: "municipality.name", ja: "自治体", en: "Municipality", kind: .text),
        FieldSpec(path: "municipality.prefecture", ja: "都道府県", en: "Prefecture", kind: .text),
        FieldSpec(path: "municipality.size", ja: "規模", en: "Size class", kind: .choice(SizeClass.allCases.map(\.rawValue))),
        FieldSpec(path: "municipality.kind", ja: "団体区分", en: "Kind", kind: .choice(MunicipalityKind.allCases.map(\.rawValue))),
        FieldSpec(path: "department", ja: "原課", en: "Department", kind: .text),
        FieldSpec(path: "domain", ja: "課題分野", en: "Issue domain", kind: .text),
        FieldSpec(path: "issue.why", ja: "課題と理想像 (WHY)", en: "Issue & ideal (WHY)", kind: .multiline),
        FieldSpec(path: "issue.how", ja: "連携の方法 (HOW)", en: "Approach (HOW)", kind: .multiline),
        FieldSpec(path: "issue.what", ja: "実施内容 (WHAT)", en: "Activities (WHAT)", kind: .multiline),
        FieldSpec(path: "exit", ja: "出口", en: "Exit", kind: .choice(Exit.allCases.map(\.rawValue))),
        FieldSpec(path: "method", ja: "手法", en: "Method", kind: .text),
        FieldSpec(path: "budget.fiscalYear", ja: "目標年度", en: "Target fiscal year", kind: .int),
        FieldSpec(path: "budget.expenditureItem", ja: "歳出費目", en: "Expenditure item", kind: .text),
        FieldSpec(path: "budget.roughQuoteYen", ja: "下見積もり(円)", en: "Rough quote (yen)", kind: .yen),
        FieldSpec(path: "budget.totalYen", ja: "予算額(円)", en: "Budget (yen)", kind: .yen),
        FieldSpec(path: "tags", ja: "タグ", en: "Tags", kind: .tags),
        FieldSpec(path: "partners", ja: "連携先", en: "Partners", kind: .tags),
        FieldSpec(path: "nextAction.text", ja: "次のアクション", en: "Next action", kind: .text),
        FieldSpec(path: "nextAction.due", ja: "次のアクション期限", en: "Next action due", kind: .day),
    ]

    static let codeSpec = FieldSpec(path: "municipality.code", ja: "地方公共団体コード", en: "Local government code", kind: .text)

    public static func spec(_ path: String) -> FieldSpec? {
        if let s = specs.first(where: { $0.path == path }) { return s }
        if path.hasPrefix("reference.") {
            return FieldSpec(path: path, ja: "参考項目", en: "Reference item", kind: .multiline)
        }
        // Whole lists of records, set by `renkei partner` / `renkei contact` (not typed as text).
        if path == "partnerList" { return FieldSpec(path: path, ja: "連携先", en: "Partners", kind: .tags) }
        if path == "contactList" { return FieldSpec(path: path, ja: "連絡先", en: "Contacts", kind: .tags) }
        if path == "kpiList" { return FieldSpec(path: path, ja: "KPI", en: "KPIs", kind: .tags) }
        if path == "fundingList" { return FieldSpec(path: path, ja: "財源", en: "Funding", kind: .tags) }
        if path == "budgetItemList" { return FieldSpec(path: path, ja: "予算の内訳", en: "Budget lines", kind: .tags) }
        // Set from the municipality table (`renkei municipality resolve`, `renkei set ID
        // municipality.code CODE`) and in the workbench's field picker, where the overview's
        // 未照合 line says which code to type (issue 16); the check digit is validated either way.
        if path == "municipality.code" { return codeSpec }
        return nil
    }

    /// Parses user text (CLI/TUI) into the JSON value stored for `path`. Empty text clears.
    public static func parse(_ path: String, _ text: String) throws -> JSONValue {
        guard let spec = spec(path) else { throw FieldError.unknownField(path) }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty {
            switch spec.kind {
            case .tags: return .array([])
            default: return path == "title" || path == "municipality.name" ? .string("") : .null
            }
        }
        switch spec.kind {
        case .text where path == "municipality.code":
            let code = TextNormalizer.nfkc(t)
            guard MunicipalityCode.isValid(code) else { throw FieldError.invalid(field: path, value: text, expected: .municipalityCode) }
            return .string(code)
        case .text, .multiline:
            return .string(spec.kind == .text ? t : text)
        case .int:
            guard let n = Int(TextNormalizer.nfkc(t)) else { throw FieldError.invalid(field: path, value: text, expected: .wholeNumber) }
            if path == "budget.fiscalYear", !(2000...2100).contains(n) {
                throw FieldError.invalid(field: path, value: text, expected: .fiscalYear)
            }
            return .int(n)
        case .yen:
            let digits = TextNormalizer.nfkc(t).replacingOccurrences(of: ",", with: "")
                .replacingOccurrences(of: "円", with: "").replacingOccurrences(of: "¥", with: "")
            guard let n = Int(digits), n >= 0 else {
                // Digits only, but more than an Int holds: too large, not malformed.
                let tooLarge = !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
                throw FieldError.invalid(field: path, value: text, expected: tooLarge ? .yenTooLarge : .yen)
            }
            guard n < Yen.limit else { throw FieldError.invalid(field: path, value: text, expected: .yenTooLarge) }
            return .int(n)
        case .day:
            guard let d = Day(TextNormalizer.nfkc(t)) else { throw FieldError.invalid(field: path, value: text, expected: .date) }
            return .string(d.description)
        case .choice(let options):
            guard options.contains(t) else { throw FieldError.invalid(field: path, value: text, expected: .oneOf(options)) }
            return .string(t)
        case .tags:
            let parts = t.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "，" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .array(parts.map { .string($0) })
        }
    }

    public static func get(_ c: Case, _ path: String) -> JSONValue {
        func s(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
        func i(_ v: Int?) -> JSONValue { v.map { .int($0) } ?? .null }
        switch path {
        case "title": return .string(c.title)
        case "municipality.name": return .string(c.municipality.name)
        case "municipality.prefecture": return s(c.municipality.prefecture)
        case "municipality.size": return s(c.municipality.size?.rawValue)
        case "municipality.kind": return s(c.municipality.kind?.rawValue)
        case "municipality.code": return s(c.municipality.code)
        case "department": return c.department.isEmpty ? .null : .string(c.department)
        case "domain": return s(c.domain)
        case "issue.why": return c.issue.why.isEmpty ? .null : .string(c.issue.why)
        case "issue.how": return c.issue.how.isEmpty ? .null : .string(c.issue.how)
        case "issue.what": return c.issue.what.isEmpty ? .null : .string(c.issue.what)
        case "exit": return s(c.exit?.rawValue)
        case "method": return s(c.method)
        case "stage": return .string(c.stage.rawValue)
        case "stageReason": return s(c.stageReason)
        case "budget.fiscalYear": return i(c.budget.fiscalYear)
        case "budget.expenditureItem": return s(c.budget.expenditureItem)
        case "budget.roughQuoteYen": return i(c.budget.roughQuoteYen)
        case "budget.totalYen": return c.budget.items.isEmpty ? .null : .int(c.budget.totalYen)
        case "budget.items": return c.budget.items.isEmpty ? .null : .int(c.budget.items.count)
        case "tags": return .array(c.tags.map { .string($0) })
        case "partners": return .array(c.partners.map { .string($0.name) })
        // Whole lists with every attribute, so one command edits a partner's kind or a contact
        // and undo restores the list as it was (`renkei partner`, `renkei contact`).
        case "partnerList":
            return .array(c.partners.map { p in
                var o: [String: JSONValue] = ["name": .string(p.name), "kind": .string(p.kind.rawValue)]
                if let r = p.role { o["role"] = .string(r) }
                return .object(o)
            })
        case "kpiList":
            // Whole numbers as ints, as a re-read file has them (undo compares values exactly).
            func num(_ d: Double) -> JSONValue { d.rounded() == d && abs(d) < 1e15 ? .int(Int(d)) : .double(d) }
            return .array(c.kpis.map { k in
                var o: [String: JSONValue] = ["name": .string(k.name), "unit": .string(k.unit),
                                              "actuals": .array(k.actuals.map { .object(["date": .string($0.date.description), "value": num($0.value)]) })]
                if let b = k.baseline { o["baseline"] = num(b) }
                if let t = k.target { o["target"] = num(t) }
                return .object(o)
            })
        case "contactList":
            return .array(c.contacts.map { k in
                var o: [String: JSONValue] = ["name": .string(k.name)]
                for (key, v) in [("organization", k.organization), ("role", k.role), ("email", k.email), ("phone", k.phone)] {
                    if let v { o[key] = .string(v) }
                }
                return .object(o)
            })
        case "fundingList":
            return .array(c.budget.funding.map { f in
                var o: [String: JSONValue] = ["name": .string(f.name), "kind": .string(f.kind.rawValue)]
                if let r = f.ratePercent { o["ratePercent"] = wholeOrDouble(r) }
                if let y = f.yen { o["yen"] = .int(y) }
                if let w = f.windowId { o["windowId"] = .string(w) }
                return .object(o)
            })
        case "budgetItemList":
            return .array(c.budget.items.map { .object(["label": .string($0.label), "yen": .int($0.yen)]) })
        case "kpis": return c.kpis.isEmpty ? .null : .int(c.kpis.count)
        case "nextAction.text": return s(c.nextAction?.text)
        case "nextAction.due": return s(c.nextAction?.due?.description)
        case Case.archivedField: return .bool(c.isArchived)
        default:
            if path.hasPrefix("checklist.") {
                let id = String(path.dropFirst("checklist.".count))
                guard let t = c.checklist[id] else { return .null }
                return .object(["at": .string(t.at.text), "by": .string(t.by)])
            }
            if path.hasPrefix("reference.") {
                return s(c.budget.reference[String(path.dropFirst("reference.".count))])
            }
            if path.hasPrefix("note."), let id = Int(path.dropFirst("note.".count)) {
                guard let n = c.notes.first(where: { $0.id == id }) else { return .null }
                return .object(["id": .int(n.id), "at": .string(n.at.text), "author": .string(n.author), "text": .string(n.text)])
            }
            if path.hasPrefix("concurrentEdit.") {
                let id = String(path.dropFirst("concurrentEdit.".count))
                guard let r = c.concurrentEdits?.first(where: { $0.id == id })?.resolution else { return .null }
                return .object(["choice": .string(r.choice.rawValue), "by": .string(r.by), "at": .string(r.at.text)])
            }
            if path.hasPrefix("snooze.") {
                let item = String(path.dropFirst("snooze.".count))
                guard let z = c.snoozes.first(where: { $0.item == item }) else { return .null }
                return .object(["item": .string(z.item), "until": .string(z.until.description), "reason": .string(z.reason),
                                "at": .string(z.at.text), "by": .string(z.by)])
            }
            return .null
        }
    }

    /// Sets a field from its stored JSON value (as produced by `parse` or recorded in a change).
    public static func set(_ c: inout Case, _ path: String, _ v: JSONValue) throws {
        func str() -> String? { v.stringValue }
        func bad(_ expected: FieldExpectation) -> FieldError { .invalid(field: path, value: v.description, expected: expected) }
        switch path {
        case "title": c.title = str() ?? ""
        case "municipality.name": c.municipality.name = str() ?? ""
        case "municipality.prefecture": c.municipality.prefecture = str()
        case "municipality.code":
            if v.isNull { c.municipality.code = nil } else { guard let x = str(), MunicipalityCode.isValid(x) else { throw bad(.municipalityCode) }; c.municipality.code = x }
        case "municipality.size":
            if v.isNull { c.municipality.size = nil } else { guard let x = str().flatMap(SizeClass.init(rawValue:)) else { throw bad(.oneOf(SizeClass.allCases.map(\.rawValue))) }; c.municipality.size = x }
        case "municipality.kind":
            if v.isNull { c.municipality.kind = nil } else { guard let x = str().flatMap(MunicipalityKind.init(rawValue:)) else { throw bad(.oneOf(MunicipalityKind.allCases.map(\.rawValue))) }; c.municipality.kind = x }
        case "department": c.department = str() ?? ""
        case "domain": c.domain = str()
        case "issue.why": c.issue.why = str() ?? ""
        case "issue.how": c.issue.how = str() ?? ""
        case "issue.what": c.issue.what = str() ?? ""
        case "exit":
            if v.isNull { c.exit = nil } else { guard let x = str().flatMap(Exit.init(rawValue:)) else { throw bad(.oneOf(Exit.allCases.map(\.rawValue))) }; c.exit = x }
        case "method": c.method = str()
        case "stage":
            guard let x = str().flatMap(Stage.init(rawValue:)) else { throw bad(.stageId) }
            c.stage = x
        case "stageReason": c.stageReason = str()
        case Case.archivedField:
            // Derived from the event log (`Case.archival`): nothing to store. The event that
            // records this change (archive, unarchive, or its undo/redo) is what sets it.
            guard case .bool = v else { throw bad(.oneOf(["true", "false"])) }
        case "budget.fiscalYear": c.budget.fiscalYear = v.intValue
        case "budget.expenditureItem": c.budget.expenditureItem = str()
        case "budget.roughQuoteYen": c.budget.roughQuoteYen = v.intValue
        case "budget.totalYen":
            // A single total replaces the line items only when there is at most one line.
            if let n = v.intValue {
                if c.budget.items.count <= 1 { c.budget.items = [BudgetItem(label: c.budget.items.first?.label ?? c.budget.expenditureItem ?? "予算額", yen: n)] }
                else { throw bad(.singleTotal) }
            } else { c.budget.items = [] }
        case "tags": c.tags = (v.arrayValue ?? []).compactMap(\.stringValue)
        case "partnerList":
            var out: [Partner] = []
            for e in v.arrayValue ?? [] {
                guard let o = e.objectValue, let name = o["name"]?.stringValue,
                      let kind = o["kind"]?.stringValue.flatMap(PartnerKind.init(rawValue:)) else { throw bad(.oneOf(PartnerKind.allCases.map(\.rawValue))) }
                out.append(Partner(name: name, kind: kind, role: o["role"]?.stringValue))
            }
            c.partners = out
        case "kpiList":
            func number(_ v: JSONValue?) -> Double? {
                switch v { case .double(let d)?: return d; case .int(let n)?: return Double(n); default: return nil }
            }
            var out: [KPI] = []
            for e in v.arrayValue ?? [] {
                guard let o = e.objectValue, let name = o["name"]?.stringValue else { throw bad(.note) }
                let actuals = (o["actuals"]?.arrayValue ?? []).compactMap { a -> KPIActual? in
                    guard let d = a.objectValue?["date"]?.stringValue.flatMap(Day.init), let x = number(a.objectValue?["value"]) else { return nil }
                    return KPIActual(date: d, value: x)
                }
                out.append(KPI(name: name, unit: o["unit"]?.stringValue ?? "", baseline: number(o["baseline"]), target: number(o["target"]), actuals: actuals))
            }
            c.kpis = out
        case "contactList":
            var out: [Contact] = []
            for e in v.arrayValue ?? [] {
                guard let o = e.objectValue, let name = o["name"]?.stringValue else { throw bad(.note) }
                out.append(Contact(name: name, organization: o["organization"]?.stringValue, role: o["role"]?.stringValue,
                                   email: o["email"]?.stringValue, phone: o["phone"]?.stringValue))
            }
            c.contacts = out
        case "fundingList":
            func number(_ v: JSONValue?) -> Double? {
                switch v { case .double(let d)?: return d; case .int(let n)?: return Double(n); default: return nil }
            }
            var out: [FundingSource] = []
            for e in v.arrayValue ?? [] {
                guard let o = e.objectValue, let name = o["name"]?.stringValue,
                      let kind = o["kind"]?.stringValue.flatMap(FundingKind.init(rawValue:)) else { throw bad(.oneOf(FundingKind.allCases.map(\.rawValue))) }
                out.append(FundingSource(name: name, kind: kind, ratePercent: number(o["ratePercent"]), yen: o["yen"]?.intValue,
                                         windowId: o["windowId"]?.stringValue))
            }
            c.budget.funding = out
        case "budgetItemList":
            var out: [BudgetItem] = []
            for e in v.arrayValue ?? [] {
                guard let o = e.objectValue, let label = o["label"]?.stringValue, let yen = o["yen"]?.intValue, yen >= 0, yen < Yen.limit
                else { throw bad(.yen) }
                out.append(BudgetItem(label: label, yen: yen))
            }
            c.budget.items = out
        case "partners":
            let names = (v.arrayValue ?? []).compactMap(\.stringValue)
            c.partners = names.map { n in c.partners.first(where: { $0.name == n }) ?? Partner(name: n) }
        case "nextAction.text":
            if let t = str() { c.nextAction = NextAction(text: t, due: c.nextAction?.due) }
            else if c.nextAction?.due == nil { c.nextAction = nil } else { c.nextAction?.text = "" }
        case "nextAction.due":
            let d = str().flatMap(Day.init)
            if v.isNull || d != nil {
                if c.nextAction == nil { c.nextAction = NextAction(text: "", due: d) } else { c.nextAction?.due = d }
                if c.nextAction?.text.isEmpty == true && d == nil { c.nextAction = nil }
            } else { throw bad(.date) }
        default:
            if path.hasPrefix("checklist.") {
                let id = String(path.dropFirst("checklist.".count))
                if v.isNull { c.checklist[id] = nil; return }
                guard let o = v.objectValue, let at = o["at"]?.stringValue.flatMap(Timestamp.init), let by = o["by"]?.stringValue
                else { throw bad(.tick) }
                c.checklist[id] = Tick(at: at, by: by)
            } else if path.hasPrefix("reference.") {
                let id = String(path.dropFirst("reference.".count))
                c.budget.reference[id] = str()
            } else if path.hasPrefix("note."), let id = Int(path.dropFirst("note.".count)) {
                c.notes.removeAll { $0.id == id }
                if let o = v.objectValue {
                    guard let at = o["at"]?.stringValue.flatMap(Timestamp.init), let text = o["text"]?.stringValue else { throw bad(.note) }
                    c.notes.append(Note(id: id, at: at, author: o["author"]?.stringValue ?? "", text: text))
                    // Random ids (schemaVersion 2) say nothing about order: notes read in time order.
                    c.notes.sort { ($0.at.epochSeconds, $0.id) < ($1.at.epochSeconds, $1.id) }
                }
            } else if path.hasPrefix("concurrentEdit.") {
                // The review of a merge's concurrent edit (resolution, or null when reopened by undo).
                let id = String(path.dropFirst("concurrentEdit.".count))
                guard let i = c.concurrentEdits?.firstIndex(where: { $0.id == id }) else { throw FieldError.unknownField(path) }
                if v.isNull { c.concurrentEdits?[i].resolution = nil; return }
                guard let o = v.objectValue, let choice = o["choice"]?.stringValue.flatMap(ConcurrentEdit.Choice.init),
                      let at = o["at"]?.stringValue.flatMap(Timestamp.init) else { throw bad(.note) }
                c.concurrentEdits?[i].resolution = ConcurrentEdit.Resolution(choice: choice, by: o["by"]?.stringValue ?? "", at: at)
            } else if path.hasPrefix("snooze.") {
                let item = String(path.dropFirst("snooze.".count))
                c.snoozes.removeAll { $0.item == item }
                if let o = v.objectValue {
                    guard let until = o["until"]?.stringValue.flatMap(Day.init), let at = o["at"]?.stringValue.flatMap(Timestamp.init)
                    else { throw bad(.snooze) }
                    c.snoozes.append(Snooze(item: item, until: until, reason: o["reason"]?.stringValue ?? "", at: at, by: o["by"]?.stringValue ?? ""))
                }
            } else {
                throw FieldError.unknownField(path)
            }
        }
    }

    /// Whole numbers as ints, as a re-read file has them (undo compares values exactly).
    static func wholeOrDouble(_ d: Double) -> JSONValue { d.rounded() == d && abs(d) < 1e15 ? .int(Int(d)) : .double(d) }

    /// Whether a required field counts as filled (used by gates).
    public static func isFilled(_ c: Case, _ path: String) -> Bool {
        switch get(c, path) {
        case .null: return false
        case .string(let s): return !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .array(let a): return !a.isEmpty
        default: return true
        }
    }
}
