import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore
import RenkeiReport
import RenkeiStore

/// git's merge driver for case files (`merge.renkei.driver = renkei merge-driver %O %A %B %P`),
/// so a plain `git merge` / `git pull` outside renkei merges cases as renkei does. The result
/// replaces %A. A side that does not read: exit 1, %A untouched (no conflict markers), one line
/// naming the file and side; git keeps both versions. %A is written as any file a person names
/// for output (`OutputFile`): through a symlink to a file (the link stays), never renamed over
/// a device, a FIFO or a link — a plain durable write replaced whatever stood at the path.
struct MergeDriverCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "merge-driver",
        abstract: CommandHelp.abstract("git merge driver for case files (registered by 'renkei sync init').", Output.lang), shouldDisplay: false) }

    @Argument(help: "%O: the common ancestor's version (empty when both sides added the file).") var base: String
    @Argument(help: "%A: our version; replaced by the result.") var ours: String
    @Argument(help: "%B: their version.") var theirs: String
    @Argument(help: "%P: the file's path in the repository.") var path: String = ""

    func run() throws {
        try MergeDriverRun(base: base, ours: ours, theirs: theirs, path: path).run()
    }
}

/// The driver itself, without ArgumentParser: git runs it once per conflicted file under plain
/// `git merge`/`git pull`, so `QuickCommand` calls it directly (issue 12: ≤ 20 ms per file).
struct MergeDriverRun {
    var base: String
    var ours: String
    var theirs: String
    var path = ""

    func run() throws {
        let b = try OptionValue.path(base, "<base>", command: "merge-driver")
        let o = try OptionValue.path(ours, "<ours>", command: "merge-driver")
        let t = try OptionValue.path(theirs, "<theirs>", command: "merge-driver")
        let name = path.isEmpty ? ours : path
        func read(_ url: URL) throws -> Data {
            do { return try RegularFile.read(url, limit: CaseCodec.maxFileSize, followSymlinks: true) }
            catch { throw CLIError("\(name): " + ErrorText.line(error, Output.lang)) }
        }
        func write(_ data: Data) throws {
            do { try OutputFile.write(data, to: o, mode: 0o600) }
            catch { throw CLIError("\(name): " + ErrorText.line(error, Output.lang)) }
        }
        let (baseData, oursData, theirsData) = (try read(b), try read(o), try read(t))
        if RecordFileMerge.isRecord(name) {
            // A municipality profile or partner record: field by field, no catalog needed.
            do {
                try write(try RecordFileMerge.merge(base: baseData.isEmpty ? nil : baseData, ours: oursData, theirs: theirsData).data)
                return
            } catch CaseFileMerge.Failure.damaged(let side, let reason) {
                throw CLIError(SyncMessage.driverFailed(file: name, side: side, reason: reason).text(Output.lang))
            }
        }
        do {
            let out = try CaseFileMerge.merge(base: baseData.isEmpty ? nil : baseData, ours: oursData, theirs: theirsData, path: name, loadCatalog: Self.catalog)
            try write(out.data)
        } catch CaseFileMerge.Failure.damaged(let side, let reason) {
            throw CLIError(SyncMessage.driverFailed(file: name, side: side, reason: reason).text(Output.lang))
        } catch CaseFileMerge.Failure.newerSchema(let side, let v) {
            throw CLIError(SyncMessage.driverNewer(file: name, side: side, version: v).text(Output.lang), code: .conflict)
        }
    }

    /// The guide's gates, when the repository (git runs drivers from its top level) is a workspace.
    static func catalog() -> Catalog? {
        guard let data = try? DataDirectory.locate(),
              let ws = try? Workspace(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) else { return nil }
        return try? CatalogLoader.load(data: data, workspace: ws).catalog
    }
}
