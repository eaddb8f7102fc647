import RenkeiCore

/// A hand-written reader for the `CaseSummary` records that `BinaryRecordEncoder` writes — the
/// same bytes, read without going through `Decoder`'s containers (which cost most of the time of
/// `overdue --count` and the workbench's first frame on 10,000 cases).
///
/// It must follow `CaseSummary`'s declaration order and the encoder's rules: every keyed value
/// starts with a presence byte (0 = nil); a raw-value enum is a single-value container (a second
/// presence byte, then its string); an array is a u32 count, each element with a presence byte;
/// `Day` is its day number. `IndexFingerprint` changes whenever `CaseSummary` does, and the
/// index tests compare this reader with the generic decoder on generated and sample summaries;
/// any mismatch in shape throws and the caller falls back to the generic decoder.
enum SummaryRecordDecoder {
    static func decode(from r: ByteReader) throws -> CaseSummary {
        @inline(__always) func present() throws -> Bool {
            switch try r.u8() {
            case 0: return false
            case 1: return true
            default: throw IndexFormatError("bad presence byte at \(r.pos - 1)")
            }
        }
        @inline(__always) func required() throws { guard try present() else { throw IndexFormatError("missing value at \(r.pos - 1)") } }
        func string() throws -> String { try required(); return try r.string() }
        func int() throws -> Int { try required(); return Int(try r.int()) }
        func optString() throws -> String? { try present() ? try r.string() : nil }
        func optInt() throws -> Int? { try present() ? Int(try r.int()) : nil }
        func optDay() throws -> Day? { try present() ? try r.day() : nil }
        func enumRaw() throws -> String { try required(); try required(); return try r.string() }
        func optEnumRaw() throws -> String? {
            guard try present() else { return nil }
            try required()
            return try r.string()
        }
        func count() throws -> Int {
            let n = Int(try r.u32())
            guard n <= r.end - r.pos else { throw IndexFormatError("list too long at \(r.pos)") }
            return n
        }
        func strings() throws -> [String] {
            try required()
            let n = try count()
            var out: [String] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try string()) }
            return out
        }
        func bad(_ field: String) -> IndexFormatError { IndexFormatError("unknown \(field) value at \(r.pos)") }

        var s = CaseSummary(id: try string())
        s.revision = try int()
        s.title = try string()
        s.municipality = try string()
        s.municipalityCode = try optString()
        s.prefecture = try optString()
        if let k = try optEnumRaw() { guard let v = MunicipalityKind(rawValue: k) else { throw bad("kind") }; s.municipalityKind = v }
        if let z = try optEnumRaw() { guard let v = SizeClass(rawValue: z) else { throw bad("size") }; s.size = v }
        s.department = try string()
        s.partners = try strings()
        guard let stage = Stage(rawValue: try enumRaw()) else { throw bad("stage") }
        s.stage = stage
        if let e = try optEnumRaw() { guard let v = Exit(rawValue: e) else { throw bad("exit") }; s.exit = v }
        s.method = try optString()
        s.domain = try optString()
        s.fiscalYear = try optInt()
        s.totalYen = try int()
        s.roughQuoteYen = try optInt()
        try required()
        s.roughQuoteTicked = try r.u8() != 0
        s.tags = try strings()
        s.nextActionText = try optString()
        s.nextActionDue = try optDay()
        try required()
        let nz = try count()
        for _ in 0..<nz {
            try required()                      // element presence
            let item = try string()
            try required()
            s.snoozes.append(CaseSummary.SnoozeMark(item: item, until: try r.day()))
        }
        s.createdDay = try optDay()
        s.stageEnteredDay = try optDay()
        s.lastEventDay = try optDay()
        s.eventCount = try int()
        s.searchText = try string()
        s.fundingWindows = try strings()
        s.fundingSources = try strings()
        if try present() {
            s.insight = InsightIndexFields(t: try string(), v: try string(), k: try string(), r: try int(), n: try int())
        }
        try required()
        s.archived = try r.u8() != 0
        return s
    }
}
