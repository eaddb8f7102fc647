import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

// MARK: - snapshot

/// The index in memory: parallel arrays in file-name order. Records and search texts stay as
/// bytes until asked for.
final class Snapshot: @unchecked Sendable {
    var scanStartNs: Int64
    var names: [String] = []
    var stats: [FileStat] = []
    var kinds: [UInt8] = []
    /// Per row: `Snapshot.archivedFlag` for an archived case (issue 14), so `list --count` and
    /// `overdue --count` leave archived cases out from the table alone, decoding no record.
    var flags: [UInt8] = []
    /// Encoded records (summary without searchText, or a damaged file's reason).
    var records: [UInt8] = []
    var recordRanges: [ByteSpan] = []
    var search: [UInt8] = []
    var searchRanges: [ByteSpan] = []
    /// Per row: what the deadline counter needs (nil for a damaged file); parsed from the
    /// fourth section on first use for a snapshot read from disk.
    var facts: [DeadlineFacts?] = []
    /// Summaries already decoded in this process (nil: decode from `records`).
    var summaries: [CaseSummary?] = []
    /// Stat of the index file this came from / was written to (write-if-unchanged).
    var fileStat: FileStat?
    /// For a snapshot read from disk: the open file and where the records and search texts are,
    /// read (and checksummed) only when first needed — counting never reads them.
    /// The two big sections are read on first use, each on its own: counts and deadline views
    /// never need the search texts, so they never read them.
    private var lazyFD: Int32 = -1
    private var lazyRecords: (range: Range<Int>, sum: UInt64)?
    private var lazySearch: (range: Range<Int>, sum: UInt64)?
    private var lazyFacts: (range: Range<Int>, sum: UInt64)?

    func setLazy(fd: Int32, records: Range<Int>, recordsSum: UInt64, search: Range<Int>, searchSum: UInt64,
                 facts: Range<Int>, factsSum: UInt64) {
        lazyFD = fd
        lazyRecords = (records, recordsSum)
        lazySearch = (search, searchSum)
        lazyFacts = (facts, factsSum)
    }

    deinit { if lazyFD >= 0 { close(lazyFD) } }

    private func closeIfDone() {
        if lazyRecords == nil && lazySearch == nil && lazyFacts == nil && lazyFD >= 0 { close(lazyFD); lazyFD = -1 }
    }

    func loadRecords() throws {
        guard let l = lazyRecords else { return }
        lazyRecords = nil
        defer { closeIfDone() }
        records = try Snapshot.pread(lazyFD, l.range)
        guard Checksum.of(records) == l.sum else { throw IndexFormatError("checksum mismatch in the records") }
    }

    func loadSearch() throws {
        guard let l = lazySearch else { return }
        lazySearch = nil
        defer { closeIfDone() }
        search = try Snapshot.pread(lazyFD, l.range)
        guard Checksum.of(search) == l.sum else { throw IndexFormatError("checksum mismatch in the search texts") }
    }

    func loadFacts() throws {
        guard let l = lazyFacts else { return }
        lazyFacts = nil
        defer { closeIfDone() }
        let bytes = try Snapshot.pread(lazyFD, l.range)
        guard Checksum.of(bytes) == l.sum else { throw IndexFormatError("checksum mismatch in the deadline facts") }
        facts = try DeadlineFactsSection.decode(bytes, rows: names.count)
    }

    func loadSections() throws {
        try loadRecords()
        try loadSearch()
        try loadFacts()
    }

    static func pread(_ fd: Int32, _ r: Range<Int>) throws -> [UInt8] {
        var out = [UInt8](unsafeUninitializedCapacity: r.count) { buf, n in n = r.count }
        var got = 0
        try out.withUnsafeMutableBytes { raw in
            while got < r.count {
                let k = Glibc.pread(fd, raw.baseAddress! + got, r.count - got, off_t(r.lowerBound + got))
                if k < 0 { if errno == EINTR { continue }; throw IndexFormatError("read failed: \(String(cString: strerror(errno)))") }
                if k == 0 { throw IndexFormatError("truncated while reading") }
                got += k
            }
        }
        return out
    }

    init(scanStartNs: Int64) { self.scanStartNs = scanStartNs }

    static let archivedFlag: UInt8 = 1
    /// Whether row `i` is a usable case that is archived.
    func isArchived(_ i: Int) -> Bool { flags[i] & Snapshot.archivedFlag != 0 }

    lazy var lookup: [String: Int] = {
        var d = [String: Int](minimumCapacity: names.count)
        for (i, n) in names.enumerated() { d[n] = i }
        return d
    }()

    func reserve(_ n: Int) {
        names.reserveCapacity(n); stats.reserveCapacity(n); kinds.reserveCapacity(n); flags.reserveCapacity(n)
        recordRanges.reserveCapacity(n); searchRanges.reserveCapacity(n); summaries.reserveCapacity(n); facts.reserveCapacity(n)
    }

    func append(copying j: Int, from b: Snapshot, name: String) {
        names.append(name); stats.append(b.stats[j]); kinds.append(b.kinds[j]); flags.append(b.flags[j])
        let r = b.recordRanges[j]
        let start = records.count
        records.append(contentsOf: b.records[r.range])
        recordRanges.append(ByteSpan(start..<records.count))
        let s = b.searchRanges[j]
        let sStart = search.count
        search.append(contentsOf: b.search[s.range])
        searchRanges.append(ByteSpan(sStart..<search.count))
        summaries.append(b.summaries[j])
        facts.append(b.facts[j])
    }

    /// A decoded case as a snapshot row stores it: the record (summary without its search
    /// text), the folded search text and the deadline facts. Built on the decoding threads
    /// (`SummaryIndex.decodeFiles`), so merging 10,000 rows only copies bytes.
    struct EncodedRow: Sendable {
        var record: [UInt8] = []
        var search: [UInt8] = []
        var summary: CaseSummary?
        var facts: DeadlineFacts?
        var flags: UInt8 = 0

        init(_ full: CaseSummary) {
            var s = full
            search = Array(s.searchText.utf8)
            s.searchText = ""
            var w = ByteWriter()
            try? BinaryRecordEncoder.encode(s, into: &w)
            record = w.bytes
            summary = s
            facts = DeadlineFacts(full)
            flags = full.archived ? Snapshot.archivedFlag : 0
        }

        /// A damaged file: its typed reason is the record.
        init(damagedReason: DamageReason?) { record = damagedReason.map(DamageReasonCoding.encode) ?? [] }
    }

    func append(decoded d: SummaryIndex.Decoded, name: String) {
        names.append(name); stats.append(d.stat); kinds.append(d.kind.rawValue); flags.append(d.row.flags)
        let start = records.count
        records.append(contentsOf: d.row.record)
        recordRanges.append(ByteSpan(start..<records.count))
        let sStart = search.count
        search.append(contentsOf: d.row.search)
        searchRanges.append(ByteSpan(sStart..<search.count))
        summaries.append(d.row.summary)
        facts.append(d.row.facts)
    }

    func damaged(_ i: Int, casesDir: URL) -> DamagedFile {
        if (try? loadRecords()) == nil { return DamagedFile(fileName: names[i], path: casesDir.appendingPathComponent(names[i]).path, reason: .indexUnreadable) }
        let reason = records.withUnsafeBytes { raw in
            DamageReasonCoding.decode(Array(UnsafeRawBufferPointer(rebasing: raw[recordRanges[i].range])))
        }
        return DamagedFile(fileName: names[i], path: casesDir.appendingPathComponent(names[i]).path, reason: reason)
    }
}

/// A damaged file's reason as the index keeps it: the typed `DamageReason` as JSON, so the
/// list can say it in either language without re-reading the file. Bytes that are not one
/// (an index written before the reasons were typed is rebuilt: see `IndexFingerprint`) read
/// back as their text.
enum DamageReasonCoding {
    static func encode(_ r: DamageReason) -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(r)).map(Array.init) ?? Array(r.text(.en).utf8)
    }

    static func decode(_ bytes: [UInt8]) -> DamageReason {
        (try? JSONDecoder().decode(DamageReason.self, from: Data(bytes))) ?? .text(String(decoding: bytes, as: UTF8.self))
    }
}
