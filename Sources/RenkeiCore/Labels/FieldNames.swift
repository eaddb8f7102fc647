/// How a field path and a stored value read to a person: `checklist.coord-pattern-2` becomes
/// 「チェック項目「…」」, `exit: procurement` becomes 自治体“へ”導入. Used by history, status
/// lines and undo messages so no code reaches a person who did not ask for `--json`.
public struct FieldNames: Sendable {
    public let catalog: Catalog
    /// Budget-calendar milestone names by id (`request` → 予算要求締切), for snoozed items.
    public let milestones: [String: (ja: String, en: String)]
    public init(catalog: Catalog, milestones: [String: (ja: String, en: String)] = [:]) {
        self.catalog = catalog; self.milestones = milestones
    }

    public func name(_ path: String, _ lang: Lang) -> String {
        if let spec = CaseFields.specs.first(where: { $0.path == path }) { return spec.label(lang) }
        let (head, rest) = split(path)
        switch head {
        case "checklist": return Message.checklistItem(itemName(rest, lang)).text(lang)
        case "reference": return catalog.referenceItems.first { $0.id == rest }?.label(lang) ?? Label.referenceItem.text(lang)
        case "note": return Label.tabNotes.text(lang)   // note ids are random (#12): not for people
        case "snooze": return Message.snoozeOf(itemName(rest, lang)).text(lang)
        case "stage": return Label.stage.text(lang)
        case "partnerList": return Label.partners.text(lang)
        case "nextAction": return Label.nextAction.text(lang)
        case "contactList": return Label.contacts.text(lang)
        case "kpiList": return Label.tabKPI.text(lang)
        case "fundingList": return Label.funding.text(lang)
        case "budgetItemList": return Label.budgetLines.text(lang)
        case "stageReason": return Label.reason.text(lang)
        case Case.archivedField: return ArchiveLabel.field.text(lang)
        default: return path
        }
    }

    /// A checklist (or deadline) item's name; deadline ids like `deadline:fy2027:request` have
    /// no catalog entry and read as themselves without the prefix.
    public func itemName(_ id: String, _ lang: Lang) -> String {
        if let i = catalog.item(id) ?? catalog.referenceItems.first(where: { $0.id == id }) { return i.label(lang) }
        if let m = milestones[id] { return lang == .ja ? m.ja : m.en }
        return DeadlineItemName.of(id, lang)
    }

    public func value(_ path: String, _ v: JSONValue, _ lang: Lang) -> String {
        if v.isNull { return Label.none.text(lang) }
        if let (_, choices) = Choice.forField(path, catalog: catalog), let code = v.stringValue {
            return Choice.label(of: code, in: choices, lang)
        }
        if path == "stage", let s = v.stringValue.flatMap(Stage.init(rawValue:)) { return s.label(lang) }
        if path == Case.archivedField, case .bool(let on) = v { return on ? ArchiveLabel.archived.text(lang) : Label.none.text(lang) }
        if path.hasPrefix("checklist.") { return Message.tickedBy(v.objectValue?["by"]?.stringValue ?? "").text(lang) }
        if path.hasPrefix("note."), let text = v.objectValue?["text"]?.stringValue { return text }
        if path.hasPrefix("snooze."), let o = v.objectValue {
            return Message.snoozedUntil(o["until"]?.stringValue ?? "", reason: o["reason"]?.stringValue ?? "").text(lang)
        }
        if CaseFields.spec(path)?.kind == .yen, let n = v.intValue { return Yen.format(n) }
        if let o = v.objectValue, let text = o["text"]?.stringValue {   // a whole next action
            return text + (o["due"]?.stringValue.map { "（\($0)）" } ?? "")
        }
        if path == "kpiList", let a = v.arrayValue {
            // Each KPI with its latest actual, so recording one shows in the history.
            return a.compactMap { e -> String? in
                guard let o = e.objectValue, let n = o["name"]?.stringValue else { return nil }
                guard let last = o["actuals"]?.arrayValue?.last?.objectValue, let d = last["date"]?.stringValue,
                      let x = last["value"] else { return n }
                let unit = o["unit"]?.stringValue ?? ""
                return lang == .ja ? "\(n)（実績 \(x.description)\(unit)・\(d)）" : "\(n) (actual \(x.description) \(unit), \(d))"
            }.joined(separator: lang == .ja ? "、" : ", ")
        }
        if path == "partnerList", let a = v.arrayValue {
            return a.compactMap { e -> String? in
                guard let o = e.objectValue, let n = o["name"]?.stringValue else { return nil }
                let kind = o["kind"]?.stringValue.flatMap(PartnerKind.init(rawValue:))?.label(lang) ?? ""
                return lang == .ja ? "\(n)（\(kind)）" : "\(n) (\(kind))"
            }.joined(separator: lang == .ja ? "、" : ", ")
        }
        if path == "budgetItemList", let a = v.arrayValue {
            return a.compactMap { e -> String? in
                guard let o = e.objectValue, let l = o["label"]?.stringValue else { return nil }
                return l + " " + (o["yen"]?.intValue.map(Yen.format) ?? "")
            }.joined(separator: lang == .ja ? "、" : ", ")
        }
        if let a = v.arrayValue {
            // Lists of records (contacts) read as their names.
            return a.compactMap { $0.stringValue ?? $0.objectValue?["name"]?.stringValue }.joined(separator: lang == .ja ? "、" : ", ")
        }
        return v.stringValue ?? v.description
    }

    private func split(_ path: String) -> (String, String) {
        guard let dot = path.firstIndex(of: ".") else { return (path, "") }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }
}

/// What one undoable command did, read back from the undo journal's label (`tick ps-check-1`,
/// `set title, exit`, `move to dropped`, `new case`), so undo says 「チェック「…」」 not `tick …`.
public enum CommandSummary: Equatable, Sendable {
    case set([String]), tick(String), untick(String), note, advance, move(Stage), snooze(String), unsnooze(String), newCase
    case deleteCase
    case archive, unarchive
    case other(String)

    public init(label: String) {
        func rest(_ p: String) -> String? { label.hasPrefix(p) ? String(label.dropFirst(p.count)) : nil }
        if label == "note" { self = .note }
        else if label == "advance" { self = .advance }
        else if label == "new case" { self = .newCase }
        else if label == "delete case" { self = .deleteCase }
        else if label == "archive" { self = .archive }
        else if label == "unarchive" { self = .unarchive }
        else if let s = rest("move to "), let st = Stage(rawValue: s) { self = .move(st) }
        else if let s = rest("untick ") { self = .untick(s) }
        else if let s = rest("tick ") { self = .tick(s) }
        else if let s = rest("unsnooze ") { self = .unsnooze(s) }
        else if let s = rest("snooze ") { self = .snooze(s) }
        else if let s = rest("set ") { self = .set(s.components(separatedBy: ", ")) }
        else { self = .other(label) }
    }

    public func text(_ lang: Lang, names: FieldNames) -> String {
        switch self {
        case .set(let paths): return Message.changedFields(paths.map { names.name($0, lang) }).text(lang)
        case .tick(let i): return Message.tickedItem(names.itemName(i, lang)).text(lang)
        case .untick(let i): return Message.untickedItem(names.itemName(i, lang)).text(lang)
        case .note: return EventKind.noteAdded.label(lang)
        case .advance: return EventKind.advanced.label(lang)
        case .move(let s): return Message.movedTo(s).text(lang)
        case .snooze(let i): return Message.snoozeOf(names.itemName(i, lang)).text(lang)
        case .unsnooze(let i): return Message.unsnoozeOf(names.itemName(i, lang)).text(lang)
        case .newCase: return Message.newCase.text(lang)
        case .deleteCase: return ActionName.deleteCase.text(lang)
        case .archive: return EventKind.archived.label(lang)
        case .unarchive: return EventKind.unarchived.label(lang)
        case .other(let l): return l
        }
    }
}
