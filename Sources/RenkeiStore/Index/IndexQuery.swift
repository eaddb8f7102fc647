import Foundation
import RenkeiCore

/// Answering a portfolio query from the snapshot: search on the bytes, decode only the matches.
extension Snapshot {
    // MARK: portfolio

    func portfolio(_ q: PortfolioQuery, casesDir: URL) throws -> Portfolio {
        try loadRecords()
        if q.search != nil || q.includeSearchText { try loadSearch() }
        var wanted: [Int] = []
        var damaged: [DamagedFile] = []
        wanted.reserveCapacity(names.count)
        let needle: [[[UInt8]]]? = q.search.map { FoldedSearch.query($0, readings: q.readings) }
        search.withUnsafeBytes { raw in
            for i in 0..<names.count {
                if kinds[i] == SummaryIndex.Kind.damaged.rawValue { damaged.append(self.damaged(i, casesDir: casesDir)); continue }
                if let needle {
                    // The stored search bytes are the folded search text: this is the match itself.
                    if !FoldedSearch.matches(UnsafeRawBufferPointer(rebasing: raw[searchRanges[i].range]), anyOf: needle) { continue }
                }
                wanted.append(i)
            }
        }
        try decodeSummaries(wanted)
        var out: [CaseSummary] = []
        out.reserveCapacity(wanted.count)
        var readOnly = Set<String>()
        search.withUnsafeBytes { raw in
            for i in wanted {
                var s = summaries[i]!
                // The match above ran on the bytes; the text itself is built only for callers that
                // filter again in memory (the workbench). A `list --search` built it for every match
                // and threw it away: ~2 M instructions at 1,000 cases (issue 19).
                if q.includeSearchText {
                    s.searchText = String(decoding: UnsafeRawBufferPointer(rebasing: raw[searchRanges[i].range]), as: UTF8.self)
                }
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
}
