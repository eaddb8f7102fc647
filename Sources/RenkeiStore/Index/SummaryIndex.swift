import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

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
    /// Sections are addressed with 32-bit offsets, so a real index stays far below this; the
    /// cap only bounds what `RegularFile.open` will accept.
    static let maxFileSize = 1 << 34
    /// Files changed less than this before the scan that recorded them are re-read next time:
    /// covers filesystem timestamp granularity (ext4/xfs/btrfs: a kernel tick; FAT: 2 s) and
    /// small clock skew on network filesystems.
    public static let defaultRacySlackNs: Int64 = 2_000_000_000
    /// Per instance so tests can exercise stat validation on files written a moment ago.
    public var racySlackNs: Int64 = SummaryIndex.defaultRacySlackNs
    /// Decode files on several threads when at least this many need decoding.
    public static let parallelThreshold = 48

    let workspace: Workspace
    let mutex = NSLock()
    var memo: Snapshot?

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
    public internal(set) var lastReport = Report()

    /// Called (at most once per distinct line) when the index on disk was discarded — damaged,
    /// written by another build, something else in its place — or cannot be written. A cache
    /// that silently fails makes every run slow with no hint why (issue 18, finding 9: a
    /// directory named `summaries.v1` made every run cold). The CLI prints the line on stderr,
    /// the workbench shows it as a notice. Set before the first load.
    public var onNotice: (@Sendable (StoreWarning) -> Void)?
    /// Why the index on disk was not used in the current refresh (reported after the rewrite).
    var discardReason: String?
    var noticesSaid = Set<String>()

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
                discardReason = e.description
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
                    if snap.isArchived(i) { continue }   // out of every deadline view (issue 14)
                    guard let f = snap.facts[i] else { throw IndexFormatError("deadline facts missing for \(snap.names[i])") }
                    facts.append(f)
                }
                return (facts, damaged)
            }
            let snap = try refresh(decoder: decoder, progress: nil)
            do { return try collect(snap) } catch let e as IndexFormatError {
                memo = nil
                discardReason = e.description
                let fresh = try refresh(decoder: decoder, progress: nil, ignoreDisk: true)
                lastReport.problem = e.description
                return try collect(fresh)
            }
        }
    }

    /// Number of usable cases (those not archived, and the archived ones) and the damaged
    /// files, from the table alone: no summary record is decoded.
    public func count(decoder: @escaping FileDecoder) throws -> CaseCount {
        try mutex.withLock {
            let snap = try refresh(decoder: decoder, progress: nil)
            var out = CaseCount()
            for i in 0..<snap.names.count {
                if snap.kinds[i] == Kind.damaged.rawValue {
                    out.damaged.append(snap.damaged(i, casesDir: workspace.casesDir))
                } else if snap.isArchived(i) { out.archived += 1 } else { out.count += 1 }
            }
            return out
        }
    }


    /// Forget the in-memory state (the on-disk index is still validated file by file).
    public func invalidate() { mutex.withLock { memo = nil } }
}
