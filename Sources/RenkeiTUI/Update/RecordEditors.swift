import Foundation
import RenkeiCore

/// The record editors of a case (issue 14): contacts, partners with their kind, KPIs with
/// actuals by date, funding sources, budget lines. One picker per list (each record, then
/// ＋ 追加), one form per record; every add, change or removal is Core's `RecordList.command`
/// — the command `renkei contact/partner/kpi` writes too — so it is one event and one undo.
extension AppState {
    /// The picker's id for "add a new record" (record rows are their index).
    static let addRecordId = "+"

    /// Opens the list's picker on the detail's case (`e` → 連絡先, or the palette).
    mutating func openRecordPicker(_ list: RecordList, selection: Int = 0) {
        // Called with the case loaded (`performRecordAction` opens it first).
        guard let d = detail, let doc = d.doc else { status = Label.noCaseSelected.text(lang); return }
        if d.readOnly { toast(Label.readOnly.text(lang), .error); return }
        let n = list.count(in: doc)
        var p = Picker(purpose: .records(caseId: doc.id, list: list), title: "\(list.label(lang)) — \(doc.id)",
                       ids: (0..<n).map(String.init) + [AppState.addRecordId],
                       labels: (0..<n).map { recordLine(list, doc, $0) } + [Label.recordAdd.text(lang)])
        p.selection = min(selection, n)
        p.footer = Label.recordsFooter.text(lang)
        modal = .picker(p)
    }

    /// One record as a line of the picker, with its values as a person reads them.
    func recordLine(_ list: RecordList, _ c: Case, _ i: Int) -> String {
        func join(_ parts: [String?]) -> String { parts.compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ") }
        switch list {
        case .contacts:
            let k = c.contacts[i]
            return join([k.name, k.role, k.organization, k.email, k.phone])
        case .partners:
            let p = c.partners[i]
            return join([p.name, p.kind.label(lang), p.role])
        case .kpis:
            let k = c.kpis[i]
            let latest = k.latest.map { "\(Label.kpiLatest.text(lang)) \(SafeNumber.plain($0.value))\(k.unit) (\(DisplayFormat.day($0.date, wareki: settings.wareki)))" }
            return join([k.name, k.target.map { "\(Label.kpiTarget.text(lang)) \(SafeNumber.plain($0))\(k.unit)" }, latest])
        case .funding:
            let f = c.budget.funding[i]
            return join([f.name, f.kind.label(lang), f.ratePercent.map { "\(SafeNumber.plain($0))%" }, f.yen.map(DisplayFormat.yen)])
        case .budgetLines:
            let b = c.budget.items[i]
            return join([b.label, DisplayFormat.yen(b.yen)])
        }
    }

    /// The form for record `index` (nil: a new one).
    mutating func openRecordForm(caseId: String, list: RecordList, index: Int?) {
        guard let doc = detail?.doc, doc.id == caseId else { return }
        func text(_ key: String, _ label: Label, _ value: String?, required: Bool = false, hint: String? = nil) -> FormField {
            var f = FormField(key: key, label: label.text(lang), kind: .text, input: TextInput(value ?? ""))
            f.required = required; f.hint = hint
            return f
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ label: Label, _ all: T.AllCases, _ current: T?,
                                                       _ name: (T) -> String) -> FormField where T.RawValue == String {
            let values = Array(all)
            var f = FormField(key: key, label: label.text(lang), kind: .choice(ids: values.map(\.rawValue), labels: values.map(name)), input: TextInput())
            f.choice = current.flatMap { c in values.firstIndex { $0.rawValue == c.rawValue } } ?? 0
            f.hint = Label.choiceHint.text(lang)
            return f
        }
        func num(_ d: Double?) -> String? { d.map(SafeNumber.plain) }
        let fields: [FormField]
        switch list {
        case .contacts:
            let k = index.map { doc.contacts[$0] }
            fields = [text("name", .recordName, k?.name, required: true), text("role", .recordRole, k?.role),
                      text("organization", .organization, k?.organization), text("email", .email, k?.email),
                      text("phone", .phone, k?.phone)]
        case .partners:
            let p = index.map { doc.partners[$0] }
            fields = [text("name", .recordName, p?.name, required: true),
                      choice("kind", .partnerKind, PartnerKind.allCases, p?.kind) { $0.label(lang) },
                      text("role", .recordRole, p?.role)]
        case .kpis:
            let k = index.map { doc.kpis[$0] }
            fields = [text("name", .recordName, k?.name, required: true), text("unit", .kpiUnit, k?.unit),
                      text("baseline", .kpiBaseline, num(k?.baseline)), text("target", .kpiTarget, num(k?.target)),
                      text("actualDay", .actualDay, today.description, hint: "YYYY-MM-DD"), text("actual", .actualValue, nil)]
        case .funding:
            let f = index.map { doc.budget.funding[$0] }
            fields = [text("name", .recordName, f?.name, required: true),
                      choice("kind", .fundingKind, FundingKind.allCases, f?.kind) { $0.label(lang) },
                      text("rate", .ratePercent, num(f?.ratePercent)),
                      text("yen", .amountYen, f?.yen.map(String.init), hint: Label.yenHint.text(lang))]
        case .budgetLines:
            let b = index.map { doc.budget.items[$0] }
            fields = [text("label", .lineLabel, b?.label, required: true),
                      text("yen", .amountYen, b.map { String($0.yen) }, hint: Label.yenHint.text(lang)).required(true)]
        }
        let title = "\(list.label(lang)) — \(caseId)"
        modalBehind = modal
        modal = .form(Form(purpose: .record(caseId: caseId, list: list, index: index, before: CaseFields.get(doc, list.path)),
                           title: title, fields: fields))
    }

    /// Validates the record form; on success the save effect for the whole list.
    mutating func submitRecord(_ f: inout Form, caseId: String, list: RecordList, index: Int?, before: JSONValue) -> Effect? {
        guard var c = detail?.doc, c.id == caseId else { return nil }
        var ok = true
        func val(_ k: String) -> String { f.fields.first { $0.key == k }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        func fail(_ k: String, _ message: String) {
            if let i = f.fields.firstIndex(where: { $0.key == k }) { f.fields[i].error = message }
            ok = false
        }
        func optional(_ k: String) -> String? { val(k).isEmpty ? nil : val(k) }
        func number(_ k: String) -> Double? {
            guard let t = optional(k) else { return nil }
            guard let d = Double(TextNormalizer.nfkc(t).replacingOccurrences(of: ",", with: "")), d.isFinite else {
                fail(k, FieldExpectation.number.text(lang)); return nil
            }
            return d
        }
        func yen(_ k: String) -> Int? {
            guard let t = optional(k) else { return nil }
            do { return try CaseFields.parse("budget.roughQuoteYen", t).intValue } catch { fail(k, fieldErrorText(error)); return nil }
        }
        for i in f.fields.indices where f.fields[i].required && val(f.fields[i].key).isEmpty {
            f.fields[i].error = Label.requiredField.text(lang); ok = false
        }
        switch list {
        case .contacts:
            CaseRecords.put(Contact(name: val("name"), organization: optional("organization"), role: optional("role"),
                                    email: optional("email"), phone: optional("phone")), at: index, in: &c.contacts)
        case .partners:
            CaseRecords.put(Partner(name: val("name"), kind: PartnerKind(rawValue: val("kind")) ?? .startup, role: optional("role")),
                            at: index, in: &c.partners)
        case .kpis:
            var k = index.map { c.kpis[$0] } ?? KPI(name: "", unit: "")
            k.name = val("name"); k.unit = val("unit")
            k.baseline = number("baseline"); k.target = number("target")
            if let a = number("actual") {
                if let day = Day(TextNormalizer.nfkc(val("actualDay"))) { CaseRecords.record(a, on: day, in: &k) }
                else { fail("actualDay", Label.dateInvalid.text(lang)) }
            }
            CaseRecords.put(k, at: index, in: &c.kpis)
        case .funding:
            var s = index.map { c.budget.funding[$0] } ?? FundingSource(name: "", kind: .general)
            s.name = val("name"); s.kind = FundingKind(rawValue: val("kind")) ?? .general
            s.ratePercent = number("rate"); s.yen = yen("yen")
            CaseRecords.put(s, at: index, in: &c.budget.funding)
        case .budgetLines:
            CaseRecords.put(BudgetItem(label: val("label"), yen: yen("yen") ?? 0), at: index, in: &c.budget.items)
        }
        guard ok else { return nil }
        let command = list.command(c)
        if case .setField(_, let value) = command, value == before { return nil }
        return .save(caseId: caseId, command: command, expect: [list.path: before])
    }

    /// `d` in a record picker: removes the selected record (one event; `u` brings it back).
    mutating func removeRecord(_ p: Picker) -> [Effect] {
        guard case .records(let id, let list) = p.purpose, let i = Int(p.ids[safe: p.selection] ?? ""),
              let doc = detail?.doc, doc.id == id, i < list.count(in: doc) else { return [] }
        modal = nil
        pending += 1
        return [.save(caseId: id, command: list.command(list.removing(i, from: doc)), expect: [list.path: CaseFields.get(doc, list.path)])]
    }

    /// Enter in a record picker: the record's form, or a new one.
    mutating func chooseRecord(_ p: Picker) {
        guard case .records(let id, let list) = p.purpose, let choice = p.ids[safe: p.selection] else { return }
        openRecordForm(caseId: id, list: list, index: Int(choice))
    }

    // MARK: deleting a case

    /// Asks before moving the focused case to trash/ (undoable with `u`).
    mutating func openDeleteConfirm() {
        guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return }
        if readOnly.contains(id) { toast(Label.readOnly.text(lang), .error); return }
        var p = Picker(purpose: .confirmDelete(caseId: id), title: "\(Label.deleteCaseTitle.text(lang)) — \(id)",
                       ids: ["keep", "trash"], labels: [Label.deleteCaseKeep.text(lang), Label.deleteCaseConfirm.text(lang)])
        p.footer = Label.chooseFooter.text(lang)
        modal = .picker(p)
    }

    mutating func confirmDelete(_ p: Picker) -> [Effect] {
        modal = nil
        guard case .confirmDelete(let id) = p.purpose, p.ids[safe: p.selection] == "trash" else { return [] }
        pending += 1
        return [.trash(caseId: id)]
    }

    /// The case is in trash/: leave its detail, and reload the list without it.
    mutating func trashed(_ id: String) -> [Effect] {
        pending = max(0, pending - 1)
        if detail?.id == id { _ = perform(.back) }
        toast("\(Label.movedToTrash.text(lang)): \(id)", .success)
        return [.reload, .loadInsight]
    }

    /// Palette and key actions of this file.
    mutating func performRecordAction(_ action: Action) -> [Effect] {
        let list: RecordList
        switch action {
        case .editContacts: list = .contacts
        case .editPartners: list = .partners
        case .editKPIs: list = .kpis
        case .editFunding: list = .funding
        case .editBudgetLines: list = .budgetLines
        case .deleteCase: openDeleteConfirm(); return []
        default: return []
        }
        guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
        if page == .detail, detail?.doc != nil { openRecordPicker(list); return [] }
        let effects = openDetail(id)
        detail?.recordsWhenLoaded = list
        if detail?.doc != nil { detail?.recordsWhenLoaded = nil; openRecordPicker(list); return [] }
        return effects
    }
}

extension FormField {
    func required(_ r: Bool) -> FormField { var f = self; f.required = r; return f }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension AppState {
    /// Ids of the record lists in the field picker (`records:contacts`), beside the field paths.
    static let recordsPrefix = "records:"
    static func recordList(pickerId: String) -> RecordList? {
        pickerId.hasPrefix(recordsPrefix) ? RecordList(rawValue: String(pickerId.dropFirst(recordsPrefix.count))) : nil
    }
    /// 「連絡先（2件）」: the list and how many records it has.
    func recordsEntry(_ list: RecordList, _ c: Case) -> String {
        WorkbenchMessage.recordCount(list.label(lang), list.count(in: c)).text(lang)
    }
}
