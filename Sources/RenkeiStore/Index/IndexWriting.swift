import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

extension SummaryIndex {
    // MARK: writing

    /// Writes `snap` unless the on-disk index changed since `base` was read from it.
    func write(_ snap: Snapshot, replacing base: Snapshot?) -> Bool {
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
