import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

/// Validation: which files changed since the index recorded them, and decoding those again.
extension SummaryIndex {
    enum Kind: UInt8 { case ok = 0, readOnly = 1, damaged = 2 }

    func refresh(decoder: @escaping FileDecoder, progress: (@Sendable (Int, Int) -> Void)?,
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
            } catch let e as StoreError {
                throw e     // the machine, not the index (out of descriptors, EIO): abort the run
            } catch {
                report.problem = "\(error)"
                discardReason = "\(error)"
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
                discardReason = "\(error)"
                memo = nil
                return try refresh(decoder: decoder, progress: progress, ignoreDisk: true)
            }
        }

        // Decode what changed.
        let decoded = decodeFiles(items: items, which: toDecode, decoder: decoder, progress: progress)
        // A file the machine could not read (EMFILE, EIO, EACCES) is not judged: the run stops
        // here, before the index (memory or disk) could remember a good case as damaged.
        if let io = decoded.lazy.compactMap(\.unreadable).first { throw io }

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

        let written = write(next, replacing: base)
        report.wrote = written.wrote
        tellProblems(writeError: written.error)
        memo = next
        lastReport = report
        return next
    }

    struct Decoded: Sendable {
        var keep = false
        var stat = FileStat.unknown
        var kind = Kind.damaged
        var row = Snapshot.EncodedRow(damagedReason: nil)
        var unreadable: StoreError?
    }

    func decodeFiles(items: [DirectoryScan.Item], which: [Int], decoder: @escaping FileDecoder,
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
                r.row = Snapshot.EncodedRow(CaseSummary(doc.value))
            case .failure(let damage):
                r.row = Snapshot.EncodedRow(damagedReason: damage.reason)
                r.unreadable = damage.unreadable
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
}

final class SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}
