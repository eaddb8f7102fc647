import RenkeiCore

/// The index's fourth section: each row's `DeadlineFacts` (nothing for a damaged file), so that
/// `renkei overdue --count` reads about 20 bytes a case instead of the kilobyte-sized records.
///
/// Layout: varint place count, then the places — municipality (string), prefecture (u8
/// presence, string), kind (u8: 0 none, k+1 for `MunicipalityKind.allCases[k]`), code (u8
/// presence, string) — then for
/// every row in table order: u8 present (0 for a damaged file); if present, u8 stage index,
/// u8 flags (1 needsBudget · 2 roughQuoteTicked · 4 fiscalYear · 8 nextActionDue ·
/// 16 stageEnteredDay · 32 lastEventDay), the flagged values as zigzag varints (days as their
/// ordinal), varint place, varint snooze count, snoozes (item string, until ordinal).
/// Places are shared: a portfolio has far fewer municipalities than cases.
enum DeadlineFactsSection {
    private static let stages = Stage.allCases
    private static let kinds = MunicipalityKind.allCases
    /// Year 1 … 9999, what `Day` allows: a checksummed section never holds more, but a reader
    /// must not trust that.

    private struct Place: Hashable {
        var municipality: String
        var prefecture: String?
        var kind: MunicipalityKind?
        var code: String?
    }

    static func encode(_ rows: [DeadlineFacts?]) -> [UInt8] {
        var places: [Place] = []
        var placeIndex: [Place: Int] = [:]
        var body = ByteWriter(capacity: rows.count * 24)
        for row in rows {
            guard let f = row else { body.u8(0); continue }
            body.u8(1)
            body.u8(UInt8(f.stage.index))
            var flags: UInt8 = 0
            if f.needsBudget { flags |= 1 }
            if f.roughQuoteTicked { flags |= 2 }
            if f.fiscalYear != nil { flags |= 4 }
            if f.nextActionDue != nil { flags |= 8 }
            if f.stageEnteredDay != nil { flags |= 16 }
            if f.lastEventDay != nil { flags |= 32 }
            body.u8(flags)
            if let y = f.fiscalYear { body.int(Int64(y)) }
            for d in [f.nextActionDue, f.stageEnteredDay, f.lastEventDay] { if let d { body.int(Int64(d.ordinal)) } }
            let place = Place(municipality: f.municipality, prefecture: f.prefecture, kind: f.municipalityKind,
                              code: f.municipalityCode)
            let p: Int
            if let known = placeIndex[place] { p = known } else { p = places.count; places.append(place); placeIndex[place] = p }
            body.varint(UInt64(p))
            body.varint(UInt64(f.snoozes.count))
            for s in f.snoozes { body.string(s.item); body.int(Int64(s.until.ordinal)) }
        }
        var out = ByteWriter(capacity: body.bytes.count + places.count * 32)
        out.varint(UInt64(places.count))
        for p in places {
            out.string(p.municipality)
            if let pref = p.prefecture { out.u8(1); out.string(pref) } else { out.u8(0) }
            out.u8(p.kind.map { UInt8(kinds.firstIndex(of: $0)! + 1) } ?? 0)
            if let code = p.code { out.u8(1); out.string(code) } else { out.u8(0) }
        }
        out.bytes.append(contentsOf: body.bytes)
        return out.bytes
    }

    /// Exactly `rows` entries, or throws (the caller rebuilds the index from the case files).
    static func decode(_ bytes: [UInt8], rows: Int) throws -> [DeadlineFacts?] {
        try bytes.withUnsafeBytes { raw -> [DeadlineFacts?] in
            let r = ByteReader(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, from: 0, to: raw.count)
            func day() throws -> Day { try r.day() }
            let placeCount = try r.length()
            guard placeCount <= rows else { throw IndexFormatError("deadline facts: \(placeCount) places for \(rows) rows") }
            var places: [Place] = []
            places.reserveCapacity(placeCount)
            for _ in 0..<placeCount {
                let m = try r.string()
                let pref = try r.u8() == 1 ? try r.string() : nil
                let k = Int(try r.u8())
                guard k <= kinds.count else { throw IndexFormatError("deadline facts: unknown municipality kind") }
                let code = try r.u8() == 1 ? try r.string() : nil
                places.append(Place(municipality: m, prefecture: pref, kind: k == 0 ? nil : kinds[k - 1], code: code))
            }
            var out: [DeadlineFacts?] = []
            out.reserveCapacity(rows)
            for _ in 0..<rows {
                guard try r.u8() == 1 else { out.append(nil); continue }
                let s = Int(try r.u8())
                guard s < stages.count else { throw IndexFormatError("deadline facts: unknown stage") }
                let flags = try r.u8()
                let fy = flags & 4 != 0 ? Int(try r.int()) : nil
                let next = flags & 8 != 0 ? try day() : nil
                let entered = flags & 16 != 0 ? try day() : nil
                let last = flags & 32 != 0 ? try day() : nil
                let p = try r.varint()
                guard p < UInt64(places.count) else { throw IndexFormatError("deadline facts: place out of range") }
                let n = try r.length()
                var snoozes: [CaseSummary.SnoozeMark] = []
                if n > 0 {
                    snoozes.reserveCapacity(n)
                    for _ in 0..<n { snoozes.append(CaseSummary.SnoozeMark(item: try r.string(), until: try day())) }
                }
                let place = places[Int(p)]
                out.append(DeadlineFacts(stage: stages[s], needsBudget: flags & 1 != 0, roughQuoteTicked: flags & 2 != 0,
                                         fiscalYear: fy, nextActionDue: next, stageEnteredDay: entered, lastEventDay: last,
                                         snoozes: snoozes, municipality: place.municipality, prefecture: place.prefecture,
                                         municipalityKind: place.kind, municipalityCode: place.code))
            }
            guard r.pos == r.end else { throw IndexFormatError("deadline facts: trailing bytes") }
            return out
        }
    }
}
