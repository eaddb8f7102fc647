import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// What `CaseStore.portfolio(_:)` should load. The defaults give every summary, as
/// `portfolio()` always did.
public struct PortfolioQuery: Sendable {
    /// Only cases whose summary matches this search (exactly `CaseSummary.matches(search:)`;
    /// the index pre-filters on bytes so non-matching records are never decoded).
    public var search: String?
    /// false: summaries come with an empty `searchText` (saves building 10,000 strings when the
    /// caller only counts or computes deadlines). Never call `matches(search:)` on those.
    public var includeSearchText: Bool
    /// Called with (files decoded so far, files to decode) while case files are being decoded
    /// — i.e. on a cold or partly stale index; not called at all on a warm one. Called from
    /// worker threads, at most every 64 files and once at the end: hop to your own queue.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(search: String? = nil, includeSearchText: Bool = true,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.search = search; self.includeSearchText = includeSearchText; self.progress = progress
    }
}

/// Summary cache under `<ws>/.index/` so that list, count, overdue and the TUI's first frame
/// need not decode every case. The case files stay the source of truth.
///
/// **Validation.** Every load lists `cases/` (readdir) and `fstatat`s each file — one syscall
/// each, no reads. An entry is used only when the file's inode, size, mtime (ns) and ctime (ns)
/// all equal what was recorded when the file was last decoded, *and* the file had not changed
/// within `racySlackNs` before that decode began (the "racily clean" rule of git: two writes
/// inside one timestamp tick leave identical stats, so such entries are always re-read).
/// Everything else — new, changed, racy, unreadable — is decoded again (in parallel on all
/// cores when there are many), and entries whose file is gone are dropped.
///
/// **File.** `.index/summaries.v1`: a header (magic, format version, type fingerprint, scan
/// time, four section descriptors, header checksum) and four checksummed sections: a
/// fixed-width table (stat, kind, offsets) with the file names, the records (positional binary
/// `CaseSummary` without `searchText`, or a damaged file's reason), the folded search texts,
/// and the deadline facts (`DeadlineFactsSection`). Counting reads only the table; counting
/// overdue items reads the table and the deadline facts; searching scans the texts as bytes
/// and decodes only the records that can match. Missing, truncated, corrupt (checksum), or written by another
/// renkei (fingerprint) → ignored and rebuilt. Written with `DurableFile` (temp, fsync,
/// rename, fsync dir) after a load that changed anything, unless another process replaced the
/// file since it was read (write-if-unchanged; both versions are valid, so no lock is held).
public final class SummaryIndex: @unchecked Sendable {
    public static let fileName = "summaries.v1"
    static let magic: UInt64 = 0x0131_5844_4E49_4B52  // "RKINDX1\u{1}" little-endian
    /// Table, records, search texts, deadline facts.
    static let sectionCount = 4
    /// 32 bytes of fields, 24 per section descriptor, 8 of checksum.
    static let headerSize = 32 + 24 * sectionCount + 8
    static let rowSize = 64
    /// Files changed less than this before the scan that recorded them are re-read next time:
    /// covers filesystem timestamp granularity (ext4/xfs/btrfs: a kernel tick; FAT: 2 s) and
    /// small clock skew on network filesystems.
    public static let defaultRacySlackNs: Int64 = 2_000_000_000
    /// Per instance so tests can exercise stat validation on files written a moment ago.
    public var racySlackNs: Int64 = SummaryIndex.defaultRacySlackNs
    /// Decode files on several threads when at least this many need decoding.
    public static let parallelThreshold = 48

    let workspace: Workspace
    private let mutex = NSLock()
    private var memo: Snapshot?

    /// What the last load did (for the benchmark harness and tests).
    public struct Report: Sendable, Equatable {
        public enum Source: String, Sendable { case none, disk, memory }
        public var source: Source = .none
        /// Why the on-disk index was not used, if it was not.
        public var problem: String?
        public var entries = 0
        public var reused = 0
        public var decoded = 0
        /// Entries of the index whose file is gone.
        public var removed = 0
        public var wrote = false
    }
    public private(set) var lastReport = Report()

    public init(workspace: Workspace) { self.workspace = workspace }

    var url: URL { workspace.indexDir.appendingPathComponent(Self.fileName) }

    // MARK: public API

    public typealias FileDecoder = @Sendable (String) -> Swift.Result<CaseDocument, DamagedFile>

    /// Every case file's summary (or damage), validated against the directory.
    public func load(_ query: PortfolioQuery = PortfolioQuery(), decoder: @escaping FileDecoder) throws -> Portfolio {
        try mutex.withLock {
            let snap = try refresh(decoder: decoder, progress: query.progress)
            do {
                return try snap.portfolio(query, casesDir: workspace.casesDir)
            } catch let e as IndexFormatError {
                // A section that failed its checksum only when it was needed: rebuild from the files.
                memo = nil
                let fresh = try refresh(decoder: decoder, progress: query.progress, ignoreDisk: true)
                lastReport.problem = e.description
                return try fresh.portfolio(query, casesDir: workspace.casesDir)
            }
        }
    }

    /// Every usable case's deadline facts and the damaged files, reading neither the records
    /// nor the search texts (the fast path of `renkei overdue --count`).
    public func deadlineFacts(decoder: @escaping FileDecoder) throws -> (facts: [DeadlineFacts], damaged: [DamagedFile]) {
        try mutex.withLock {
            func collect(_ snap: Snapshot) throws -> (facts: [DeadlineFacts], damaged: [DamagedFile]) {
                try snap.loadFacts()
                var facts: [DeadlineFacts] = []
                facts.reserveCapacity(snap.names.count)
                var damaged: [DamagedFile] = []
                for i in 0..<snap.names.count {
                    if snap.kinds[i] == Kind.damaged.rawValue { damaged.append(snap.damaged(i, casesDir: workspace.casesDir)); continue }
                    guard let f = snap.facts[i] else { throw IndexFormatError("deadline facts missing for \(snap.names[i])") }
                    facts.append(f)
                }
                return (facts, damaged)
            }
            let snap = try refresh(decoder: decoder, progress: nil)
            do { return try collect(snap) } catch let e as IndexFormatError {
                memo = nil
                let fresh = try refresh(decoder: decoder, progress: nil, ignoreDisk: true)
                lastReport.problem = e.description
                return try collect(fresh)
            }
        }
    }

    /// Number of usable cases and the damaged files, without decoding any summary record.
    public func count(decoder: @escaping FileDecoder) throws -> (count: Int, damaged: [DamagedFile]) {
        try mutex.withLock {
            let snap = try refresh(decoder: decoder, progress: nil)
            var n = 0
            var damaged: [DamagedFile] = []
            for i in 0..<snap.names.count {
                if snap.kinds[i] == Kind.damaged.rawValue {
                    damaged.append(snap.damaged(i, casesDir: workspace.casesDir))
                } else { n += 1 }
            }
            return (n, damaged)
        }
    }

    /// Called by `CaseStore` after it saved a case. Nothing to do: the next load sees the new
    /// stat and re-reads that one file (a summary noted here could not be trusted anyway — an
    /// editor may write the file again within the same timestamp tick).
    public func noteWritten(fileName: String, summary: CaseSummary) {}

    /// Forget the in-memory state (the on-disk index is still validated file by file).
    public func invalidate() { mutex.withLock { memo = nil } }

    // MARK: validation

    enum Kind: UInt8 { case ok = 0, readOnly = 1, damaged = 2 }

    private func refresh(decoder: @escaping FileDecoder, progress: (@Sendable (Int, Int) -> Void)?,
                         ignoreDisk: Bool = false) throws -> Snapshot {
        var report = Report()
        let scanStart = DirectoryScan.nowNs()
        let items = try DirectoryScan.caseFiles(in: workspace.casesDir.path)

        var base: Snapshot? = ignoreDisk ? nil : memo
        if base != nil { report.source = .memory } else if ignoreDisk {
            report.problem = "ignored"
        } else {
            do {
                base = try Snapshot.read(url)
                report.source = base == nil ? .none : .disk
                if base == nil { report.problem = "missing" }
            } catch {
                report.problem = "\(error)"
            }
        }

        // Match directory entries with the snapshot.
        var reuse = [Int](repeating: -1, count: items.count)     // item → snapshot row
        var toDecode: [Int] = []                                  // item indices
        var matched = 0
        var present = 0
        if let b = base {
            let trustedBefore = b.scanStartNs &- racySlackNs
            let lookup = b.lookup
            for (k, item) in items.enumerated() {
                let j = lookup[item.name]
                if j != nil { present += 1 }
                if let st = item.stat, let j, b.stats[j] == st, st.changedNs < trustedBefore {
                    reuse[k] = j; matched += 1
                } else {
                    toDecode.append(k)
                }
            }
        } else {
            toDecode = Array(items.indices)
        }
        report.reused = matched
        report.decoded = toDecode.count
        report.removed = (base?.names.count ?? 0) - present
        report.entries = items.count

        if let b = base, toDecode.isEmpty, matched == b.names.count {
            memo = b
            lastReport = report
            return b
        }

        // Merging copies the unchanged records: they must be readable (else start over).
        if let b = base {
            do { try b.loadSections() } catch {
                report.problem = "\(error)"
                memo = nil
                return try refresh(decoder: decoder, progress: progress, ignoreDisk: true)
            }
        }

        // Decode what changed.
        let decoded = decodeFiles(items: items, which: toDecode, decoder: decoder, progress: progress)

        // Merge into a new snapshot, sorted by name.
        let next = Snapshot(scanStartNs: scanStart)
        var order: [(name: String, src: Int)] = []   // src ≥ 0: base row; src < 0: -(decoded index) - 1
        order.reserveCapacity(items.count)
        for (k, item) in items.enumerated() where reuse[k] >= 0 { order.append((item.name, reuse[k])) }
        for (d, r) in decoded.enumerated() where r.keep { order.append((items[toDecode[d]].name, -d - 1)) }
        order.sort { $0.name < $1.name }
        next.reserve(order.count)
        for (name, src) in order {
            if src >= 0 { next.append(copying: src, from: base!, name: name) }
            else { next.append(decoded: decoded[-src - 1], name: name) }
        }

        report.wrote = write(next, replacing: base)
        memo = next
        lastReport = report
        return next
    }

    struct Decoded: Sendable {
        var keep = false
        var stat = FileStat.unknown
        var kind = Kind.damaged
        var summary: CaseSummary?
        var reason: String?
    }

    private func decodeFiles(items: [DirectoryScan.Item], which: [Int], decoder: @escaping FileDecoder,
                             progress: (@Sendable (Int, Int) -> Void)?) -> [Decoded] {
        let total = which.count
        let dir = workspace.casesDir.path
        let out = UnsafeMutableBufferPointer<Decoded>.allocate(capacity: total)
        out.initialize(repeating: Decoded())
        defer { out.deinitialize(); out.deallocate() }
        let slots = SendableBuffer(out)
        let done = Counter()
        let work: @Sendable (Int) -> Void = { d in
            let item = items[which[d]]
            var r = Decoded()
            switch decoder(item.name) {
            case .success(let doc):
                r.keep = true
                r.kind = doc.readOnly ? .readOnly : .ok
                r.summary = CaseSummary(doc.value)
            case .failure(let damage):
                r.reason = damage.reason
                // Gone between readdir and read: not a case any more.
                r.keep = DirectoryScan.stat(dir: dir, name: item.name) != nil || item.stat == nil
            }
            // Trust the entry next time only if the file did not change while it was read.
            if let before = item.stat, DirectoryScan.stat(dir: dir, name: item.name) == before { r.stat = before }
            slots.buffer[d] = r
            if let progress {
                let n = done.add(1)
                if n % 64 == 0 || n == total { progress(n, total) }
            }
        }
        let threads = total >= Self.parallelThreshold ? min(8, ProcessInfo.processInfo.activeProcessorCount) : 1
        if threads > 1 {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let start = next.add(16) - 16
                    if start >= total { break }
                    for d in start..<min(total, start + 16) { work(d) }
                }
            }
        } else {
            for d in 0..<total { work(d) }
        }
        return Array(out)
    }

    // MARK: writing

    /// Writes `snap` unless the on-disk index changed since `base` was read from it.
    private func write(_ snap: Snapshot, replacing base: Snapshot?) -> Bool {
        let path = url.path
        let current = DirectoryScan.stat(dir: workspace.indexDir.path, name: Self.fileName)
        if let base, base.fileStat != nil || current != nil, base.fileStat != current { return false }
        do {
            try? FileManager.default.createDirectory(at: workspace.indexDir, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            let bytes = try snap.serialize()
            try DurableFile.write(Data(bytes), to: URL(fileURLWithPath: path))
            snap.fileStat = DirectoryScan.stat(dir: workspace.indexDir.path, name: Self.fileName)
            return true
        } catch {
            // A cache that cannot be written (read-only media, disk full) only costs speed.
            return false
        }
    }
}

final class SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}

// MARK: - snapshot

/// The index in memory: parallel arrays in file-name order. Records and search texts stay as
/// bytes until asked for.
final class Snapshot: @unchecked Sendable {
    var scanStartNs: Int64
    var names: [String] = []
    var stats: [FileStat] = []
    var kinds: [UInt8] = []
    /// Encoded records (summary without searchText, or a damaged file's reason).
    var records: [UInt8] = []
    var recordRanges: [Range<Int>] = []
    var search: [UInt8] = []
    var searchRanges: [Range<Int>] = []
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

    lazy var lookup: [String: Int] = {
        var d = [String: Int](minimumCapacity: names.count)
        for (i, n) in names.enumerated() { d[n] = i }
        return d
    }()

    func reserve(_ n: Int) {
        names.reserveCapacity(n); stats.reserveCapacity(n); kinds.reserveCapacity(n)
        recordRanges.reserveCapacity(n); searchRanges.reserveCapacity(n); summaries.reserveCapacity(n); facts.reserveCapacity(n)
    }

    func append(copying j: Int, from b: Snapshot, name: String) {
        names.append(name); stats.append(b.stats[j]); kinds.append(b.kinds[j])
        let r = b.recordRanges[j]
        let start = records.count
        records.append(contentsOf: b.records[r])
        recordRanges.append(start..<records.count)
        let s = b.searchRanges[j]
        let sStart = search.count
        search.append(contentsOf: b.search[s])
        searchRanges.append(sStart..<search.count)
        summaries.append(b.summaries[j])
        facts.append(b.facts[j])
    }

    func append(decoded d: SummaryIndex.Decoded, name: String) {
        names.append(name); stats.append(d.stat); kinds.append(d.kind.rawValue)
        let start = records.count
        var searchBytes: [UInt8] = []
        var stripped: CaseSummary?
        if var s = d.summary {
            searchBytes = Array(s.searchText.utf8)
            s.searchText = ""
            var w = ByteWriter()
            swap(&w.bytes, &records)
            try? BinaryRecordEncoder.encode(s, into: &w)
            swap(&w.bytes, &records)
            stripped = s
        } else {
            records.append(contentsOf: (d.reason ?? "").utf8)
        }
        recordRanges.append(start..<records.count)
        let sStart = search.count
        search.append(contentsOf: searchBytes)
        searchRanges.append(sStart..<search.count)
        summaries.append(stripped)
        facts.append(d.summary.map(DeadlineFacts.init))
    }

    func damaged(_ i: Int, casesDir: URL) -> DamagedFile {
        if (try? loadRecords()) == nil { return DamagedFile(fileName: names[i], path: casesDir.appendingPathComponent(names[i]).path, reason: "damaged (summary index unreadable; run any command again)") }
        let reason = records.withUnsafeBytes { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[recordRanges[i]]), as: UTF8.self)
        }
        return DamagedFile(fileName: names[i], path: casesDir.appendingPathComponent(names[i]).path, reason: reason)
    }

    // MARK: portfolio

    func portfolio(_ q: PortfolioQuery, casesDir: URL) throws -> Portfolio {
        try loadRecords()
        if q.search != nil || q.includeSearchText { try loadSearch() }
        var wanted: [Int] = []
        var damaged: [DamagedFile] = []
        wanted.reserveCapacity(names.count)
        let needle: [[UInt8]]? = q.search.map { query in
            TextNormalizer.fold(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map { Array($0.utf8) }
        }
        search.withUnsafeBytes { raw in
            for i in 0..<names.count {
                if kinds[i] == SummaryIndex.Kind.damaged.rawValue { damaged.append(self.damaged(i, casesDir: casesDir)); continue }
                if let needle {
                    // Byte containment is necessary for String containment: a cheap pre-filter.
                    let hay = UnsafeRawBufferPointer(rebasing: raw[searchRanges[i]])
                    if !needle.allSatisfy({ Snapshot.contains(hay, $0) }) { continue }
                }
                wanted.append(i)
            }
        }
        try decodeSummaries(wanted)
        let needText = q.includeSearchText || q.search != nil
        var out: [CaseSummary] = []
        out.reserveCapacity(wanted.count)
        var readOnly = Set<String>()
        search.withUnsafeBytes { raw in
            for i in wanted {
                var s = summaries[i]!
                if needText {
                    s.searchText = String(decoding: UnsafeRawBufferPointer(rebasing: raw[searchRanges[i]]), as: UTF8.self)
                }
                if let query = q.search, !s.matches(search: query) { continue }
                if !q.includeSearchText { s.searchText = "" }
                if kinds[i] == SummaryIndex.Kind.readOnly.rawValue { readOnly.insert(s.id) }
                out.append(s)
            }
        }
        return Portfolio(summaries: out, damaged: damaged, readOnly: readOnly)
    }

    /// Decodes the records of `rows` not yet decoded (on two threads when there are many).
    func decodeSummaries(_ rows: [Int]) throws {
        let todo = rows.filter { summaries[$0] == nil }
        if todo.isEmpty { return }
        let results = UnsafeMutableBufferPointer<CaseSummary?>.allocate(capacity: todo.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        let box = SendableBuffer(results)
        let failed = ErrorBox()
        records.withUnsafeBytes { raw in
            let base = raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
            let ranges = recordRanges
            let rawBox = UnsafeSendable(base)
            let work: @Sendable (Int) -> Void = { k in
                let r = ranges[todo[k]]
                let reader = ByteReader(rawBox.value, from: r.lowerBound, to: r.upperBound)
                do {
                    // The hand-written reader is the fast path; the generic decoder is the reference.
                    let s: CaseSummary
                    if let fast = try? SummaryRecordDecoder.decode(from: reader), reader.pos == r.upperBound {
                        s = fast
                    } else {
                        reader.pos = r.lowerBound
                        s = try BinaryRecordDecoder.decode(CaseSummary.self, from: reader)
                    }
                    guard reader.pos == reader.end else { throw IndexFormatError("record \(todo[k]) has trailing bytes") }
                    box.buffer[k] = s
                } catch { failed.set(error) }
            }
            let threads = todo.count >= 4096 ? min(4, ProcessInfo.processInfo.activeProcessorCount) : 1
            if threads > 1 {
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    var k = t
                    while k < todo.count { work(k); k += threads }
                }
            } else {
                for k in 0..<todo.count { work(k) }
            }
        }
        if let e = failed.error { throw IndexFormatError("undecodable record: \(e)") }
        for (k, row) in todo.enumerated() { summaries[row] = results[k] }
    }

    static func contains(_ hay: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard hay.count >= needle.count, let h = hay.baseAddress else { return false }
        return needle.withUnsafeBytes { n -> Bool in
            // memchr for the first byte, memcmp for the rest (Glibc's Swift module has no memmem).
            let first = Int32(n[0])
            var p = h
            let end = h + hay.count
            while end - p >= n.count {
                guard let hit = memchr(p, first, end - p - n.count + 1) else { return false }
                if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                p = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }

    // MARK: file format

    /// Header (136 bytes, little-endian):
    ///   0 magic u64 · 8 fingerprint u64 · 16 scanStartNs i64 · 24 count u32 · 28 reserved u32
    ///   32 table (offset u64, length u64, checksum u64) · 56 records (…) · 80 search (…)
    ///   104 deadline facts (…) · 128 header checksum u64 (of bytes 0..<128)
    /// Table: count × 64-byte rows, then the names.
    ///   row: inode u64 · size i64 · mtimeNs i64 · ctimeNs i64 · nameOff u32 · nameLen u32 ·
    ///        recOff u32 · recLen u32 · searchOff u32 · searchLen u32 · kind u8 · st_mode u32 · pad[3]
    func serialize() throws -> [UInt8] {
        let n = names.count
        guard records.count < Int(UInt32.max), search.count < Int(UInt32.max) else {
            throw IndexFormatError("index larger than 4 GB")
        }
        var table = ByteWriter(capacity: n * (SummaryIndex.rowSize + 16))
        var namesBlob: [UInt8] = []
        namesBlob.reserveCapacity(n * 16)
        for i in 0..<n {
            let st = stats[i]
            table.u64(st.inode); table.u64(UInt64(bitPattern: st.size))
            table.u64(UInt64(bitPattern: st.mtimeNs)); table.u64(UInt64(bitPattern: st.ctimeNs))
            let nameStart = namesBlob.count
            namesBlob.append(contentsOf: names[i].utf8)
            table.u32(UInt32(nameStart)); table.u32(UInt32(namesBlob.count - nameStart))
            table.u32(UInt32(recordRanges[i].lowerBound)); table.u32(UInt32(recordRanges[i].count))
            table.u32(UInt32(searchRanges[i].lowerBound)); table.u32(UInt32(searchRanges[i].count))
            table.u8(kinds[i]); table.u32(st.mode); for _ in 0..<3 { table.u8(0) }
        }
        table.bytes.append(contentsOf: namesBlob)

        let factsBytes = DeadlineFactsSection.encode(facts)
        var out = ByteWriter(capacity: SummaryIndex.headerSize + table.bytes.count + records.count + search.count + factsBytes.count)
        out.u64(SummaryIndex.magic)
        out.u64(IndexFingerprint.value)
        out.u64(UInt64(bitPattern: scanStartNs))
        out.u32(UInt32(n)); out.u32(0)
        var offset = SummaryIndex.headerSize
        for section in [table.bytes, records, search, factsBytes] {
            out.u64(UInt64(offset)); out.u64(UInt64(section.count)); out.u64(Checksum.of(section))
            offset += section.count
        }
        let sumAt = SummaryIndex.headerSize - 8
        out.u64(out.bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<sumAt])) })
        out.bytes.append(contentsOf: table.bytes)
        out.bytes.append(contentsOf: records)
        out.bytes.append(contentsOf: search)
        out.bytes.append(contentsOf: factsBytes)
        return out.bytes
    }

    /// nil when there is no index file; throws when there is one that cannot be used.
    /// Reads the header and the table; records and search texts are read on demand.
    static func read(_ url: URL) throws -> Snapshot? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw IndexFormatError("cannot open: \(String(cString: strerror(errno)))")
        }
        var keep = false
        defer { if !keep { close(fd) } }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { throw IndexFormatError("not a regular file") }
        let size = Int(st.st_size)
        guard size >= SummaryIndex.headerSize else { throw IndexFormatError("truncated (\(size) bytes)") }
        let header = try pread(fd, 0..<SummaryIndex.headerSize)
        let h = try header.withUnsafeBytes { raw -> (scan: Int64, n: Int, sections: [Range<Int>], sums: [UInt64]) in
            let r = ByteReader(raw.baseAddress!, from: 0, to: raw.count)
            guard try r.u64() == SummaryIndex.magic else { throw IndexFormatError("not a renkei index (bad magic)") }
            guard try r.u64() == IndexFingerprint.value else { throw IndexFormatError("written by another renkei version (fingerprint differs)") }
            let scan = Int64(bitPattern: try r.u64())
            let n = Int(try r.u32()); _ = try r.u32()
            var sections: [Range<Int>] = [], sums: [UInt64] = []
            for _ in 0..<SummaryIndex.sectionCount {
                let off = try r.u64(), len = try r.u64(), sum = try r.u64()
                guard off <= UInt64(size), len <= UInt64(size) - off else { throw IndexFormatError("truncated (section past end of file)") }
                sections.append(Int(off)..<Int(off + len)); sums.append(sum)
            }
            guard try r.u64() == Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<(SummaryIndex.headerSize - 8)])) else { throw IndexFormatError("header checksum mismatch") }
            return (scan, n, sections, sums)
        }
        let contiguous = (1..<SummaryIndex.sectionCount).allSatisfy { h.sections[$0].lowerBound == h.sections[$0 - 1].upperBound }
        guard h.sections[0].lowerBound == SummaryIndex.headerSize, contiguous, h.sections.last!.upperBound == size else {
            throw IndexFormatError("length mismatch (truncated or appended)")
        }
        let table = try pread(fd, h.sections[0])
        guard Checksum.of(table) == h.sums[0] else { throw IndexFormatError("checksum mismatch in the table") }
        let snap = try parseTable(table, count: h.n, scanStartNs: h.scan, recordsLength: h.sections[1].count, searchLength: h.sections[2].count)
        snap.fileStat = FileStat(st)
        snap.setLazy(fd: fd, records: h.sections[1], recordsSum: h.sums[1], search: h.sections[2], searchSum: h.sums[2],
                     facts: h.sections[3], factsSum: h.sums[3])
        keep = true
        return snap
    }

    static func parseTable(_ table: [UInt8], count n: Int, scanStartNs: Int64, recordsLength recLen: Int, searchLength searchLen: Int) throws -> Snapshot {
        try table.withUnsafeBytes { raw -> Snapshot in
            guard n >= 0, n * SummaryIndex.rowSize <= raw.count else { throw IndexFormatError("table too short") }
            let namesStart = n * SummaryIndex.rowSize
            let namesLen = raw.count - namesStart
            let s = Snapshot(scanStartNs: scanStartNs)
            s.reserve(n)
            let r = ByteReader(raw.baseAddress!, from: 0, to: namesStart)
            for _ in 0..<n {
                let ino = try r.u64(), size = Int64(bitPattern: try r.u64())
                let m = Int64(bitPattern: try r.u64()), c = Int64(bitPattern: try r.u64())
                let no = Int(try r.u32()), nl = Int(try r.u32())
                let ro = Int(try r.u32()), rl = Int(try r.u32())
                let so = Int(try r.u32()), sl = Int(try r.u32())
                let kind = try r.u8(); let mode = try r.u32(); r.pos += 3
                guard no + nl <= namesLen, ro + rl <= recLen, so + sl <= searchLen, kind <= 2 else { throw IndexFormatError("entry out of range") }
                s.names.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[(namesStart + no)..<(namesStart + no + nl)]), as: UTF8.self))
                s.stats.append(FileStat(inode: ino, size: size, mtimeNs: m, ctimeNs: c, mode: mode))
                s.kinds.append(kind)
                s.recordRanges.append(ro..<(ro + rl))
                s.searchRanges.append(so..<(so + sl))
                s.summaries.append(nil)
            }
            return s
        }
    }
}

struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}

// MARK: - fingerprint

/// Identifies the record layout and the derivation of summaries, so an index written by a
/// renkei with a different `CaseSummary` (new field, changed enum, changed folding, changed
/// `CaseSummary.init(Case)`) is rebuilt instead of misread: it hashes the field names and
/// types, the enums' raw values, a folding sample, and the encoded summaries of probe cases.
enum IndexFingerprint {
    static let value: UInt64 = compute()

    static func compute() -> UInt64 {
        var text = "renkei-index/2\n"
        let probe = CaseGenerator(catalog: Catalog(), seed: 0x5EED, count: 3)
        var cases = (0..<3).map { probe.makeCase($0) }
        // Make sure every optional and nested field is present in at least one probe.
        let at = Timestamp("2026-11-23T09:00:00+09:00")!
        cases[0].snoozes = [Snooze(item: "next-action", until: Day(year: 2026, month: 12, day: 1)!, reason: "probe", at: at, by: "probe")]
        cases[0].nextAction = NextAction(text: "probe", due: Day(year: 2026, month: 12, day: 2)!)
        cases[0].exit = .procurement; cases[0].method = "proposal"; cases[0].budget.fiscalYear = 2027
        cases[0].budget.roughQuoteYen = 1000; cases[0].checklist[CaseSummary.roughQuoteItem] = Tick(at: at, by: "probe")
        cases[0].tags = ["probe"]; cases[0].partners = [Partner(name: "probe")]
        let summaries = cases.map(CaseSummary.init)
        for s in summaries { describeType(s, into: &text) }
        text += Stage.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += Exit.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += MunicipalityKind.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += SizeClass.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text += TextNormalizer.fold("ｻﾔﾏ ＡＩ① Straße ｶﾞ") + "\n"
        var w = ByteWriter()
        for s in summaries { try? BinaryRecordEncoder.encode(s, into: &w) }
        var bytes = Array(text.utf8)
        bytes += w.bytes
        bytes += DeadlineFactsSection.encode(summaries.map(DeadlineFacts.init) + [nil])
        return Checksum.of(bytes)
    }

    static func describeType(_ value: Any, into text: inout String, depth: Int = 0) {
        guard depth < 4 else { return }
        let m = Mirror(reflecting: value)
        text += "\(type(of: value)){"
        for child in m.children {
            text += (child.label ?? "_") + ":"
            describeType(child.value, into: &text, depth: depth + 1)
            text += ";"
            if m.displayStyle == .collection { break }   // one element describes the type
        }
        text += "}\n"
    }
}
