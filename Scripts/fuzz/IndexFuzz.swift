// libFuzzer target: the summary index must heal, never crash. Each input replaces the bytes of
// every file under `<workspace>/.index/` (as a torn write, a disk error or a hostile edit would);
// `portfolio()` and `deadlineFacts()` through the index must then still equal what the case files
// say. The same bytes are also fed straight to the deadline-facts section reader (which the
// header checksum normally shields): it must throw or return, never trap.
// Built by Scripts/fuzz/build.sh.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class IndexFuzzSetup: @unchecked Sendable {
    let workspace: Workspace
    let catalog: Catalog
    let baseline: [CaseSummary]
    let baselineFacts: [DeadlineFacts]
    let indexFiles: [URL]
    init() {
        let data = DataDirectory(url: URL(fileURLWithPath: ProcessInfo.processInfo.environment["RENKEI_DATA"] ?? "Data"))
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("renkei-fuzz-index-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        workspace = try! Workspace.create(at: root)
        _ = try! workspace.seedSamples(from: data)
        catalog = try! CatalogLoader.load(data: data, workspace: workspace).catalog
        baseline = try! CaseStore(workspace: workspace, catalog: catalog, useIndex: false).portfolio().summaries.sorted { $0.id < $1.id }
        // File-name order, the order both the index and a full decode return.
        baselineFacts = try! CaseStore(workspace: workspace, catalog: catalog, useIndex: false).portfolio().summaries.map(DeadlineFacts.init)
        _ = try? CaseStore(workspace: workspace, catalog: catalog, useIndex: true).portfolio()   // builds the index, if any
        let dir = workspace.indexDir
        indexFiles = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().map { dir.appendingPathComponent($0) }
        FileHandle.standardError.write(Data("index fuzz: \(baseline.count) cases, index files: \(indexFiles.map(\.lastPathComponent))\n".utf8))
    }
}
let indexSetup = IndexFuzzSetup()

@_cdecl("LLVMFuzzerTestOneInput")
public func renkeiFuzzIndex(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Checksums recomputed (issue 18, finding 7): otherwise nearly every input stops at the
    // checksum gate and the decoders behind it are never reached.
    let data = Data(SummaryIndex.resealed([UInt8](UnsafeBufferPointer(start: bytes, count: size))))
    for url in indexSetup.indexFiles {
        // Plain write (not DurableFile): a hostile or torn index file is the point.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { continue }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, data.count) }
        close(fd)
    }
    let store = CaseStore(workspace: indexSetup.workspace, catalog: indexSetup.catalog, useIndex: true)
    guard let p = try? store.portfolio() else { fatalError("portfolio() failed with a damaged index") }
    let got = p.summaries.sorted { $0.id < $1.id }
    precondition(got == indexSetup.baseline, "a damaged index changed what renkei shows")
    precondition(p.damaged.isEmpty, "a damaged index made a good case look damaged")
    let fresh = CaseStore(workspace: indexSetup.workspace, catalog: indexSetup.catalog, useIndex: true)
    for url in indexSetup.indexFiles {   // damaged again, for the lean path's own detection
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { continue }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, data.count) }
        close(fd)
    }
    guard let f = try? fresh.deadlineFacts() else { fatalError("deadlineFacts() failed with a damaged index") }
    precondition(f.facts == indexSetup.baselineFacts, "a damaged index changed the deadline facts")
    _ = try? DeadlineFactsSection.decode([UInt8](data), rows: 17)
    return 0
}
