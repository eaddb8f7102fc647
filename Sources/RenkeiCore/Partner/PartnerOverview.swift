/// One partner as `renkei partner show` and the TUI's partner view present it: the record (or,
/// for a name no record has, what the cases say), and every case it takes part in across
/// municipalities, each municipality by its table name where the case resolves to a code.
/// Pure: built from what the caller loaded.
public struct PartnerOverview: Equatable, Sendable {
    public var record: PartnerRecord
    /// Whether `<workspace>/partners/` has a file for it (else the record is made from the cases).
    public var hasRecord: Bool
    public var cases: [PartnerInvolvement]
    /// Distinct municipalities among `cases` (by code, else by the name the case gives).
    public var municipalityCount: Int
    /// For a municipal partner (kind 自治体): its body, as `MunicipalPartnerLink` resolves it
    /// (the record's code, else its name); nil for other partners or without a lookup.
    public var body: MunicipalPartnerLink.Status? = nil
    /// `body` as the CLI and the workbench show it.
    public var bodyCaption: MunicipalityMessage? = nil

    /// nil when neither a record nor any case names `name`.
    /// - Parameters:
    ///   - cases: the cases that may name the partner (the caller may pre-filter by name).
    ///   - codes: case id → its municipality's code (`MunicipalityMembership`).
    ///   - lookup: resolves a municipal partner's name to its body (`body`).
    public static func make(name: String, records: [PartnerRecord], cases: [Case], codes: [String: String],
                            table: MunicipalityTable?, lookup: (any MunicipalityLookup)? = nil) -> PartnerOverview? {
        let found = records.first { $0.matches(name) }
        // A name with no record still works: the cases that name it, kind from the first of them.
        let record = found ?? {
            let kind = cases.lazy.compactMap { $0.partners.first { PartnerRecord(name: name).matches($0.name) }?.kind }.first
            return PartnerRecord(name: name, kind: kind ?? .other)
        }()
        var involved = PartnerInvolvement.of(record, in: cases, codes: codes)
        if involved.isEmpty && found == nil { return nil }
        if let table {
            for i in involved.indices {
                if let e = involved[i].municipalityCode.flatMap(table.entry(code:)) { involved[i].municipality = table.displayName(e) }
            }
        }
        let distinct = Set(involved.map { $0.municipalityCode ?? "name:" + $0.municipality })
        var o = PartnerOverview(record: record, hasRecord: found != nil, cases: involved, municipalityCount: distinct.count)
        if let lookup, record.kind == .municipality {
            let status = MunicipalPartnerLink.status(name: name, record: found, lookup)
            o.body = status
            o.bodyCaption = MunicipalPartnerLink.caption(status, name: record.name, table: lookup.table)
        }
        return o
    }
}
