import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiDevSupport

/// Archived cases (issue 14) through the summary index: `list --count` and `overdue --count`
/// read the table's flags byte, so archiving one case re-reads that one file — no rebuild — and
/// the counts follow; and the merge of an archive with a concurrent edit is the same bytes in
/// either direction.
@Suite struct ArchiveIndexTests {
    @Test func countsFollowArchiveWithoutARebuild() throws {
        let (ws, store, root) = try IndexTests.workspace(30)
        defer { IndexTests.remove(root) }
        let first = try store.caseCount()
        #expect(first.count == 30 && first.archived == 0)
        let factsBefore = try store.deadlineFacts().facts.count
        let id = try store.portfolio().summaries[3].id

        // Another process archives one case.
        let other = CaseStore(workspace: ws, catalog: Catalog())
        try other.apply(id, .archive(note: "横展開の参考に ①"), actor: "髙橋", now: IndexTests.now)

        let fresh = CaseStore(workspace: ws, catalog: Catalog())
        fresh.index!.racySlackNs = 0
        let counted = try fresh.caseCount()
        #expect(counted.count == 29 && counted.archived == 1)
        #expect(fresh.index!.lastReport.decoded == 1 && fresh.index!.lastReport.reused == 29)
        #expect(try fresh.deadlineFacts().facts.count == factsBefore - 1)
        #expect(try fresh.portfolio().summaries.filter(\.archived).map(\.id) == [id])
        // The index agrees with a full decode, and a later process reads the flag from disk.
        IndexTests.expectSame(try fresh.portfolio(), try IndexTests.truth(ws))
        let later = CaseStore(workspace: ws, catalog: Catalog())
        later.index!.racySlackNs = 0
        #expect(try later.caseCount() == CaseCount(count: 29, archived: 1, damaged: []))
        #expect(later.index!.lastReport.decoded == 0)

        try other.apply(id, .unarchive, actor: "髙橋", now: IndexTests.now)
        let back = CaseStore(workspace: ws, catalog: Catalog())
        back.index!.racySlackNs = 0
        #expect(try back.caseCount().count == 30 && back.index!.lastReport.decoded == 1)
        #expect(try back.deadlineFacts().facts.count == factsBefore)
    }

    @Test func theSummaryRecordReaderReadsTheFlag() throws {
        var c = Case(id: "c-arch02", title: "ｱｰｶｲﾌﾞ 髙 ㈱ 🎌", municipality: Municipality(name: "狭山市"))
        c = try CaseCommands.apply(.archive(note: nil), to: c,
                                   context: CommandContext(actor: "髙橋", now: IndexTests.now, commandId: "a1", catalog: Catalog()))
        let s = CaseSummary(c)
        var w = ByteWriter()
        try BinaryRecordEncoder.encode(s, into: &w)
        let decoded = try w.bytes.withUnsafeBytes { raw in
            try SummaryRecordDecoder.decode(from: ByteReader(raw.baseAddress!, from: 0, to: raw.count))
        }
        #expect(decoded.archived && decoded == s)
    }

    @Test func archiveAgainstAnEditMergesToTheSameBytesEitherWay() throws {
        let catalog = try CatalogLoader.load(data: StoreFixtures.dataDir, workspace: try StoreFixtures.workspace()).catalog
        func ctx(_ actor: String, _ at: String, _ id: String) -> CommandContext {
            CommandContext(actor: actor, now: Timestamp(at)!, commandId: id, catalog: catalog)
        }
        let base = try CaseFactory.make(NewCaseInput(id: "c-7kq4mz", title: "廃校跡地の実証 ※①", municipality: "狭山市", prefecture: "埼玉県",
                                                     partners: ["株式会社ｶﾀｶﾅ"], fiscalYear: 2027), context: ctx("髙橋", "2026-11-23T09:00:00+09:00", "c"))
        let ours = try CaseCommands.apply(.archive(note: "令和８年度で完了"), to: base, context: ctx("佐藤", "2026-11-24T10:00:00+09:00", "o1"))
        var theirs = try CaseCommands.apply(.setField(path: "title", value: .string("鈴木案 ㈱")), to: base, context: ctx("鈴木", "2026-11-24T11:00:00+09:00", "t1"))
        theirs = try CaseCommands.apply(.addNote(text: "ﾒﾓ"), to: theirs, context: ctx("鈴木", "2026-11-24T11:01:00+09:00", "t2"))
        func bytes(_ c: Case) throws -> Data { try CaseCodec.encode(CaseDocument(value: c)) }
        let (b, o, t) = (try bytes(base), try bytes(ours), try bytes(theirs))
        let one = try CaseFileMerge.merge(base: b, ours: o, theirs: t, path: "cases/c-7kq4mz.json", catalog: catalog)
        let swapped = try CaseFileMerge.merge(base: b, ours: t, theirs: o, path: "cases/c-7kq4mz.json", catalog: catalog)
        #expect(one.data == swapped.data)
        #expect(try CaseCodec.encode(CaseCodec.decode(one.data, path: "x")) == one.data)
        let merged = try CaseCodec.decode(one.data, path: "x").value
        #expect(merged.isArchived && merged.archival?.note == "令和８年度で完了")
        #expect(merged.title == "鈴木案 ㈱" && merged.notes.count == 1 && one.recorded.isEmpty)
        // A file without archive events opens unchanged: the old bytes decode and re-encode as they were.
        #expect(try CaseCodec.encode(CaseCodec.decode(b, path: "x")) == b)
    }
}
