/// A case as the JSON tree its file holds — what `JSONEncoder` writes for it, read back — built
/// directly from the value. The merge works on trees (issue 12); going through the encoder and
/// a parser for each of three sides was most of the merge driver's work (callgrind: 13.7 M of
/// its 31.7 M instructions, plus 14 M of first-use protocol-conformance lookups). The same
/// shape rules as the synthesized `Encodable`: every key in `CodingKeys` order does not matter
/// (objects are unordered), an optional that is nil is left out, enums as their raw values,
/// `Timestamp`/`Day` as their text. `CaseTreeTests` holds it to the encoder on generated cases.
public enum CaseTree {
    /// nil when a number would not come back from the file as this tree says (an integral
    /// `Double` of 10^15 or more, which the encoder writes with an exponent, or one that is
    /// not finite): the caller then takes the encoder's route.
    public static func of(_ c: Case) -> JSONValue? {
        var o: [String: JSONValue] = [
            "schemaVersion": .int(c.schemaVersion), "id": .string(c.id), "revision": .int(c.revision),
            "title": .string(c.title), "municipality": municipality(c.municipality), "department": .string(c.department),
            "contacts": .array(c.contacts.map(contact)), "partners": .array(c.partners.map(partner)),
            "issue": .object(["why": .string(c.issue.why), "how": .string(c.issue.how), "what": .string(c.issue.what)]),
            "stage": .string(c.stage.rawValue),
            "checklist": .object(c.checklist.mapValues { .object(["at": .string($0.at.text), "by": .string($0.by)]) }),
            "tags": strings(c.tags), "notes": .array(c.notes.map(note)), "snoozes": .array(c.snoozes.map(snooze)),
            "fundingWindows": strings(c.fundingWindows),
        ]
        o["domain"] = c.domain.map(JSONValue.string)
        o["exit"] = c.exit.map { .string($0.rawValue) }
        o["method"] = c.method.map(JSONValue.string)
        o["stageReason"] = c.stageReason.map(JSONValue.string)
        o["nextAction"] = c.nextAction.map { n in .object(["text": .string(n.text)].adding("due", n.due.map { .string($0.description) })) }
        guard let b = budget(c.budget), let k = optionalArray(c.kpis.map(kpi)), let e = optionalArray(c.events.map(event)) else { return nil }
        o["budget"] = b
        o["kpis"] = k
        o["events"] = e
        if let edits = c.concurrentEdits {
            guard let list = optionalArray(edits.map(concurrentEdit)) else { return nil }
            o["concurrentEdits"] = list
        }
        return .object(o)
    }

    /// One concurrent-edit record as stored in a case file (nil: see `of`).
    public static func concurrentEdit(_ e: ConcurrentEdit) -> JSONValue? {
        guard let kept = normalized(e.kept), let other = normalized(e.other) else { return nil }
        func side(_ s: ConcurrentEdit.Side) -> JSONValue {
            .object([:].adding("by", s.by.map(JSONValue.string)).adding("at", s.at.map { .string($0.text) })
                .adding("event", s.event.map(JSONValue.string)))
        }
        let o: [String: JSONValue] = [
            "id": .string(e.id), "unit": .string(e.unit), "kept": kept, "other": other,
            "keptSide": side(e.keptSide), "otherSide": side(e.otherSide), "cause": .string(e.cause.rawValue),
        ]
        return .object(o.adding("field", e.field.map(JSONValue.string)).adding("resolution", e.resolution.map { r in
            .object(["choice": .string(r.choice.rawValue), "by": .string(r.by), "at": .string(r.at.text)])
        }))
    }

    /// A `Double` as the file holds it after a round trip: the encoder writes 50.0 as `50`,
    /// which reads back as an integer. -0.0 is written `-0` but reads back as 0: no tree
    /// stands for both, so it takes the encoder's route too.
    static func number(_ d: Double) -> JSONValue? {
        guard d.isFinite, !(d == 0 && d.sign == .minus) else { return nil }
        if d.rounded(.towardZero) == d {
            guard abs(d) < 1e15 else { return nil }
            return .int(Int(d))
        }
        return .double(d)
    }

    /// A JSON value as it reads back from the file: every number as `number` makes it.
    public static func normalized(_ v: JSONValue) -> JSONValue? {
        switch v {
        case .double(let d): return number(d)
        case .array(let a): return optionalArray(a.map(normalized))
        case .object(let o):
            var out: [String: JSONValue] = [:]
            out.reserveCapacity(o.count)
            for (k, e) in o { guard let n = normalized(e) else { return nil }; out[k] = n }
            return .object(out)
        case .null, .bool, .int, .string: return v
        }
    }

    static func strings(_ a: [String]) -> JSONValue { .array(a.map(JSONValue.string)) }

    static func optionalArray(_ a: [JSONValue?]) -> JSONValue? {
        var out: [JSONValue] = []
        out.reserveCapacity(a.count)
        for v in a { guard let v else { return nil }; out.append(v) }
        return .array(out)
    }

    static func municipality(_ m: Municipality) -> JSONValue {
        .object(["name": .string(m.name)].adding("prefecture", m.prefecture.map(JSONValue.string))
            .adding("size", m.size.map { .string($0.rawValue) }).adding("kind", m.kind.map { .string($0.rawValue) })
            .adding("code", m.code.map(JSONValue.string)))
    }

    static func contact(_ c: Contact) -> JSONValue {
        .object(["name": .string(c.name)].adding("organization", c.organization.map(JSONValue.string))
            .adding("role", c.role.map(JSONValue.string)).adding("email", c.email.map(JSONValue.string))
            .adding("phone", c.phone.map(JSONValue.string)))
    }

    static func partner(_ p: Partner) -> JSONValue {
        .object(["name": .string(p.name), "kind": .string(p.kind.rawValue)].adding("role", p.role.map(JSONValue.string)))
    }

    static func budget(_ b: Budget) -> JSONValue? {
        var funding: [JSONValue] = []
        for f in b.funding {
            var o: [String: JSONValue] = ["name": .string(f.name), "kind": .string(f.kind.rawValue)]
            if let r = f.ratePercent { guard let n = number(r) else { return nil }; o["ratePercent"] = n }
            o["yen"] = f.yen.map(JSONValue.int)
            o["windowId"] = f.windowId.map(JSONValue.string)
            funding.append(.object(o))
        }
        let o: [String: JSONValue] = [
            "items": .array(b.items.map { .object(["label": .string($0.label), "yen": .int($0.yen)]) }),
            "funding": .array(funding), "reference": .object(b.reference.mapValues(JSONValue.string)),
        ]
        return .object(o.adding("fiscalYear", b.fiscalYear.map(JSONValue.int)).adding("expenditureItem", b.expenditureItem.map(JSONValue.string))
            .adding("roughQuoteYen", b.roughQuoteYen.map(JSONValue.int)))
    }

    static func kpi(_ k: KPI) -> JSONValue? {
        var o: [String: JSONValue] = ["name": .string(k.name), "unit": .string(k.unit)]
        if let v = k.baseline { guard let n = number(v) else { return nil }; o["baseline"] = n }
        if let v = k.target { guard let n = number(v) else { return nil }; o["target"] = n }
        var actuals: [JSONValue] = []
        for a in k.actuals {
            guard let n = number(a.value) else { return nil }
            actuals.append(.object(["date": .string(a.date.description), "value": n]))
        }
        o["actuals"] = .array(actuals)
        return .object(o)
    }

    static func note(_ n: Note) -> JSONValue {
        .object(["id": .int(n.id), "at": .string(n.at.text), "author": .string(n.author), "text": .string(n.text)])
    }

    static func snooze(_ s: Snooze) -> JSONValue {
        .object(["item": .string(s.item), "until": .string(s.until.description), "reason": .string(s.reason),
                 "at": .string(s.at.text), "by": .string(s.by)])
    }

    static func event(_ e: Event) -> JSONValue? {
        var changes: [JSONValue] = []
        changes.reserveCapacity(e.changes.count)
        for c in e.changes {
            guard let before = normalized(c.before), let after = normalized(c.after) else { return nil }
            changes.append(.object(["field": .string(c.field), "before": before, "after": after]))
        }
        let o: [String: JSONValue] = [
            "seq": .int(e.seq), "id": .string(e.id), "at": .string(e.at.text), "actor": .string(e.actor),
            "kind": .string(e.kind.rawValue), "command": .string(e.command),
            "changes": .array(changes),
        ]
        return .object(o.adding("reason", e.reason.map(JSONValue.string)).adding("target", e.target.map(JSONValue.string)))
    }
}

private extension Dictionary where Key == String, Value == JSONValue {
    /// With `key` set when there is a value (an optional the encoder leaves out when nil).
    func adding(_ key: String, _ value: JSONValue?) -> Self {
        guard let value else { return self }
        var d = self
        d[key] = value
        return d
    }
}
