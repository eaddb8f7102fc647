import Foundation
import RenkeiStore
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes made to the workspace by anyone else (another renkei, the CLI, `git pull`,
/// an editor) from two stat calls: the cases directory (creations, renames, every durable save
/// renames into it) and the open case's file (an in-place edit).
struct DiskWatch {
    let workspace: Workspace
    private var signature: [Int]
    private var openSignature: (String, [Int])?

    init(workspace: Workspace) {
        self.workspace = workspace
        signature = DiskWatch.stamp(workspace.casesDir.path)
    }

    static func stamp(_ path: String) -> [Int] {
        var st = stat()
        guard stat(path, &st) == 0 else { return [] }
        return [Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec), Int(st.st_size), Int(st.st_ino), Int(st.st_ctim.tv_nsec)]
    }

    /// Whether anything changed since we last looked (and remembers what it saw).
    mutating func changed(openCase: String?) -> Bool {
        let s = DiskWatch.stamp(workspace.casesDir.path)
        var changed = s != signature
        signature = s
        if let id = openCase, let url = try? workspace.caseURL(id) {
            let o = DiskWatch.stamp(url.path)
            if let prev = openSignature, prev.0 == id, prev.1 != o { changed = true }
            openSignature = (id, o)
        }
        return changed
    }

    /// After our own writes: the new stamps are not external changes.
    mutating func resync(openCase: String?) {
        signature = DiskWatch.stamp(workspace.casesDir.path)
        if let id = openCase, let url = try? workspace.caseURL(id) { openSignature = (id, DiskWatch.stamp(url.path)) }
    }
}
