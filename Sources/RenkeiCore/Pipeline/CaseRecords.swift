/// The lists of records inside a case — contacts, partners, KPIs, funding sources, budget lines —
/// and the one command that changes each. A list is set whole as one field (`contactList`, …),
/// so adding, changing or removing one record is one event and undo restores the list exactly.
/// The CLI (`renkei contact/partner/kpi/funding/budget-line`) and the workbench's record editors
/// both build their commands here, so the two never disagree on what an edit does.
public enum RecordList: String, CaseIterable, Sendable {
    case contacts, partners, kpis, funding, budgetLines

    /// The field path the whole list is set through.
    public var path: String {
        switch self {
        case .contacts: return "contactList"
        case .partners: return "partnerList"
        case .kpis: return "kpiList"
        case .funding: return "fundingList"
        case .budgetLines: return "budgetItemList"
        }
    }

    public func label(_ lang: Lang) -> String {
        switch self {
        case .contacts: return Label.contacts.text(lang)
        case .partners: return Label.partners.text(lang)
        case .kpis: return Label.tabKPI.text(lang)
        case .funding: return Label.funding.text(lang)
        case .budgetLines: return Label.budgetLines.text(lang)
        }
    }

    public func count(in c: Case) -> Int {
        switch self {
        case .contacts: return c.contacts.count
        case .partners: return c.partners.count
        case .kpis: return c.kpis.count
        case .funding: return c.budget.funding.count
        case .budgetLines: return c.budget.items.count
        }
    }

    /// The case with record `index` removed (out of range: unchanged).
    public func removing(_ index: Int, from c: Case) -> Case {
        var c = c
        func drop<T>(_ a: inout [T]) { if a.indices.contains(index) { a.remove(at: index) } }
        switch self {
        case .contacts: drop(&c.contacts)
        case .partners: drop(&c.partners)
        case .kpis: drop(&c.kpis)
        case .funding: drop(&c.budget.funding)
        case .budgetLines: drop(&c.budget.items)
        }
        return c
    }

    /// The command that stores this list as it is in `edited` (one event, undoable).
    public func command(_ edited: Case) -> Command {
        .setField(path: path, value: CaseFields.get(edited, path))
    }
}

/// Edits by name, as the CLI takes them (`renkei contact ID 山田 --role 係長`): a record with
/// the name is changed, otherwise one is added. The workbench edits by position instead.
public enum CaseRecords {
    /// Puts `record` at `index` (replacing) or at the end when `index` is nil.
    public static func put<T>(_ record: T, at index: Int?, in list: inout [T]) {
        if let index, list.indices.contains(index) { list[index] = record } else { list.append(record) }
    }

    public static func upsertPartner(_ list: inout [Partner], name: String, kind: PartnerKind?, role: String?) {
        if let i = list.firstIndex(where: { $0.name == name }) {
            if let kind { list[i].kind = kind }
            if let role { list[i].role = role.isEmpty ? nil : role }
        } else {
            list.append(Partner(name: name, kind: kind ?? .startup, role: role.flatMap { $0.isEmpty ? nil : $0 }))
        }
    }

    /// `nil` leaves a detail as it is; an empty string clears it.
    public static func upsertContact(_ list: inout [Contact], name: String, organization: String?, role: String?,
                                     email: String?, phone: String?) {
        func opt(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        if let i = list.firstIndex(where: { $0.name == name }) {
            if organization != nil { list[i].organization = opt(organization) }
            if role != nil { list[i].role = opt(role) }
            if email != nil { list[i].email = opt(email) }
            if phone != nil { list[i].phone = opt(phone) }
        } else {
            list.append(Contact(name: name, organization: opt(organization), role: opt(role), email: opt(email), phone: opt(phone)))
        }
    }

    /// Adds the KPI when new, changes what is given, and records `actual` for `day` (one actual
    /// per day: a new one replaces that day's).
    public static func upsertKPI(_ list: inout [KPI], name: String, unit: String?, baseline: Double?, target: Double?,
                                 actual: (day: Day, value: Double)?) {
        if !list.contains(where: { $0.name == name }) { list.append(KPI(name: name, unit: unit ?? "")) }
        let i = list.firstIndex { $0.name == name }!
        if let unit { list[i].unit = unit }
        if let baseline { list[i].baseline = baseline }
        if let target { list[i].target = target }
        if let actual { record(actual.value, on: actual.day, in: &list[i]) }
    }

    public static func record(_ value: Double, on day: Day, in kpi: inout KPI) {
        kpi.actuals.removeAll { $0.date == day }
        kpi.actuals.append(KPIActual(date: day, value: value))
        kpi.actuals.sort { $0.date < $1.date }
    }

    public static func upsertFunding(_ list: inout [FundingSource], name: String, kind: FundingKind?, ratePercent: Double?, yen: Int?) {
        if let i = list.firstIndex(where: { $0.name == name }) {
            if let kind { list[i].kind = kind }
            if let ratePercent { list[i].ratePercent = ratePercent }
            if let yen { list[i].yen = yen }
        } else {
            list.append(FundingSource(name: name, kind: kind ?? .general, ratePercent: ratePercent, yen: yen))
        }
    }

    public static func upsertBudgetLine(_ list: inout [BudgetItem], label: String, yen: Int) {
        if let i = list.firstIndex(where: { $0.label == label }) { list[i].yen = yen } else { list.append(BudgetItem(label: label, yen: yen)) }
    }
}
