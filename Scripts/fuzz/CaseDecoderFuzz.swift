// libFuzzer target: the case-file decoder (CaseCodec.decode) and everything renkei then does
// with a decoded case — summary, gate check, field read/write, commands, undo, re-encode.
// Built by Scripts/fuzz/build.sh together with the RenkeiCore and RenkeiStore sources (one
// module). Any trap (integer overflow, index out of range, force unwrap) is a crash here.
import Foundation

nonisolated(unsafe) let fuzzCatalog: Catalog = {
    let dir = ProcessInfo.processInfo.environment["RENKEI_DATA"] ?? "Data"
    return (try? CatalogLoader.load(data: DataDirectory(url: URL(fileURLWithPath: dir)), workspace: nil).catalog)
        ?? { fatalError("fuzz: cannot load the catalog; set RENKEI_DATA") }()
}()
let fuzzNow = Timestamp("2026-11-23T09:00:00+09:00")!

@_cdecl("LLVMFuzzerTestOneInput")
public func renkeiFuzzCaseDecoder(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    // Differential: the index's hand-written StrictCaseParser must accept only what JSONDecoder
    // accepts, and build the identical Case (it promises "faster, never differently judged").
    // Its callers validate UTF-8 first (it accepts 0xFF inside a string — found by this target),
    // so only valid UTF-8 is compared here.
    if String(data: data, encoding: .utf8) != nil, let strict = StrictCaseParser.parse(data) {
        guard let full = try? JSONDecoder().decode(Case.self, from: data) else { fatalError("StrictCaseParser accepted a file JSONDecoder rejects") }
        precondition(strict == full, "StrictCaseParser built a different case than JSONDecoder")
    }
    guard let doc = try? CaseCodec.decode(data, path: "fuzz.json") else { return 0 }
    // Round trip: what renkei writes it must read back, identically.
    guard let encoded = try? CaseCodec.encode(doc) else { fatalError("decoded case does not encode") }
    guard let again = try? CaseCodec.decode(encoded, path: "fuzz-again.json") else { fatalError("re-encoded case does not decode") }
    precondition(again.value == doc.value, "round trip changed the case")

    let c = doc.value
    _ = CaseSummary(c)
    _ = Gate.check(c, catalog: fuzzCatalog)
    _ = TerminalText.sanitize(c.title)
    for spec in CaseFields.specs { _ = CaseFields.get(c, spec.path); _ = CaseFields.isFilled(c, spec.path) }

    let ctx = CommandContext(actor: "fuzz", now: fuzzNow, commandId: "cfuzz", catalog: fuzzCatalog)
    var commands: [Command] = [.addNote(text: "n"), .advance(note: nil, override: "fuzz"),
                               .setField(path: "title", value: .string("t")),
                               .setField(path: "budget.fiscalYear", value: .int(2027))]
    if let item = fuzzCatalog.items(for: c.stage, exit: c.exit, method: c.method).first {
        commands.append(.tick(item: item.id))
    }
    for command in commands {
        if let changed = try? CaseCommands.apply(command, to: c, context: ctx) {
            _ = CaseSummary(changed)
            _ = try? CaseCommands.undo("cfuzz", in: changed, context: CommandContext(actor: "fuzz", now: fuzzNow, commandId: "cundo", catalog: fuzzCatalog))
            _ = try? CaseCodec.encode(CaseDocument(value: changed, unknown: doc.unknown))
        }
    }
    return 0
}
