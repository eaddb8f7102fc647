import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// The merge on bytes: the store's decoder judges each side, its canonical encoder writes the
/// result — so the same three files give the same bytes on every machine, in either direction.
struct CaseFileMergeTests {
    static func sides() throws -> (Data, Data, Data, Catalog) {
        let catalog = try CatalogLoader.load(data: StoreFixtures.dataDir, workspace: try StoreFixtures.workspace()).catalog
        func ctx(_ actor: String, _ at: String, _ id: String) -> CommandContext {
            CommandContext(actor: actor, now: Timestamp(at)!, commandId: id, catalog: catalog)
        }
        let base = try CaseFactory.make(NewCaseInput(id: "c-7kq4mz", title: "廃校跡地の実証 ※①", municipality: "狭山市", prefecture: "埼玉県",
                                                     partners: ["株式会社ｶﾀｶﾅ"], fiscalYear: 2027), context: ctx("髙橋", "2026-11-23T09:00:00+09:00", "c"))
        let ours = try CaseCommands.apply(.setField(path: "title", value: .string("佐藤案 🎌")), to: base, context: ctx("佐藤", "2026-11-24T10:00:00+09:00", "o1"))
        var theirs = try CaseCommands.apply(.setField(path: "title", value: .string("鈴木案 ㈱")), to: base, context: ctx("鈴木", "2026-11-24T11:00:00+09:00", "t1"))
        theirs = try CaseCommands.apply(.addNote(text: "ﾒﾓ"), to: theirs, context: ctx("鈴木", "2026-11-24T11:01:00+09:00", "t2"))
        func bytes(_ c: Case) throws -> Data { try CaseCodec.encode(CaseDocument(value: c)) }
        return (try bytes(base), try bytes(ours), try bytes(theirs), catalog)
    }

    @Test func sameInputsGiveTheSameBytesInEitherDirection() throws {
        let (b, o, t, catalog) = try Self.sides()
        let one = try CaseFileMerge.merge(base: b, ours: o, theirs: t, path: "cases/c-7kq4mz.json", catalog: catalog)
        let two = try CaseFileMerge.merge(base: b, ours: o, theirs: t, path: "cases/c-7kq4mz.json", catalog: catalog)
        let swapped = try CaseFileMerge.merge(base: b, ours: t, theirs: o, path: "cases/c-7kq4mz.json", catalog: catalog)
        #expect(one.data == two.data && one.data == swapped.data)
        // Canonical: decoding and re-encoding changes no byte.
        #expect(try CaseCodec.encode(CaseCodec.decode(one.data, path: "x")) == one.data)
        let merged = try CaseCodec.decode(one.data, path: "x").value
        #expect(merged.title == "鈴木案 ㈱" && merged.notes.count == 1 && merged.concurrentEdits?.count == 1)
        #expect(one.recorded.count == 1)
    }

    @Test func aDamagedSideIsNamedAndNothingIsMerged() throws {
        let (b, o, _, catalog) = try Self.sides()
        let torn = o.prefix(o.count / 2)
        #expect {
            try CaseFileMerge.merge(base: b, ours: o, theirs: Data(torn), path: "cases/c-7kq4mz.json", catalog: catalog)
        } throws: { e in
            guard case CaseFileMerge.Failure.damaged(side: .theirs, let reason) = e else { return false }
            return reason.text(.en).contains("line") && reason.text(.ja).contains("行")
        }
    }

    @Test func aNewerSchemaSideIsRefused() throws {
        let (b, o, t, catalog) = try Self.sides()
        var obj = try JSONSerialization.jsonObject(with: t) as! [String: Any]
        obj["schemaVersion"] = Case.schemaVersion + 1
        obj["somethingNew"] = ["ｶﾅ": 1]
        let newer = try JSONSerialization.data(withJSONObject: obj)
        #expect(throws: CaseFileMerge.Failure.newerSchema(side: .theirs, version: Case.schemaVersion + 1)) {
            try CaseFileMerge.merge(base: b, ours: o, theirs: newer, path: "cases/c-7kq4mz.json", catalog: catalog)
        }
    }

    @Test func aFileWithConcurrentEditsReadsTheSameByEveryDecoder() throws {
        let (b, o, t, catalog) = try Self.sides()
        let out = try CaseFileMerge.merge(base: b, ours: o, theirs: t, path: "x", catalog: catalog)
        // The index's fast parser must not judge the file differently from the full decoder.
        let full = try JSONDecoder().decode(Case.self, from: out.data)
        if let fast = StrictCaseParser.parse(out.data) { #expect(fast == full) }
        #expect(try CaseCodec.decode(out.data, path: "x").value == full)
    }
}
