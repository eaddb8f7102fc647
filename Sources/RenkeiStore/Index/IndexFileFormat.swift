import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

extension Snapshot {
    // MARK: file format

    /// Header (136 bytes, little-endian):
    ///   0 magic u64 · 8 fingerprint u64 · 16 scanStartNs i64 · 24 count u32 · 28 reserved u32
    ///   32 table (offset u64, length u64, checksum u64) · 56 records (…) · 80 search (…)
    ///   104 deadline facts (…) · 128 header checksum u64 (of bytes 0..<128)
    /// Table: count × 64-byte rows, then the names.
    ///   row: inode u64 · size i64 · mtimeNs i64 · ctimeNs i64 · nameOff u32 · nameLen u32 ·
    ///        recOff u32 · recLen u32 · searchOff u32 · searchLen u32 · kind u8 · st_mode u32 ·
    ///        flags u8 (1: archived) · pad[2]
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
            table.u8(kinds[i]); table.u32(st.mode); table.u8(flags[i]); for _ in 0..<2 { table.u8(0) }
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
        // RegularFile: a FIFO or device named summaries.v1 must not block the run (finding 4).
        let fd: Int32, size: Int, st: stat
        do { (fd, size, st) = try RegularFile.open(url.path, limit: SummaryIndex.maxFileSize) } catch let e as StoreError {
            if case .io(_, _, let code) = e, code == ENOENT { return nil }
            if e.environmental != nil { throw e }   // the machine, not the index: abort the run
            if case .notRegular(_, let what) = e { throw IndexFormatError(what.label(.en) + ", not a regular file") }
            throw IndexFormatError("\(e)".replacingOccurrences(of: url.path + ": ", with: ""))
        }
        var keep = false
        defer { if !keep { close(fd) } }
        guard size >= SummaryIndex.headerSize else { throw IndexFormatError("truncated (\(size) bytes)") }
        let header = try pread(fd, 0..<SummaryIndex.headerSize)
        let h = try header.withUnsafeBytes { raw -> (scan: Int64, n: Int, sections: [ByteSpan], sums: [UInt64]) in
            let r = ByteReader(raw.baseAddress!, from: 0, to: raw.count)
            guard try r.u64() == SummaryIndex.magic else { throw IndexFormatError("not a renkei index (bad magic)") }
            guard try r.u64() == IndexFingerprint.value else { throw IndexFormatError("written by another renkei version (fingerprint differs)") }
            let scan = Int64(bitPattern: try r.u64())
            let n = Int(try r.u32()); _ = try r.u32()
            var sections: [ByteSpan] = [], sums: [UInt64] = []
            for _ in 0..<SummaryIndex.sectionCount {
                let off = try r.u64(), len = try r.u64(), sum = try r.u64()
                guard off <= UInt64(size), len <= UInt64(size) - off else { throw IndexFormatError("truncated (section past end of file)") }
                sections.append(ByteSpan(Int(off)..<Int(off + len))); sums.append(sum)
            }
            guard try r.u64() == Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<(SummaryIndex.headerSize - 8)])) else { throw IndexFormatError("header checksum mismatch") }
            return (scan, n, sections, sums)
        }
        let contiguous = (1..<SummaryIndex.sectionCount).allSatisfy { h.sections[$0].lowerBound == h.sections[$0 - 1].upperBound }
        guard h.sections[0].lowerBound == SummaryIndex.headerSize, contiguous, h.sections.last!.upperBound == size else {
            throw IndexFormatError("length mismatch (truncated or appended)")
        }
        let table = try pread(fd, h.sections[0].range)
        guard Checksum.of(table) == h.sums[0] else { throw IndexFormatError("checksum mismatch in the table") }
        let snap = try parseTable(table, count: h.n, scanStartNs: h.scan, recordsLength: h.sections[1].count, searchLength: h.sections[2].count)
        snap.fileStat = FileStat(st)
        snap.setLazy(fd: fd, records: h.sections[1].range, recordsSum: h.sums[1], search: h.sections[2].range, searchSum: h.sums[2],
                     facts: h.sections[3].range, factsSum: h.sums[3])
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
                let kind = try r.u8(); let mode = try r.u32(); let flags = try r.u8(); r.pos += 2
                guard no + nl <= namesLen, ro + rl <= recLen, so + sl <= searchLen, kind <= 2, flags <= Snapshot.archivedFlag else {
                    throw IndexFormatError("entry out of range")
                }
                s.names.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[(namesStart + no)..<(namesStart + no + nl)]), as: UTF8.self))
                s.stats.append(FileStat(inode: ino, size: size, mtimeNs: m, ctimeNs: c, mode: mode))
                s.kinds.append(kind)
                s.flags.append(flags)
                s.recordRanges.append(ByteSpan(ro..<(ro + rl)))
                s.searchRanges.append(ByteSpan(so..<(so + sl)))
                s.summaries.append(nil)
            }
            return s
        }
    }
}

extension SummaryIndex {
    /// `bytes` with every section checksum and the header checksum recomputed from the content.
    /// For the fuzz targets and tests only: a mutation sealed this way passes the checksum gate,
    /// so what is tested is the decoders' own range checks (issue 18, finding 7 — the fuzzer
    /// never got past the checksums). Bytes too short for a header are returned unchanged.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= headerSize else { return bytes }
        var out = bytes
        func u64(_ at: Int) -> UInt64 { out.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) } }
        func put(_ v: UInt64, _ at: Int) { withUnsafeBytes(of: v.littleEndian) { for k in 0..<8 { out[at + k] = $0[k] } } }
        for k in 0..<sectionCount {
            let at = 32 + 24 * k
            let off = u64(at), len = u64(at + 8)
            guard off <= UInt64(out.count), len <= UInt64(out.count) - off else { continue }
            put(out.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[Int(off)..<Int(off + len)])) }, at + 16)
        }
        put(out.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<(headerSize - 8)])) }, headerSize - 8)
        return out
    }
}

struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
