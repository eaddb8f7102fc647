import Foundation
import RenkeiCore

/// The edit and new-case forms: opening them, their keys, inline validation and submit.
extension AppState {
    /// Editable fields, then the six budget reference items.
    func editableFields() -> [(path: String, label: String)] {
        var out = CaseFields.specs.map { ($0.path, $0.label(lang)) }
        // The 団体コード right after the prefecture: the overview's 未照合 line points here.
        if let code = CaseFields.spec("municipality.code"), let at = out.firstIndex(where: { $0.0 == "municipality.prefecture" }) {
            out.insert((code.path, code.label(lang)), at: at + 1)
        }
        // "参考項目「予算規模・歳出費目」": the item's own name first, so the six stay distinguishable.
        for r in catalog.referenceItems { out.append(("reference.\(r.id)", Message.referenceItemNamed(r.label(lang)).text(lang))) }
        return out
    }

    mutating func openFieldPicker() {
        guard let d = detail, let doc = d.doc else { return }
        if d.readOnly { toast(Label.readOnly.text(lang), .error); return }
        // Partners are edited as records (with their kind) in the list's own editor, not as names.
        let fields = editableFields().filter { $0.path != "partners" }
        let names = FieldNames(catalog: catalog)
        let labels = fields.map { f -> String in
            let raw = CaseFields.get(doc, f.path)
            // Values as a person reads them (規模: 小・中規模, 出口: 自治体“へ”導入), never the stored code.
            // An unset value reads "—" as in the detail view, never a bare label (issue 14).
            let v = raw.isNull ? "" : names.value(f.path, raw, lang)
            return "\(f.label): \(v.isEmpty ? Label.none.text(lang) : v)"
        }
        let lists = RecordList.allCases
        modal = .picker(Picker(purpose: .editField(caseId: doc.id), title: "\(Label.fieldPicker.text(lang)) — \(doc.id)",
                               ids: lists.map { AppState.recordsPrefix + $0.rawValue } + fields.map(\.path),
                               labels: lists.map { recordsEntry($0, doc) } + labels))
    }

    static func displayValue(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .array(let a): return a.compactMap(\.stringValue).joined(separator: "、")
        default:
            if let n = v.intValue { return String(n) }
            return v.description
        }
    }

    func choices(for path: String) -> (ids: [String], labels: [String])? {
        let none = Label.unset.text(lang)
        switch path {
        case "exit": return ([""] + Exit.allCases.map(\.rawValue), [none] + Exit.allCases.map { $0.label(lang) })
        case "method":
            let exit = detail?.doc?.exit
            let ms = catalog.methods.filter { exit == nil || $0.exit == exit }
            return ([""] + ms.map(\.id), [none] + ms.map { "\($0.label(lang)) (\($0.page))" })
        case "domain": return ([""] + catalog.domains.map(\.id), [none] + catalog.domains.map { $0.label(lang) })
        case "municipality.size": return ([""] + SizeClass.allCases.map(\.rawValue), [none] + SizeClass.allCases.map { $0.label(lang) })
        case "municipality.kind": return ([""] + MunicipalityKind.allCases.map(\.rawValue), [none] + MunicipalityKind.allCases.map { $0.label(lang) })
        default: return nil
        }
    }

    mutating func openEditForm(caseId: String, path: String) {
        guard let doc = detail?.doc, doc.id == caseId else { return }
        if let list = AppState.recordList(pickerId: path) { openRecordPicker(list); return }
        let before = CaseFields.get(doc, path)
        let label = editableFields().first { $0.path == path }?.label ?? path
        var field: FormField
        if let ch = choices(for: path) {
            field = FormField(key: path, label: label, kind: .choice(ids: ch.ids, labels: ch.labels), input: TextInput())
            field.choice = ch.ids.firstIndex(of: before.stringValue ?? "") ?? 0
            field.hint = Label.choiceHint.text(lang)
        } else {
            let multi = CaseFields.spec(path)?.kind == .multiline
            field = FormField(key: path, label: label, kind: multi ? .multiline : .text,
                              input: TextInput(AppState.displayValue(before), multiline: multi))
            if CaseFields.spec(path)?.kind == .tags { field.hint = Label.partnersHint.text(lang) }
            if CaseFields.spec(path)?.kind == .day { field.hint = "YYYY-MM-DD" }
            if CaseFields.spec(path)?.kind == .yen { field.hint = Label.yenHint.text(lang) }
            field.required = path == "title" || path == "municipality.name"
        }
        modal = .form(Form(purpose: .edit(caseId: caseId, path: path, before: before), title: "\(Label.editTitle.text(lang)) — \(caseId)", fields: [field]))
    }

    mutating func openNewCaseForm() {
        func f(_ key: String, _ label: String, required: Bool = false, hint: String? = nil) -> FormField {
            var x = FormField(key: key, label: label, kind: .text, input: TextInput())
            x.required = required; x.hint = hint
            return x
        }
        var exitField = FormField(key: "exit", label: Label.exit.text(lang),
                                  kind: .choice(ids: [""] + Exit.allCases.map(\.rawValue), labels: [Label.undecided.text(lang)] + Exit.allCases.map { $0.label(lang) }),
                                  input: TextInput())
        exitField.hint = Label.choiceHint.text(lang)
        modal = .form(Form(purpose: .newCase, title: Label.newCaseTitle.text(lang), fields: [
            f("title", Label.colTitle.text(lang), required: true),
            f("municipality", Label.municipality.text(lang), required: true),
            f("prefecture", Label.prefecture.text(lang)),
            f("partners", Label.partners.text(lang), hint: Label.partnersHint.text(lang)),
            f("fiscalYear", Label.targetFY.text(lang), hint: Label.fiscalYearHint.text(lang)),
            exitField,
            f("id", "ID", hint: Label.idHint.text(lang)),
        ]))
    }

    mutating func handleFormKey(_ key: Key, _ f: inout Form) -> [Effect] {
        let fieldCount = f.fields.count
        var field = f.fields[f.focus]
        let innerWidth = max(4, min(width - 2, 72) - 6)   // as FormView wraps the input
        switch key {
        case .esc: modal = modalBehind; modalBehind = nil; return []
        case .ctrl("s"):
            return submit(&f)
        // Tab always moves between fields; ↑/↓ move only when the field is one line (inside a
        // multi-line field they move the cursor).
        case .tab:
            f.focus = (f.focus + 1) % fieldCount
        case .down where !isMultiline(field):
            f.focus = (f.focus + 1) % fieldCount
        case .backTab:
            f.focus = (f.focus + fieldCount - 1) % fieldCount
        case .up where !isMultiline(field):
            f.focus = (f.focus + fieldCount - 1) % fieldCount
        case .enter where !isMultiline(field):
            if f.focus == fieldCount - 1 { return submit(&f) }
            f.focus += 1
        default:
            if case .choice(let ids, _) = field.kind {
                switch key {
                case .left, .char("h"): field.choice = (field.choice + ids.count - 1) % max(1, ids.count)
                case .right, .char("l"), .char(" "): field.choice = (field.choice + 1) % max(1, ids.count)
                default: break
                }
            } else if field.input.handle(key, wrapWidth: innerWidth) {
                field.error = nil
            }
            f.fields[f.focus] = field
        }
        f.error = nil
        if f.purpose == .newCase { warnIfTargetYearLate(&f); hintMunicipality(&f) }
        modal = .form(f)
        return []
    }

    func isMultiline(_ f: FormField) -> Bool { f.kind == .multiline }

    func fieldErrorText(_ error: Error) -> String {
        if let e = error as? FieldError { return e.text(lang) }
        if let e = error as? ChoiceError { return e.text(lang) }
        return "\(error)"
    }

    /// Validates inline; on success closes the form and returns the effect.
    mutating func submit(_ f: inout Form) -> [Effect] {
        var ok = true
        for i in f.fields.indices {
            f.fields[i].error = nil
            let v = f.fields[i].value.trimmingCharacters(in: .whitespacesAndNewlines)
            if f.fields[i].required && v.isEmpty { f.fields[i].error = Label.requiredField.text(lang); ok = false }
        }
        var effect: Effect?
        switch f.purpose {
        case .newCase:
            func val(_ k: String) -> String { f.fields.first { $0.key == k }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            func setError(_ k: String, _ e: String) { if let i = f.fields.firstIndex(where: { $0.key == k }) { f.fields[i].error = e; ok = false } }
            var fy: Int?
            if !val("fiscalYear").isEmpty {
                do { fy = try CaseFields.parse("budget.fiscalYear", val("fiscalYear")).intValue } catch { setError("fiscalYear", fieldErrorText(error)) }
            }
            let id = val("id")
            if !id.isEmpty && !CaseID.isValid(id) { setError("id", CaseID.validationMessage(id, lang)) }
            if !id.isEmpty, indexById[id] != nil { setError("id", Label.idTaken.text(lang)) }
            // The same list parsing as `renkei set ID partners …` (commas, 、 or ，).
            let partners = ((try? CaseFields.parse("partners", val("partners")))?.arrayValue ?? []).compactMap(\.stringValue)
            let pref = val("prefecture")
            var input = NewCaseInput(id: id, title: val("title"), municipality: val("municipality"), prefecture: pref.isEmpty ? nil : pref,
                                     partners: partners, fiscalYear: fy, exit: Exit(rawValue: val("exit")))
            // Linked to its 団体コード when the name fits one body; several: asked, never guessed (issue 16).
            if let r = readings?.resolver, !input.municipality.isEmpty,
               case .ambiguous(let list) = MunicipalityOnEntry.link(&input, r) {
                setError("municipality", MunicipalityMessage.chooseOne(input: input.municipality,
                                                                       candidates: list.map { "\(r.table.displayName($0)) \($0.code)" }).text(lang))
            }
            effect = .create(input)
        case .edit(let id, let path, let before):
            let fld = f.fields[0]
            var value: JSONValue = .null
            if case .choice = fld.kind {
                value = fld.value.isEmpty ? .null : .string(fld.value)
            } else {
                do { value = try CaseFields.parse(path, fld.input.text) } catch {
                    f.fields[0].error = fieldErrorText(error)
                    ok = false
                }
            }
            if ok && value == before { modal = nil; status = Label.nothingChanged.text(lang); return [] }
            effect = .save(caseId: id, command: .setField(path: path, value: value), expect: [path: before])
        case .note(let id):
            effect = .save(caseId: id, command: .addNote(text: f.fields[0].input.text), expect: [:])
        case .record(let id, let list, let index, let before):
            effect = submitRecord(&f, caseId: id, list: list, index: index, before: before)
            if effect == nil, ok, !f.fields.contains(where: { $0.error != nil }) { modal = nil; modalBehind = nil; status = Label.nothingChanged.text(lang); return [] }
            if effect == nil { ok = false }
        case .snooze(let id, let item):
            let until = f.fields[0].value.trimmingCharacters(in: .whitespaces)
            let reason = f.fields[1].value.trimmingCharacters(in: .whitespacesAndNewlines)
            if let d = Day(until) {
                if d <= today { f.fields[0].error = Label.dateNotAhead.text(lang); ok = false }
                else if ok { effect = .save(caseId: id, command: .snooze(item: item, until: d, reason: reason), expect: [:]) }
            } else if !until.isEmpty { f.fields[0].error = Label.dateInvalid.text(lang); ok = false }
        case .nextAction(let id):
            let text = f.fields[0].value.trimmingCharacters(in: .whitespacesAndNewlines)
            let due = f.fields[1].value.trimmingCharacters(in: .whitespaces)
            if let d = Day(due) {
                if ok { effect = .save(caseId: id, command: .setFields([FieldAssignment("nextAction.due", .string(d.description)),
                                                                        FieldAssignment("nextAction.text", .string(text))]), expect: [:]) }
            } else if !due.isEmpty { f.fields[1].error = Label.dateInvalid.text(lang); ok = false }
        }
        if !ok {
            if let first = f.fields.firstIndex(where: { $0.error != nil }) { f.focus = first }
            modal = .form(f)
            return []
        }
        modal = nil
        modalBehind = nil
        pending += 1
        switch f.purpose {
        case .snooze, .nextAction:
            // Refresh the review so the row reflects the change.
            pending += 1
            return (effect.map { [$0] } ?? []) + [.overdue]
        default:
            return effect.map { [$0] } ?? []
        }
    }
}
